// Approvals: the approvers decide; one decline declines, enough approvals approve, and the
// decision moves the request through its workflow (Waiting for approval → Waiting for support or
// Declined).
import { json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { jsm, requireVisibleRequest } from '../access.js';
import { transition } from '../effects.js';
import { forbidden, jsmError, notFound } from '../errors.js';
import { approvalDto } from '../render/approval.js';
import { paged } from '../render/paging.js';
import { body } from './util.js';

export const getApprovals: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  return json(
    200,
    paged(ctx, st.approvalsOf(a.issue.id), (x) => approvalDto(st, ctx.base, x, ctx.accountId, ctx.now)),
  );
};

function findApproval(ctx: HandlerContext) {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const approval = st.approvals.get(String(ctx.params.approvalId));
  if (!approval || approval.issueId !== a.issue.id)
    throw notFound(
      `The approval ${ctx.params.approvalId} does not exist on request ${a.issue.key}.`,
      'sd.approval.error.not.found',
      [String(ctx.params.approvalId)],
    );
  return { a, approval };
}

export const getApprovalById: Handler = (ctx) => {
  const { approval } = findApproval(ctx);
  return json(200, approvalDto(jsm(ctx), ctx.base, approval, ctx.accountId, ctx.now));
};

export const answerApproval: Handler = (ctx) => {
  const st = jsm(ctx);
  const { a, approval } = findApproval(ctx);
  const { decision } = body<{ decision?: 'approve' | 'decline' }>(ctx);
  const me = approval.approvers.find((x) => x.accountId === ctx.accountId);
  if (!me) throw forbidden('You are not an approver of this request.', 'sd.approval.error.not.approver');
  if (approval.finalDecision !== 'pending' || me.decision !== 'pending')
    throw jsmError(409, 'This approval has already been decided.', 'sd.approval.error.already.decided');
  me.decision = decision === 'decline' ? 'declined' : 'approved';
  const approvals = approval.approvers.filter((x) => x.decision === 'approved').length;
  const final = me.decision === 'declined' ? 'declined' : approvals >= approval.required ? 'approved' : 'pending';
  if (final !== 'pending') {
    approval.finalDecision = final;
    approval.completed = ctx.now;
    const tid = final === 'approved' ? approval.approveTransitionId : approval.declineTransitionId;
    if (a.issue.fields.status === approval.statusId) transition(ctx, a.issue, tid);
  }
  a.issue.fields.updated = ctx.now;
  st.jira.touch();
  return json(200, approvalDto(st, ctx.base, approval, ctx.accountId, ctx.now));
};
