import { coreServices, inject, Service } from '@atlassian-mcp/core';
import type { JiraHttp, JiraSchemas } from './jira-http.js';

export type User = JiraSchemas['User'];

/** Users: the caller, search by name or email, assignable users. */
@Service()
export class JiraUsers {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async myself(): Promise<User> {
    const res = await this.http.request<User>({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' });
    return res.data;
  }

  async get(accountId: string): Promise<User> {
    const res = await this.http.request<User>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/user',
      query: { accountId },
    });
    return res.data;
  }

  async search(query: string, maxResults: number): Promise<User[]> {
    const res = await this.http.request<User[]>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/user/search',
      query: { query, maxResults },
    });
    return res.data;
  }

  /** Users who can be assigned issues in a project, or one issue. */
  async assignable(
    scope: { project?: string; issueKey?: string },
    query: string | undefined,
    maxResults: number,
  ): Promise<User[]> {
    const res = await this.http.request<User[]>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/user/assignable/search',
      query: { project: scope.project, issueKey: scope.issueKey, query, maxResults },
    });
    return res.data;
  }
}
