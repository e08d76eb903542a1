// Confluence v2 through the sandbox: spaces, pages (get any version, create, update with the
// stale-version 409, malformed storage 400, move within the space, trash), Confluence's error
// shapes for bad parameters and bodies, site and gateway paths, scopes.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle, client, spaceId } from './confluence-client';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());
const call = client(() => sb);

describe('spaces', () => {
  it('lists the seeded spaces and resolves keys to ids', async () => {
    const r = await call('GET', '/wiki/api/v2/spaces?limit=10', undefined, {
      validate: ['confluence-v2', 'getSpaces'],
    });
    expect(r.status).toBe(200);
    const keys = r.body.results.map((s: any) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['ENG', 'NOVA', 'OPS', 'MKT']));
    const one = await call('GET', '/wiki/api/v2/spaces?keys=OPS&description-format=plain');
    expect(one.body.results).toHaveLength(1);
    expect(one.body.results[0].description.plain.value).toMatch(/Runbooks/);
    const byId = await call('GET', `/wiki/api/v2/spaces/${one.body.results[0].id}`, undefined, {
      validate: ['confluence-v2', 'getSpaceById'],
    });
    expect(byId.body).toMatchObject({ key: 'OPS', type: 'global', homepageId: expect.any(String) });
  });

  it('pages in a space: all of them or only the root, with cursor paging and a Link header', async () => {
    const id = spaceId(sb, 'ENG');
    const first = await call('GET', `/wiki/api/v2/spaces/${id}/pages?limit=5`, undefined, {
      validate: ['confluence-v2', 'getPagesInSpace'],
    });
    expect(first.body.results).toHaveLength(5);
    expect(first.body._links.next).toMatch(/^\/wiki\/api\/v2\/spaces\/\d+\/pages\?.*cursor=/);
    expect(first.headers.get('link')).toContain('rel="next"');
    const second = await call('GET', first.body._links.next);
    expect(second.body.results[0].id).not.toBe(first.body.results[0].id);
    const root = await call('GET', `/wiki/api/v2/spaces/${id}/pages?depth=root&limit=250`);
    expect(root.body.results.map((p: any) => p.title)).toContain('Engineering running log');
    expect(root.body.results.map((p: any) => p.title)).not.toContain('Replay queue internals');
    expect((await call('GET', `/wiki/api/v2/spaces/${id}/pages?cursor=bogus`)).status).toBe(400);
  });
});

describe('pages', () => {
  it('gets a page with its storage body, labels, versions and an older version', async () => {
    const log = byTitle(sb, 'Engineering running log');
    const r = await call(
      'GET',
      `/wiki/api/v2/pages/${log.id}?body-format=storage&include-labels=true&include-versions=true`,
      undefined,
      { validate: ['confluence-v2', 'getPageById'] },
    );
    expect(r.status).toBe(200);
    expect(r.body.body.storage.value).toContain('<ac:inline-comment-marker ac:ref=');
    expect(r.body.version.number).toBeGreaterThan(5);
    expect(r.body.labels.results.map((l: any) => l.name)).toContain('running-log');
    expect(r.body.versions.results[0].number).toBe(r.body.version.number);
    const v1 = await call('GET', `/wiki/api/v2/pages/${log.id}?body-format=storage&version=1`);
    expect(v1.body.version.number).toBe(1);
    expect(v1.body.status).toBe('historical');
    expect(v1.body.body.storage.value.length).toBeLessThan(r.body.body.storage.value.length);
  });

  it('creates a page under a parent, then finds it by title in the space', async () => {
    const parent = byTitle(sb, 'How we work');
    const r = await call(
      'POST',
      '/wiki/api/v2/pages',
      {
        spaceId: parent.spaceId,
        status: 'current',
        title: 'Pairing guidelines',
        parentId: parent.id,
        body: { representation: 'storage', value: '<p>Pair on anything <strong>risky</strong>.</p>' },
      },
      { validate: ['confluence-v2', 'createPage'] },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ title: 'Pairing guidelines', parentId: parent.id, version: { number: 1 } });
    expect(sb.site.confluence.contents.get(r.body.id)!.body).toBe('<p>Pair on anything <strong>risky</strong>.</p>');
    const found = await call('GET', `/wiki/api/v2/pages?space-id=${parent.spaceId}&title=Pairing%20guidelines`);
    expect(found.body.results.map((p: any) => p.id)).toEqual([r.body.id]);
    const children = await call('GET', `/wiki/api/v2/pages/${parent.id}/direct-children`);
    expect(children.body.results.map((c: any) => c.id)).toContain(r.body.id);
  });

  it('without parentId a page goes under the space homepage; a duplicate title is a 400', async () => {
    const id = spaceId(sb, 'MKT');
    const r = await call('POST', '/wiki/api/v2/pages', {
      spaceId: id,
      title: 'Launch checklist',
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(r.body.parentId).toBe(sb.site.confluence.spaces.get(id)!.homepageId);
    const dup = await call('POST', '/wiki/api/v2/pages', {
      spaceId: id,
      title: 'Launch checklist',
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].title).toMatch(/already exists/);
    const noSpace = await call('POST', '/wiki/api/v2/pages', { spaceId: '999', title: 'x' });
    expect(noSpace.status).toBe(404);
  });

  it('updates with version n+1; a stale version is a 409 that names the current version', async () => {
    const page = byTitle(sb, 'Release process');
    const n = page.versions.length;
    const body = { representation: 'storage', value: `${page.body}<p>Updated by the test.</p>` };
    const ok = await call(
      'PUT',
      `/wiki/api/v2/pages/${page.id}`,
      { id: page.id, status: 'current', title: page.title, body, version: { number: n + 1, message: 'Test edit' } },
      { validate: ['confluence-v2', 'updatePage'] },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.version).toMatchObject({ number: n + 1, message: 'Test edit' });
    const stale = await call('PUT', `/wiki/api/v2/pages/${page.id}`, {
      id: page.id,
      status: 'current',
      title: page.title,
      body,
      version: { number: n + 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.errors[0]).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(stale.body.errors[0].title).toContain(`Current version is: ${n + 1}`);
    expect(sb.site.confluence.contents.get(page.id)!.versions).toHaveLength(n + 1);
  });

  it('rejects malformed storage with 400 like Confluence ("Error parsing xhtml")', async () => {
    const page = byTitle(sb, 'Definition of done');
    const before = page.body;
    const r = await call('PUT', `/wiki/api/v2/pages/${page.id}`, {
      id: page.id,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: '<p>Unclosed <strong>bold</p>' },
      version: { number: page.versions.length + 1 },
    });
    expect(r.status).toBe(400);
    expect(r.body.errors[0].title).toMatch(/^Error parsing xhtml: .*strong/);
    expect(sb.site.confluence.contents.get(page.id)!.body).toBe(before);
    const entity = await call('POST', '/wiki/api/v2/pages', {
      spaceId: page.spaceId,
      title: 'Entities',
      body: { representation: 'storage', value: '<p>a&nbsp;b &amp; c</p>' },
    });
    expect(entity.status).toBe(200);
    const amp = await call('POST', '/wiki/api/v2/pages', {
      spaceId: page.spaceId,
      title: 'Bare ampersand',
      body: { representation: 'storage', value: '<p>R&D</p>' },
    });
    expect(amp.status).toBe(400);
  });

  it('moves a page to another parent in the space; not under its own subtree', async () => {
    const page = byTitle(sb, 'Orders service');
    const target = byTitle(sb, 'How we work');
    const n = page.versions.length;
    const put = (parentId: string, number: number) =>
      call('PUT', `/wiki/api/v2/pages/${page.id}`, {
        id: page.id,
        status: 'current',
        title: page.title,
        parentId,
        body: { representation: 'storage', value: page.body },
        version: { number },
      });
    expect((await put(target.id, n + 1)).body.parentId).toBe(target.id);
    const child = byTitle(sb, 'Replay queue internals');
    const loop = await call('PUT', `/wiki/api/v2/pages/${byTitle(sb, 'Offline sync design').id}`, {
      id: byTitle(sb, 'Offline sync design').id,
      status: 'current',
      title: 'Offline sync design',
      parentId: child.id,
      body: { representation: 'storage', value: '<p>x</p>' },
      version: { number: byTitle(sb, 'Offline sync design').versions.length + 1 },
    });
    expect(loop.status).toBe(400);
  });

  it('trashes a page (children move up), restores it, purges it', async () => {
    const page = byTitle(sb, 'Replay queue internals');
    const child = byTitle(sb, 'Conflict resolution strategies');
    expect((await call('DELETE', `/wiki/api/v2/pages/${page.id}`)).status).toBe(204);
    expect(sb.site.confluence.contents.get(child.id)!.parentId).toBe(page.parentId);
    expect((await call('GET', `/wiki/api/v2/pages/${page.id}`)).status).toBe(404);
    expect((await call('GET', `/wiki/api/v2/pages/${page.id}?status=trashed`)).body.status).toBe('trashed');
    const restored = await call('PUT', `/wiki/api/v2/pages/${page.id}`, {
      id: page.id,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: page.body },
      version: { number: page.versions.length + 1 },
    });
    expect(restored.body.status).toBe('current');
    await call('DELETE', `/wiki/api/v2/pages/${page.id}`);
    expect((await call('DELETE', `/wiki/api/v2/pages/${page.id}?purge=true`)).status).toBe(204);
    expect(sb.site.confluence.contents.get(page.id)!.status).toBe('deleted');
  });
});

describe("Confluence's error shapes", () => {
  it('v2: a bad parameter and a body that breaks the schema', async () => {
    const bad = await call('GET', '/wiki/api/v2/pages/not-a-number');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      errors: [{ status: 400, code: 'INVALID_REQUEST_PARAMETER', title: expect.stringContaining('id'), detail: null }],
    });
    const body = await call('POST', '/wiki/api/v2/pages', { title: 'No space' });
    expect(body.status).toBe(400);
    expect(body.body.errors[0].title).toContain('spaceId');
    const wrongType = await call('POST', '/wiki/api/v2/pages', { spaceId: spaceId(sb, 'ENG'), title: 7 });
    expect(wrongType.status).toBe(400);
    expect((await call('GET', '/wiki/api/v2/pages/12345')).body.errors[0]).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('v1: the statusCode / data / message shape', async () => {
    const r = await call('GET', '/wiki/rest/api/search');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      statusCode: 400,
      data: { valid: false, successful: false },
      message: expect.stringContaining('BadRequestException'),
    });
  });

  it('a real operation the sandbox does not simulate answers 501 naming it', async () => {
    const r = await call('GET', '/wiki/api/v2/whiteboards/1');
    expect(r.status).toBe(501);
    expect(JSON.stringify(r.body)).toContain('getWhiteboardById');
  });
});

describe('site and gateway paths', () => {
  it('the gateway path /ex/confluence/{cloudId}/wiki/… takes a Bearer token with the right scopes', async () => {
    const { access_token } = sb.oauth.issueTokens({ scopes: ['read:page:confluence', 'search:confluence'] });
    const page = byTitle(sb, 'Engineering running log');
    const base = `/ex/confluence/${sb.credentials.cloudId}`;
    const get = (p: string, token = access_token) =>
      sb.fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });
    const r = await get(`/wiki/api/v2/pages/${page.id}`);
    expect(r.status).toBe(200);
    const s = await get(`/wiki/rest/api/search?cql=${encodeURIComponent('title ~ "running log"')}`);
    expect(s.status).toBe(200);
    expect((await get('/wiki/api/v2/spaces')).status).toBe(401); // read:space:confluence missing
    const classic = sb.oauth.issueTokens({ scopes: ['read:confluence-content.all'] }).access_token;
    expect((await get(`/wiki/api/v2/pages/${page.id}`, classic)).status).toBe(401); // v2 wants granular scopes
    expect(
      (await sb.fetch(`/wiki/api/v2/pages/${page.id}`, { headers: { authorization: `Bearer ${access_token}` } }))
        .status,
    ).toBe(401);
    expect(
      (
        await sb.fetch(`/ex/jira/${sb.credentials.cloudId}/wiki/api/v2/pages/${page.id}`, {
          headers: { authorization: `Bearer ${access_token}` },
        })
      ).status,
    ).toBe(404);
    const log = sb.requests.filter((e) => e.via === 'gateway').map((e) => e.operationId);
    expect(log).toContain('getPageById');
  });
});

describe('faults, burst limits and the request log', () => {
  it('rate limits, 5xx and malformed JSON on Confluence paths; the log names the operations', async () => {
    const page = byTitle(sb, 'Runbooks');
    sb.faults.set({
      type: 'rateLimit',
      every: 2,
      retryAfter: 3,
      reason: 'confluence-quota-tenant-based',
      match: { path: '/wiki/api/v2/pages' },
    });
    const a = await call('GET', `/wiki/api/v2/pages/${page.id}`);
    const b = await call('GET', `/wiki/api/v2/pages/${page.id}`);
    expect([a.status, b.status]).toEqual([200, 429]);
    expect(b.headers.get('retry-after')).toBe('3');
    expect(b.headers.get('ratelimit-reason')).toBe('confluence-quota-tenant-based');
    expect((await call('GET', '/wiki/rest/api/user/current')).status).toBe(200); // outside the selector
    sb.faults.clear();
    sb.faults.set({ type: 'status', status: 503, times: 1, match: { operationId: 'searchByCQL' } });
    expect((await call('GET', `/wiki/rest/api/search?cql=type=page`)).status).toBe(503);
    expect((await call('GET', `/wiki/rest/api/search?cql=type=page`)).status).toBe(200);
    sb.faults.set({ type: 'malformedJson', times: 1, match: { path: '/wiki/rest/api/user/current' } });
    const broken = await sb.fetch('/wiki/rest/api/user/current', { headers: { authorization: sb.basicAuth() } });
    await expect(broken.json()).rejects.toThrow();
    const ops = sb.requests.map((r) => r.operationId);
    expect(ops).toEqual(expect.arrayContaining(['getPageById', 'getCurrentUser', 'searchByCQL']));
    expect(sb.requests.find((r) => r.operationId === 'getPageById')!.route).toBe(`/wiki/api/v2/pages/${page.id}`);
  });

  it('burst limits apply per endpoint to Confluence routes too', async () => {
    let t = Date.parse('2026-11-02T10:00:00Z');
    const limited = await startSandbox({ listen: false, now: () => t, burstLimits: { PUT: 1 } });
    try {
      const page = byTitle(limited, 'Runbooks');
      const put = (n: number) =>
        limited.fetch(`/wiki/api/v2/pages/${page.id}`, {
          method: 'PUT',
          headers: { authorization: limited.basicAuth(), 'content-type': 'application/json' },
          body: JSON.stringify({
            id: page.id,
            status: 'current',
            title: page.title,
            body: { representation: 'storage', value: '<p>x</p>' },
            version: { number: n },
          }),
        });
      const n = page.versions.length;
      expect((await put(n + 1)).status).toBe(200);
      const second = await put(n + 2);
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      t += 1000;
      expect((await put(n + 2)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
