import * as z from 'zod';
import { coreServices, InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraWorklogs, type EstimateAdjustment } from '../client/jira-worklogs.js';
import type { JiraRichText } from '../content/rich-text-port.js';
import { parseDuration } from '../fields/duration.js';
import { IssueActivity } from '../view/issue-activity.js';
import { IssueViews } from '../view/issue-views.js';
import { worklogLine } from '../view/render-helpers.js';
import { worklogSchema } from '../view/schemas.js';

const issueKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/);
const addInput = z.object({
  issueKey,
  timeSpent: z.string().min(2).describe('e.g. "2h 30m", "1d"'),
  started: z.string().optional().describe('ISO date-time; default now'),
  comment: z.string().optional().describe('Markdown'),
  adjustEstimate: z.enum(['auto', 'leave', 'new', 'manual']).optional().describe('Remaining estimate: auto (default) reduces it'),
  estimate: z.string().optional().describe('For new: the new remaining; for manual: reduce by'),
});
const listInput = z.object({ issueKey, limit: z.number().int().min(1).max(100).optional(), cursor: z.string().optional() });
const listOutput = z.object({ total: z.number(), worklogs: z.array(worklogSchema), nextCursor: z.string().optional() });

/** Time tracking. */
@ToolProvider()
export class WorklogTools {
  constructor(
    @inject(JiraWorklogs) private readonly worklogs: JiraWorklogs,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(coreServices.content) private readonly content: JiraRichText,
  ) {}

  @Tool({
    name: 'jira_add_worklog',
    title: 'Log work',
    description: 'Log time on an issue, with an optional Markdown comment and estimate adjustment.',
    input: addInput,
    output: worklogSchema,
    readOnly: false,
    toolset: 'worklogs',
    scopes: ['write:jira-work'],
    render: (out) => `Logged ${out.timeSpent} (worklog ${out.id}${out.started ? `, started ${out.started}` : ''}).`,
  })
  async addWorklog(input: z.infer<typeof addInput>): Promise<z.input<typeof worklogSchema>> {
    const seconds = parseDuration(input.timeSpent);
    const started = input.started === undefined ? new Date() : new Date(input.started);
    if (Number.isNaN(started.getTime())) throw new InputError(`started "${input.started}" is not an ISO date-time.`);
    const created = await this.worklogs.add(
      input.issueKey,
      {
        timeSpentSeconds: seconds,
        started: jiraTimestamp(started),
        ...(input.comment && { comment: await this.content.markdownToAdf(input.comment) }),
      },
      adjustment(input.adjustEstimate ?? 'auto', input.estimate),
    );
    return this.views.worklog(created);
  }

  @Tool({
    name: 'jira_list_worklogs',
    title: 'List worklogs',
    description: 'Work logged on an issue: who, when, how long, comment.',
    input: listInput,
    output: listOutput,
    readOnly: true,
    toolset: 'worklogs',
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.worklogs.length === 0
        ? 'No work logged.'
        : `${kit.fence(out.worklogs.map(worklogLine).join('\n'), 'worklogs')}\n${kit.more({ shown: out.worklogs.length, total: out.total, nextCursor: out.nextCursor, noun: 'worklogs' })}`,
  })
  async listWorklogs(input: z.infer<typeof listInput>): Promise<z.input<typeof listOutput>> {
    return this.activity.worklogPage(input.issueKey, input.limit ?? 20, input.cursor);
  }
}

function adjustment(mode: 'auto' | 'leave' | 'new' | 'manual', estimate: string | undefined): EstimateAdjustment {
  if (mode === 'auto' || mode === 'leave') return { mode };
  if (!estimate) throw new InputError(`adjustEstimate "${mode}" needs \`estimate\` (e.g. "3h").`);
  parseDuration(estimate);
  return mode === 'new' ? { mode, newEstimate: estimate } : { mode, reduceBy: estimate };
}

/** Jira wants "2021-01-17T12:34:00.000+0000". */
function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
