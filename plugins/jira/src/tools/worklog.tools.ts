import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraWorklogs, type EstimateAdjustment } from '../client/jira-worklogs.js';
import { JiraRichText } from '../content/jira-rich-text.js';
import { parseDuration } from '../fields/duration.js';
import { IssueActivity } from '../view/issue-activity.js';
import { IssueViews } from '../view/issue-views.js';
import { worklogLine } from '../view/render-helpers.js';
import { itemOut, pageOut } from '../view/outputs.js';
import type { WorklogView } from '../view/schemas.js';
import { issueIdOrKey } from './ids.js';

const issueKey = issueIdOrKey;
const addInput = z.object({
  issueKey,
  timeSpent: z.string().describe('e.g. "2h 30m"'),
  started: z.string().optional().describe('ISO'),
  comment: z.string().optional(),
  remaining: z.string().optional().describe('New remaining estimate'),
});
const listInput = z.object({ issueKey, limit: z.number().int().optional(), cursor: z.string().optional() });
const listOutput = pageOut('worklogs');

/** Time tracking. */
@ToolProvider()
export class WorklogTools {
  constructor(
    @inject(JiraWorklogs) private readonly worklogs: JiraWorklogs,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(JiraRichText) private readonly text: JiraRichText,
  ) {}

  @Tool({
    name: 'jira_add_worklog',
    title: 'Log work',
    description: 'Log time spent on an issue.',
    input: addInput,
    output: itemOut,
    readOnly: false,
    toolset: 'worklogs',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work'],
    render: (out) =>
      `Logged ${String(out.timeSpent)} (worklog ${out.id}${out.started ? `, started ${String(out.started)}` : ''}).`,
  })
  async addWorklog(input: z.infer<typeof addInput>): Promise<WorklogView> {
    const seconds = parseDuration(input.timeSpent);
    const started = input.started === undefined ? new Date() : new Date(input.started);
    if (Number.isNaN(started.getTime())) throw new InputError(`started "${input.started}" is not an ISO date-time.`);
    const created = await this.worklogs.add(
      input.issueKey,
      {
        timeSpentSeconds: seconds,
        started: jiraTimestamp(started),
        ...(input.comment && { comment: await this.text.toAdf(input.comment) }),
      },
      adjustment(input.remaining),
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
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.worklogs.length === 0
        ? 'No work logged.'
        : `${kit.fence((out.worklogs as WorklogView[]).map(worklogLine).join('\n'), 'worklogs')}\n${kit.more({ shown: out.worklogs.length, total: out.total as number, nextCursor: out.nextCursor, noun: 'worklogs' })}`,
  })
  async listWorklogs(input: z.infer<typeof listInput>): Promise<z.input<typeof listOutput>> {
    return this.activity.worklogPage(input.issueKey, Math.min(100, Math.max(1, input.limit ?? 20)), input.cursor);
  }
}

/** Jira reduces the remaining estimate by the time spent unless told the new remaining. */
function adjustment(remaining: string | undefined): EstimateAdjustment {
  if (remaining === undefined) return { mode: 'auto' };
  parseDuration(remaining);
  return { mode: 'new', newEstimate: remaining };
}

/** Jira wants "2021-01-17T12:34:00.000+0000". */
function jiraTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}
