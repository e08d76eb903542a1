import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

/** Issue watchers. */
@Service()
export class JiraWatchers {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async list(key: string): Promise<JiraSchemas['Watchers']> {
    const res = await this.http.request<JiraSchemas['Watchers']>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/watchers`,
    });
    return res.data;
  }

  /** Jira takes the account id as a bare JSON string. */
  async add(key: string, accountId: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/watchers`,
      body: accountId,
      idempotent: true,
      writeKey: key,
    });
  }

  async remove(key: string, accountId: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issue/${key}/watchers`,
      query: { accountId },
      idempotent: true,
      writeKey: key,
    });
  }
}
