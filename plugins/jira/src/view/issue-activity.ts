import { inject, pager, Service } from '@atlassian-mcp/core';
import { JiraComments } from '../client/jira-comments.js';
import { JiraWorklogs } from '../client/jira-worklogs.js';
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
    const paging = pager('jira.comments', cursor, { issueKey });
    const { startAt, maxResults } = paging.offset(limit);
    const page = await this.comments.list(issueKey, startAt, maxResults);
    const { items, nextCursor } = paging.offsetPage<NonNullable<typeof page.comments>[number]>(page, 'comments');
    return {
      total: page.total ?? startAt + items.length,
      comments: await Promise.all(items.map((c) => this.views.comment(c))),
      nextCursor,
    };
  }

  async worklogPage(
    issueKey: string,
    limit: number,
    cursor?: string,
  ): Promise<{ total: number; worklogs: WorklogView[]; nextCursor?: string }> {
    const paging = pager('jira.worklogs', cursor, { issueKey });
    const { startAt, maxResults } = paging.offset(limit);
    const page = await this.worklogs.list(issueKey, startAt, maxResults);
    const { items, nextCursor } = paging.offsetPage<NonNullable<typeof page.worklogs>[number]>(page, 'worklogs');
    return {
      total: page.total ?? startAt + items.length,
      worklogs: await Promise.all(items.map((w) => this.views.worklog(w))),
      nextCursor,
    };
  }
}
