import { memoryMetadataCache } from '@atlassian-mcp/core/testing';
import type { JiraFields } from '../../src/client/jira-fields.js';
import { FieldCatalog } from '../../src/fields/field-catalog.js';

/** A site whose cache key can change (another grant, another site). */
function siteAt(initial: string) {
  const site = {
    key: initial,
    url: initial,
    cacheKey: async () => site.key,
    cloudId: async () => undefined,
    reachableProducts: async () => ['jira'],
  };
  return site;
}

function fakeFields(...versions: Array<Array<{ id: string; name: string; clauseNames?: string[] }>>) {
  let call = 0;
  const all = jest.fn(async () => versions[Math.min(call++, versions.length - 1)]!);
  return { fields: { all } as unknown as JiraFields, all };
}

describe('FieldCatalog', () => {
  afterEach(() => jest.restoreAllMocks());

  it('finds fields by display name (any case), id, cf[n] and clause name, loading once', async () => {
    const { fields, all } = fakeFields([
      { id: 'customfield_10016', name: 'Story Points', clauseNames: ['cf[10016]', 'Story Points[Number]'] },
      { id: 'summary', name: 'Summary' },
    ]);
    const catalog = new FieldCatalog(fields, memoryMetadataCache(siteAt('https://a.example')));
    expect((await catalog.find('story points'))?.id).toBe('customfield_10016');
    expect((await catalog.find('customfield_10016'))?.name).toBe('Story Points');
    expect((await catalog.find('cf[10016]'))?.name).toBe('Story Points');
    expect((await catalog.find('Story Points[Number]'))?.id).toBe('customfield_10016');
    expect(await catalog.nameOf('summary')).toBe('Summary');
    expect(await catalog.similar('Story Pointz')).toEqual(['Story Points']);
    expect(all).toHaveBeenCalledTimes(1);
  });

  it('refreshes on a miss, but not more than once per 30 s', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const { fields, all } = fakeFields(
      [{ id: 'summary', name: 'Summary' }],
      [
        { id: 'summary', name: 'Summary' },
        { id: 'customfield_1', name: 'Brand New' },
      ],
    );
    const catalog = new FieldCatalog(fields, memoryMetadataCache(siteAt('https://a.example')));
    expect(await catalog.find('Brand New')).toBeUndefined();
    expect(all).toHaveBeenCalledTimes(1);
    now += 31_000;
    expect((await catalog.find('Brand New'))?.id).toBe('customfield_1');
    expect(all).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failed load', async () => {
    const all = jest
      .fn()
      .mockRejectedValueOnce(new Error('boom'))
      .mockResolvedValue([{ id: 'summary', name: 'Summary' }]);
    const catalog = new FieldCatalog({ all } as unknown as JiraFields, memoryMetadataCache(siteAt('unconfigured')));
    await expect(catalog.all()).rejects.toThrow('boom');
    expect(await catalog.all()).toEqual([{ id: 'summary', name: 'Summary' }]);
  });

  it('keeps one catalog per site: another site (or OAuth grant) never sees the fields of the first', async () => {
    const { fields, all } = fakeFields(
      [{ id: 'customfield_1', name: 'Team A field' }],
      [{ id: 'summary', name: 'Summary' }],
    );
    const site = siteAt('cloud-a');
    const catalog = new FieldCatalog(fields, memoryMetadataCache(site));
    expect((await catalog.find('Team A field'))?.id).toBe('customfield_1');
    site.key = 'cloud-b';
    expect(await catalog.nameOf('customfield_1')).toBe('customfield_1');
    expect(all).toHaveBeenCalledTimes(2);
  });
});
