// The seeded wiki is realistic and consistent: enough spaces, pages and depth; well-formed
// storage using Confluence's vocabulary; inline comments anchored in their pages; images and
// links pointing at attachments that exist; Jira macros and remote links agreeing with Jira;
// task ids and uuids; versions that differ; deterministic; tiny links that resolve.
import { XMLValidator } from 'fast-xml-parser';
import { generateSeed, SEED_SNAPSHOT_NOW, startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle } from './confluence-client';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false, seedNow: SEED_SNAPSHOT_NOW });
});
afterAll(() => sb.close());

const cf = () => sb.site.confluence;
const current = () => [...cf().contents.values()].filter((c) => c.status === 'current');

function wellFormed(storage: string): true | string {
  const masked = storage.replace(
    /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)([a-zA-Z][a-zA-Z0-9]*);/g,
    '&amp;$1;',
  );
  const r = XMLValidator.validate(`<r xmlns:ac="a" xmlns:ri="r">${masked}</r>`);
  return r === true ? true : r.err.msg;
}

describe('the seeded wiki', () => {
  it('has at least 3 global spaces, 60 pages and a branch 5+ levels below a homepage', () => {
    const spaces = [...cf().spaces.values()];
    expect(spaces.filter((s) => s.type === 'global').map((s) => s.key)).toEqual(['ENG', 'NOVA', 'OPS', 'MKT']);
    expect(spaces.some((s) => s.type === 'personal')).toBe(true);
    expect(current().filter((c) => c.type === 'page').length).toBeGreaterThanOrEqual(60);
    expect(current().filter((c) => c.type === 'blogpost').length).toBeGreaterThanOrEqual(3);
    const depth = Math.max(...current().map((c) => cf().ancestors(c).length));
    expect(depth).toBeGreaterThanOrEqual(6); // homepage + 5 levels above the deepest page
  });

  it('every body is well-formed storage and the vocabulary is Confluence’s', () => {
    const bodies = [
      ...current().map((c) => c.body),
      ...[...cf().comments.values()].map((c) => c.versions.at(-1)!.body),
    ];
    for (const b of bodies) expect(wellFormed(b)).toBe(true);
    for (const c of current()) for (const v of c.versions) expect(wellFormed(v.body)).toBe(true);
    const all = bodies.join('');
    for (const needle of [
      'ac:name="code"',
      'ac:name="info"',
      'ac:name="note"',
      'ac:name="warning"',
      'ac:name="tip"',
      'ac:name="expand"',
      'ac:name="toc"',
      'ac:name="jira"',
      'ac:name="status"',
      'ac:name="children"',
      '<table',
      '<ac:layout>',
      '<ac:task-list>',
      '<ac:task-uuid>',
      '<ri:user ri:account-id=',
      '<time datetime=',
      '<ac:emoticon',
      '<ac:inline-comment-marker',
      '<ac:image',
      '<ri:attachment',
      '<ri:page',
      '<![CDATA[',
    ])
      expect(all).toContain(needle);
  });

  it('inline comments are anchored: each root marker is in its page with the original selection', () => {
    const inline = [...cf().comments.values()].filter((c) => c.inline);
    expect(inline.length).toBeGreaterThanOrEqual(6);
    expect(new Set(inline.map((c) => c.inline!.resolutionStatus))).toEqual(new Set(['open', 'resolved']));
    for (const c of inline) {
      const page = cf().contents.get(c.containerId)!;
      expect(page.body).toContain(
        `<ac:inline-comment-marker ac:ref="${c.inline!.markerRef}">${c.inline!.originalSelection}</ac:inline-comment-marker>`,
      );
    }
    expect([...cf().comments.values()].some((c) => c.kind === 'inline' && c.parentCommentId)).toBe(true);
    expect([...cf().comments.values()].some((c) => c.kind === 'footer' && c.parentCommentId)).toBe(true);
  });

  it('attachment images and links point at attachments of the same page', () => {
    let refs = 0;
    for (const c of current()) {
      const names = new Set(
        cf()
          .attachmentsOf(c.id)
          .map((a) => a.title),
      );
      for (const m of c.body.matchAll(/<ri:attachment ri:filename="([^"]+)"/g)) {
        refs++;
        expect({ page: c.title, file: m[1], found: names.has(m[1]!) }).toEqual({
          page: c.title,
          file: m[1],
          found: true,
        });
      }
    }
    expect(refs).toBeGreaterThan(8);
    for (const a of cf().attachments.values()) {
      const v = a.versions.at(-1)!;
      expect(Buffer.from(v.data, 'base64').length).toBe(v.fileSize);
    }
    const png = [...cf().attachments.values()].find((a) => a.title.endsWith('.png'))!;
    expect(Buffer.from(png.versions[0]!.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('Jira macros name real issues; Jira remote links point at the pages that name them', () => {
    const keys = new Set(sb.site.jira.issuesByKey.keys());
    let macros = 0;
    for (const c of current())
      for (const m of c.body.matchAll(/<ac:parameter ac:name="key">([A-Z]+-\d+)<\/ac:parameter>/g)) {
        macros++;
        expect(keys.has(m[1]!)).toBe(true);
      }
    expect(macros).toBeGreaterThan(40);
    const links = [...sb.site.jira.issues.values()].flatMap((i) =>
      i.remoteLinks.filter((l) => l.application?.type === 'com.atlassian.confluence').map((l) => ({ i, l })),
    );
    expect(links.length).toBeGreaterThanOrEqual(30);
    for (const { l } of links) {
      const pageId = /pageId=(\d+)/.exec(l.object.url)![1]!;
      expect(cf().contents.get(pageId)?.title).toBe(l.object.title);
      expect(l.globalId).toContain(`pageId=${pageId}`);
    }
    const prd = byTitle(sb, 'PRD: Offline mode');
    expect(links.some(({ i, l }) => i.key === 'NOVA-1' && l.object.url.endsWith(`pageId=${prd.id}`))).toBe(true);
  });

  it('tasks carry ids and unique uuids; pages have real version histories', () => {
    const uuids: string[] = [];
    for (const c of current())
      for (const m of c.body.matchAll(
        /<ac:task><ac:task-id>(\d+)<\/ac:task-id><ac:task-uuid>([0-9a-f-]{36})<\/ac:task-uuid>/g,
      ))
        uuids.push(m[2]!);
    expect(uuids.length).toBeGreaterThan(20);
    expect(new Set(uuids).size).toBe(uuids.length);
    const multi = current().filter((c) => c.versions.length > 1);
    expect(multi.length).toBeGreaterThanOrEqual(15);
    for (const c of multi) expect(new Set(c.versions.map((v) => v.body)).size).toBeGreaterThan(1);
    const log = byTitle(sb, 'Engineering running log');
    expect(log.versions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(log.versions.map((v) => v.authorId)).size).toBeGreaterThan(2);
    expect(byTitle(sb, 'Orders API reference').body.length).toBeGreaterThan(50_000);
  });

  it('is deterministic and relative to the seed moment', () => {
    const a = generateSeed({ now: SEED_SNAPSHOT_NOW }).confluence;
    const b = generateSeed({ now: SEED_SNAPSHOT_NOW }).confluence;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const later = generateSeed({ now: SEED_SNAPSHOT_NOW + 86_400_000 }).confluence!;
    expect(later.contents.map((c) => c.id)).toEqual(a!.contents.map((c) => c.id));
    expect(later.contents[0]!.createdAt - a!.contents[0]!.createdAt).toBe(86_400_000);
  });

  it('tiny links and page URLs resolve', async () => {
    const auth = { authorization: sb.basicAuth() };
    for (const c of current().filter((x) => x.type !== 'folder' && !x.restrictions)) {
      const bean = await (
        await sb.fetch(`/wiki/api/v2/${c.type === 'page' ? 'pages' : 'blogposts'}/${c.id}`, { headers: auth })
      ).json();
      const res = await sb.fetch(`/wiki${bean._links.tinyui}`, { headers: auth, redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toContain(`/wiki/spaces/`);
      expect(res.headers.get('location')).toContain(`/${c.id}`);
    }
    const page = byTitle(sb, 'Runbooks');
    const html = await (
      await sb.fetch(`/wiki/spaces/OPS/pages/${page.id}/Runbooks`, { headers: { authorization: sb.basicAuth() } })
    ).text();
    expect(html).toContain(`<meta name="ajs-page-id" content="${page.id}">`);
  });
});
