// Queues: JQL-defined views of a desk (agents only), with their issue counts and issues.
import { json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { parseFieldSelection } from '../../jira/render/issue.js';
import { issueBean } from '../../jira/render.js';
import { runJql } from '../../jira/routes/search.js';
import { jsm, requireAgent, requireDeskAccess } from '../access.js';
import { notFound } from '../errors.js';
import type { Queue } from '../model.js';
import { paged } from '../render/paging.js';

function requireQueues(ctx: HandlerContext) {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  requireAgent(st, desk, ctx.accountId, 'view the queues of this service desk');
  return { st, desk };
}

function requireQueue(ctx: HandlerContext): Queue {
  const { st, desk } = requireQueues(ctx);
  const q = st.queues.get(`${desk.id}/${ctx.params.queueId}`);
  if (!q)
    throw notFound(
      `The queue ${ctx.params.queueId} does not exist in service desk ${desk.id}.`,
      'sd.queue.error.not.found',
    );
  return q;
}

function queueDto(ctx: HandlerContext, q: Queue, count: boolean) {
  return {
    id: q.id,
    name: q.name,
    jql: q.jql,
    fields: q.fields,
    ...(count ? { issueCount: runJql(ctx, q.jql).length } : {}),
    _links: { self: `${ctx.base}/rest/servicedeskapi/servicedesk/${q.serviceDeskId}/queue/${q.id}` },
  };
}

export const getQueues: Handler = (ctx) => {
  const { st, desk } = requireQueues(ctx);
  return json(
    200,
    paged(ctx, st.queuesOf(desk.id), (q) => queueDto(ctx, q, ctx.query.includeCount === true)),
  );
};

export const getQueue: Handler = (ctx) => json(200, queueDto(ctx, requireQueue(ctx), ctx.query.includeCount === true));

export const getIssuesInQueue: Handler = (ctx) => {
  const q = requireQueue(ctx);
  const st = jsm(ctx);
  const fields = parseFieldSelection(st.jira, q.fields, 'id');
  const rc = { store: st.jira, base: ctx.base, viewer: ctx.accountId };
  return json(
    200,
    paged(ctx, runJql(ctx, q.jql), (i) => issueBean(rc, i, { fields, expand: new Set() })),
  );
};
