// Versions through v2: a page's or blog post's versions (newest first, optionally with their
// bodies) and one version's details (previous / next, collaborators).
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { contentOr404, fail, pageV2 } from '../context.js';
import type { VersionRecord } from '../model.js';
import { bodyV2, versionV2 } from '../render/v2.js';

function list(ctx: HandlerContext, kind: 'page' | 'blogpost'): SandboxResponse {
  const c = contentOr404(ctx, ctx.params.id!, kind);
  const asc = ctx.query.sort === 'modified-date';
  const items = asc ? [...c.versions] : [...c.versions].reverse();
  const entity = kind === 'page' ? 'page' : 'blogpost';
  return pageV2(ctx, items, (v: VersionRecord) => ({
    ...versionV2(v),
    [entity]: {
      id: c.id,
      title: v.title,
      ...(ctx.query['body-format'] ? { body: bodyV2(v.body, ctx.query['body-format']) } : {}),
    },
  }));
}
export const getPageVersions = (ctx: HandlerContext) => list(ctx, 'page');
export const getBlogPostVersions = (ctx: HandlerContext) => list(ctx, 'blogpost');

function details(ctx: HandlerContext, kind: 'page' | 'blogpost', idParam: string): SandboxResponse {
  const c = contentOr404(ctx, ctx.params[idParam]!, kind);
  const n = Number(ctx.params['version-number']);
  const v = c.versions.find((x) => x.number === n);
  if (!v) throw fail(ctx, 404, `Version ${n} of ${kind} ${c.id} not found`);
  const last = c.versions[c.versions.length - 1]!.number;
  return json(200, {
    ...versionV2(v),
    contentTypeModified: false,
    collaborators: [v.authorId],
    ...(n > 1 ? { prevVersion: n - 1 } : {}),
    ...(n < last ? { nextVersion: n + 1 } : {}),
  });
}
export const getPageVersionDetails = (ctx: HandlerContext) => details(ctx, 'page', 'page-id');
export const getBlogPostVersionDetails = (ctx: HandlerContext) => details(ctx, 'blogpost', 'blogpost-id');
