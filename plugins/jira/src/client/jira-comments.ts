import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Comment = JiraSchemas['Comment'];
export type CommentPage = JiraSchemas['PageOfComments'];

/** Issue comments (bodies are ADF). */
@Service()
export class JiraComments {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  /** A page of comments, newest first. */
  async list(key: string, startAt: number, maxResults: number): Promise<CommentPage> {
    const res = await this.http.request<CommentPage>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/comment`,
      query: { startAt, maxResults, orderBy: '-created' },
    });
    return res.data;
  }

  async get(key: string, id: string): Promise<Comment> {
    const res = await this.http.request<Comment>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/comment/${id}`,
    });
    return res.data;
  }

  async add(key: string, body: unknown): Promise<Comment> {
    const res = await this.http.request<Comment>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/comment`,
      body: { body },
      issueKey: key,
    });
    return res.data;
  }

  async update(key: string, id: string, body: unknown): Promise<Comment> {
    const res = await this.http.request<Comment>({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/issue/${key}/comment/${id}`,
      body: { body },
      idempotent: true,
      issueKey: key,
    });
    return res.data;
  }

  async delete(key: string, id: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issue/${key}/comment/${id}`,
      idempotent: true,
      issueKey: key,
    });
  }
}
