import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';
import { carriesMarker, newWriteMarker } from './write-marker.js';

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
    const marker = newWriteMarker();
    const res = await this.http.request<Worklog>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/worklog`,
      writeKey: key,
      query: {
        adjustEstimate: adjust.mode,
        newEstimate: adjust.mode === 'new' ? adjust.newEstimate : undefined,
        reduceBy: adjust.mode === 'manual' ? adjust.reduceBy : undefined,
      },
      body: { ...worklog, properties: [marker.property] },
      reconcile: {
        check: `jira_list_worklogs {issueKey: "${key}"}: is a worklog started ${worklog.started} there? Log it again only if it is not.`,
        find: () => this.findMarked(key, Date.parse(worklog.started), marker.id),
      },
    });
    return res.data;
  }

  /** The worklog carrying `markerId`, among those started around `started` (the list filters by start). */
  private async findMarked(
    key: string,
    started: number,
    markerId: string,
  ): Promise<{ found: true; data: Worklog } | { found: false }> {
    const around = Number.isNaN(started) ? {} : { startedAfter: started - 60_000, startedBefore: started + 60_000 };
    const res = await this.http.request<WorklogPage>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/worklog`,
      query: { ...around, maxResults: 5000, expand: 'properties' },
    });
    const hit = res.data.worklogs?.find((w) => carriesMarker(w.properties, markerId));
    return hit ? { found: true, data: hit } : { found: false };
  }

  async delete(key: string, id: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issue/${key}/worklog/${id}`,
      idempotent: true,
      writeKey: key,
    });
  }
}
