import { coreServices, InputError, inject, isAtlassianMcpError, Service } from '@atlassian-mcp/core';
import type { JiraHttp, JiraSchemas } from './jira-http.js';
import { ProjectScope } from './project-scope.js';

export type SearchPage = JiraSchemas['SearchAndReconcileResults'];

/** JQL search through `/search/jql` (token paging; the old `/search` was removed by Atlassian), kept inside the project allowlist. */
@Service()
export class JiraSearch {
  constructor(
    @inject(coreServices.http) private readonly http: JiraHttp,
    @inject(ProjectScope) private readonly scope: ProjectScope,
  ) {}

  async page(request: {
    jql: string;
    fields: string[];
    maxResults: number;
    nextPageToken?: string;
    expand?: string[];
  }): Promise<SearchPage> {
    const res = await this.http
      .request<SearchPage>({
        product: 'jira',
        method: 'GET',
        path: '/rest/api/3/search/jql',
        query: {
          jql: this.scope.jql(request.jql),
          fields: request.fields.join(','),
          maxResults: request.maxResults,
          nextPageToken: request.nextPageToken,
          expand: request.expand?.join(','),
        },
      })
      .catch(jqlHint);
    return res.data;
  }

  /** Jira's approximate count for a JQL query. */
  async count(jql: string): Promise<number | undefined> {
    const res = await this.http.request<JiraSchemas['JQLCountResultsBean']>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/search/approximate-count',
      body: { jql: this.scope.jql(jql) },
      idempotent: true,
    });
    return res.data.count;
  }
}

/** A 400 from search is nearly always the JQL: keep Jira's words, add what usually fixes it. */
function jqlHint(error: unknown): never {
  if (isAtlassianMcpError(error) && error.code === 'input') {
    throw new InputError(`JQL error: ${error.message}`, {
      cause: error,
      fieldErrors: (error as InputError).fieldErrors,
      hint: 'Quote values with spaces ("In Progress"), quote custom field names ("Story Points") or use cf[id]; jira_search_fields finds field names.',
    });
  }
  throw error;
}
