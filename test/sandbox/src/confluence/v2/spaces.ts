// `/wiki/api/v2/spaces…`: list (ids, keys, type, status, labels, sort), one space, its pages
// (all or root) and blog posts, its labels.
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { pageV2, spaceOr404, store } from '../context.js';
import type { Space } from '../model.js';
import { labelV2, spaceV2 } from '../render/v2.js';
import { listContents } from './content.js';

const SPACE_SORTS: Record<string, (a: Space, b: Space) => number> = {
  id: (a, b) => Number(a.id) - Number(b.id),
  key: (a, b) => a.key.localeCompare(b.key),
  name: (a, b) => a.name.localeCompare(b.name),
};

export function getSpaces(ctx: HandlerContext): SandboxResponse {
  const q = ctx.query;
  const ids = q.ids ? new Set([q.ids].flat().map(String)) : undefined;
  const keys = q.keys ? new Set([q.keys].flat().map(String)) : undefined;
  const labels = q.labels ? [q.labels].flat().map(String) : undefined;
  const s = store(ctx);
  const items = [...s.spaces.values()].filter(
    (sp) =>
      (!ids || ids.has(sp.id)) &&
      (!keys || keys.has(sp.key)) &&
      (!q.type || sp.type === q.type) &&
      (!q.status || sp.status === q.status) &&
      (!labels || sp.labels.some((id) => labels.includes(s.labels.get(id)?.name ?? ''))),
  );
  const sort = String(q.sort ?? 'id');
  const desc = sort.startsWith('-');
  const cmp = SPACE_SORTS[desc ? sort.slice(1) : sort] ?? SPACE_SORTS.id!;
  items.sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
  return pageV2(ctx, items, (sp) => spaceV2(ctx, sp, q['description-format'], q['include-icon']));
}

export function getSpaceById(ctx: HandlerContext): SandboxResponse {
  const sp = spaceOr404(ctx, ctx.params.id!);
  const out: Record<string, unknown> = spaceV2(ctx, sp, ctx.query['description-format'], ctx.query['include-icon']);
  if (ctx.query['include-labels'])
    out.labels = {
      results: sp.labels.map((id) => labelV2(store(ctx).labels.get(id)!)),
      meta: { hasMore: false, cursor: '' },
      _links: { self: `/wiki/api/v2/spaces/${sp.id}/labels` },
    };
  return json(200, out);
}

export function getPagesInSpace(ctx: HandlerContext): SandboxResponse {
  const sp = spaceOr404(ctx, ctx.params.id!);
  const rootOnly = ctx.query.depth === 'root';
  return listContents(ctx, 'page', {
    spaceIds: [sp.id],
    extra: rootOnly ? (c) => !c.parentId || c.parentId === sp.homepageId : undefined,
  });
}

export function getBlogPostsInSpace(ctx: HandlerContext): SandboxResponse {
  const sp = spaceOr404(ctx, ctx.params.id!);
  return listContents(ctx, 'blogpost', { spaceIds: [sp.id] });
}

export function getSpaceLabels(ctx: HandlerContext): SandboxResponse {
  const sp = spaceOr404(ctx, ctx.params.id!);
  return pageV2(ctx, sp.labels, (id) => labelV2(store(ctx).labels.get(id)!));
}
