import { seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Labels (read, by label, every label, add/remove) and version history (list, one version, a
// diff, restore), with the sandbox's state checked after every write.
describe('confluence labels and versions', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite();
  });
  afterAll(() => site?.close());

  const wiki = () => site.sandbox.site.confluence;
  const labelsOf = (id: string) =>
    wiki()
      .contents.get(id)!
      .labels.map((l) => wiki().labels.get(l)!.name);

  it('reads a page’s labels, finds pages by label, lists every label', async () => {
    const log = seededPage(site.sandbox, 'Engineering running log');
    expect((await site.ok('confluence_get_page_labels', { pageId: log.id })).text).toBe(
      `Labels of ${log.id}: engineering, running-log`,
    );
    const tagged = await site.ok('confluence_search_by_label', { label: 'running-log' });
    expect(tagged.structured.results).toEqual([expect.objectContaining({ id: log.id, type: 'page' })]);
    const inSpace = await site.ok('confluence_search_by_label', { label: 'runbook', spaceKey: 'OPS' });
    expect((inSpace.structured.results as Array<{ space: string }>).every((r) => r.space === 'OPS')).toBe(true);
    expect(inSpace.structured.results).not.toEqual([]);
    const all = await site.ok('confluence_list_labels', { limit: 100 });
    expect(all.structured.labels).toEqual(expect.arrayContaining(['running-log', 'runbook']));
    expect(await site.fails('confluence_search_by_label', { label: 'two words' })).toMatch(/one word/);
  });

  it('adds and removes labels, reporting those that were not there', async () => {
    const page = seededPage(site.sandbox, 'Offline sync design');
    const r = await site.ok('confluence_update_labels', {
      pageId: page.id,
      add: ['Sync', 'offline'],
      remove: ['nope'],
    });
    expect(labelsOf(page.id)).toEqual(expect.arrayContaining(['sync', 'offline']));
    expect(r.text).toMatch(/Not on the page, so not removed: nope\./);
    await site.ok('confluence_update_labels', { pageId: page.id, remove: ['sync'] });
    expect(labelsOf(page.id)).not.toContain('sync');
    expect(await site.fails('confluence_update_labels', { pageId: page.id })).toMatch(/Nothing to change/);
  });

  it('lists versions newest first with authors and notes, and reads one', async () => {
    const log = seededPage(site.sandbox, 'Engineering running log');
    const { text, structured } = await site.ok('confluence_get_page_versions', { pageId: log.id, limit: 3 });
    expect((structured.versions as Array<{ version: number }>).map((v) => v.version)).toEqual([8, 7, 6]);
    expect(text).toMatch(/^<untrusted \w+ versions>\nv8 · \d{4}-\d\d-\d\d \d\d:\d\dZ · \w+ \w+ · "Week of 2026-11-30"/);
    expect(text).toMatch(/pass cursor=/);
    const v2 = await site.ok('confluence_get_page_version', { pageId: log.id, version: 2 });
    expect(v2.structured.version).toBe(2);
    expect(v2.text).toMatch(new RegExp(`^page ${log.id} · space ENG · v2 · historical`));
  });

  it('diffs two versions as a compact unified diff of their Markdown', async () => {
    const id = (
      await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Diffed', body: 'one\n\ntwo\n\nthree' })
    ).structured.id as string;
    await site.ok('confluence_update_page', { pageId: id, version: 1, body: 'one\n\n2\n\nthree\n\nfour' });
    const d = await site.ok('confluence_diff_page_versions', { pageId: id, from: 1 });
    expect(d.text).toMatch(
      new RegExp(`^page ${id}: v1 → v2, 3 line\\(s\\) added, 1 removed\\n<untrusted \\w+ diff>\\n@@ `),
    );
    expect(d.structured.diff).toContain('-two\n+2');
    expect(d.structured.diff).toContain('+four');
    expect(d.structured.diff).not.toContain('one');
    expect(await site.fails('confluence_diff_page_versions', { pageId: id, from: 2 })).toMatch(/must be older/);
  });

  it('restores an older version as a new one', async () => {
    const id = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Restored', body: 'original' }))
      .structured.id as string;
    await site.ok('confluence_update_page', { pageId: id, version: 1, body: 'changed' });
    const r = await site.ok('confluence_restore_page_version', { pageId: id, version: 1 });
    expect(r.text).toBe(`Restored page ${id} to the content of v1: now v3.`);
    expect(wiki().contents.get(id)!.body).toBe('<p>original</p>');
    expect(await site.fails('confluence_restore_page_version', { pageId: id, version: 3 })).toMatch(
      /already the current/,
    );
    expect(await site.fails('confluence_restore_page_version', { pageId: id, version: 9 })).toMatch(
      /has versions 1 to 3/,
    );
  });
});
