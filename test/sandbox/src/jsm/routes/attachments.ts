// Attachments: upload to a desk as temporary files (multipart, `X-Atlassian-Token: no-check`),
// then attach them to a request as public or internal, optionally with a comment.
import { json, type SandboxResponse } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { parseMultipart } from '../../jira/routes/files.js';
import { jsm, requireDeskAccess, requireVisibleRequest } from '../access.js';
import { addRequestComment, attachTemporary } from '../effects.js';
import { badRequest, forbidden, jsmError, notFound } from '../errors.js';
import { attachmentDto, commentDto, visibleAttachments } from '../render/comment.js';
import { paged } from '../render/paging.js';
import { body } from './util.js';

const UPLOAD_LIMIT = 10_485_760;

export const attachTemporaryFile: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  const token = (ctx.req.headers['x-atlassian-token'] ?? '').toLowerCase();
  if (token !== 'no-check' && token !== 'nocheck')
    return { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'XSRF check failed' };
  const type = ctx.req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data'))
    throw jsmError(
      415,
      'Expected a multipart/form-data request with a "file" part.',
      'sd.attachment.error.not.multipart',
    );
  const files = parseMultipart(ctx.req.body ?? Buffer.alloc(0), type).filter(
    (p) => p.name === 'file' && p.filename !== undefined,
  );
  if (!files.length) throw badRequest('No file was found in the "file" part.', 'sd.attachment.error.no.file');
  const out: Array<{ temporaryAttachmentId: string; fileName: string }> = [];
  for (const f of files) {
    if (f.data.length > UPLOAD_LIMIT)
      throw jsmError(413, `The file ${f.filename} is larger than the 10 MB limit.`, 'sd.attachment.error.too.large');
    const n = st.nextId('temporaryAttachment');
    const id = `temp${8186986881700442 + n * 7919}`;
    st.temporaryAttachments.set(id, {
      id,
      serviceDeskId: desk.id,
      filename: f.filename!,
      mimeType: f.contentType ?? 'application/octet-stream',
      size: f.data.length,
      content: f.data.toString('base64'),
      authorId: ctx.accountId,
      created: ctx.now,
    });
    out.push({ temporaryAttachmentId: id, fileName: f.filename! });
  }
  return json(201, { temporaryAttachments: out });
};

export const createCommentWithAttachment: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const b = body<{ temporaryAttachmentIds?: string[]; public?: boolean; additionalComment?: { body?: string } }>(ctx);
  const ids = b.temporaryAttachmentIds ?? [];
  if (!ids.length) throw badRequest('Give at least one temporaryAttachmentId.', 'sd.attachment.error.none');
  if (b.public === undefined)
    throw badRequest('Say whether the attachments are public.', 'sd.attachment.error.public.required');
  if (!b.public && !a.agent)
    throw forbidden('Only agents can add internal attachments.', 'sd.attachment.error.internal.not.agent');
  const added = attachTemporary(ctx, a.issue, a.request, ids, b.public);
  const text = b.additionalComment?.body?.trim();
  const out: Record<string, unknown> = {
    attachments: paged(ctx, added, (x) => attachmentDto(st, ctx.base, x, ctx.now), { nested: true, dflt: 100 }),
  };
  if (text) {
    const c = addRequestComment(ctx, a.issue, a.request, text, b.public);
    a.request.commentAttachments[c.id] = added.map((x) => x.id);
    out.comment = commentDto(ctx, st, a.request, c, new Set(['attachment']), a.agent);
  }
  return json(201, out);
};

export const getAttachmentsForRequest: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  return json(
    200,
    paged(ctx, visibleAttachments(st, a.request, a.agent), (x) => attachmentDto(st, ctx.base, x, ctx.now)),
  );
};

function content(ctx: HandlerContext, thumbnail: boolean): SandboxResponse {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const att = visibleAttachments(st, a.request, a.agent).find((x) => x.id === String(ctx.params.attachmentId));
  if (!att || (thumbnail && !att.mimeType.startsWith('image/')))
    throw notFound(
      `The attachment ${ctx.params.attachmentId} does not exist on request ${a.issue.key}.`,
      'sd.attachment.error.not.found',
    );
  return {
    status: 200,
    headers: {
      'content-type': att.mimeType,
      'content-disposition': `attachment; filename="${att.filename.replace(/"/g, '')}"`,
    },
    body: Buffer.from(att.content, 'base64'),
  };
}

export const getAttachmentContent: Handler = (ctx) => content(ctx, false);
export const getAttachmentThumbnail: Handler = (ctx) => content(ctx, true);
