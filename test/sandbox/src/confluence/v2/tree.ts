// The page tree through v2: children (deprecated, pages only), direct children (pages and
// folders), ancestors (root first) and descendants to a depth, for pages and folders; folders.
import { empty, json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { canRead, contentOr404, fail, pageV2, store, wikiBase } from '../context.js';
import type { Content } from '../model.js';
import { contentV2 } from '../render/v2.js';
import { checkParent } from '../write.js';

const SORTS: Record<string, (a: Content, b: Content) => number> = {
  'child-position': (a, b) => a.position - b.position,
  id: (a, b) => Number(a.id) - Number(b.id),
  'created-date': (a, b) => a.createdAt - b.createdAt,
  'modified-date': (a, b) =>
    a.versions[a.versions.length - 1]!.createdAt - b.versions[b.versions.length - 1]!.createdAt,
  title: (a, b) => a.title.localeCompare(b.title),
};

function sorted(items: Content[], sort: string | undefined): Content[] {
  if (!sort) return items;
  const desc = sort.startsWith('-');
  const cmp = SORTS[desc ? sort.slice(1) : sort];
  if (!cmp) return items;
  return [...items].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
}

const child = (c: Content) => ({
  id: c.id,
  status: c.status,
  title: c.title,
  type: c.type,
  spaceId: c.spaceId,
  childPosition: c.position,
});

function directChildren(ctx: HandlerContext, kind: 'page' | 'folder'): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const visible = store(ctx)
    .children(c.id)
    .filter((x) => canRead(store(ctx), x, ctx.accountId));
  return pageV2(ctx, sorted(visible, ctx.query.sort), child);
}

function ancestors(ctx: HandlerContext, kind: 'page' | 'folder'): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const list = store(ctx).ancestors(c);
  const limit = Number(ctx.query.limit ?? 25);
  // Closest last, like Confluence; `limit` keeps the nearest ones.
  const results = list.slice(Math.max(0, list.length - limit)).map((a) => ({ id: a.id, type: a.type }));
  return json(200, { results, _links: { base: wikiBase(ctx) } });
}

function descendants(ctx: HandlerContext, kind: 'page' | 'folder'): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const depth = Number(ctx.query.depth ?? 5);
  if (depth < 1 || depth > 10) throw fail(ctx, 400, 'depth must be between 1 and 10.');
  const all = store(ctx)
    .descendants(c.id, depth)
    .filter((d) => canRead(store(ctx), d.content, ctx.accountId));
  return pageV2(ctx, all, ({ content, depth: d }) => ({ ...child(content), parentId: content.parentId, depth: d }));
}

export const getChildPages = (ctx: HandlerContext) => {
  const c = contentOr404(ctx, ctx.params.id!, 'page');
  const pages = store(ctx)
    .children(c.id)
    .filter((x) => x.type === 'page');
  return pageV2(ctx, sorted(pages, ctx.query.sort), (p) => ({
    id: p.id,
    status: p.status,
    title: p.title,
    spaceId: p.spaceId,
    childPosition: p.position,
  }));
};
export const getPageDirectChildren = (ctx: HandlerContext) => directChildren(ctx, 'page');
export const getPageAncestors = (ctx: HandlerContext) => ancestors(ctx, 'page');
export const getPageDescendants = (ctx: HandlerContext) => descendants(ctx, 'page');
export const getFolderDirectChildren = (ctx: HandlerContext) => directChildren(ctx, 'folder');
export const getFolderAncestors = (ctx: HandlerContext) => ancestors(ctx, 'folder');
export const getFolderDescendants = (ctx: HandlerContext) => descendants(ctx, 'folder');

export function createFolder(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const b = ctx.body as { spaceId: string; title?: string; parentId?: string };
  const space = s.spaces.get(String(b.spaceId));
  if (!space) throw fail(ctx, 404, `No space with id ${b.spaceId}.`);
  const title = String(b.title ?? '').trim();
  if (!title) throw fail(ctx, 400, 'A folder needs a title.');
  const parentId =
    b.parentId !== undefined ? checkParent(ctx, { spaceId: space.id }, String(b.parentId)).id : space.homepageId;
  const id = s.next('content');
  const folder: Content = {
    id,
    type: 'folder',
    status: 'current',
    title,
    spaceId: space.id,
    parentId,
    position: s.nextPosition(parentId, space.id),
    authorId: ctx.accountId,
    ownerId: ctx.accountId,
    createdAt: ctx.now,
    body: '',
    versions: [
      { number: 1, authorId: ctx.accountId, createdAt: ctx.now, message: '', minorEdit: false, title, body: '' },
    ],
    labels: [],
    properties: {},
  };
  s.contents.set(id, folder);
  s.touch();
  return json(200, {
    ...contentV2(ctx, folder),
    _links: { webui: `/spaces/${space.key}/folder/${id}`, base: wikiBase(ctx) },
  });
}

export const getFolderById = (ctx: HandlerContext) =>
  json(200, contentV2(ctx, contentOr404(ctx, ctx.params.id!, 'folder')));

export function deleteFolder(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const f = contentOr404(ctx, ctx.params.id!, 'folder');
  for (const ch of s.children(f.id)) {
    ch.parentId = f.parentId;
    ch.position = s.nextPosition(f.parentId, f.spaceId);
  }
  f.status = 'trashed';
  s.touch();
  return empty(204);
}
