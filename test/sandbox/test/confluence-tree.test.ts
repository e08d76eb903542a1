// The page tree and the operations on it: ancestors / descendants / direct children, v1 move
// (before, after, append, into another space, loops refused), copy, versions (v2 list and
// details, v1 list and restore), templates, tasks, restrictions, content-id types.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle, client } from './confluence-client';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());
const call = client(() => sb);
const childTitles = async (id: string) =>
  (
    await call('GET', `/wiki/api/v2/pages/${id}/direct-children`, undefined, {
      validate: ['confluence-v2', 'getPageDirectChildren'],
    })
  ).body.results.map((c: any) => c.title);

describe('tree', () => {
  it('ancestors (root first), descendants to a depth (≥ 5 levels below the homepage)', async () => {
    const leaf = byTitle(sb, 'Conflict resolution strategies');
    const anc = await call('GET', `/wiki/api/v2/pages/${leaf.id}/ancestors`, undefined, {
      validate: ['confluence-v2', 'getPageAncestors'],
    });
    const titles = anc.body.results.map((a: any) => sb.site.confluence.contents.get(a.id)!.title);
    expect(titles).toEqual([
      'Engineering Home',
      'Architecture',
      'System overview',
      'Mobile app architecture',
      'Offline sync design',
      'Replay queue internals',
    ]);
    const arch = byTitle(sb, 'Architecture');
    const d2 = await call('GET', `/wiki/api/v2/pages/${arch.id}/descendants?depth=2&limit=250`, undefined, {
      validate: ['confluence-v2', 'getPageDescendants'],
    });
    expect(Math.max(...d2.body.results.map((d: any) => d.depth))).toBe(2);
    const d10 = await call('GET', `/wiki/api/v2/pages/${arch.id}/descendants?depth=10&limit=250`);
    expect(Math.max(...d10.body.results.map((d: any) => d.depth))).toBe(5);
    const folder = byTitle(sb, 'Archive');
    const inFolder = await call('GET', `/wiki/api/v2/folders/${folder.id}/direct-children`, undefined, {
      validate: ['confluence-v2', 'getFolderDirectChildren'],
    });
    expect(inFolder.body.results.map((c: any) => c.title)).toEqual(['Legacy REST API notes', '2025 tech radar']);
    const f = await call('GET', `/wiki/api/v2/folders/${folder.id}`, undefined, {
      validate: ['confluence-v2', 'getFolderById'],
    });
    expect(f.body).toMatchObject({ type: 'folder', title: 'Archive' });
  });
});

describe('move (v1)', () => {
  it('before, after and append', async () => {
    const how = byTitle(sb, 'How we work');
    expect(await childTitles(how.id)).toEqual([
      'Code review guidelines',
      'Release process',
      'Definition of done',
      'On-call for engineers',
    ]);
    const dod = byTitle(sb, 'Definition of done');
    const code = byTitle(sb, 'Code review guidelines');
    const mv = (id: string, pos: string, target: string) =>
      call('PUT', `/wiki/rest/api/content/${id}/move/${pos}/${target}`, undefined, {
        validate: ['confluence-v1', 'movePage'],
      });
    expect((await mv(dod.id, 'before', code.id)).body).toEqual({ pageId: dod.id });
    expect(await childTitles(how.id)).toEqual([
      'Definition of done',
      'Code review guidelines',
      'Release process',
      'On-call for engineers',
    ]);
    await mv(dod.id, 'after', byTitle(sb, 'Release process').id);
    expect(await childTitles(how.id)).toEqual([
      'Code review guidelines',
      'Release process',
      'Definition of done',
      'On-call for engineers',
    ]);
    const onboarding = byTitle(sb, 'Onboarding');
    await mv(dod.id, 'append', onboarding.id);
    expect(await childTitles(onboarding.id)).toEqual([
      'Your first week',
      'Development environment setup',
      'Access checklist',
      'Definition of done',
    ]);
    expect(await childTitles(how.id)).not.toContain('Definition of done');
  });

  it('into another space with its subtree; loops and homepages refused', async () => {
    const page = byTitle(sb, 'Backend services');
    const ops = byTitle(sb, 'Observability');
    const r = await call('PUT', `/wiki/rest/api/content/${page.id}/move/append/${ops.id}`);
    expect(r.status).toBe(200);
    const opsId = sb.site.confluence.spaceByKey('OPS')!.id;
    for (const t of ['Backend services', 'GraphQL gateway', 'Orders service'])
      expect(byTitle(sb, t).spaceId).toBe(opsId);
    const loop = await call(
      'PUT',
      `/wiki/rest/api/content/${byTitle(sb, 'Architecture').id}/move/append/${byTitle(sb, 'System overview').id}`,
    );
    expect(loop.status).toBe(400);
    expect(loop.body.message).toContain('parent-child loop');
    const home = byTitle(sb, 'Engineering Home');
    expect((await call('PUT', `/wiki/rest/api/content/${home.id}/move/append/${ops.id}`)).status).toBe(400);
    const runbooks = byTitle(sb, 'Runbooks');
    const copy = await call('POST', '/wiki/api/v2/pages', {
      spaceId: sb.site.confluence.spaceByKey('ENG')!.id,
      title: 'Runbooks',
      body: { representation: 'storage', value: '<p>ENG runbooks</p>' },
    });
    const clashMove = await call('PUT', `/wiki/rest/api/content/${copy.body.id}/move/append/${runbooks.id}`);
    expect(clashMove.status).toBe(400);
    expect(clashMove.body.message).toContain('already exists');
  });
});

describe('copy (v1)', () => {
  it('copies under a parent with attachments and labels, to a space, and over an existing page', async () => {
    const src = byTitle(sb, 'System overview');
    const parent = byTitle(sb, 'How we work');
    const r = await call(
      'POST',
      `/wiki/rest/api/content/${src.id}/copy`,
      {
        destination: { type: 'parent_page', value: parent.id },
        pageTitle: 'System overview (copy)',
        copyAttachments: true,
        copyLabels: true,
      },
      { validate: ['confluence-v1', 'copyPage'] },
    );
    expect(r.status).toBe(200);
    const copy = sb.site.confluence.contents.get(r.body.id)!;
    expect(copy).toMatchObject({ parentId: parent.id, title: 'System overview (copy)', body: src.body });
    expect(sb.site.confluence.attachmentsOf(copy.id).map((a) => a.title)).toEqual(['system-overview.png']);
    expect(copy.labels).toEqual(src.labels);
    const sameTitle = await call('POST', `/wiki/rest/api/content/${src.id}/copy`, {
      destination: { type: 'parent_page', value: parent.id },
    });
    expect(sameTitle.status).toBe(400);
    const toSpace = await call('POST', `/wiki/rest/api/content/${src.id}/copy`, {
      destination: { type: 'space', value: 'NOVA' },
    });
    expect(toSpace.body.space.key).toBe('NOVA');
    const target = byTitle(sb, 'Definition of done');
    const n = target.versions.length;
    const over = await call('POST', `/wiki/rest/api/content/${src.id}/copy`, {
      destination: { type: 'existing_page', value: target.id },
      pageTitle: 'Definition of done',
    });
    expect(over.status).toBe(200);
    expect(sb.site.confluence.contents.get(target.id)!.versions).toHaveLength(n + 1);
    expect(sb.site.confluence.contents.get(target.id)!.body).toBe(src.body);
  });
});

describe('versions', () => {
  it('v2 lists versions (newest first) and details; v1 restores an old one as a new version', async () => {
    const page = byTitle(sb, 'Postgres 16 upgrade');
    const list = await call('GET', `/wiki/api/v2/pages/${page.id}/versions?body-format=storage`, undefined, {
      validate: ['confluence-v2', 'getPageVersions'],
    });
    expect(list.body.results.map((v: any) => v.number)).toEqual([4, 3, 2, 1]);
    expect(list.body.results[3].page.body.storage.value.length).toBeLessThan(
      list.body.results[0].page.body.storage.value.length,
    );
    const d = await call('GET', `/wiki/api/v2/pages/${page.id}/versions/2`, undefined, {
      validate: ['confluence-v2', 'getPageVersionDetails'],
    });
    expect(d.body).toMatchObject({ number: 2, prevVersion: 1, nextVersion: 3, message: 'Staging done' });
    const v1 = await call('GET', `/wiki/rest/api/content/${page.id}/version`, undefined, {
      validate: ['confluence-v1', 'getContentVersions'],
    });
    expect(v1.body.results[0]).toMatchObject({ number: 4, by: { displayName: 'Sam Okafor' } });
    const restored = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/version`,
      { operationKey: 'restore', params: { versionNumber: 1, message: 'Back to the plan' } },
      { validate: ['confluence-v1', 'restoreContentVersion'] },
    );
    expect(restored.body).toMatchObject({ number: 5, message: 'Back to the plan' });
    expect(sb.site.confluence.contents.get(page.id)!.body).toBe(page.versions[0]!.body);
    const same = await call('POST', `/wiki/rest/api/content/${page.id}/version`, {
      operationKey: 'restore',
      params: { versionNumber: 5, message: 'x' },
    });
    expect(same.status).toBe(400);
  });
});

describe('templates, tasks, restrictions, content types', () => {
  it('templates: global and space lists, one with its body, create / update / remove; a page from a template', async () => {
    const global = await call('GET', '/wiki/rest/api/template/page', undefined, {
      validate: ['confluence-v1', 'getContentTemplates'],
    });
    expect(global.body.results.map((t: any) => t.name)).toEqual(['Meeting notes', 'Product requirements']);
    const ops = await call('GET', '/wiki/rest/api/template/page?spaceKey=OPS&expand=body');
    expect(ops.body.results.map((t: any) => t.name)).toEqual(['Incident postmortem', 'Runbook']);
    const rb = ops.body.results[1];
    const one = await call('GET', `/wiki/rest/api/template/${rb.templateId}`, undefined, {
      validate: ['confluence-v1', 'getContentTemplate'],
    });
    const page = await call('POST', '/wiki/api/v2/pages', {
      spaceId: sb.site.confluence.spaceByKey('OPS')!.id,
      title: 'Restarting PgBouncer',
      parentId: byTitle(sb, 'Runbooks').id,
      body: { representation: 'storage', value: one.body.body.storage.value },
    });
    expect(page.status).toBe(200);
    const made = await call(
      'POST',
      '/wiki/rest/api/template',
      {
        name: 'Weekly update',
        templateType: 'page',
        body: { storage: { value: '<h2>Done</h2><p />', representation: 'storage' } },
        space: { key: 'ENG' },
      },
      { validate: ['confluence-v1', 'createContentTemplate'] },
    );
    expect(made.body.space.key).toBe('ENG');
    const bad = await call('POST', '/wiki/rest/api/template', {
      name: 'Broken',
      templateType: 'page',
      body: { storage: { value: '<p>', representation: 'storage' } },
    });
    expect(bad.status).toBe(400);
    expect((await call('DELETE', `/wiki/rest/api/template/${made.body.templateId}`)).status).toBe(204);
    expect((await call('GET', `/wiki/rest/api/template/${made.body.templateId}`)).status).toBe(404);
  });

  it('tasks come from the storage; completing one rewrites its status without a new version', async () => {
    const page = byTitle(sb, 'Definition of done');
    const r = await call('GET', `/wiki/api/v2/tasks?page-id=${page.id}&body-format=storage`, undefined, {
      validate: ['confluence-v2', 'getTasks'],
    });
    expect(r.body.results).toHaveLength(5);
    expect(r.body.results.every((t: any) => t.status === 'incomplete' && t.localId)).toBe(true);
    const t = r.body.results[1];
    const done = await call(
      'PUT',
      `/wiki/api/v2/tasks/${t.id}`,
      { status: 'complete' },
      { validate: ['confluence-v2', 'updateTask'] },
    );
    expect(done.body.status).toBe('complete');
    const body = sb.site.confluence.contents.get(page.id)!.body;
    expect(body).toContain(`<ac:task-id>${t.localId}</ac:task-id>`);
    expect(body.match(/<ac:task-status>complete<\/ac:task-status>/g)).toHaveLength(1);
    expect(sb.site.confluence.contents.get(page.id)!.versions).toHaveLength(page.versions.length);
    const sam = sb.credentials.users.find((u) => u.displayName === 'Sam Okafor')!.accountId;
    const assigned = await call('GET', `/wiki/api/v2/tasks?assigned-to=${encodeURIComponent(sam)}`);
    expect(assigned.body.results.length).toBeGreaterThan(0);
    expect(assigned.body.results.every((x: any) => x.assignedTo === sam)).toBe(true);
  });

  it('read restrictions hide a page (404) from others; update restrictions refuse edits (403)', async () => {
    const notes = byTitle(sb, '1:1 notes');
    const jonas = sb.basicAuth('jonas.weber@nimbus-works.example');
    const asJonas = (p: string, init: RequestInit = {}) =>
      sb.fetch(p, {
        ...init,
        headers: { authorization: jonas, 'content-type': 'application/json', ...(init.headers as object) },
      });
    expect((await call('GET', `/wiki/api/v2/pages/${notes.id}`)).status).toBe(200);
    expect((await asJonas(`/wiki/api/v2/pages/${notes.id}`)).status).toBe(404);
    const search = await (
      await asJonas(`/wiki/rest/api/search?cql=${encodeURIComponent('title = "1:1 notes"')}`)
    ).json();
    expect(search.totalSize).toBe(0);
    const r = await call('GET', `/wiki/rest/api/content/${notes.id}/restriction/byOperation`, undefined, {
      validate: ['confluence-v1', 'getRestrictionsByOperation'],
    });
    expect(r.body.read.restrictions.user.results[0].displayName).toBe('Maya Chen');
    const access = byTitle(sb, 'Access checklist');
    const edit = await asJonas(`/wiki/api/v2/pages/${access.id}`, {
      method: 'PUT',
      body: JSON.stringify({
        id: access.id,
        status: 'current',
        title: access.title,
        body: { representation: 'storage', value: '<p>x</p>' },
        version: { number: access.versions.length + 1 },
      }),
    });
    expect(edit.status).toBe(403);
    expect((await asJonas(`/wiki/api/v2/pages/${access.id}`)).status).toBe(200);
  });

  it('content ids resolve to their types', async () => {
    const page = byTitle(sb, 'Runbooks');
    const post = byTitle(sb, 'Nova 2.4 is out');
    const att = [...sb.site.confluence.attachments.values()][0]!;
    const r = await call(
      'POST',
      '/wiki/api/v2/content/convert-ids-to-types',
      { contentIds: [page.id, Number(post.id), att.id, '1'] },
      {
        validate: ['confluence-v2', 'convertContentIdsToContentTypes'],
      },
    );
    expect(r.body.results).toEqual({ [page.id]: 'page', [post.id]: 'blogpost', [att.id]: 'attachment' });
  });
});
