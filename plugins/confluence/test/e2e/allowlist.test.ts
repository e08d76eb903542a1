import { seededInlineThread, seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// allow.spaces is enforced on what a call touches: space keys, the space of a page named by id
// or URL, CQL (constrained, not only checked), create targets, parents, comments' pages.
describe('confluence space allowlist', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite({ allowSpaces: ['ENG'] });
  });
  afterAll(() => site?.close());

  const ops = () => seededPage(site.sandbox, 'Postgres 16 upgrade');
  const eng = () => seededPage(site.sandbox, 'Engineering running log');
  const writes = () => site.wire().filter((w) => !w.startsWith('GET') && !w.includes('users-bulk'));

  it('reads pages of allowed spaces only, however they are named', async () => {
    await site.ok('confluence_get_page', { pageId: eng().id });
    const refusals = [
      { pageId: ops().id },
      { pageId: `${site.sandbox.url}/wiki/spaces/OPS/pages/${ops().id}/Postgres+16+upgrade` },
      { pageId: `${site.sandbox.url}/wiki/display/OPS/Postgres+16+upgrade` },
      { spaceKey: 'OPS', title: 'Postgres 16 upgrade' },
    ];
    site.sandbox.requests.clear();
    for (const args of refusals)
      expect(await site.fails('confluence_get_page', args)).toMatch(
        /^Error \(not_allowed\): (page \S+|space OPS) is outside the configured allowlist \(allow\.spaces\)[^\n]*\nNext: Only ENG can be used here/,
      );
    // Where the page is was asked through a search confined to ENG: the OPS page itself was never requested.
    expect(site.wire().filter((w) => w.includes(ops().id) || /\/OPS\b/.test(w))).toEqual([]);
  });

  it('confines every search to the allowed spaces, and refuses CQL that could escape the wrapper', async () => {
    const r = await site.ok('confluence_search', { query: 'postgres' });
    const sent = () =>
      new URLSearchParams(site.sandbox.requests.filter((x) => x.path === '/wiki/rest/api/search').at(-1)!.query).get(
        'cql',
      );
    expect(sent()).toBe('space in ("ENG") AND (siteSearch ~ "postgres")');
    expect((r.structured.results as Array<{ space?: string }>).every((x) => x.space === 'ENG')).toBe(true);
    const escaped = await site.ok('confluence_search', { query: 'space = OPS ORDER BY title' });
    expect(sent()).toBe('space in ("ENG") AND (space = OPS) ORDER BY title');
    expect(escaped.structured.results).toEqual([]);
    site.sandbox.requests.clear();
    for (const query of ['title ~ x) OR (space = OPS', 'title ~ "x', 'space = ENG) OR space = OPS OR (type = page'])
      expect(await site.fails('confluence_search', { query })).toMatch(/The query is not well formed/);
    expect(site.wire()).toEqual([]);
    expect(await site.fails('confluence_search_content', { query: 'x', spaceKey: 'OPS' })).toMatch(
      /space OPS is outside/,
    );
  });

  it('lists and reads allowed spaces only', async () => {
    const spaces = await site.ok('confluence_list_spaces', {});
    expect((spaces.structured.spaces as Array<{ key: string }>).map((s) => s.key)).toEqual(['ENG']);
    for (const tool of ['confluence_get_space', 'confluence_get_space_pages'])
      expect(await site.fails(tool, { spaceKey: 'OPS' })).toMatch(/space OPS is outside/);
    const opsId = [...site.sandbox.site.confluence.spaces.values()].find((s) => s.key === 'OPS')!.id;
    expect(await site.fails('confluence_get_space', { spaceKey: opsId })).toMatch(/is outside/);
  });

  it('lists the labels of the allowed spaces only', async () => {
    const c = site.sandbox.site.confluence;
    const namesIn = (key: string) =>
      new Set(
        [...c.contents.values()]
          .filter((x) => x.spaceId === c.spaceByKey(key)!.id && x.status === 'current' && x.type !== 'folder')
          .flatMap((x) => x.labels.map((id) => c.labels.get(id)!.name)),
      );
    const eng = namesIn('ENG');
    const opsOnly = [...namesIn('OPS')].filter((n) => !eng.has(n));
    expect(opsOnly.length).toBeGreaterThan(0);
    const r = await site.ok('confluence_list_labels', {});
    expect(new Set(r.structured.labels as string[])).toEqual(eng);
  });

  it('writes nothing outside the allowed spaces', async () => {
    site.sandbox.requests.clear();
    expect(await site.fails('confluence_create_page', { spaceKey: 'OPS', title: 't', body: 'b' })).toMatch(/outside/);
    expect(await site.fails('confluence_create_page', { parentId: ops().id, title: 't', body: 'b' })).toMatch(
      /outside/,
    );
    expect(await site.fails('confluence_update_page', { pageId: ops().id, mode: 'append', body: 'x' })).toMatch(
      /outside/,
    );
    expect(await site.fails('confluence_get_page_children', { pageId: ops().id })).toMatch(/outside/);
    expect(await site.fails('confluence_get_page_comments', { pageId: ops().id })).toMatch(/outside/);
    expect(await site.fails('confluence_add_comment', { pageId: ops().id, body: 'x' })).toMatch(/outside/);
    // An inline thread on an OPS page: replying to it, reading or resolving it touch OPS.
    const thread = seededInlineThread(site.sandbox, '02:00–03:00 UTC');
    expect(await site.fails('confluence_add_comment', { parentCommentId: thread.replyId, body: 'x' })).toMatch(
      /outside/,
    );
    expect(await site.fails('confluence_get_comment', { commentId: thread.id })).toMatch(/outside/);
    expect(await site.fails('confluence_update_comment', { commentId: thread.id, resolved: true })).toMatch(/outside/);
    expect(writes()).toEqual([]);
    expect(site.wire().filter((w) => [ops().id, thread.id, thread.replyId!].some((id) => w.includes(id)))).toEqual([]);
    const created = await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Allowed', body: 'b' });
    expect(created.structured.space).toBe('ENG');
  });
});

// Core upper-cases allowlists (keys are upper case), but personal space keys are not: they keep
// the configured spelling on the wire (space lists by key, confined CQL).
describe('confluence space allowlist with a personal space', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite({ allowSpaces: ['~mayachen'] });
  });
  afterAll(() => site?.close());

  it('lists, searches and reads the personal space, and nothing else', async () => {
    const spaces = await site.ok('confluence_list_spaces', {});
    expect((spaces.structured.spaces as Array<{ key: string }>).map((s) => s.key)).toEqual(['~mayachen']);
    await site.ok('confluence_search', { query: 'type = page' });
    const cql = new URLSearchParams(
      site.sandbox.requests.filter((x) => x.path === '/wiki/rest/api/search').at(-1)!.query,
    ).get('cql');
    expect(cql).toBe('space in ("~mayachen") AND (type = page)');
    const c = site.sandbox.site.confluence;
    const personal = [...c.contents.values()].find(
      (p) => p.spaceId === c.spaceByKey('~mayachen')!.id && p.status === 'current',
    )!;
    expect((await site.ok('confluence_get_page', { pageId: personal.id })).structured.space).toBe('~mayachen');
    expect(await site.fails('confluence_get_page', { pageId: seededPage(site.sandbox, 'Architecture').id })).toMatch(
      /outside the configured allowlist/,
    );
  });
});
