// Pages and blog posts through v2: list, get (any version), create, update (version-checked,
// parent move within the space), retitle, trash/purge. pages.ts and blogposts.ts wire these
// to their operationIds.
import { empty, json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { assertCanEdit, canRead, contentOr404, fail, pageV2, store } from '../context.js';
import type { Content } from '../model.js';
import { contentV2, current, extrasV2 } from '../render/v2.js';
import { checkParent, checkTitle, checkVersion, reanchorInlineComments, readBody, saveVersion } from '../write.js';

type Kind = 'page' | 'blogpost';
const plural = (k: Kind) => (k === 'page' ? 'pages' : 'blogposts');

const SORTS: Record<string, (a: Content, b: Content) => number> = {
  id: (a, b) => Number(a.id) - Number(b.id),
  'created-date': (a, b) => a.createdAt - b.createdAt || Number(a.id) - Number(b.id),
  'modified-date': (a, b) => current(a).createdAt - current(b).createdAt || Number(a.id) - Number(b.id),
  title: (a, b) => a.title.localeCompare(b.title) || Number(a.id) - Number(b.id),
};

export function sortContents(items: Content[], sort: string | undefined): Content[] {
  if (!sort) return items.sort(SORTS.id);
  const desc = sort.startsWith('-');
  const cmp = SORTS[desc ? sort.slice(1) : sort] ?? SORTS.id!;
  return items.sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
}

/** `GET /pages`, `/blogposts`, `/spaces/{id}/pages`, `/spaces/{id}/blogposts`. */
export function listContents(
  ctx: HandlerContext,
  kind: Kind,
  o: { ids?: unknown; spaceIds?: string[]; extra?: (c: Content) => boolean } = {},
): SandboxResponse {
  const q = ctx.query;
  const statuses: string[] = q.status ? [q.status].flat() : ['current'];
  const ids = o.ids ? new Set([o.ids].flat().map(String)) : undefined;
  const spaces = o.spaceIds ?? (q['space-id'] ? [q['space-id']].flat().map(String) : undefined);
  const extra = o.extra;
  const title = q.title as string | undefined;
  const items = [...store(ctx).contents.values()].filter(
    (c) =>
      c.type === kind &&
      statuses.includes(c.status) &&
      (!ids || ids.has(c.id)) &&
      (!spaces || spaces.includes(c.spaceId)) &&
      (title === undefined || c.title === title) &&
      (!extra || extra(c)) &&
      canRead(store(ctx), c, ctx.accountId),
  );
  return pageV2(ctx, sortContents(items, q.sort), (c) => contentV2(ctx, c, { bodyFormat: q['body-format'] }));
}

export function getContent(ctx: HandlerContext, kind: Kind): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const statuses: string[] = ctx.query.status ? [ctx.query.status].flat() : ['current', 'archived', 'draft'];
  if (!statuses.includes(c.status) && !(ctx.query['get-draft'] && c.status === 'draft'))
    throw fail(ctx, 404, 'Not Found');
  let version;
  if (ctx.query.version !== undefined) {
    version = c.versions.find((v) => v.number === Number(ctx.query.version));
    if (!version) throw fail(ctx, 404, `Version ${ctx.query.version} of ${kind} ${c.id} not found`);
  }
  const bean = contentV2(ctx, c, { version, bodyFormat: ctx.query['body-format'], single: true });
  if (ctx.query['include-version'] === false) delete bean.version;
  return json(200, { ...bean, ...extrasV2(ctx, c, plural(kind)) });
}

export function createContent(ctx: HandlerContext, kind: Kind): SandboxResponse {
  const s = store(ctx);
  const b = ctx.body as Record<string, any>;
  const space = s.spaces.get(String(b.spaceId));
  if (!space)
    throw fail(ctx, 404, `No space with id ${b.spaceId} (v2 takes space ids: GET /wiki/api/v2/spaces?keys=KEY).`);
  const status = b.status === 'draft' ? 'draft' : 'current';
  const title = String(b.title ?? '');
  if (status === 'current') checkTitle(ctx, { type: kind, spaceId: space.id }, title);
  const body = readBody(ctx, b.body, false) ?? '';
  let parentId: string | undefined;
  if (kind === 'page') {
    if (b.parentId !== undefined && ctx.query['root-level'])
      throw fail(ctx, 400, 'parentId cannot be set for a root-level page.');
    if (b.parentId !== undefined) parentId = checkParent(ctx, { spaceId: space.id }, String(b.parentId)).id;
    else if (!ctx.query['root-level']) parentId = space.homepageId;
  }
  const id = s.next('content');
  const c: Content = {
    id,
    type: kind,
    status,
    title,
    spaceId: space.id,
    parentId,
    position: kind === 'page' ? s.nextPosition(parentId, space.id) : 0,
    authorId: ctx.accountId,
    ownerId: ctx.accountId,
    createdAt: ctx.now,
    body,
    versions: [{ number: 1, authorId: ctx.accountId, createdAt: ctx.now, message: '', minorEdit: false, title, body }],
    labels: [],
    properties: {},
  };
  s.contents.set(id, c);
  s.touch();
  return json(200, contentV2(ctx, c, { bodyFormat: 'storage', single: true }));
}

export function updateContent(ctx: HandlerContext, kind: Kind): SandboxResponse {
  const s = store(ctx);
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const b = ctx.body as Record<string, any>;
  if (b.id !== undefined && String(b.id) !== c.id)
    throw fail(ctx, 400, `The id in the body (${b.id}) does not match the path (${c.id}).`);
  assertCanEdit(ctx, c);
  if (c.status === 'trashed' && b.status === 'current') {
    c.status = 'current';
    s.touch();
    return json(200, contentV2(ctx, c, { bodyFormat: 'storage', single: true }));
  }
  if (c.status !== 'current' && c.status !== 'draft') throw fail(ctx, 404, 'Not Found');
  checkVersion(ctx, c, b.version?.number);
  if (b.spaceId !== undefined && String(b.spaceId) !== c.spaceId)
    throw fail(
      ctx,
      400,
      'Moving a page to another space is not supported by this API; use PUT /wiki/rest/api/content/{id}/move.',
    );
  const title = String(b.title);
  checkTitle(ctx, c, title);
  const body = readBody(ctx, b.body)!;
  if (kind === 'page' && b.parentId !== undefined && String(b.parentId) !== c.parentId) {
    c.parentId = checkParent(ctx, c, String(b.parentId)).id;
    c.position = s.nextPosition(c.parentId, c.spaceId);
  }
  if (b.ownerId !== undefined) {
    if (!s.user(String(b.ownerId))) throw fail(ctx, 400, `No user with account id ${b.ownerId}.`);
    c.ownerId = String(b.ownerId);
  }
  if (b.status === 'current') c.status = 'current';
  saveVersion(ctx, c, { title, body, message: b.version?.message });
  reanchorInlineComments(ctx, c);
  s.touch();
  return json(200, contentV2(ctx, c, { bodyFormat: 'storage', single: true }));
}

export function retitleContent(ctx: HandlerContext, kind: Kind): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  assertCanEdit(ctx, c);
  const b = ctx.body as { title: string; status: string };
  checkTitle(ctx, c, b.title);
  saveVersion(ctx, c, { title: b.title, body: c.body });
  store(ctx).touch();
  return json(200, contentV2(ctx, c, { single: true }));
}

/** Trash (children move up to the parent), or purge a trashed one. */
export function deleteContent(ctx: HandlerContext, kind: Kind): SandboxResponse {
  const s = store(ctx);
  const c = contentOr404(ctx, ctx.params.id!, kind);
  assertCanEdit(ctx, c);
  if (ctx.query.purge) {
    if (c.status !== 'trashed') throw fail(ctx, 400, `Only a trashed ${kind} can be purged; delete it first.`);
    c.status = 'deleted';
  } else if (ctx.query.draft) {
    if (c.status !== 'draft') throw fail(ctx, 404, 'Not Found');
    s.contents.delete(c.id);
  } else {
    if (c.status !== 'current' && c.status !== 'archived') throw fail(ctx, 404, 'Not Found');
    const space = s.spaces.get(c.spaceId);
    if (space?.homepageId === c.id) throw fail(ctx, 400, 'The space homepage cannot be deleted.');
    for (const ch of s.children(c.id)) {
      ch.parentId = c.parentId;
      ch.position = s.nextPosition(c.parentId, c.spaceId);
    }
    c.status = 'trashed';
  }
  s.touch();
  return empty(204);
}
