import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import type { Approval, JsmPage } from './jsm-http.js';

/** Approvals of a request and the signed-in approver's decision. */
@Service()
export class JsmApprovals {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(issueIdOrKey: string): Promise<Approval[]> {
    const res = await this.http.request<JsmPage<Approval>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/approval`,
      query: { start: 0, limit: 50 },
    });
    return res.data.values ?? [];
  }

  async get(issueIdOrKey: string, approvalId: string): Promise<Approval> {
    const res = await this.http.request<Approval>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/approval/${approvalId}`,
    });
    return res.data;
  }

  /** Records the signed-in approver's decision (a lost answer is settled by reading the approval). */
  async answer(issueIdOrKey: string, approvalId: string, decision: 'approve' | 'decline'): Promise<Approval> {
    const res = await this.http.request<Approval>({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/approval/${approvalId}`,
      body: { decision },
      writeKey: issueIdOrKey,
      reconcile: {
        check: `servicedesk_get_approvals {issueKey: "${issueIdOrKey}"}: is your decision on approval ${approvalId} recorded? Decide again only if it is not.`,
        find: async () => {
          const a = await this.get(issueIdOrKey, approvalId);
          // Still answerable by this account: the decision was not recorded.
          return a.canAnswerApproval ? { found: false } : { found: true, data: a };
        },
      },
    });
    return res.data;
  }
}
