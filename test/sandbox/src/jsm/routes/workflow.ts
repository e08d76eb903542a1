// Status history and customer transitions (the portal's "Resolve this issue", "Cancel request"…).
import { empty, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { availableTransitions } from '../../jira/mutate.js';
import { jsm, requireVisibleRequest, type RequestAccess } from '../access.js';
import { addRequestComment, transition } from '../effects.js';
import { badRequest } from '../errors.js';
import { paged } from '../render/paging.js';
import { statusHistory } from '../render/status.js';
import type { JsmStore } from '../store.js';
import { body } from './util.js';

export const getCustomerRequestStatus: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  return json(200, paged(ctx, statusHistory(st, a.issue, ctx.now)));
};

function customerTransitions(st: JsmStore, a: RequestAccess) {
  return availableTransitions(st.jira, a.issue).filter((t) => a.desk.customerTransitionIds.includes(t.id));
}

export const getCustomerTransitions: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  return json(
    200,
    paged(ctx, customerTransitions(st, a), (t) => ({ id: t.id, name: t.name })),
  );
};

export const performCustomerTransition: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const b = body<{ id?: string; additionalComment?: { body?: string } }>(ctx);
  if (!b.id) throw badRequest('The transition id is required.', 'sd.customer.transition.error.id.required');
  if (!customerTransitions(st, a).some((t) => t.id === String(b.id)))
    throw badRequest(
      `The transition ${b.id} is not valid for request ${a.issue.key} in its current status.`,
      'sd.customer.transition.error.invalid',
      [String(b.id)],
    );
  if (b.additionalComment?.body?.trim()) addRequestComment(ctx, a.issue, a.request, b.additionalComment.body, true);
  transition(ctx, a.issue, String(b.id));
  return empty(204);
};
