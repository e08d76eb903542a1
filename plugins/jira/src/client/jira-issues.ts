import { apiPath, coreServices, inject, isAtlassianMcpError, NotFoundError, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';
import { carriesMarker, newWriteMarker, WRITE_PROPERTY } from './write-marker.js';

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
    const marker = newWriteMarker();
    const res = await this.http.request<JiraSchemas['CreatedIssue']>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/issue',
      body: { ...body, properties: [...(body.properties ?? []), marker.property] },
      reconcile: {
        check: `${recentIssuesCheck([body])} Create it again only if it is not there.`,
        find: async () => {
          const [hit] = await this.findMarked([body], [marker.id]);
          return { found: true, data: hit };
        },
      },
    });
    return res.data;
  }

  async createMany(issues: IssueUpdateDetails[]): Promise<JiraSchemas['CreatedIssues']> {
    const markers = issues.map(() => newWriteMarker());
    const res = await this.http.request<JiraSchemas['CreatedIssues']>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/issue/bulk',
      body: {
        issueUpdates: issues.map((b, i) => ({ ...b, properties: [...(b.properties ?? []), markers[i]!.property] })),
      },
      reconcile: {
        check: `${recentIssuesCheck(issues)} Create again only those that are not there.`,
        find: async () => ({
          found: true,
          data: {
            issues: await this.findMarked(
              issues,
              markers.map((m) => m.id),
            ),
            errors: [],
          },
        }),
      },
    });
    return res.data;
  }

  /**
   * The issues carrying the markers, from a search of the projects' recently created issues. Jira's
   * search index can lag a fresh create, so "not found" proves nothing: it throws (the outcome
   * stays unknown) rather than let the create be sent again.
   */
  private async findMarked(
    bodies: IssueUpdateDetails[],
    markerIds: string[],
  ): Promise<Array<{ id: string; key: string; self: string }>> {
    const projects = [...new Set(bodies.map(projectOf).filter((p): p is string => p !== undefined))];
    if (projects.length === 0) throw new Error('no project to search');
    const res = await this.http.request<{ issues?: IssueBean[] }>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/search/jql',
      body: {
        jql: `project in (${projects.map((p) => `"${p}"`).join(', ')}) AND created >= -60m ORDER BY created DESC`,
        fields: ['summary'],
        properties: [WRITE_PROPERTY],
        maxResults: 100,
      },
      idempotent: true,
    });
    const found = markerIds.map((id) => res.data.issues?.find((i) => carriesMarker(i.properties, id)));
    if (found.some((i) => !i)) throw new Error(`${found.filter((i) => !i).length} of the issues are not visible yet`);
    return found.map((i) => ({ id: i!.id!, key: i!.key!, self: i!.self! }));
  }

  async edit(key: string, body: IssueUpdateDetails): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/issue/${key}`,
      body,
      idempotent: true,
      writeKey: key,
    });
  }

  async assign(key: string, accountId: string | null): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/issue/${key}/assignee`,
      body: { accountId },
      idempotent: true,
      writeKey: key,
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

  /**
   * Runs a transition. With `toStatusId` (and a transition that is not a loop), a lost answer is
   * settled by reading the issue's status: already there → done; not there → sent once more.
   */
  async transition(key: string, body: IssueUpdateDetails, toStatusId?: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/transitions`,
      body,
      writeKey: key,
      reconcile: toStatusId
        ? {
            check: `jira_get_issue {issueKey: "${key}"}: is it in the target status? Transition it only if it is not.`,
            find: async () => {
              const status = (await this.get(key, { fields: ['status'] })).fields?.status as
                { id?: string } | undefined;
              return status?.id === toStatusId ? { found: true } : { found: false };
            },
          }
        : undefined,
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
      writeKey: key,
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

/** The project key or id a create names. */
function projectOf(body: IssueUpdateDetails): string | undefined {
  const p = body.fields?.project as { key?: string; id?: string } | undefined;
  return p?.key ?? p?.id;
}

/** The search that shows whether creates happened, for an "outcome unknown" answer. */
function recentIssuesCheck(bodies: IssueUpdateDetails[]): string {
  const projects = [...new Set(bodies.map(projectOf).filter(Boolean))].join(', ');
  const summaries = bodies
    .map((b) => b.fields?.summary)
    .filter((x): x is string => typeof x === 'string')
    .slice(0, 3)
    .map((x) => JSON.stringify(x.length > 60 ? `${x.slice(0, 60)}…` : x))
    .join(', ');
  return `jira_search {jql: "project in (${projects}) AND reporter = currentUser() AND created >= -60m"}: look for ${summaries || 'the new issues'}.`;
}
