// Attachments through v1: list a page's attachments, upload (multipart, `X-Atlassian-Token:
// no-check` or the request is refused like Cloud's XSRF check), create-or-update, new data
// version, and download (302 to `/wiki/download/attachments/…`, served by `downloadFile`).
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { parseMultipart } from '../../jira/routes/files.js';
import { assertCanEdit, attachmentOr404, contentOr404, fail, pageV1, store } from '../context.js';
import { uuidFrom } from '../ids.js';
import type { Attachment, Content } from '../model.js';
import { attachmentDownload } from '../render/attachment.js';
import { attachmentV1, expandSet } from '../render/v1.js';

/** Confluence Cloud's default maximum attachment size. */
export const ATTACHMENT_LIMIT = 100 * 1024 * 1024;

interface Upload {
  filename: string;
  mediaType: string;
  data: Buffer;
  comment: string;
  minorEdit: boolean;
}

function uploads(ctx: HandlerContext, page: Content): Upload[] | SandboxResponse {
  assertCanEdit(ctx, page);
  const token = (ctx.req.headers['x-atlassian-token'] ?? '').toLowerCase();
  if (token !== 'no-check' && token !== 'nocheck')
    return { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'XSRF check failed' };
  const type = ctx.req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    throw fail(ctx, 415, 'Unsupported media type: send multipart/form-data with a "file" part.');
  const parts = parseMultipart(ctx.req.body ?? Buffer.alloc(0), type);
  const files = parts.filter((p) => p.name === 'file' && p.filename !== undefined);
  if (!files.length) throw fail(ctx, 400, 'No file was attached: send a multipart part named "file".');
  const field = (n: string) => parts.filter((p) => p.name === n).map((p) => p.data.toString('utf8'));
  const comments = field('comment');
  const minor = field('minorEdit')[0];
  if (minor === undefined) throw fail(ctx, 400, 'The "minorEdit" part is required.');
  if (comments.length && comments.length !== files.length)
    throw fail(ctx, 400, 'Every file needs a comment when comments are given.');
  return files.map((f, i) => {
    if (f.data.length > ATTACHMENT_LIMIT)
      throw fail(ctx, 413, `The attachment ${f.filename} exceeds the maximum size of ${ATTACHMENT_LIMIT} bytes.`);
    return {
      filename: f.filename!,
      mediaType: f.contentType ?? 'application/octet-stream',
      data: f.data,
      comment: comments[i] ?? '',
      minorEdit: minor === 'true',
    };
  });
}

function addVersion(ctx: HandlerContext, a: Attachment, u: Upload): void {
  a.versions.push({
    number: a.versions.length + 1,
    authorId: ctx.accountId,
    createdAt: ctx.now,
    message: u.comment,
    minorEdit: u.minorEdit,
    fileSize: u.data.length,
    mediaType: u.mediaType,
    data: u.data.toString('base64'),
  });
  if (u.comment) a.comment = u.comment;
}

function create(ctx: HandlerContext, page: Content, u: Upload): Attachment {
  const s = store(ctx);
  const a: Attachment = {
    id: `att${s.next('content')}`,
    containerId: page.id,
    containerType: page.type === 'blogpost' ? 'blogpost' : 'page',
    status: 'current',
    title: u.filename,
    fileId: '',
    comment: u.comment,
    labels: [],
    versions: [],
  };
  a.fileId = uuidFrom(`${a.id}:${u.filename}`);
  addVersion(ctx, a, u);
  s.attachments.set(a.id, a);
  return a;
}

const existing = (ctx: HandlerContext, page: Content, filename: string) =>
  store(ctx)
    .attachmentsOf(page.id)
    .find((a) => a.title === filename);

const answer = (ctx: HandlerContext, items: Attachment[]) => {
  store(ctx).touch();
  return json(
    200,
    pageV1(ctx, items, (a) => attachmentV1(ctx, a, expandSet(ctx.query.expand ?? ['version', 'container'])), {
      limit: items.length,
    }),
  );
};

export function createAttachment(ctx: HandlerContext): SandboxResponse {
  const page = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const ups = uploads(ctx, page);
  if (!Array.isArray(ups)) return ups;
  for (const u of ups)
    if (existing(ctx, page, u.filename))
      throw fail(ctx, 400, `Cannot add a new attachment with same file name as an existing attachment: ${u.filename}`);
  return answer(
    ctx,
    ups.map((u) => create(ctx, page, u)),
  );
}

export function createOrUpdateAttachments(ctx: HandlerContext): SandboxResponse {
  const page = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const ups = uploads(ctx, page);
  if (!Array.isArray(ups)) return ups;
  return answer(
    ctx,
    ups.map((u) => {
      const a = existing(ctx, page, u.filename);
      if (!a) return create(ctx, page, u);
      addVersion(ctx, a, u);
      return a;
    }),
  );
}

export function updateAttachmentData(ctx: HandlerContext): SandboxResponse {
  const page = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const a = attachmentOr404(ctx, ctx.params.attachmentId!);
  if (a.containerId !== page.id) throw fail(ctx, 404, `No attachment ${a.id} on content ${page.id}`);
  const ups = uploads(ctx, page);
  if (!Array.isArray(ups)) return ups;
  if (ups.length !== 1) throw fail(ctx, 400, 'Send exactly one file.');
  addVersion(ctx, a, { ...ups[0]!, filename: a.title });
  store(ctx).touch();
  return json(200, attachmentV1(ctx, a, expandSet(['version', 'container'])));
}

export function getAttachments(ctx: HandlerContext): SandboxResponse {
  const page = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const items = store(ctx)
    .attachmentsOf(page.id)
    .filter(
      (a) =>
        (!ctx.query.filename || a.title === ctx.query.filename) &&
        (!ctx.query.mediaType || a.versions[a.versions.length - 1]!.mediaType === ctx.query.mediaType),
    );
  return json(
    200,
    pageV1(ctx, items, (a) => attachmentV1(ctx, a, expandSet(ctx.query.expand))),
  );
}

export function downloadAttatchment(ctx: HandlerContext): SandboxResponse {
  const page = contentOr404(ctx, ctx.params.id!, 'page', 'blogpost');
  const a = attachmentOr404(ctx, ctx.params.attachmentId!);
  if (a.containerId !== page.id) throw fail(ctx, 404, `No attachment ${a.id} on content ${page.id}`);
  const version = ctx.query.version !== undefined ? Number(ctx.query.version) : undefined;
  if (version !== undefined && !a.versions.some((v) => v.number === version))
    throw fail(ctx, 400, `Version ${version} is greater than the latest version of ${a.title} or invalid.`);
  return { status: 302, headers: { location: `${ctx.base}/wiki${attachmentDownload(a, page, version)}` } };
}

/** `GET /wiki/download/attachments/{pageId}/{filename}?version=N` — the bytes (Range supported). */
export function downloadFile(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const page = s.contents.get(String(ctx.params.pageId));
  const a = page && s.attachmentsOf(page.id).find((x) => x.title === ctx.params.filename);
  if (!a) return { status: 404, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'Not Found' };
  const n = ctx.req.query.get('version');
  const v = n ? a.versions.find((x) => x.number === Number(n)) : a.versions[a.versions.length - 1];
  if (!v) return { status: 404, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'Not Found' };
  const data = Buffer.from(v.data, 'base64');
  const headers: Record<string, string> = {
    'content-type': v.mediaType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(a.title)}`,
    'accept-ranges': 'bytes',
    etag: `"${a.fileId}-${v.number}"`,
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec((ctx.req.headers.range ?? '').trim());
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), data.length - 1) : data.length - 1;
    if (start >= data.length || start > end)
      return { status: 416, headers: { 'content-range': `bytes */${data.length}` } };
    return {
      status: 206,
      headers: { ...headers, 'content-range': `bytes ${start}-${end}/${data.length}` },
      body: data.subarray(start, end + 1),
    };
  }
  return { status: 200, headers, body: data };
}
