// SLAs of a request (computed on the sandbox clock) and its CSAT feedback.
import { empty, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { jsm, requireVisibleRequest } from '../access.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { paged } from '../render/paging.js';
import { slaInformation, slaViews } from '../sla/information.js';
import { body } from './util.js';

export const getSlaInformation: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const views = slaViews(st, a.issue, a.request, ctx.now);
  return json(
    200,
    paged(ctx, views, (v) => slaInformation(ctx.base, a.issue, v, ctx.now)),
  );
};

export const getSlaInformationById: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx);
  const v = slaViews(st, a.issue, a.request, ctx.now).find((x) => x.metric.id === String(ctx.params.slaMetricId));
  if (!v)
    throw notFound(
      `The SLA ${ctx.params.slaMetricId} does not exist on request ${a.issue.key}.`,
      'sd.sla.error.not.found',
    );
  return json(200, slaInformation(ctx.base, a.issue, v, ctx.now));
};

const feedbackDto = (f: { rating: number; comment?: string }) => ({
  type: 'csat',
  rating: f.rating,
  ...(f.comment ? { comment: { body: f.comment } } : {}),
});

export const getFeedback: Handler = (ctx) => {
  const a = requireVisibleRequest(ctx, ctx.params.requestIdOrKey);
  const f = a.request.feedback;
  if (!f) throw notFound(`No feedback has been given for request ${a.issue.key}.`, 'sd.feedback.error.not.found');
  return json(200, feedbackDto(f));
};

export const postFeedback: Handler = (ctx) => {
  const st = jsm(ctx);
  const a = requireVisibleRequest(ctx, ctx.params.requestIdOrKey);
  if (a.issue.fields.reporter !== ctx.accountId)
    throw forbidden('Only the reporter of the request can give feedback.', 'sd.feedback.error.not.reporter');
  if (st.jira.statusCategoryOf(a.issue.fields.status).key !== 'done')
    throw badRequest('Feedback can only be given once the request is resolved.', 'sd.feedback.error.not.resolved');
  const b = body<{ rating?: number; comment?: { body?: string }; type?: string }>(ctx);
  if (!Number.isInteger(b.rating) || b.rating! < 1 || b.rating! > 5)
    throw badRequest('The rating must be an integer from 1 to 5.', 'sd.feedback.error.rating.invalid');
  if (b.type !== undefined && b.type !== 'csat')
    throw badRequest(`Unknown feedback type '${b.type}'.`, 'sd.feedback.error.type.invalid');
  a.request.feedback = { rating: b.rating!, ...(b.comment?.body ? { comment: b.comment.body } : {}), created: ctx.now };
  st.jira.touch();
  return json(201, feedbackDto(a.request.feedback));
};

export const deleteFeedback: Handler = (ctx) => {
  const a = requireVisibleRequest(ctx, ctx.params.requestIdOrKey);
  if (a.issue.fields.reporter !== ctx.accountId && !a.agent)
    throw forbidden('Only the reporter of the request can remove the feedback.', 'sd.feedback.error.not.reporter');
  delete a.request.feedback;
  return empty(204);
};
