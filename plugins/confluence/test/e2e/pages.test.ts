import { seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Reading pages every way a model may name them, creating one under a parent, and updating it:
// whole (version-checked), one section, the ends, the title — with the sandbox's state checked.
describe('confluence pages', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite({ inProcess: true });
  });
  afterAll(() => site?.close());
  beforeEach(() => site.sandbox.faults.clear());

  const page = (title: string) => seededPage(site.sandbox, title);
  const stored = (id: string) => site.sandbox.site.confluence.contents.get(id)!;

  it('reads a page by id: header facts, breadcrumb, labels, URL, then the fenced Markdown body', async () => {
    const log = page('Engineering running log');
    const { text, structured } = await site.ok('confluence_get_page', { pageId: log.id });
    expect(text).toMatch(new RegExp(`^page ${log.id} · space ENG · v8 · updated \\S+ \\S+ by \\w+`));
    expect(text).toMatch(/labels: running-log, engineering/);
    expect(text).toMatch(/\n\S+\/wiki\/x\/AoAB\n/);
    expect(text).toMatch(/<untrusted \w+ page>\n# Engineering running log\npath: Engineering Home/);
    expect(text).toMatch(/⟦@Maya Chen⟧/);
    expect(text).toMatch(/⟦jira NOVA-1/);
    expect(structured).toMatchObject({
      id: log.id,
      type: 'page',
      space: 'ENG',
      version: 8,
      parentId: expect.any(String),
    });
  });

  it('reads a page by every URL form, by space + title, and a blog post by a bare id', async () => {
    const target = page('Offline sync design');
    const base = site.sandbox.siteUrl;
    const forms = [
      `${base}/wiki/spaces/ENG/pages/${target.id}/Offline+sync+design`,
      `${base}/wiki/spaces/ENG/pages/${target.id}`,
      `${base}/wiki/spaces/ENG/pages/edit-v2/${target.id}`,
      `${base}/wiki/pages/viewpage.action?pageId=${target.id}`,
      `${base}/wiki/display/ENG/Offline+sync+design`,
      `${base}${stored(target.id) ? tiny(target.id) : ''}`,
    ];
    for (const pageId of forms) {
      const r = await site.ok('confluence_get_page', { pageId });
      expect(r.structured.id).toBe(target.id);
    }
    const byTitle = await site.ok('confluence_get_page', { spaceKey: 'eng', title: 'Offline sync design' });
    expect(byTitle.structured.id).toBe(target.id);
    const blog = page('How we cut CI time by a third');
    const post = await site.ok('confluence_get_page', { pageId: blog.id });
    expect(post.text).toMatch(new RegExp(`^blog post ${blog.id}`));
    const space = await site.ok('confluence_get_page', { pageId: `${base}/wiki/spaces/OPS/overview` });
    expect(space.structured.title).toBe('Platform Operations');
  });

  it('says what is wrong with a page reference, before any request for a malformed one', async () => {
    site.sandbox.requests.clear();
    expect(await site.fails('confluence_get_page', { pageId: '../../admin' })).toMatch(/not a Confluence page URL/);
    expect(await site.fails('confluence_get_page', { pageId: 'https://other.example.com/wiki/x/AbC' })).toMatch(
      /not the Confluence site this server works on/,
    );
    expect(await site.fails('confluence_get_page', {})).toMatch(/Which page\?/);
    expect(site.wire()).toEqual([]);
    expect(await site.fails('confluence_get_page', { pageId: '999999' })).toMatch(
      /Page 999999 was not found, or you cannot see it[\s\S]*confluence_search/,
    );
    expect(await site.fails('confluence_get_page', { spaceKey: 'ENG', title: 'No such page' })).toMatch(
      /Space ENG has no page titled "No such page"/,
    );
    expect(await site.fails('confluence_get_page', { spaceKey: 'NOPE', title: 'x' })).toMatch(/no space with key NOPE/);
    expect(await site.fails('confluence_get_page', { pageId: 98306 })).toMatch(/pageId|string/i);
  });

  it('reads one section, or an older version', async () => {
    const log = page('Engineering running log');
    const section = await site.ok('confluence_get_page', { pageId: log.id, section: 'Week of 2026-10-19' });
    expect(section.structured.body).toMatch(/^## Week of 2026-10-19\n/);
    expect(section.structured.body).not.toMatch(/Week of 2026-10-26/);
    expect(await site.fails('confluence_get_page', { pageId: log.id, section: 'Nope' })).toMatch(
      /no heading "Nope"[\s\S]*Week of 2026-10-12/,
    );
    const v1 = await site.ok('confluence_get_page', { pageId: log.id, version: 1 });
    expect(v1.structured.version).toBe(1);
    expect(await site.fails('confluence_get_page', { pageId: log.id, version: 99 })).toMatch(/has no version 99/);
  });

  it('creates a page under a parent (space from the parent) and at the top of a space', async () => {
    const parent = page('Architecture');
    const { structured, text } = await site.ok('confluence_create_page', {
      parentId: parent.id,
      title: 'Sync protocol notes',
      body: '## Context\n\nWhy we **batch** writes.\n\n- one\n- two',
    });
    expect(text).toMatch(new RegExp(`^Created page \\d+ "Sync protocol notes" in ENG under ${parent.id} \\(v1\\)`));
    const created = stored(structured.id as string);
    expect(created).toMatchObject({ parentId: parent.id, spaceId: parent.spaceId, title: 'Sync protocol notes' });
    expect(created.body).toContain('<h2>Context</h2>');
    expect(created.body).toContain('<strong>batch</strong>');
    const top = await site.ok('confluence_create_page', { spaceKey: 'OPS', title: 'Ops scratch', body: 'x' });
    expect(stored(top.structured.id as string).spaceId).toBe(page('Platform Operations').spaceId);
    expect(await site.fails('confluence_create_page', { title: 'x', body: 'y' })).toMatch(/Which space\?/);
    expect(
      await site.fails('confluence_create_page', {
        spaceKey: 'ENG',
        title: 'Ops scratch',
        body: 'y',
        parentId: top.structured.id,
      }),
    ).toMatch(/another space/);
    expect(await site.fails('confluence_create_page', { spaceKey: 'OPS', title: 'Ops scratch', body: 'y' })).toMatch(
      /Atlassian rejected the request|title/i,
    );
  });

  it('writes mentions by name and keeps macros copied from a page read in this session', async () => {
    const people = [...site.sandbox.site.jira.users.values()];
    const jonas = people.find((u) => u.displayName === 'Jonas Weber')!;
    await site.ok('confluence_get_page', { pageId: page('Engineering running log').id });
    const { structured } = await site.ok('confluence_create_page', {
      spaceKey: 'ENG',
      title: 'Copied status',
      body: 'Owner: ⟦@Jonas Weber⟧\n\n| Item | Status |\n| --- | --- |\n| x | ⟦status:yellow AT RISK^3d4zp⟧ |',
    });
    const body = stored(structured.id as string).body;
    expect(body).toContain(`ri:account-id="${jonas.accountId}"`);
    expect(body).toMatch(/<ac:structured-macro[^>]*ac:name="status"/);
    expect(
      await site.fails('confluence_create_page', {
        spaceKey: 'ENG',
        title: 'Nobody',
        body: 'Ask ⟦@Nobody Known Here⟧',
      }),
    ).toMatch(/no user is named "Nobody Known Here"/);
  });

  it('replaces the whole body only with the version read, and refuses a stale one without writing', async () => {
    const id = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Versioned', body: 'first' }))
      .structured.id as string;
    expect(await site.fails('confluence_update_page', { pageId: id, body: 'second' })).toMatch(/needs `version`/);
    const ok = await site.ok('confluence_update_page', { pageId: id, version: 1, body: 'second', message: 'why' });
    expect(ok.text).toBe(`Updated page ${id} to v2: body replaced.`);
    expect(stored(id).versions.at(-1)).toMatchObject({ number: 2, message: 'why' });
    site.sandbox.requests.clear();
    const stale = await site.fails('confluence_update_page', { pageId: id, version: 1, body: 'third' });
    expect(stale).toMatch(
      /Error \(conflict\): Page \d+ is at version 2; your edit was made on version 1\. Nothing was written/,
    );
    expect(stale).toMatch(/Read the page again/);
    expect(site.wire().filter((w) => w.startsWith('PUT'))).toEqual([]);
    expect(stored(id).body).toBe('<p>second</p>');
  });

  it('maps a 409 from Confluence (a save in between) to a conflict naming the current version', async () => {
    const id = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Raced', body: 'a' })).structured
      .id as string;
    // Someone saves v2 between our read and our write: the read is answered, then the page moves on.
    site.sandbox.faults.set({
      type: 'status',
      status: 409,
      match: { method: 'PUT', path: '/wiki/api/v2/pages' },
      times: 1,
      body: {
        errors: [
          {
            status: 409,
            code: 'CONFLICT',
            title: 'Version must be incremented on update. Current version is: 2',
            detail: null,
          },
        ],
      },
    });
    const text = await site.fails('confluence_update_page', { pageId: id, version: 1, body: 'b' });
    expect(text).toMatch(/Page \d+ is at version 2; your edit was made on version 1/);
  });

  it('edits one section, appends and prepends, with one read and one write', async () => {
    const body = '## Goals\n\nShip it.\n\n## Risks\n\nNone yet.\n\n## Notes\n\nKeep.';
    const id = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Sections', body })).structured
      .id as string;
    const notes = stored(id).body.slice(stored(id).body.indexOf('<h2>Notes</h2>'));
    site.sandbox.requests.clear();
    const r = await site.ok('confluence_update_page', { pageId: id, section: 'Risks', body: 'Vendor **delay**.' });
    expect(r.text).toBe(`Updated page ${id} to v2: section "Risks" replaced.`);
    expect(site.wire()).toEqual([`GET /wiki/api/v2/pages/${id}`, `PUT /wiki/api/v2/pages/${id}`]);
    expect(stored(id).body).toContain('<h2>Risks</h2><p>Vendor <strong>delay</strong>.</p><h2>Notes</h2>');
    expect(stored(id).body.endsWith(notes)).toBe(true);
    await site.ok('confluence_update_page', { pageId: id, mode: 'append', body: 'Last line.' });
    await site.ok('confluence_update_page', { pageId: id, mode: 'prepend', body: 'First line.' });
    await site.ok('confluence_update_page', {
      pageId: id,
      section: 'Goals',
      mode: 'append',
      body: '## Scope\n\nSmall.',
    });
    const now = stored(id).body;
    expect(now.startsWith('<p>First line.</p><h2>Goals</h2>')).toBe(true);
    expect(now).toContain('<p>Ship it.</p><h2>Scope</h2><p>Small.</p><h2>Risks</h2>');
    expect(now.endsWith('<p>Last line.</p>')).toBe(true);
    expect(await site.fails('confluence_update_page', { pageId: id, section: 'Nope', body: 'x' })).toMatch(
      /No heading "Nope"[\s\S]*Headings are: "Goals"/,
    );
    expect(await site.fails('confluence_update_page', { pageId: id, section: 'Goals', body: 'x', version: 1 })).toMatch(
      /is at version 5/,
    );
  });

  it('sets a title alone, and does not write when nothing changed', async () => {
    const id = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Old title', body: 'same' }))
      .structured.id as string;
    await site.ok('confluence_update_page', { pageId: id, title: 'New title' });
    expect(stored(id)).toMatchObject({ title: 'New title', body: '<p>same</p>' });
    site.sandbox.requests.clear();
    const same = await site.ok('confluence_update_page', { pageId: id, version: 2, body: 'same' });
    expect(same.text).toMatch(/^No change: page \d+ already has this content \(still v2\)/);
    expect(site.wire()).toEqual([`GET /wiki/api/v2/pages/${id}`]);
    expect(await site.fails('confluence_update_page', { pageId: id })).toMatch(/Nothing to update/);
  });

  it('keeps macros, layouts, task ids and inline-comment markers of a section edit byte for byte', async () => {
    const home = page('Engineering Home');
    const before = stored(home.id).body;
    expect(before).toMatch(/ac:layout/);
    const read = await site.ok('confluence_get_page', { pageId: home.id });
    await site.ok('confluence_update_page', {
      pageId: home.id,
      version: read.structured.version,
      body: `${read.structured.body as string}\n\nAdded at the end.`,
    });
    const after = stored(home.id).body;
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('<p>Added at the end.</p>');
  });

  it('reports upstream failures as errors the model can act on', async () => {
    const log = page('Engineering running log');
    const f = (spec: Record<string, unknown>) => site.sandbox.faults.set(spec as never);
    f({
      type: 'status',
      status: 403,
      match: { operationId: 'getPageById' },
      times: 1,
      body: { errors: [{ status: 403, code: 'FORBIDDEN', title: 'Not permitted' }] },
    });
    expect(await site.fails('confluence_get_page', { pageId: log.id })).toMatch(
      /Error \(not_allowed\)[\s\S]*permission/,
    );
    f({ type: 'status', status: 500, match: { operationId: 'getPageById' } });
    expect(await site.fails('confluence_get_page', { pageId: log.id })).toMatch(/Error \(upstream\)/);
    site.sandbox.faults.clear();
    f({ type: 'rateLimit', retryAfter: 1, match: { operationId: 'getPageById' } });
    expect(await site.fails('confluence_get_page', { pageId: log.id })).toMatch(/Error \(rate_limited\)/);
    site.sandbox.faults.clear();
    f({
      type: 'status',
      status: 400,
      match: { operationId: 'updatePage' },
      times: 1,
      body: {
        errors: [
          {
            status: 400,
            code: 'INVALID_REQUEST_PARAMETER',
            title: 'Error parsing xhtml: Unexpected close tag </p>; expected </strong> at [row,col]:[1,21]',
          },
        ],
      },
    });
    expect(await site.fails('confluence_update_page', { pageId: log.id, mode: 'append', body: 'x' })).toMatch(
      /Confluence rejected the page body: Error parsing xhtml[\s\S]*placeholders/,
    );
  });
});

/** The sandbox's tiny link of a page id (Confluence's algorithm). */
function tiny(id: string): string {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(id));
  let end = 8;
  while (end > 1 && b[end - 1] === 0) end--;
  const code = b
    .subarray(0, Math.max(end, 4))
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/\//g, '-')
    .replace(/\+/g, '_')
    .replace(/A+$/, '');
  return `/wiki/x/${code}`;
}
