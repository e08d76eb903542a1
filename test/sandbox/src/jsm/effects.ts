// Writes on a request, with the side effects JSM has: comments carry `sd.public.comment`; a
// customer's reply moves a "Waiting for customer" request back to "Waiting for support" (JSM's
// default automation); canceling or declining resolves as "Won't Do"; temporary attachments become
// Jira attachments, internal ones hidden from customers.
import type { HandlerContext } from '../core/product.js';
import type { Attachment, Comment, Issue } from '../jira/model.js';
import { availableTransitions, moveToStatus } from '../jira/mutate.js';
import { isAgent, jsm } from './access.js';
import { badRequest } from './errors.js';
import type { Approval, RequestRecord } from './model.js';
import { wikiToAdf } from './text.js';

const WONT_DO = '10001';

export function transition(ctx: HandlerContext, issue: Issue, transitionId: string, accountId = ctx.accountId): void {
  const st = jsm(ctx);
  const t = availableTransitions(st.jira, issue).find((x) => x.id === String(transitionId));
  if (!t)
    throw badRequest(
      `The transition ${transitionId} is not valid for request ${issue.key} in its current status.`,
      'sd.customer.transition.error.invalid',
      [String(transitionId)],
    );
  const to = st.jira.statuses.get(t.to)!;
  const extra = to.categoryId === 3 && /cancel|declin/i.test(to.name) ? { resolution: WONT_DO } : {};
  moveToStatus({ store: st.jira, accountId, now: ctx.now }, issue, t.to, extra);
}

export function addRequestComment(
  ctx: HandlerContext,
  issue: Issue,
  request: RequestRecord,
  text: string,
  isPublic: boolean,
): Comment {
  const st = jsm(ctx);
  const c: Comment = {
    id: String(st.jira.nextId('comment')),
    issueId: issue.id,
    authorId: ctx.accountId,
    updateAuthorId: ctx.accountId,
    body: wikiToAdf(text),
    created: ctx.now,
    updated: ctx.now,
    ...(isPublic ? {} : { properties: { 'sd.public.comment': { internal: true } } }),
  };
  st.jira.addComment(c);
  issue.fields.updated = ctx.now;
  const desk = st.desks.get(request.serviceDeskId)!;
  const waiting = st.jira.statuses.get(issue.fields.status)?.name === 'Waiting for customer';
  if (isPublic && waiting && !isAgent(st, desk, ctx.accountId)) {
    const back = availableTransitions(st.jira, issue).find(
      (t) => st.jira.statuses.get(t.to)?.name === 'Waiting for support',
    );
    if (back) transition(ctx, issue, back.id);
  }
  return c;
}

/** Turns temporary attachments of the request's desk into attachments of the request. */
export function attachTemporary(
  ctx: HandlerContext,
  issue: Issue,
  request: RequestRecord,
  ids: string[],
  isPublic: boolean,
): Attachment[] {
  const st = jsm(ctx);
  const out: Attachment[] = [];
  for (const id of ids) {
    const tmp = st.temporaryAttachments.get(id);
    if (!tmp || tmp.serviceDeskId !== request.serviceDeskId || tmp.authorId !== ctx.accountId)
      throw badRequest(
        `The temporary attachment ${id} does not exist or has expired.`,
        'sd.attachment.temporary.not.found',
        [id],
      );
  }
  for (const id of ids) {
    const tmp = st.temporaryAttachments.get(id)!;
    const a: Attachment = {
      id: String(st.jira.nextId('attachment')),
      issueId: issue.id,
      filename: tmp.filename,
      authorId: ctx.accountId,
      created: ctx.now,
      size: tmp.size,
      mimeType: tmp.mimeType,
      content: tmp.content,
    };
    st.jira.addAttachment(a);
    st.temporaryAttachments.delete(id);
    if (!isPublic) request.internalAttachmentIds.push(a.id);
    out.push(a);
  }
  issue.fields.updated = ctx.now;
  return out;
}

/** An approval step for a request that waits in its request type's approval status. */
export function openApproval(ctx: HandlerContext, issue: Issue, request: RequestRecord): Approval | undefined {
  const st = jsm(ctx);
  const cfg = st.requestTypes.get(request.requestTypeId)?.approval;
  if (!cfg || issue.fields.status !== cfg.statusId) return undefined;
  const a: Approval = {
    id: String(st.nextId('approval')),
    issueId: issue.id,
    name: cfg.name,
    statusId: cfg.statusId,
    approvers: cfg.approverIds.map((accountId) => ({ accountId, decision: 'pending' })),
    required: cfg.required,
    finalDecision: 'pending',
    approveTransitionId: cfg.approveTransitionId,
    declineTransitionId: cfg.declineTransitionId,
    created: ctx.now,
  };
  st.approvals.set(a.id, a);
  return a;
}
