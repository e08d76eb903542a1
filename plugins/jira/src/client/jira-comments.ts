import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';
import { carriesMarker, newWriteMarker } from './write-marker.js';

/** How many of the newest comments a lost add is looked for among. */
const LOOKUP_WINDOW = 50;

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
    const marker = newWriteMarker();
    const res = await this.http.request<Comment>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/comment`,
      body: { body, properties: [marker.property] },
      writeKey: key,
      reconcile: {
        check: `jira_list_comments {issueKey: "${key}"}: is the new comment there? Add it again only if it is not.`,
        find: () => this.findMarked(key, marker.id),
      },
    });
    return res.data;
  }

  /** The comment carrying `markerId` among the newest on the issue (comment properties come from `/comment/list`). */
  private async findMarked(key: string, markerId: string): Promise<{ found: true; data: Comment } | { found: false }> {
    const ids = ((await this.list(key, 0, LOOKUP_WINDOW)).comments ?? []).map((c) => Number(c.id)).filter(Boolean);
    if (ids.length === 0) return { found: false };
    const res = await this.http.request<{ values?: Comment[] }>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/comment/list',
      query: { expand: 'properties' },
      body: { ids },
      idempotent: true,
    });
    const hit = res.data.values?.find((c) => carriesMarker(c.properties, markerId));
    return hit ? { found: true, data: hit } : { found: false };
  }

  async update(key: string, id: string, body: unknown): Promise<Comment> {
    const res = await this.http.request<Comment>({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/issue/${key}/comment/${id}`,
      body: { body },
      idempotent: true,
      writeKey: key,
    });
    return res.data;
  }

  async delete(key: string, id: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issue/${key}/comment/${id}`,
      idempotent: true,
      writeKey: key,
    });
  }
}
