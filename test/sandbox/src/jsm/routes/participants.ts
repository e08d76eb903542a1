// Participants (stored in the issue's "Request participants" field) and notification subscription.
import { empty, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { applyChanges } from '../../jira/mutate.js';
import { customerRelations, jsm, participantsOf, requireVisibleRequest } from '../access.js';
import { badRequest, forbidden } from '../errors.js';
import { JSM_FIELD } from '../fields.js';
import { paged } from '../render/paging.js';
import { userDto } from '../render/users.js';
import { accountIdsOf, requireUser } from './util.js';

export const getRequestParticipants: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  return json(
    200,
    paged(ctx, participantsOf(a.issue), (id) => userDto(st.jira, ctx.base, id)),
  );
};

function change(add: boolean): Handler {
  return (ctx) => {
    const st = jsm(ctx);
    const a = requireVisibleRequest(ctx);
    if (
      !a.agent &&
      !customerRelations(st, a.issue, ctx.accountId).has('OWNED_REQUESTS') &&
      !participantsOf(a.issue).includes(ctx.accountId)
    )
      throw forbidden('You cannot change the participants of this request.', 'sd.participant.error.forbidden');
    const ids = accountIdsOf(ctx);
    if (!ids.length) throw badRequest('Give at least one accountId.', 'sd.participant.error.none');
    for (const id of ids) requireUser(ctx, id);
    const current = participantsOf(a.issue);
    const next = add
      ? [...new Set([...current, ...ids.filter((id) => id !== a.issue.fields.reporter)])]
      : current.filter((id) => !ids.includes(id));
    applyChanges({ store: st.jira, accountId: ctx.accountId, now: ctx.now }, a.issue, {
      [JSM_FIELD.participants]: next.length ? next : null,
    });
    return json(
      200,
      paged(ctx, next, (id) => userDto(st.jira, ctx.base, id)),
    );
  };
}

export const addRequestParticipants = change(true);
export const removeRequestParticipants = change(false);

function involved(a: ReturnType<typeof requireVisibleRequest>, accountId: string): boolean {
  const i = a.issue;
  return (
    i.fields.reporter === accountId ||
    i.fields.assignee === accountId ||
    participantsOf(i).includes(accountId) ||
    i.watchers.includes(accountId)
  );
}

export const getSubscriptionStatus: Handler = (ctx) => {
  const a = requireVisibleRequest(ctx);
  const r = a.request;
  const subscribed =
    !r.unsubscribed.includes(ctx.accountId) && (involved(a, ctx.accountId) || r.subscribed.includes(ctx.accountId));
  return json(200, { subscribed });
};

export const subscribe: Handler = (ctx) => {
  const r = requireVisibleRequest(ctx).request;
  r.unsubscribed = r.unsubscribed.filter((id) => id !== ctx.accountId);
  if (!r.subscribed.includes(ctx.accountId)) r.subscribed.push(ctx.accountId);
  return empty(204);
};

export const unsubscribe: Handler = (ctx) => {
  const r = requireVisibleRequest(ctx).request;
  r.subscribed = r.subscribed.filter((id) => id !== ctx.accountId);
  if (!r.unsubscribed.includes(ctx.accountId)) r.unsubscribed.push(ctx.accountId);
  return empty(204);
};
