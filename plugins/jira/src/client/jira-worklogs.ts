import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Worklog = JiraSchemas['Worklog'];
export type WorklogPage = JiraSchemas['PageOfWorklogs'];

/** How a new worklog changes the remaining estimate (Jira's `adjustEstimate`). */
export type EstimateAdjustment =
  { mode: 'auto' | 'leave' } | { mode: 'new'; newEstimate: string } | { mode: 'manual'; reduceBy: string };

/** Issue worklogs (comments are ADF). */
@Service()
export class JiraWorklogs {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async list(key: string, startAt: number, maxResults: number): Promise<WorklogPage> {
    const res = await this.http.request<WorklogPage>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/worklog`,
      query: { startAt, maxResults },
    });
    return res.data;
  }

  async add(
    key: string,
    worklog: { timeSpentSeconds: number; started: string; comment?: unknown },
    adjust: EstimateAdjustment,
  ): Promise<Worklog> {
    const res = await this.http.request<Worklog>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/worklog`,
      issueKey: key,
      query: {
        adjustEstimate: adjust.mode,
        newEstimate: adjust.mode === 'new' ? adjust.newEstimate : undefined,
        reduceBy: adjust.mode === 'manual' ? adjust.reduceBy : undefined,
      },
      body: worklog,
    });
    return res.data;
  }

  async delete(key: string, id: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issue/${key}/worklog/${id}`,
      idempotent: true,
      issueKey: key,
    });
  }
}
