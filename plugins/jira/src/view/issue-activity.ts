import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraComments } from '../client/jira-comments.js';
import { JiraWorklogs } from '../client/jira-worklogs.js';
import { decodeCursor, encodeCursor } from '../paging/cursor.js';
import { IssueViews } from './issue-views.js';
import type { CommentView, WorklogView } from './schemas.js';

/** Pages of an issue's comments (newest first) and worklogs, behind opaque cursors. */
@Service()
export class IssueActivity {
  constructor(
    @inject(JiraComments) private readonly comments: JiraComments,
    @inject(JiraWorklogs) private readonly worklogs: JiraWorklogs,
    @inject(IssueViews) private readonly views: IssueViews,
  ) {}

  async commentPage(
    issueKey: string,
    limit: number,
    cursor?: string,
  ): Promise<{ total: number; comments: CommentView[]; nextCursor?: string }> {
    const startAt = cursor ? offset('comments', issueKey, cursor) : 0;
    const page = await this.comments.list(issueKey, startAt, limit);
    const items = page.comments ?? [];
    const total = page.total ?? startAt + items.length;
    const next = startAt + items.length;
    return {
      total,
      comments: await Promise.all(items.map((c) => this.views.comment(c))),
      nextCursor: next < total && items.length > 0 ? encodeCursor('comments', { i: issueKey, s: next }) : undefined,
    };
  }

  async worklogPage(
    issueKey: string,
    limit: number,
    cursor?: string,
  ): Promise<{ total: number; worklogs: WorklogView[]; nextCursor?: string }> {
    const startAt = cursor ? offset('worklogs', issueKey, cursor) : 0;
    const page = await this.worklogs.list(issueKey, startAt, limit);
    const items = page.worklogs ?? [];
    const total = page.total ?? startAt + items.length;
    const next = startAt + items.length;
    return {
      total,
      worklogs: await Promise.all(items.map((w) => this.views.worklog(w))),
      nextCursor: next < total && items.length > 0 ? encodeCursor('worklogs', { i: issueKey, s: next }) : undefined,
    };
  }
}

function offset(kind: string, issueKey: string, cursor: string): number {
  const state = decodeCursor<{ i: string; s: number }>(kind, cursor);
  if (state.i !== issueKey || typeof state.s !== 'number')
    throw new InputError(`This cursor belongs to another issue's ${kind}.`);
  return state.s;
}
