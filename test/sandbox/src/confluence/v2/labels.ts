// Labels through v2 (read-only there, as on Cloud): all labels, a page's or blog post's, and the
// pages and blog posts carrying a label.
import type { SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { canRead, contentOr404, fail, pageV2, store } from '../context.js';
import type { Label } from '../model.js';
import { contentV2, labelV2 } from '../render/v2.js';
import { sortContents } from './content.js';

function sortLabels(items: Label[], sort: string | undefined): Label[] {
  const desc = !!sort?.startsWith('-');
  const key = sort?.replace(/^-/, '') ?? 'id';
  const cmp =
    key === 'name'
      ? (a: Label, b: Label) => a.name.localeCompare(b.name)
      : (a: Label, b: Label) => Number(a.id) - Number(b.id);
  return items.sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
}

export function getLabels(ctx: HandlerContext): SandboxResponse {
  const ids = ctx.query['label-id'] ? new Set([ctx.query['label-id']].flat().map(String)) : undefined;
  const prefixes = ctx.query.prefix ? [ctx.query.prefix].flat().map(String) : undefined;
  const items = [...store(ctx).labels.values()].filter(
    (l) => (!ids || ids.has(l.id)) && (!prefixes || prefixes.includes(l.prefix)),
  );
  return pageV2(ctx, sortLabels(items, ctx.query.sort), labelV2);
}

function labelsOf(ctx: HandlerContext, kind: 'page' | 'blogpost'): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const s = store(ctx);
  const items = c.labels
    .map((id) => s.labels.get(id)!)
    .filter((l) => !ctx.query.prefix || l.prefix === ctx.query.prefix);
  return pageV2(ctx, sortLabels(items, ctx.query.sort), labelV2);
}
export const getPageLabels = (ctx: HandlerContext) => labelsOf(ctx, 'page');
export const getBlogPostLabels = (ctx: HandlerContext) => labelsOf(ctx, 'blogpost');

function withLabel(ctx: HandlerContext, kind: 'page' | 'blogpost'): SandboxResponse {
  const s = store(ctx);
  const label = s.labels.get(String(ctx.params.id));
  if (!label) throw fail(ctx, 404, 'Not Found');
  const spaces = ctx.query['space-id'] ? [ctx.query['space-id']].flat().map(String) : undefined;
  const items = [...s.contents.values()].filter(
    (c) =>
      c.type === kind &&
      c.status === 'current' &&
      c.labels.includes(label.id) &&
      (!spaces || spaces.includes(c.spaceId)) &&
      canRead(s, c, ctx.accountId),
  );
  return pageV2(ctx, sortContents(items, ctx.query.sort), (c) =>
    contentV2(ctx, c, { bodyFormat: ctx.query['body-format'] }),
  );
}
export const getLabelPages = (ctx: HandlerContext) => withLabel(ctx, 'page');
export const getLabelBlogPosts = (ctx: HandlerContext) => withLabel(ctx, 'blogpost');
