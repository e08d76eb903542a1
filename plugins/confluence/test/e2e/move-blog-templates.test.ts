import { seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Moving (under a page, before/after a sibling, into another space) and copying pages; blog
// posts; templates; people and page restrictions — the sandbox's state checked after each write.
describe('confluence move, copy, blog, templates, people', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite();
  });
  afterAll(() => site?.close());

  const wiki = () => site.sandbox.site.confluence;
  const stored = (id: string) => wiki().contents.get(id)!;
  const create = async (title: string, parentId?: string) =>
    (
      await site.ok('confluence_create_page', {
        spaceKey: 'ENG',
        title,
        body: title,
        ...(parentId ? { parentId } : {}),
      })
    ).structured.id as string;
  const childTitles = async (id: string) =>
    (
      (await site.ok('confluence_get_page_children', { pageId: id })).structured.children as Array<{ title: string }>
    ).map((c) => c.title);

  it('moves a page under another, before and after a sibling', async () => {
    const parent = await create('Move parent');
    const a = await create('Move A', parent);
    const b = await create('Move B', parent);
    const c = await create('Move C');
    expect((await site.ok('confluence_move_page', { pageId: c, targetId: parent })).text).toBe(
      `Moved page ${c} under ${parent}.`,
    );
    expect(await childTitles(parent)).toEqual(['Move A', 'Move B', 'Move C']);
    await site.ok('confluence_move_page', { pageId: c, targetId: a, position: 'before' });
    expect(await childTitles(parent)).toEqual(['Move C', 'Move A', 'Move B']);
    await site.ok('confluence_move_page', { pageId: c, targetId: b, position: 'after' });
    expect(await childTitles(parent)).toEqual(['Move A', 'Move B', 'Move C']);
    expect(await site.fails('confluence_move_page', { pageId: c, targetId: c })).toMatch(/itself/);
    expect(await site.fails('confluence_move_page', { pageId: c })).toMatch(/Pass `targetId`/);
    expect(await site.fails('confluence_move_page', { pageId: parent, targetId: a })).toMatch(/loop|descendant/i);
  });

  it('moves a page with its children into another space', async () => {
    const top = await create('Travelling page');
    const child = await create('Travelling child', top);
    const r = await site.ok('confluence_move_page', { pageId: top, spaceKey: 'OPS' });
    expect(r.text).toMatch(new RegExp(`^Moved page ${top} under \\d+ \\(space OPS\\)\\.`));
    const ops = [...wiki().spaces.values()].find((s) => s.key === 'OPS')!;
    expect(stored(top)).toMatchObject({ spaceId: ops.id, parentId: ops.homepageId });
    expect(stored(child)).toMatchObject({ spaceId: ops.id, parentId: top });
  });

  it('copies a page under a parent with a new title, and to another space', async () => {
    const source = seededPage(site.sandbox, 'Release process');
    const parent = await create('Copies');
    const r = await site.ok('confluence_copy_page', {
      pageId: source.id,
      parentId: parent,
      title: 'Release process (copy)',
      labels: true,
    });
    const copy = stored(r.structured.id as string);
    expect(copy).toMatchObject({ parentId: parent, title: 'Release process (copy)', body: source.body });
    expect(copy.labels).toEqual(stored(source.id).labels);
    const toOps = await site.ok('confluence_copy_page', { pageId: source.id, spaceKey: 'OPS' });
    expect(stored(toOps.structured.id as string).title).toBe('Release process');
    expect(await site.fails('confluence_copy_page', { pageId: source.id, spaceKey: 'OPS' })).toMatch(/already exists/);
  });

  it('archives a page once, out of search, and refuses a blog post', async () => {
    const id = await create('Old runbook draft');
    site.sandbox.requests.clear();
    const r = await site.ok('confluence_archive_page', { pageId: id });
    expect(r.text).toBe(`Archived page ${id} "Old runbook draft".`);
    expect(stored(id).status).toBe('archived');
    const again = await site.ok('confluence_archive_page', { pageId: id });
    expect(again.text).toBe(`Page ${id} was already archived; nothing changed.`);
    const writes = site.sandbox.requests.filter((q) => q.method !== 'GET' && !q.path.includes('users-bulk'));
    expect(writes.map((q) => `${q.method} ${q.path} ${q.status}`)).toEqual(['POST /wiki/rest/api/content/archive 202']);
    const found = await site.ok('confluence_search', { query: 'title = "Old runbook draft"' });
    expect(found.structured.results).toEqual([]);
    const post = seededPage(site.sandbox, 'How we cut CI time by a third');
    expect(await site.fails('confluence_archive_page', { pageId: post.id })).toMatch(/blog post; only pages/);
  });

  it('lists blog posts newest first and publishes one', async () => {
    const all = await site.ok('confluence_list_blog_posts', {});
    expect(all.text).toMatch(/^<untrusted \w+ posts>\n\d+ · \w+ · /);
    const eng = await site.ok('confluence_list_blog_posts', { spaceKey: 'ENG' });
    expect((eng.structured.posts as Array<{ space: string }>).every((p) => p.space === 'ENG')).toBe(true);
    const r = await site.ok('confluence_create_blog_post', {
      spaceKey: 'ENG',
      title: 'Week 49 notes',
      body: '## Done\n\n- a',
    });
    expect(stored(r.structured.id as string)).toMatchObject({ type: 'blogpost', title: 'Week 49 notes' });
    const read = await site.ok('confluence_get_page', { pageId: r.structured.id });
    expect(read.text).toMatch(/^blog post \d+ · space ENG · v1/);
  });

  it('lists templates and creates a page from one, its storage kept', async () => {
    const global = await site.ok('confluence_list_templates', {});
    expect(global.text).toMatch(/2490369 · Meeting notes/);
    const ops = await site.ok('confluence_list_templates', { spaceKey: 'OPS' });
    expect((ops.structured.templates as Array<{ name: string }>).map((t) => t.name)).toEqual([
      'Incident postmortem',
      'Runbook',
    ]);
    const parent = seededPage(site.sandbox, 'Runbooks');
    const r = await site.ok('confluence_create_page_from_template', {
      templateId: '2490372',
      title: 'Draining a node',
      parentId: parent.id,
    });
    expect(r.text).toMatch(/from template "Runbook" in OPS/);
    expect(stored(r.structured.id as string).body).toBe(wiki().templates.get('2490372')!.body);
    expect(
      await site.fails('confluence_create_page_from_template', { templateId: '1', title: 'x', spaceKey: 'ENG' }),
    ).toMatch(/Error \(not_found\)/);
  });

  it('finds people, the current user, and who may read or edit a page', async () => {
    const me = await site.ok('confluence_get_current_user', {});
    expect(me.text).toMatch(/^Maya Chen · account \S+ · maya\.chen@nimbus-works\.example$/);
    const found = await site.ok('confluence_search_users', { query: 'priya' });
    expect(found.text).toMatch(/^<untrusted \w+ users>\nPriya Raman · 712020:/);
    const open = seededPage(site.sandbox, 'Release process');
    expect((await site.ok('confluence_get_page_restrictions', { pageId: open.id })).text).toBe(
      `page ${open.id}\nview: everyone who can see the space\nedit: everyone who can see the space`,
    );
    const checklist = seededPage(site.sandbox, 'Access checklist');
    expect((await site.ok('confluence_get_page_restrictions', { pageId: checklist.id })).text).toBe(
      `page ${checklist.id}\nview: everyone who can see the space\nedit: only Sam Okafor, Maya Chen`,
    );
  });
});
