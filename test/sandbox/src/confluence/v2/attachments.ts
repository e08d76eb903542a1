// Attachments through v2: list (site, page, blog post), get (any version), versions, delete
// (trash, then purge). Uploads are v1 (./v1/attachments.ts), as on Cloud.
import { empty, json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { attachmentOr404, containerReadable, contentOr404, fail, pageV2, store } from '../context.js';
import type { Attachment } from '../model.js';
import { attachmentV2 } from '../render/attachment.js';
import { labelV2, versionV2 } from '../render/v2.js';

const SORTS: Record<string, (a: Attachment, b: Attachment) => number> = {
  'created-date': (a, b) => a.versions[0]!.createdAt - b.versions[0]!.createdAt,
  'modified-date': (a, b) =>
    a.versions[a.versions.length - 1]!.createdAt - b.versions[b.versions.length - 1]!.createdAt,
};

function list(ctx: HandlerContext, containerId?: string): SandboxResponse {
  const q = ctx.query;
  const statuses: string[] = q.status ? [q.status].flat() : ['current'];
  const items = [...store(ctx).attachments.values()].filter(
    (a) =>
      (!containerId || a.containerId === containerId) &&
      statuses.includes(a.status) &&
      containerReadable(ctx, a.containerId) &&
      (!q.mediaType || a.versions[a.versions.length - 1]!.mediaType === q.mediaType) &&
      (!q.filename || a.title === q.filename),
  );
  const sort = String(q.sort ?? '');
  const cmp = SORTS[sort.replace(/^-/, '')];
  if (cmp) items.sort((a, b) => (sort.startsWith('-') ? -cmp(a, b) : cmp(a, b)));
  return pageV2(ctx, items, (a) => attachmentV2(ctx, a));
}

export const getAttachments = (ctx: HandlerContext) => list(ctx);
export const getPageAttachments = (ctx: HandlerContext) => list(ctx, contentOr404(ctx, ctx.params.id!, 'page').id);
export const getBlogpostAttachments = (ctx: HandlerContext) =>
  list(ctx, contentOr404(ctx, ctx.params.id!, 'blogpost').id);

export function getAttachmentById(ctx: HandlerContext): SandboxResponse {
  const a = attachmentOr404(ctx, ctx.params.id!);
  const version = ctx.query.version !== undefined ? Number(ctx.query.version) : undefined;
  if (version !== undefined && !a.versions.some((v) => v.number === version)) throw fail(ctx, 404, 'Not Found');
  const out = attachmentV2(ctx, a, version);
  const self = (what: string) => ({
    meta: { hasMore: false, cursor: '' },
    _links: { self: `/wiki/api/v2/attachments/${a.id}/${what}` },
  });
  if (ctx.query['include-labels'])
    out.labels = { results: a.labels.map((id) => labelV2(store(ctx).labels.get(id)!)), ...self('labels') };
  if (ctx.query['include-versions'])
    out.versions = {
      results: [...a.versions].reverse().map((v) => versionV2({ ...v, title: a.title, body: '' })),
      ...self('versions'),
    };
  if (ctx.query['include-version'] === false) delete out.version;
  return json(200, out);
}

export function getAttachmentVersions(ctx: HandlerContext): SandboxResponse {
  const a = attachmentOr404(ctx, ctx.params.id!);
  return pageV2(ctx, [...a.versions].reverse(), (v) => ({
    ...versionV2({ ...v, title: a.title, body: '' }),
    attachment: { id: a.id, title: a.title },
  }));
}

export function deleteAttachment(ctx: HandlerContext): SandboxResponse {
  const id = String(ctx.params.id).startsWith('att') ? String(ctx.params.id) : `att${ctx.params.id}`;
  const a = store(ctx).attachments.get(id);
  if (!a) throw fail(ctx, 404, 'Not Found');
  if (ctx.query.purge) {
    if (a.status !== 'trashed') throw fail(ctx, 400, 'Only a trashed attachment can be purged; delete it first.');
    store(ctx).attachments.delete(id);
  } else {
    if (a.status !== 'current') throw fail(ctx, 404, 'Not Found');
    a.status = 'trashed';
  }
  store(ctx).touch();
  return empty(204);
}
