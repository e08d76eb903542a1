import { startDeskSite, type DeskSite } from './desk-site.js';

type Text = { text?: string };

describe('resources: desks, requests and knowledge-base articles, with completion', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite();
  });
  afterAll(() => site.close());

  const read = async (uri: string) => ((await site.mcp.client.readResource({ uri })).contents[0] as Text).text ?? '';
  const complete = async (uri: string, name: string, value: string) =>
    (await site.mcp.client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } })).completion
      .values;

  it('lists the desks and open requests as resources', async () => {
    const uris = (await site.mcp.client.listResources()).resources.map((r) => r.uri);
    expect(uris).toEqual(
      expect.arrayContaining(['servicedesk://desk/1', 'servicedesk://desk/2', 'servicedesk://request/ITS-1']),
    );
    const templates = (await site.mcp.client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
    expect(templates).toEqual(
      expect.arrayContaining([
        'servicedesk://desk/{id}',
        'servicedesk://request/{key}',
        'servicedesk://kb/{articleId}',
      ]),
    );
  });

  it('reads a desk (by id or key) and a request, with the comment labels outside the user-written part', async () => {
    const desk = await read('servicedesk://desk/ITS');
    expect(desk).toMatch(
      /^# IT Service Desk \(ITS, desk 1\)\n<untrusted \w{6} request types>\n1 Get IT help \[Get help\]/,
    );
    const request = await read('servicedesk://request/ITS-1');
    expect(request).toMatch(/^ITS-1 · Report a system problem/);
    expect(request).toMatch(/\[internal\] #\d+ Jonas Weber · [^\n]+\n<untrusted \w{6} comment>\nvpn-gw-01/);
  });

  it('completes desk ids and keys, request keys and article ids', async () => {
    expect(await complete('servicedesk://desk/{id}', 'id', 'h')).toEqual(['HR']);
    expect(await complete('servicedesk://request/{key}', 'key', 'i')).toEqual(['ITS-']);
    const keys = await complete('servicedesk://request/{key}', 'key', 'ITS-1');
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.every((k) => k.startsWith('ITS-1'))).toBe(true);
    const articles = await complete('servicedesk://kb/{articleId}', 'articleId', 'vpn');
    expect(articles.length).toBeGreaterThan(0);
    expect(articles.every((a) => /^\d+$/.test(a))).toBe(true);
  });

  it('reads a knowledge-base article from its Confluence page, as Markdown', async () => {
    // JSM serves articles from the Confluence space linked to the desk; the search hit's pageId is that page.
    const space = site.sandbox.site.confluence.spaceByKey('OPS')!;
    const res = await site.sandbox.fetch(`${site.sandbox.url}/wiki/api/v2/pages`, {
      method: 'POST',
      headers: {
        authorization: site.sandbox.basicAuth(),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        spaceId: space.id,
        title: 'Reset the VPN profile',
        body: { representation: 'storage', value: '<p>Remove the <strong>old</strong> profile first.</p>' },
      }),
    });
    const page = (await res.json()) as { id: string };
    const text = await read(`servicedesk://kb/${page.id}`);
    expect(text).toMatch(
      /^# Reset the VPN profile\n<untrusted (\w{6}) article>\nRemove the \*\*old\*\* profile first\.\n<\/untrusted \1>$/,
    );
    await expect(site.mcp.client.readResource({ uri: 'servicedesk://kb/999999999' })).rejects.toThrow(/not found|404/i);
  });

  it('reads every hit of a knowledge-base search: the article is the page of the desk’s linked space', async () => {
    const hits = (await site.ok('servicedesk_search_knowledge_base', { query: 'zoom', serviceDeskId: '1' })).structured
      .articles as Array<{ id: string; title: string; space: string; uri: string }>;
    expect(hits.map((h) => [h.title, h.space])).toEqual([['Set up a Zoom Rooms controller', 'ITKB']]);
    const text = await read(hits[0]!.uri);
    expect(text).toMatch(/^# Set up a Zoom Rooms controller\n<untrusted (\w{6}) article>\nConnect the controller/);
    // The same page through the Confluence API.
    const page = site.sandbox.site.confluence.contents.get(hits[0]!.id)!;
    expect(site.sandbox.site.confluence.spaces.get(page.spaceId)!.key).toBe('ITKB');
  });
});
