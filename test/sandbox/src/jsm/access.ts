// Who may see and do what: agents (the project's agent role, site admins) see every request of
// their desks and every comment; everyone else is a customer, who sees only the requests they
// reported, participate in, share through an organization or must approve — and public comments.
import type { HandlerContext } from '../core/product.js';
import type { Issue, User } from '../jira/model.js';
import { forbidden, notFound } from './errors.js';
import { JSM_FIELD } from './fields.js';
import type { RequestRecord, ServiceDesk } from './model.js';
import type { JsmStore } from './store.js';

export const jsm = (ctx: HandlerContext): JsmStore => ctx.site.jsm;

export function isAdmin(u: User | undefined): boolean {
  return !!u?.groups.includes('jira-admins');
}

export function isAgent(st: JsmStore, desk: ServiceDesk, accountId: string): boolean {
  return desk.agentIds.includes(accountId) || isAdmin(st.jira.user(accountId));
}

/** May raise requests on this desk (customers, open-desk licensed users, agents). */
export function isCustomer(st: JsmStore, desk: ServiceDesk, accountId: string): boolean {
  if (desk.customerIds.includes(accountId)) return true;
  const u = st.jira.user(accountId);
  if (desk.openToLicensedUsers && u?.accountType === 'atlassian' && u.active) return true;
  return st.organizationsOf(accountId).some((o) => desk.organizationIds.includes(o.id));
}

export function canAccessDesk(st: JsmStore, desk: ServiceDesk, accountId: string): boolean {
  return isAgent(st, desk, accountId) || isCustomer(st, desk, accountId);
}

export const participantsOf = (issue: Issue): string[] => (issue.fields[JSM_FIELD.participants] as string[]) ?? [];
export const organizationIdsOf = (issue: Issue): string[] => (issue.fields[JSM_FIELD.organizations] as string[]) ?? [];

/** Why the account can see the request as a customer (empty: it cannot). */
export function customerRelations(st: JsmStore, issue: Issue, accountId: string): Set<string> {
  const out = new Set<string>();
  if (issue.fields.reporter === accountId) out.add('OWNED_REQUESTS');
  if (participantsOf(issue).includes(accountId)) out.add('PARTICIPATED_REQUESTS');
  const mine = new Set(st.organizationsOf(accountId).map((o) => o.id));
  if (organizationIdsOf(issue).some((id) => mine.has(id))) out.add('ALL_ORGANIZATIONS');
  if (st.approvalsOf(issue.id).some((a) => a.approvers.some((x) => x.accountId === accountId))) out.add('APPROVER');
  return out;
}

export interface RequestAccess {
  issue: Issue;
  request: RequestRecord;
  desk: ServiceDesk;
  /** The caller is an agent of the request's desk. */
  agent: boolean;
}

export function canSee(st: JsmStore, issue: Issue, request: RequestRecord, accountId: string): boolean {
  const desk = st.desks.get(request.serviceDeskId)!;
  return isAgent(st, desk, accountId) || customerRelations(st, issue, accountId).size > 0;
}

/** The request named in the path, if the caller may see it (else JSM's 404, as Cloud hides it). */
export function requireVisibleRequest(ctx: HandlerContext, idOrKey = ctx.params.issueIdOrKey!): RequestAccess {
  const st = jsm(ctx);
  const { issue, request } = st.requireRequest(idOrKey);
  const desk = st.desks.get(request.serviceDeskId)!;
  const agent = isAgent(st, desk, ctx.accountId);
  if (!agent && customerRelations(st, issue, ctx.accountId).size === 0)
    throw notFound(
      `The request ${idOrKey} does not exist or you do not have permission to see it.`,
      'sd.customer.request.error.not.found',
      [idOrKey],
    );
  return { issue, request, desk, agent };
}

export function requireAgent(st: JsmStore, desk: ServiceDesk, accountId: string, what: string): void {
  if (!isAgent(st, desk, accountId))
    throw forbidden(`You do not have permission to ${what}.`, 'sd.api.error.permission.agent.required');
}

export function requireDeskAccess(ctx: HandlerContext, ref = ctx.params.serviceDeskId!): ServiceDesk {
  const st = jsm(ctx);
  const desk = st.requireDesk(ref);
  if (!canAccessDesk(st, desk, ctx.accountId))
    throw notFound(`Service Desk with ID ${ref} does not exist.`, 'sd.admin.servicedesk.error.not.found', [ref]);
  return desk;
}
