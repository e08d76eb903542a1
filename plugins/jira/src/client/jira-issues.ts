import { apiPath, coreServices, inject, isAtlassianMcpError, NotFoundError, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type IssueBean = JiraSchemas['IssueBean'];
export type IssueTransition = JiraSchemas['IssueTransition'];
export type IssueUpdateDetails = JiraSchemas['IssueUpdateDetails'];

/** Jira issues: read, create, edit, assign, transition, delete. */
@Service()
export class JiraIssues {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async get(key: string, options: { fields?: string[]; expand?: string[] } = {}): Promise<IssueBean> {
    const res = await this.http
      .request<IssueBean>({
        product: 'jira',
        method: 'GET',
        path: apiPath`/rest/api/3/issue/${key}`,
        query: { fields: options.fields?.join(','), expand: options.expand?.join(',') },
      })
      .catch((error: unknown) => this.explainMissing(key, error));
    return res.data;
  }

  /** A 404 for an issue says whether its project exists, so the model knows what to fix. */
  private async explainMissing(key: string, error: unknown): Promise<never> {
    if (!isAtlassianMcpError(error) || error.code !== 'not_found') throw error;
    const project = key.includes('-') ? key.slice(0, key.lastIndexOf('-')).toUpperCase() : undefined;
    const exists = project
      ? await this.http.request({ product: 'jira', method: 'GET', path: apiPath`/rest/api/3/project/${project}` }).then(
          () => true,
          () => false,
        )
      : false;
    throw exists
      ? new NotFoundError(`Issue ${key} does not exist, or you cannot see it (project ${project} exists).`, {
          cause: error,
          hint: `Search it: jira_search with jql 'project = ${project} AND text ~ "…"'.`,
        })
      : new NotFoundError(`Issue ${key} not found: there is no project ${project ?? key} you can see.`, {
          cause: error,
          hint: 'jira_list_projects lists the projects you can see.',
        });
  }

  async create(body: IssueUpdateDetails): Promise<JiraSchemas['CreatedIssue']> {
    const res = await this.http.request<JiraSchemas['CreatedIssue']>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/issue',
      body,
    });
    return res.data;
  }

  async createMany(issues: IssueUpdateDetails[]): Promise<JiraSchemas['CreatedIssues']> {
    const res = await this.http.request<JiraSchemas['CreatedIssues']>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/issue/bulk',
      body: { issueUpdates: issues },
    });
    return res.data;
  }

  async edit(key: string, body: IssueUpdateDetails): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/issue/${key}`,
      body,
      idempotent: true,
      issueKey: key,
    });
  }

  async assign(key: string, accountId: string | null): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/issue/${key}/assignee`,
      body: { accountId },
      idempotent: true,
      issueKey: key,
    });
  }

  /** Transitions available now, with their screen fields. */
  async transitions(key: string): Promise<IssueTransition[]> {
    const res = await this.http.request<JiraSchemas['Transitions']>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/transitions`,
      query: { expand: 'transitions.fields' },
    });
    return res.data.transitions ?? [];
  }

  async transition(key: string, body: IssueUpdateDetails): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/transitions`,
      body,
      issueKey: key,
    });
  }

  async editMeta(key: string): Promise<JiraSchemas['IssueUpdateMetadata']> {
    const res = await this.http.request<JiraSchemas['IssueUpdateMetadata']>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/editmeta`,
    });
    return res.data;
  }

  async delete(key: string, deleteSubtasks: boolean): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issue/${key}`,
      query: { deleteSubtasks },
      idempotent: true,
      issueKey: key,
    });
  }

  /** A page of the issue's change history, oldest first. */
  async changelog(key: string, startAt: number, maxResults: number): Promise<JiraSchemas['PageBeanChangelog']> {
    const res = await this.http.request<JiraSchemas['PageBeanChangelog']>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/changelog`,
      query: { startAt, maxResults },
    });
    return res.data;
  }
}
