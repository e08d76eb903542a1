// v1 content reads and the version operations v2 lacks: content by id (pages, blog posts,
// comments, attachments; any version), by space + title, descendants, versions, restore a
// version, restrictions.
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import {
  assertCanEdit,
  attachmentOr404,
  canRead,
  commentOr404,
  contentOr404,
  fail,
  pageV1,
  store,
  wikiBase,
} from '../context.js';
import type { Content } from '../model.js';
import { attachmentV1, commentV1, contentV1, expandSet, userV1, versionV1 } from '../render/v1.js';
import { current } from '../render/v2.js';
import { checkStorage, reanchorInlineComments, saveVersion } from '../write.js';

export function getContentById(ctx: HandlerContext): SandboxResponse {
  const id = String(ctx.params.id);
  const expand = expandSet(ctx.query.expand);
  if (id.startsWith('att')) return json(200, attachmentV1(ctx, attachmentOr404(ctx, id), expand));
  const s = store(ctx);
  if (s.comments.has(id)) return json(200, commentV1(ctx, commentOr404(ctx, id), expand));
  const c = contentOr404(ctx, id, 'page', 'blogpost');
  const statuses: string[] = ctx.query.status ? [ctx.query.status].flat() : ['current'];
  if (!statuses.includes(c.status) && !statuses.includes('any'))
    throw fail(ctx, 404, `No content found with id: ContentId{id=${id}}`);
  if (ctx.query.version !== undefined && Number(ctx.query.version) !== current(c).number) {
    const v = c.versions.find((x) => x.number === Number(ctx.query.version));
    if (!v) throw fail(ctx, 404, `No version ${ctx.query.version} of content ${id}`);
    const historical: Content = {
      ...c,
      title: v.title,
      body: v.body,
      versions: c.versions.slice(0, v.number),
      status: 'historical' as Content['status'],
    };
    return json(200, contentV1(ctx, historical, expand));
  }
  return json(200, contentV1(ctx, c, expand));
}

/** `GET /content?spaceKey=&title=&type=` — the usual way to find a page by space and title. */
export function getContent(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const q = ctx.query;
  const type = String(q.type ?? 'page');
  if (type !== 'page' && type !== 'blogpost') throw fail(ctx, 400, `Unsupported content type: ${type}`);
  const space = q.spaceKey ? s.spaceByKey(String(q.spaceKey)) : undefined;
  if (q.spaceKey && !space) throw fail(ctx, 404, `No space with key : ${q.spaceKey}`);
  const statuses: string[] = q.status ? [q.status].flat() : ['current'];
  const items = [...s.contents.values()].filter(
    (c) =>
      c.type === type &&
      statuses.includes(c.status) &&
      (!space || c.spaceId === space.id) &&
      (q.title === undefined || c.title === q.title) &&
      canRead(s, c, ctx.accountId),
  );
  return json(
    200,
    pageV1(ctx, items, (c) => contentV1(ctx, c, expandSet(q.expand))),
  );
}

export function getContentDescendants(ctx: HandlerContext): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const s = store(ctx);
  const expand = expandSet(ctx.query.expand);
  const arr = (results: unknown[]) => ({ results, start: 0, limit: results.length, size: results.length, _links: {} });
  const out: Record<string, unknown> = {};
  const pages = s
    .descendants(c.id)
    .map((d) => d.content)
    .filter((x) => x.type === 'page' && canRead(s, x, ctx.accountId));
  if (expand.has('page')) out.page = arr(pages.map((p) => contentV1(ctx, p)));
  if (expand.has('attachment'))
    out.attachment = arr([c, ...pages].flatMap((p) => s.attachmentsOf(p.id)).map((a) => attachmentV1(ctx, a)));
  if (expand.has('comment'))
    out.comment = arr([c, ...pages].flatMap((p) => s.commentsOf(p.id)).map((x) => commentV1(ctx, x)));
  return json(200, {
    ...out,
    _expandable: {
      attachment: `/rest/api/content/${c.id}/descendant/attachment`,
      comment: `/rest/api/content/${c.id}/descendant/comment`,
      page: `/rest/api/content/${c.id}/descendant/page`,
    },
    _links: { base: wikiBase(ctx), context: '/wiki' },
  });
}

export function getContentVersions(ctx: HandlerContext): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  return json(
    200,
    pageV1(ctx, [...c.versions].reverse(), (v) => versionV1(ctx, v, c.id)),
  );
}

/** `POST /content/{id}/version {operationKey: "restore", params: {versionNumber, message}}` → a new version. */
export function restoreContentVersion(ctx: HandlerContext): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  assertCanEdit(ctx, c);
  const { versionNumber, message, restoreTitle } = (
    ctx.body as { params: { versionNumber: number; message: string; restoreTitle?: boolean } }
  ).params;
  const v = c.versions.find((x) => x.number === versionNumber);
  if (!v) throw fail(ctx, 400, `There is no version ${versionNumber} of content ${c.id}.`);
  if (versionNumber === current(c).number) throw fail(ctx, 400, `Version ${versionNumber} is the current version.`);
  const saved = saveVersion(ctx, c, {
    title: restoreTitle ? v.title : c.title,
    body: checkStorage(ctx, v.body),
    message,
  });
  reanchorInlineComments(ctx, c);
  store(ctx).touch();
  return json(200, versionV1(ctx, saved, c.id));
}

const OPERATIONS = ['read', 'update'] as const;

function restriction(ctx: HandlerContext, c: Content, operation: (typeof OPERATIONS)[number]) {
  const ids = c.restrictions?.[operation] ?? [];
  return {
    operation,
    restrictions: {
      user: { results: ids.map((id) => userV1(ctx, id)), start: 0, limit: 200, size: ids.length, _links: {} },
      group: { results: [], start: 0, limit: 200, size: 0, _links: {} },
      _expandable: {},
    },
    _expandable: { content: `/rest/api/content/${c.id}` },
    _links: { self: `${wikiBase(ctx)}/rest/api/content/${c.id}/restriction/byOperation/${operation}` },
  };
}

export function getRestrictions(ctx: HandlerContext): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const results = OPERATIONS.map((op) => restriction(ctx, c, op));
  return json(200, {
    results,
    start: 0,
    limit: 100,
    size: results.length,
    restrictionsHash: Buffer.from(JSON.stringify(c.restrictions ?? {})).toString('base64url'),
    _links: { base: wikiBase(ctx), context: '/wiki', self: `${wikiBase(ctx)}/rest/api/content/${c.id}/restriction` },
  });
}

export function getRestrictionsByOperation(ctx: HandlerContext): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  return json(200, Object.fromEntries(OPERATIONS.map((op) => [op, restriction(ctx, c, op)])));
}
