import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import { SCOPE } from '../scopes.js';
import { EXPERIMENTAL, SD, type JsmPage, type JsmUser, type Organization } from './jsm-http.js';

/** Customers of desks (portal accounts) and organizations. */
@Service()
export class JsmCustomers {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  /** Customers of a desk whose name or email contains `query` (experimental in JSM). */
  async ofDesk(serviceDeskId: string, query: string | undefined, start: number, limit: number) {
    const res = await this.http.request<JsmPage<JsmUser>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/customer`,
      query: { query, start, limit },
      headers: EXPERIMENTAL,
      scopes: [SCOPE.customers],
    });
    return res.data;
  }

  /** Creates a portal-only customer account (a lost answer is settled by looking the email up). */
  async create(email: string, displayName: string): Promise<JsmUser> {
    const res = await this.http.request<JsmUser>({
      product: 'jsm',
      method: 'POST',
      path: `${SD}/customer`,
      body: { email, displayName },
      query: { strictConflictStatusCode: true },
      reconcile: {
        check: `Is there an account with the email ${email} now? Create it again only if not.`,
        find: async () => {
          const hit = await this.byEmail(email);
          return hit ? { found: true, data: hit } : { found: false };
        },
      },
    });
    return res.data;
  }

  /** The account with exactly this email in the site's user directory (customers included). */
  async byEmail(email: string): Promise<JsmUser | undefined> {
    const res = await this.http.request<JsmUser[]>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/user/search',
      query: { query: email, maxResults: 20 },
      scopes: [SCOPE.jiraUsers],
    });
    return (res.data ?? []).find((u) => u.emailAddress?.toLowerCase() === email.trim().toLowerCase());
  }

  async addToDesk(serviceDeskId: string, accountIds: string[]): Promise<void> {
    await this.http.request({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/customer`,
      body: { accountIds },
      idempotent: true,
      writeKey: `servicedesk:${serviceDeskId}`,
    });
  }

  /** Organizations: of a desk, or site-wide; optionally only those `accountId` belongs to. */
  async organizations(o: { serviceDeskId?: string; accountId?: string; start: number; limit: number }) {
    const res = await this.http.request<JsmPage<Organization>>({
      product: 'jsm',
      method: 'GET',
      path:
        o.serviceDeskId === undefined
          ? `${SD}/organization`
          : apiPath`/rest/servicedeskapi/servicedesk/${o.serviceDeskId}/organization`,
      query: { accountId: o.accountId, start: o.start, limit: o.limit },
    });
    return res.data;
  }

  async addToOrganization(organizationId: string, accountIds: string[]): Promise<void> {
    await this.http.request({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/organization/${organizationId}/user`,
      body: { accountIds },
      idempotent: true,
      writeKey: `organization:${organizationId}`,
    });
  }
}
