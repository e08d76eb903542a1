import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import type { operations } from '../generated/jira-agile.js';
import { type JiraHttp } from './jira-http.js';

// The Jira Software spec documents its responses by example only (no schemas), so these two
// response shapes are written from those examples; request bodies come from the generated types.
export interface Board {
  id: number;
  name: string;
  type?: string;
  location?: { projectKey?: string; projectName?: string };
}
export interface Sprint {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  createdDate?: string;
  goal?: string;
  originBoardId?: number;
}

/** Room for the difference between our clock and Atlassian's when matching "created since". */
const CLOCK_SKEW_MS = 10 * 60_000;

export interface AgilePage<T> {
  startAt?: number;
  maxResults?: number;
  total?: number;
  isLast?: boolean;
  values: T[];
}
type CreateSprintBody = operations['createSprint']['requestBody']['content']['application/json'];
type UpdateSprintBody = operations['partiallyUpdateSprint']['requestBody']['content']['application/json'];
type MoveToSprintBody = operations['moveIssuesToSprintAndRank']['requestBody']['content']['application/json'];
type RankBody = operations['rankIssues']['requestBody']['content']['application/json'];
export type SprintPatch = Omit<UpdateSprintBody, 'id' | 'self'>;

/** Jira Software: boards, sprints, backlog, epics, rank. */
@Service()
export class JiraAgile {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async boards(query: {
    projectKeyOrId?: string;
    name?: string;
    type?: string;
    startAt?: number;
    maxResults?: number;
  }): Promise<AgilePage<Board>> {
    const res = await this.http.request<AgilePage<Board>>({
      product: 'jira',
      method: 'GET',
      path: '/rest/agile/1.0/board',
      query,
    });
    return res.data;
  }

  async sprints(
    boardId: number,
    states: Array<Sprint['state']>,
    startAt = 0,
    maxResults = 50,
  ): Promise<AgilePage<Sprint>> {
    const res = await this.http.request<AgilePage<Sprint>>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/agile/1.0/board/${boardId}/sprint`,
      query: { state: states.join(','), startAt, maxResults },
    });
    return res.data;
  }

  async sprint(sprintId: number): Promise<Sprint> {
    const res = await this.http.request<Sprint>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/agile/1.0/sprint/${sprintId}`,
    });
    return res.data;
  }

  /**
   * Creates a future sprint. After a lost answer, a future sprint of this name created since just
   * before the send (with room for clock skew) is taken for it.
   */
  async createSprint(body: CreateSprintBody): Promise<Sprint> {
    const board = body.originBoardId;
    const since = Date.now() - CLOCK_SKEW_MS;
    const res = await this.http.request<Sprint>({
      product: 'jira',
      method: 'POST',
      path: '/rest/agile/1.0/sprint',
      body,
      reconcile: {
        check: `jira_list_sprints {boardId: ${board}, state: ["future"]}: is "${body.name}" there? Create it only if not.`,
        find: async () => {
          const future = board === undefined ? [] : ((await this.sprints(board, ['future'], 0, 200)).values ?? []);
          const hit = future.find((s) => s.name === body.name && Date.parse(String(s.createdDate)) >= since);
          return hit ? { found: true, data: hit } : { found: false };
        },
      },
    });
    return res.data;
  }

  /**
   * A partial update (also how sprints start and close). Repeating a state change fails, so a lost
   * answer is settled by reading the sprint: every field as asked → done; otherwise sent again.
   */
  async updateSprint(sprintId: number, patch: SprintPatch): Promise<Sprint> {
    const res = await this.http.request<Sprint>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/agile/1.0/sprint/${sprintId}`,
      body: patch,
      reconcile: {
        check: `jira_list_sprints for its board: does sprint ${sprintId} show the change? Make it only if not.`,
        find: async () => {
          const now = await this.sprint(sprintId);
          return matchesPatch(now, patch) ? { found: true, data: now } : { found: false };
        },
      },
    });
    return res.data;
  }

  /** Issues of a board, a sprint, the backlog or an epic, as a JQL-filtered page. */
  async issues(
    scope: { boardId?: number; sprintId?: number; backlogOf?: number; epic?: string },
    query: { jql?: string; fields: string[]; startAt: number; maxResults: number },
  ) {
    const path =
      scope.sprintId !== undefined
        ? apiPath`/rest/agile/1.0/sprint/${scope.sprintId}/issue`
        : scope.backlogOf !== undefined
          ? apiPath`/rest/agile/1.0/board/${scope.backlogOf}/backlog`
          : scope.epic !== undefined
            ? apiPath`/rest/agile/1.0/epic/${scope.epic}/issue`
            : apiPath`/rest/agile/1.0/board/${scope.boardId ?? 0}/issue`;
    const res = await this.http.request<{
      startAt?: number;
      maxResults?: number;
      total?: number;
      issues?: Array<{ key?: string; fields?: Record<string, unknown> }>;
    }>({
      product: 'jira',
      method: 'GET',
      path,
      query: { jql: query.jql, fields: query.fields.join(','), startAt: query.startAt, maxResults: query.maxResults },
    });
    return res.data;
  }

  async epics(
    boardId: number,
    startAt = 0,
    maxResults = 50,
  ): Promise<AgilePage<{ id: number; key: string; name?: string; summary?: string; done?: boolean }>> {
    const res = await this.http.request<
      AgilePage<{ id: number; key: string; name?: string; summary?: string; done?: boolean }>
    >({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/agile/1.0/board/${boardId}/epic`,
      query: { startAt, maxResults },
    });
    return res.data;
  }

  async moveToSprint(sprintId: number, body: MoveToSprintBody): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/agile/1.0/sprint/${sprintId}/issue`,
      body,
      idempotent: true,
    });
  }

  async moveToBacklog(issues: string[]): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'POST',
      path: '/rest/agile/1.0/backlog/issue',
      body: { issues },
      idempotent: true,
    });
  }

  async rank(body: RankBody): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'PUT',
      path: '/rest/agile/1.0/issue/rank',
      body,
      idempotent: true,
    });
  }
}

/** True when the sprint shows every field of the patch (dates compared as instants). */
function matchesPatch(sprint: Sprint, patch: SprintPatch): boolean {
  return Object.entries(patch).every(([k, want]) => {
    if (want === undefined) return true;
    const have = (sprint as unknown as Record<string, unknown>)[k];
    if (k.endsWith('Date')) return Date.parse(String(have)) === Date.parse(String(want));
    return have === want;
  });
}
