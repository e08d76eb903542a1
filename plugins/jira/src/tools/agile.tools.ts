import * as z from 'zod';
import { InputError, inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraAgile, type Sprint } from '../client/jira-agile.js';
import { ProjectScope } from '../client/project-scope.js';
import { compact, shortTime } from '../view/display.js';
import { IssueViews } from '../view/issue-views.js';
import { listOut, pageOut } from '../view/outputs.js';
import { rowLine } from '../view/render-helpers.js';
import type { IssueRow } from '../view/schemas.js';
import { issueIdOrKey, projectKeyOrId } from './ids.js';

// Jira Software takes granular scopes only; each tool lists what the operations it calls need (spec `security`).
const SCOPES = {
  boards: ['read:board-scope:jira-software', 'read:project:jira'],
  sprints: ['read:sprint:jira-software'],
  writeSprint: ['write:sprint:jira-software'],
  changeSprint: ['read:sprint:jira-software', 'write:sprint:jira-software'],
  issues: [
    'read:board-scope:jira-software',
    'read:sprint:jira-software',
    'read:epic:jira-software',
    'read:issue-details:jira',
    'read:jql:jira',
  ],
  move: ['write:sprint:jira-software', 'write:board-scope:jira-software'],
  rank: ['write:issue:jira-software'],
  epics: ['read:epic:jira-software'],
};

const boardsInput = z.object({ project: projectKeyOrId.optional(), name: z.string().optional() });
const sprintsInput = z.object({
  boardId: z.number().int(),
  state: z.array(z.enum(['active', 'future', 'closed'])).optional(),
  cursor: z.string().optional(),
});
const createSprintInput = z.object({
  boardId: z.number().int(),
  name: z.string(),
  goal: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
});
const updateSprintInput = z.object({
  sprintId: z.number().int(),
  name: z.string().optional(),
  goal: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
});
const startSprintInput = z.object({
  sprintId: z.number().int(),
  endDate: z.string().optional().describe('ISO; default two weeks from now'),
});
const sprintIdInput = z.object({ sprintId: z.number().int() });
const agileIssuesInput = z.object({
  sprintId: z.number().int().optional(),
  boardId: z.number().int().optional(),
  backlog: z.boolean().optional().describe("The board's backlog"),
  epic: issueIdOrKey.optional().describe('Epic key'),
  jql: z.string().optional(),
  limit: z.number().int().optional(),
  cursor: z.string().optional(),
});
const moveInput = z.object({
  issues: z.array(issueIdOrKey),
  sprintId: z.number().int().optional().describe('Omit to move to the backlog'),
});
const rankInput = z.object({
  issues: z.array(issueIdOrKey),
  before: issueIdOrKey.optional(),
  after: issueIdOrKey.optional(),
});

type SprintView = { id: number; name: string; state: string; start?: string; end?: string; goal?: string };
const TWO_WEEKS_MS = 14 * 24 * 3600 * 1000;

/** Jira Software: boards, sprints, backlog, epics, rank. */
@ToolProvider()
export class AgileTools {
  constructor(
    @inject(JiraAgile) private readonly agile: JiraAgile,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(ProjectScope) private readonly scope: ProjectScope,
  ) {}

  @Tool({
    name: 'jira_list_boards',
    title: 'List boards',
    description: 'Scrum/kanban boards, optionally of one project.',
    input: boardsInput,
    output: listOut('boards'),
    readOnly: true,
    toolset: 'agile',
    targets: { project: 'project' },
    scopes: SCOPES.boards,
    render: (out, kit) =>
      [
        kit.fence(
          (out.boards as Array<{ id: number; name: string; type?: string; project?: string }>)
            .map((b) => `${b.id} · ${b.name} (${b.type ?? '?'}${b.project ? `, ${b.project}` : ''})`)
            .join('\n'),
          'boards',
        ) || 'No boards.',
        out.truncated ? `showing the first ${out.boards.length} boards; narrow with project or name` : undefined,
      ]
        .filter(Boolean)
        .join('\n'),
  })
  async listBoards(input: z.infer<typeof boardsInput>) {
    const page = await this.agile.boards({ projectKeyOrId: input.project, name: input.name, maxResults: 50 });
    return {
      // Boards of other projects (or of none) are not shown when an allowlist is set.
      boards: page.values
        .filter((b) => this.scope.allows(b.location?.projectKey ?? ''))
        .map((b) => compact({ id: b.id, name: b.name, type: b.type, project: b.location?.projectKey })),
      truncated: page.isLast === false || undefined,
    };
  }

  @Tool({
    name: 'jira_list_sprints',
    title: 'List sprints',
    description: 'Sprints of a board (default: active and future).',
    input: sprintsInput,
    output: pageOut('sprints'),
    readOnly: true,
    toolset: 'agile',
    targets: { boardId: 'board' },
    scopes: SCOPES.sprints,
    render: (out, kit) =>
      out.sprints.length === 0
        ? 'No sprints.'
        : `${kit.fence((out.sprints as SprintView[]).map((s) => sprintLine(s)).join('\n'), 'sprints')}\n${kit.more({ shown: out.sprints.length, nextCursor: out.nextCursor, noun: 'sprints' })}`,
  })
  async listSprints(input: z.infer<typeof sprintsInput>) {
    const state = input.state ?? ['active', 'future'];
    const paging = pager('jira.sprints', input.cursor, { boardId: input.boardId, state });
    const { startAt, maxResults } = paging.offset(50);
    const page = await this.agile.sprints(input.boardId, state, startAt, maxResults);
    const { items, nextCursor } = paging.offsetPage<Sprint>(page);
    return { sprints: items.map(sprintView), nextCursor };
  }

  @Tool({
    name: 'jira_create_sprint',
    title: 'Create sprint',
    description: 'Create a future sprint on a board.',
    input: createSprintInput,
    output: z.looseObject({ id: z.number() }),
    readOnly: false,
    toolset: 'agile',
    targets: { boardId: 'board' },
    scopes: SCOPES.writeSprint,
    render: (out, kit) => `Created sprint ${sprintLine(out as unknown as SprintView, kit.inline)}`,
  })
  async createSprint(input: z.infer<typeof createSprintInput>): Promise<SprintView> {
    const { boardId, ...rest } = input;
    return sprintView(await this.agile.createSprint({ originBoardId: boardId, ...rest }));
  }

  @Tool({
    name: 'jira_update_sprint',
    title: 'Update sprint',
    description: 'Rename a sprint or change its goal or dates.',
    input: updateSprintInput,
    output: z.looseObject({ id: z.number() }),
    readOnly: false,
    idempotent: true,
    toolset: 'agile',
    targets: { sprintId: 'sprint' },
    scopes: SCOPES.writeSprint,
    render: (out, kit) => `Updated sprint ${sprintLine(out as unknown as SprintView, kit.inline)}`,
  })
  async updateSprint(input: z.infer<typeof updateSprintInput>): Promise<SprintView> {
    const { sprintId, ...patch } = input;
    if (Object.keys(patch).length === 0) throw new InputError('Nothing to update.');
    return sprintView(await this.agile.updateSprint(sprintId, patch));
  }

  @Tool({
    name: 'jira_start_sprint',
    title: 'Start sprint',
    description: 'Start a future sprint now.',
    input: startSprintInput,
    output: z.looseObject({ id: z.number() }),
    readOnly: false,
    toolset: 'agile',
    targets: { sprintId: 'sprint' },
    scopes: SCOPES.changeSprint,
    render: (out, kit) => `Started sprint ${sprintLine(out as unknown as SprintView, kit.inline)}`,
  })
  async startSprint(input: z.infer<typeof startSprintInput>): Promise<SprintView> {
    const sprint = await this.agile.sprint(input.sprintId);
    if (sprint.state !== 'future')
      throw new InputError(`Sprint ${sprint.name} is ${sprint.state}; only a future sprint can start.`);
    const now = Date.now();
    const endDate = input.endDate ?? sprint.endDate ?? new Date(now + TWO_WEEKS_MS).toISOString();
    return sprintView(
      await this.agile.updateSprint(input.sprintId, {
        state: 'active',
        startDate: new Date(now).toISOString(),
        endDate,
      }),
    );
  }

  @Tool({
    name: 'jira_close_sprint',
    title: 'Close sprint',
    description: 'Complete an active sprint.',
    input: sprintIdInput,
    output: z.looseObject({ id: z.number() }),
    readOnly: false,
    toolset: 'agile',
    targets: { sprintId: 'sprint' },
    scopes: SCOPES.changeSprint,
    render: (out, kit) => `Closed sprint ${sprintLine(out as unknown as SprintView, kit.inline)}`,
  })
  async closeSprint(input: z.infer<typeof sprintIdInput>): Promise<SprintView> {
    const sprint = await this.agile.sprint(input.sprintId);
    if (sprint.state !== 'active')
      throw new InputError(`Sprint ${sprint.name} is ${sprint.state}; only an active sprint can close.`);
    return sprintView(await this.agile.updateSprint(input.sprintId, { state: 'closed' }));
  }

  @Tool({
    name: 'jira_list_agile_issues',
    title: 'Sprint/board/backlog/epic issues',
    description: "Issues of a sprint, a board, a board's backlog or an epic.",
    input: agileIssuesInput,
    output: pageOut('issues'),
    readOnly: true,
    toolset: 'agile',
    targets: { sprintId: 'sprint', boardId: 'board', epic: 'issue', jql: 'jql' },
    scopes: SCOPES.issues,
    render: (out, kit) =>
      out.issues.length === 0
        ? 'No issues.'
        : `${kit.fence((out.issues as IssueRow[]).map(rowLine).join('\n'), 'issues')}\n${kit.more({ shown: out.issues.length, total: out.total as number, nextCursor: out.nextCursor, noun: 'issues' })}`,
  })
  async listAgileIssues(input: z.infer<typeof agileIssuesInput>) {
    const scope =
      input.sprintId !== undefined
        ? { sprintId: input.sprintId }
        : input.epic !== undefined
          ? { epic: input.epic }
          : input.boardId !== undefined
            ? input.backlog
              ? { backlogOf: input.boardId }
              : { boardId: input.boardId }
            : undefined;
    if (!scope) throw new InputError('Pass sprintId, boardId (with backlog: true for its backlog) or epic.');
    const paging = pager('jira.agile-issues', input.cursor, { ...scope, jql: input.jql });
    const page = await this.agile.issues(scope, {
      // The board's own filter may reach other projects: confined here even without a jql.
      jql: this.scope.active ? this.scope.jql(input.jql ?? '') : input.jql,
      fields: ['summary', 'status', 'assignee'],
      ...paging.offset(Math.min(100, Math.max(1, input.limit ?? 50))),
    });
    const { items, total, nextCursor } = paging.offsetPage<NonNullable<typeof page.issues>[number]>(page, 'issues');
    return { issues: items.map((i) => this.views.row(i)), total, nextCursor };
  }

  @Tool({
    name: 'jira_move_issues',
    title: 'Move to sprint/backlog',
    description: 'Move issues into a sprint, or to the backlog.',
    input: moveInput,
    output: z.looseObject({ moved: z.number() }),
    readOnly: false,
    idempotent: true,
    toolset: 'agile',
    targets: { 'issues[]': 'issue', sprintId: 'sprint' },
    scopes: SCOPES.move,
    render: (out) => `Moved ${String(out.moved)} issue(s) to ${String(out.to)}.`,
  })
  async moveIssues(input: z.infer<typeof moveInput>) {
    if (input.issues.length === 0 || input.issues.length > 50) throw new InputError('Move 1 to 50 issues at a time.');
    if (input.sprintId === undefined) await this.agile.moveToBacklog(input.issues);
    else await this.agile.moveToSprint(input.sprintId, { issues: input.issues });
    return {
      moved: input.issues.length,
      to: input.sprintId === undefined ? 'the backlog' : `sprint ${input.sprintId}`,
    };
  }

  @Tool({
    name: 'jira_rank_issues',
    title: 'Rank issues',
    description: 'Rank issues before or after another issue.',
    input: rankInput,
    output: z.looseObject({ ranked: z.number() }),
    readOnly: false,
    idempotent: true,
    toolset: 'agile',
    targets: { 'issues[]': 'issue', before: 'issue', after: 'issue' },
    scopes: SCOPES.rank,
    render: (out) => `Ranked ${String(out.ranked)} issue(s).`,
  })
  async rankIssues(input: z.infer<typeof rankInput>) {
    if ((input.before === undefined) === (input.after === undefined))
      throw new InputError('Pass exactly one of `before` or `after`.');
    if (input.issues.length === 0 || input.issues.length > 50) throw new InputError('Rank 1 to 50 issues at a time.');
    await this.agile.rank({ issues: input.issues, rankBeforeIssue: input.before, rankAfterIssue: input.after });
    return { ranked: input.issues.length };
  }

  @Tool({
    name: 'jira_list_epics',
    title: 'List epics',
    description: 'Epics of a board.',
    input: z.object({ boardId: z.number().int() }),
    output: listOut('epics'),
    readOnly: true,
    toolset: 'agile',
    targets: { boardId: 'board' },
    scopes: SCOPES.epics,
    render: (out, kit) =>
      out.epics.length === 0
        ? 'No epics.'
        : kit.fence(
            (out.epics as Array<{ key: string; name?: string; done?: boolean }>)
              .map((e) => `${e.key} ${e.name ?? ''}${e.done ? ' (done)' : ''}`)
              .join('\n'),
            'epics',
          ),
  })
  async listEpics(input: { boardId: number }) {
    const page = await this.agile.epics(input.boardId);
    return {
      epics: page.values
        .filter((e) => this.scope.allows(e.key))
        .map((e) => compact({ key: e.key, name: e.name ?? e.summary, done: e.done || undefined })),
    };
  }
}

function sprintView(s: Sprint): SprintView {
  return compact({
    id: s.id,
    name: s.name,
    state: s.state,
    start: shortTime(s.startDate),
    end: shortTime(s.endDate),
    goal: s.goal,
  });
}

/** One sprint; outside a fence (a confirmation line) its name and goal go through `inline`. */
function sprintLine(s: SprintView, inline: (text: string) => string = (t) => t): string {
  return `${s.id} · ${inline(s.name)} (${s.state}${s.start ? `, ${s.start}` : ''}${s.end ? ` → ${s.end}` : ''})${s.goal ? ` goal: ${inline(s.goal)}` : ''}`;
}
