import { seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Search (CQL or plain words: spaces, attachments and comments are results too, with authors
// and dates), content search, spaces, a space's pages and the page tree.
describe('confluence search, spaces and tree', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite();
  });
  afterAll(() => site?.close());

  const lastCql = () =>
    new URLSearchParams(site.sandbox.requests.filter((r) => r.path === '/wiki/rest/api/search').at(-1)!.query).get(
      'cql',
    );

  it('turns plain words into a site search and keeps space results, with author, date and excerpt', async () => {
    const { text, structured } = await site.ok('confluence_search', { query: 'running log' });
    expect(lastCql()).toBe('siteSearch ~ "running log"');
    const log = seededPage(site.sandbox, 'Engineering running log');
    expect(text).toMatch(
      new RegExp(
        `page ${log.id} · ENG · Engineering running log · \\d{4}-\\d\\d-\\d\\d \\w+ \\w+ — .*\\*\\*running\\*\\*`,
      ),
    );
    expect(text).toMatch(/space ENG · Engineering · /);
    expect(structured.results).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'space', id: 'ENG' })]));
  });

  it('passes CQL through and keeps attachment and comment results, with their page', async () => {
    const att = await site.ok('confluence_search', { query: 'type = attachment AND space = OPS' });
    expect(lastCql()).toBe('type = attachment AND space = OPS');
    expect(att.text).toMatch(/attachment att\d+ · on "[^"]+" · \S+\.(json|csv|png|pdf|txt)/);
    const comments = await site.ok('confluence_search', { query: 'type = comment' });
    expect(comments.structured.results).not.toEqual([]);
    expect(comments.text).toMatch(/comment \d+ · on "/);
  });

  it('pages with a cursor bound to the query', async () => {
    const first = await site.ok('confluence_search', { query: 'type = page AND space = ENG', limit: 5 });
    expect(first.structured.results).toHaveLength(5);
    const cursor = first.structured.nextCursor as string;
    expect(first.text).toContain(`pass cursor="${cursor}"`);
    const second = await site.ok('confluence_search', { query: 'type = page AND space = ENG', limit: 5, cursor });
    const ids = (r: { structured: Record<string, unknown> }) =>
      (r.structured.results as Array<{ id: string }>).map((x) => x.id);
    expect(ids(second)).toHaveLength(5);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    expect(await site.fails('confluence_search', { query: 'type = page', cursor })).toMatch(/belongs to another query/);
  });

  it('explains CQL errors with a hint that fits', async () => {
    expect(await site.fails('confluence_search', { query: 'space = ENG AND (title ~ "x"' })).toMatch(
      /^Error \(input\): CQL error: Could not parse cql : space = ENG AND \(title ~ "x"; .+\nNext: /,
    );
    expect(await site.fails('confluence_search', { query: 'created > "yesterday-ish"' })).toMatch(/Dates are/);
  });

  it('searches content within a space, by type and label', async () => {
    const r = await site.ok('confluence_search_content', { query: 'postgres', spaceKey: 'ops' });
    expect(lastCql()).toBe('(title ~ "postgres" OR text ~ "postgres") AND type in (page, blogpost) AND space = "OPS"');
    expect((r.structured.results as Array<{ space: string }>).every((x) => x.space === 'OPS')).toBe(true);
    await site.ok('confluence_search_content', { query: 'log', type: 'page', label: 'running-log' });
    expect(lastCql()).toBe('(title ~ "log" OR text ~ "log") AND type = page AND label = "running-log"');
    const quoted = await site.ok('confluence_search_content', { query: 'say "hi" \\ there' });
    expect(quoted.structured.cql).toContain('"say \\"hi\\" \\\\ there"');
  });

  it('lists spaces, reads one, and lists its pages (all or top level)', async () => {
    const spaces = await site.ok('confluence_list_spaces', {});
    expect(spaces.text).toMatch(
      /^<untrusted \w+ spaces>\n~mayachen · Maya Chen · personal · home \d+\nENG · Engineering · global · home \d+/,
    );
    const eng = await site.ok('confluence_get_space', { spaceKey: 'ENG' });
    expect(eng.text).toMatch(
      /^space ENG · global · id \d+ · created \d{4}-\d\d-\d\d\n<untrusted \w+ space>\n# Engineering\nHow the Nimbus Works/,
    );
    expect(eng.text).toMatch(/home page: \d+ Engineering Home/);
    const byId = await site.ok('confluence_get_space', { spaceKey: eng.structured.id });
    expect(byId.structured.key).toBe('ENG');
    const root = await site.ok('confluence_get_space_pages', { spaceKey: 'ENG', depth: 'root' });
    const all = await site.ok('confluence_get_space_pages', { spaceKey: 'ENG', limit: 100 });
    expect((root.structured.pages as unknown[]).length).toBeLessThan((all.structured.pages as unknown[]).length);
    expect(all.text).toMatch(/\d+ · Engineering running log · parent \d+ · v8 · \d{4}-/);
    expect(await site.fails('confluence_get_space', { spaceKey: 'NOPE' })).toMatch(/no space with key NOPE/);
    expect(await site.fails('confluence_get_space', { spaceKey: '../x' })).toMatch(/is not a space key/);
  });

  it('walks the tree: direct children in order, descendants indented to a depth', async () => {
    const arch = seededPage(site.sandbox, 'Architecture');
    const direct = await site.ok('confluence_get_page_children', { pageId: arch.id });
    expect((direct.structured.children as Array<{ title: string }>).map((c) => c.title)).toEqual([
      'System overview',
      'Architecture decision records',
    ]);
    const deep = await site.ok('confluence_get_page_children', { pageId: arch.id, depth: 6 });
    expect(deep.text).toMatch(/\n {8}\d+ · Conflict resolution strategies\n/);
    const leaf = seededPage(site.sandbox, 'Conflict resolution strategies');
    expect((await site.ok('confluence_get_page_children', { pageId: leaf.id })).text).toBe('No child pages.');
    const folder = [...site.sandbox.site.confluence.contents.values()].find((c) => c.type === 'folder')!;
    const parent = await site.ok('confluence_get_page_children', { pageId: folder.parentId! });
    expect(parent.text).toMatch(new RegExp(`${folder.id} · ${folder.title} · folder`));
  });
});
