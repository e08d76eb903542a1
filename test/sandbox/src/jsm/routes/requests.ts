// Reading requests: the caller's requests with JSM's filters, and one request with expansions.
import { json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import {
  customerRelations,
  isAgent,
  jsm,
  organizationIdsOf,
  requireVisibleRequest,
  type RequestAccess,
} from '../access.js';
import { badRequest } from '../errors.js';
import { paged } from '../render/paging.js';
import { requestDto } from '../render/request.js';
import { expandOf } from './util.js';

const OWNERSHIP = [
  'OWNED_REQUESTS',
  'PARTICIPATED_REQUESTS',
  'ORGANIZATION',
  'ALL_ORGANIZATIONS',
  'APPROVER',
  'ALL_REQUESTS',
];
const STATUS = ['OPEN_REQUESTS', 'CLOSED_REQUESTS', 'ALL_REQUESTS'];

/** `searchTerm` against the summary: words must all appear; `*` and `?` are wildcards. */
function summaryMatcher(term: string): (summary: string) => boolean {
  const words = term.toLowerCase().split(/\s+/).filter(Boolean);
  const res = words.map(
    (w) =>
      new RegExp(
        w
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.'),
        'i',
      ),
  );
  return (s) => res.every((r) => r.test(s));
}

function bad(param: string, value: string, allowed: string[]) {
  return badRequest(
    `The value '${value}' is not valid for ${param}. Valid values: ${allowed.join(', ')}.`,
    'sd.api.error.invalid.parameter',
    [param, value],
  );
}

export const getCustomerRequests: Handler = (ctx: HandlerContext) => {
  const st = jsm(ctx);
  const q = ctx.query;
  const ownership = ((q.requestOwnership as string[] | undefined) ?? []).filter(Boolean);
  for (const o of ownership) if (!OWNERSHIP.includes(o)) throw bad('requestOwnership', o, OWNERSHIP);
  const wanted = new Set(
    ownership.length ? ownership : ['OWNED_REQUESTS', 'PARTICIPATED_REQUESTS', 'ALL_ORGANIZATIONS'],
  );
  const status = (q.requestStatus as string | undefined) ?? 'ALL_REQUESTS';
  if (!STATUS.includes(status)) throw bad('requestStatus', status, STATUS);
  if (q.requestTypeId !== undefined && q.serviceDeskId === undefined)
    throw badRequest(
      'requestTypeId can only be used together with serviceDeskId.',
      'sd.api.error.requesttype.without.servicedesk',
    );
  if (q.approvalStatus && !wanted.has('APPROVER'))
    throw badRequest(
      'approvalStatus is only valid with requestOwnership=APPROVER.',
      'sd.api.error.approvalstatus.without.approver',
    );
  if (q.organizationId !== undefined && !wanted.has('ORGANIZATION'))
    throw badRequest(
      'organizationId is only valid with requestOwnership=ORGANIZATION.',
      'sd.api.error.organization.without.ownership',
    );
  const myOrgs = new Set(st.organizationsOf(ctx.accountId).map((o) => o.id));
  if (q.organizationId !== undefined && !myOrgs.has(String(q.organizationId)))
    throw badRequest(
      `You are not a member of organization ${q.organizationId}.`,
      'sd.api.error.organization.not.member',
    );
  const search = q.searchTerm ? summaryMatcher(String(q.searchTerm)) : undefined;

  const out: RequestAccess[] = [];
  for (const request of st.requests.values()) {
    const issue = st.jira.issues.get(request.issueId);
    const desk = st.desks.get(request.serviceDeskId);
    if (!issue || !desk) continue;
    if (q.serviceDeskId !== undefined && String(q.serviceDeskId) !== desk.id) continue;
    if (q.requestTypeId !== undefined && String(q.requestTypeId) !== request.requestTypeId) continue;
    const agent = isAgent(st, desk, ctx.accountId);
    const rel = customerRelations(st, issue, ctx.accountId);
    let include =
      (wanted.has('ALL_REQUESTS') && (agent || rel.size > 0)) ||
      [...rel].some((r) => wanted.has(r) && r !== 'APPROVER');
    if (wanted.has('ORGANIZATION') && q.organizationId !== undefined)
      include ||= organizationIdsOf(issue).includes(String(q.organizationId));
    if (wanted.has('APPROVER') && rel.has('APPROVER')) {
      const mine = st
        .approvalsOf(issue.id)
        .flatMap((a) => a.approvers.filter((x) => x.accountId === ctx.accountId).map((x) => [a, x] as const));
      if (q.approvalStatus === 'MY_PENDING_APPROVAL')
        include ||= mine.some(([a, x]) => a.finalDecision === 'pending' && x.decision === 'pending');
      else if (q.approvalStatus === 'MY_HISTORY_APPROVAL') include ||= mine.some(([, x]) => x.decision !== 'pending');
      else include = true;
    }
    if (!include) continue;
    const done = st.jira.statusCategoryOf(issue.fields.status).key === 'done';
    if ((status === 'OPEN_REQUESTS' && done) || (status === 'CLOSED_REQUESTS' && !done)) continue;
    if (search && !search(issue.fields.summary)) continue;
    out.push({ issue, request, desk, agent });
  }
  out.sort((a, b) => b.issue.fields.updated - a.issue.fields.updated || Number(b.issue.id) - Number(a.issue.id));
  const expand = expandOf(ctx);
  return json(
    200,
    paged(ctx, out, (a) => requestDto(ctx, st, a, expand)),
  );
};

export const getCustomerRequestByIdOrKey: Handler = (ctx) =>
  json(200, requestDto(ctx, jsm(ctx), requireVisibleRequest(ctx), expandOf(ctx)));
