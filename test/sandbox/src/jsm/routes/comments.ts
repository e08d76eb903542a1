// Request comments: public (the customer sees them) or internal (agents only). Customers never
// receive internal comments, whatever they ask for, and cannot write them.
import { json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { jsm, requireVisibleRequest } from '../access.js';
import { addRequestComment } from '../effects.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { isInternalComment } from '../sla/cycles.js';
import { attachmentDto, commentDto, visibleAttachments, visibleComments } from '../render/comment.js';
import { paged } from '../render/paging.js';
import { body, expandOf } from './util.js';

export const getRequestComments: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const wantPublic = ctx.query.public !== false;
  const wantInternal = ctx.query.internal !== false;
  const list = visibleComments(st, a.issue.id, a.agent).filter((c) =>
    isInternalComment(c) ? wantInternal : wantPublic,
  );
  const expand = expandOf(ctx);
  return json(
    200,
    paged(ctx, list, (c) => commentDto(ctx, st, a.request, c, expand, a.agent)),
  );
};

function findComment(ctx: Parameters<Handler>[0]) {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const c = visibleComments(st, a.issue.id, a.agent).find((x) => x.id === String(ctx.params.commentId));
  if (!c)
    throw notFound(
      `The comment ${ctx.params.commentId} does not exist on request ${a.issue.key}.`,
      'sd.comment.error.not.found',
      [String(ctx.params.commentId)],
    );
  return { a, c };
}

export const getRequestCommentById: Handler = (ctx) => {
  const { a, c } = findComment(ctx);
  return json(200, commentDto(ctx, jsm(ctx), a.request, c, expandOf(ctx), a.agent));
};

export const getCommentAttachments: Handler = (ctx) => {
  const st = jsm(ctx);
  const { a, c } = findComment(ctx);
  const ids = new Set(a.request.commentAttachments[c.id] ?? []);
  const list = visibleAttachments(st, a.request, a.agent).filter((x) => ids.has(x.id));
  return json(
    200,
    paged(ctx, list, (x) => attachmentDto(st, ctx.base, x, ctx.now)),
  );
};

export const createRequestComment: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const b = body<{ body?: string; public?: boolean }>(ctx);
  if (typeof b.body !== 'string' || !b.body.trim())
    throw badRequest('The comment body is required.', 'sd.comment.error.body.required');
  // JSM's default is public; customers can only write public comments.
  const isPublic = b.public !== false;
  if (!isPublic && !a.agent)
    throw forbidden('Only agents can add internal comments.', 'sd.comment.error.internal.not.agent');
  const c = addRequestComment(ctx, a.issue, a.request, b.body, isPublic);
  return json(201, commentDto(ctx, st, a.request, c, new Set(), a.agent));
};
