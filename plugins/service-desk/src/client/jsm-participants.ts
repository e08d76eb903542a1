import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import type { JsmPage, JsmUser } from './jsm-http.js';

/** Request participants and the signed-in account's notification subscription. */
@Service()
export class JsmParticipants {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(issueIdOrKey: string): Promise<JsmUser[]> {
    const res = await this.http.request<JsmPage<JsmUser>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/participant`,
      query: { start: 0, limit: 100 },
    });
    return res.data.values ?? [];
  }

  /** Adds or removes participants (set operations: repeating one changes nothing). */
  async change(issueIdOrKey: string, accountIds: string[], add: boolean): Promise<JsmUser[]> {
    const res = await this.http.request<JsmPage<JsmUser>>({
      product: 'jsm',
      method: add ? 'POST' : 'DELETE',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/participant`,
      body: { accountIds },
      idempotent: true,
      writeKey: issueIdOrKey,
    });
    return res.data.values ?? [];
  }

  async subscribed(issueIdOrKey: string): Promise<boolean> {
    const res = await this.http.request<{ subscribed?: boolean }>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/notification`,
    });
    return res.data.subscribed === true;
  }

  async subscribe(issueIdOrKey: string, subscribe: boolean): Promise<void> {
    await this.http.request({
      product: 'jsm',
      method: subscribe ? 'PUT' : 'DELETE',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/notification`,
      idempotent: true,
      writeKey: issueIdOrKey,
    });
  }
}
