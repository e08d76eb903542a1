// Attachments (v1 upload with the no-check header, create-or-update, new data versions,
// download through the v1 redirect and /wiki/download, over the gateway with a Bearer token;
// v2 list / get / versions / delete) and labels (v1 add / remove, v2 reads).
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle, client } from './confluence-client';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());
const call = client(() => sb);
const NO_CHECK = { 'x-atlassian-token': 'no-check' };

function form(files: Array<[string, string | Buffer, string]>, extra: Record<string, string> = { minorEdit: 'true' }) {
  const f = new FormData();
  for (const [name, data, type] of files)
    f.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), name);
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

describe('attachments', () => {
  it('uploads through v1 with X-Atlassian-Token: no-check, and only with it', async () => {
    const page = byTitle(sb, 'Release process');
    const refused = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/child/attachment`,
      form([['notes.txt', 'hello', 'text/plain']]),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toBe('XSRF check failed');
    const r = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/child/attachment`,
      form([['release-checklist.md', '# Release\n- [ ] cut branch\n', 'text/markdown']], {
        minorEdit: 'false',
        comment: 'Checklist',
      }),
      { headers: NO_CHECK, validate: ['confluence-v1', 'createAttachment'] },
    );
    expect(r.status).toBe(200);
    const att = r.body.results[0];
    expect(att).toMatchObject({
      type: 'attachment',
      title: 'release-checklist.md',
      extensions: {
        mediaType: 'text/markdown',
        fileSize: Buffer.byteLength('# Release\n- [ ] cut branch\n'),
        comment: 'Checklist',
      },
    });
    expect(att.id).toMatch(/^att\d+$/);
    const dup = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/child/attachment`,
      form([['release-checklist.md', 'x', 'text/markdown']]),
      { headers: NO_CHECK },
    );
    expect(dup.status).toBe(400);
    expect(dup.body.message).toContain('same file name');
    const noMinor = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/child/attachment`,
      form([['b.txt', 'x', 'text/plain']], {}),
      { headers: NO_CHECK },
    );
    expect(noMinor.status).toBe(400);
  });

  it('downloads through the v1 redirect and /wiki/download/attachments, with versions and Range', async () => {
    const page = byTitle(sb, 'Device matrix');
    const att = sb.site.confluence.attachmentsOf(page.id).find((a) => a.title === 'device-matrix.csv')!;
    const res = await sb.fetch(`/wiki/rest/api/content/${page.id}/child/attachment/${att.id}/download`, {
      headers: { authorization: sb.basicAuth() },
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/\/wiki\/download\/attachments\/\d+\/device-matrix\.csv\?version=2/);
    const file = await sb.fetch(location, { headers: { authorization: sb.basicAuth() } });
    expect(file.headers.get('content-type')).toBe('text/csv');
    const text = await file.text();
    expect(text.split('\n')[0]).toBe('device,os,build,tier');
    expect(Buffer.from(att.versions[1]!.data, 'base64').toString()).toBe(text);
    const v1 = await sb.fetch(`/wiki/download/attachments/${page.id}/device-matrix.csv?version=1`, {
      headers: { authorization: sb.basicAuth() },
    });
    expect((await v1.text()).length).toBeLessThan(text.length);
    const part = await sb.fetch(location, { headers: { authorization: sb.basicAuth(), range: 'bytes=0-5' } });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('device');
    const followed = await sb.fetch(`/wiki/rest/api/content/${page.id}/child/attachment/${att.id}/download`, {
      headers: { authorization: sb.basicAuth() },
    });
    expect(await followed.text()).toBe(text);
    const badVersion = await call(
      'GET',
      `/wiki/rest/api/content/${page.id}/child/attachment/${att.id}/download?version=9`,
    );
    expect(badVersion.status).toBe(400);
  });

  it('round-trips binary bytes, and works over the gateway with a Bearer token', async () => {
    const page = byTitle(sb, 'Orders service');
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
    const { access_token } = sb.oauth.issueTokens({
      scopes: ['write:confluence-file', 'readonly:content.attachment:confluence', 'read:attachment:confluence'],
    });
    const gw = sb.confluenceGatewayUrl;
    const up = await sb.fetch(`${gw}/wiki/rest/api/content/${page.id}/child/attachment`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, ...NO_CHECK },
      body: form([['blob.bin', bytes, 'application/octet-stream']]),
    });
    expect(up.status).toBe(200);
    const att = (await up.json()).results[0];
    const dl = await sb.fetch(`${gw}/wiki/rest/api/content/${page.id}/child/attachment/${att.id}/download`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(bytes)).toBe(true);
    const v2 = await sb.fetch(`${gw}/wiki/api/v2/attachments/${att.id}`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(v2.status).toBe(200);
    const meta = await v2.json();
    expect(meta).toMatchObject({ fileSize: 300, mediaType: 'application/octet-stream', pageId: page.id });
    const noScope = sb.oauth.issueTokens({ scopes: ['read:page:confluence'] }).access_token;
    const refused = await sb.fetch(`${gw}/wiki/download/attachments/${page.id}/blob.bin`, {
      headers: { authorization: `Bearer ${noScope}` },
    });
    expect(refused.status).toBe(401);
  });

  it('create-or-update adds a version; data update adds a version; v2 lists, gets and deletes', async () => {
    const page = byTitle(sb, 'Device matrix');
    const put = await call(
      'PUT',
      `/wiki/rest/api/content/${page.id}/child/attachment`,
      form([['device-matrix.csv', 'device,os\nPixel 9,Android 15\n', 'text/csv']]),
      {
        headers: NO_CHECK,
        validate: ['confluence-v1', 'createOrUpdateAttachments'],
      },
    );
    const att = put.body.results[0];
    expect(att.version.number).toBe(3);
    const data = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/child/attachment/${att.id}/data`,
      form([['ignored.csv', 'device\n', 'text/csv']]),
      {
        headers: NO_CHECK,
        validate: ['confluence-v1', 'updateAttachmentData'],
      },
    );
    expect(data.body).toMatchObject({ title: 'device-matrix.csv', version: { number: 4 } });
    const versions = await call('GET', `/wiki/api/v2/attachments/${att.id}/versions`, undefined, {
      validate: ['confluence-v2', 'getAttachmentVersions'],
    });
    expect(versions.body.results.map((v: any) => v.number)).toEqual([4, 3, 2, 1]);
    const list = await call('GET', `/wiki/api/v2/pages/${page.id}/attachments`, undefined, {
      validate: ['confluence-v2', 'getPageAttachments'],
    });
    expect(list.body.results.map((a: any) => a.title)).toEqual(['device-matrix.csv']);
    const one = await call('GET', `/wiki/api/v2/attachments/${att.id}?version=1&include-labels=true`, undefined, {
      validate: ['confluence-v2', 'getAttachmentById'],
    });
    expect(one.body.version.number).toBe(1);
    expect(one.body.downloadLink).toContain('version=1');
    const v1list = await call('GET', `/wiki/rest/api/content/${page.id}/child/attachment?expand=version`, undefined, {
      validate: ['confluence-v1', 'getAttachments'],
    });
    expect(v1list.body.results[0].version.number).toBe(4);
    // The spec types this path id as int64: the `att` prefix is a 400 here, the number works.
    expect((await call('DELETE', `/wiki/api/v2/attachments/${att.id}`)).status).toBe(400);
    const numeric = att.id.replace(/^att/, '');
    expect((await call('DELETE', `/wiki/api/v2/attachments/${numeric}`)).status).toBe(204);
    expect((await call('GET', `/wiki/api/v2/attachments/${att.id}`)).status).toBe(404);
    expect((await call('DELETE', `/wiki/api/v2/attachments/${numeric}?purge=true`)).status).toBe(204);
    expect(sb.site.confluence.attachments.has(att.id)).toBe(false);
  });
});

describe('labels', () => {
  it('adds labels through v1 (lower-cased, validated) and reads them through v1 and v2', async () => {
    const page = byTitle(sb, 'Release process');
    const add = await call(
      'POST',
      `/wiki/rest/api/content/${page.id}/label`,
      [
        { prefix: 'global', name: 'Release-Train' },
        { prefix: 'global', name: 'process' },
      ],
      { validate: ['confluence-v1', 'addLabelsToContent'] },
    );
    expect(add.status).toBe(200);
    expect(add.body.results.map((l: any) => l.name)).toEqual(['process', 'release', 'release-train']);
    const one = await call('POST', `/wiki/rest/api/content/${page.id}/label`, { prefix: 'global', name: 'single' });
    expect(one.body.size).toBe(4);
    const bad = await call('POST', `/wiki/rest/api/content/${page.id}/label`, [
      { prefix: 'global', name: 'two words' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('invalid character');
    const v2 = await call('GET', `/wiki/api/v2/pages/${page.id}/labels`, undefined, {
      validate: ['confluence-v2', 'getPageLabels'],
    });
    expect(v2.body.results.map((l: any) => l.name)).toContain('release-train');
    const label = v2.body.results.find((l: any) => l.name === 'release-train');
    const pages = await call('GET', `/wiki/api/v2/labels/${label.id}/pages`, undefined, {
      validate: ['confluence-v2', 'getLabelPages'],
    });
    expect(pages.body.results.map((p: any) => p.id)).toEqual([page.id]);
    const cql = await call('GET', `/wiki/rest/api/search?cql=${encodeURIComponent('label = "release-train"')}`);
    expect(cql.body.results.map((x: any) => x.content.id)).toEqual([page.id]);
  });

  it('removes a label by path and by ?name=', async () => {
    const page = byTitle(sb, 'Release process');
    expect((await call('DELETE', `/wiki/rest/api/content/${page.id}/label/release`)).status).toBe(204);
    expect((await call('DELETE', `/wiki/rest/api/content/${page.id}/label?name=process`)).status).toBe(204);
    expect((await call('DELETE', `/wiki/rest/api/content/${page.id}/label/release`)).status).toBe(404);
    const r = await call('GET', `/wiki/rest/api/content/${page.id}/label`, undefined, {
      validate: ['confluence-v1', 'getLabelsForContent'],
    });
    expect(r.body.results).toEqual([]);
    const all = await call('GET', '/wiki/api/v2/labels?limit=250', undefined, {
      validate: ['confluence-v2', 'getLabels'],
    });
    expect(all.body.results.length).toBeGreaterThan(50);
  });
});
