import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraComments } from '../client/jira-comments.js';
import { JiraIssues } from '../client/jira-issues.js';
import { JiraRichText, jiraDocument, type AttachmentRef } from '../content/jira-rich-text.js';
import { IssueActivity } from '../view/issue-activity.js';
import { IssueViews } from '../view/issue-views.js';
import { commentBlock } from '../view/render-helpers.js';
import { itemOut, pageOut } from '../view/outputs.js';
import type { CommentView } from '../view/schemas.js';
import { issueIdOrKey, numericId } from './ids.js';

const issueKey = issueIdOrKey;
const addInput = z.object({ issueKey, body: z.string() });
const listInput = z.object({ issueKey, limit: z.number().int().optional(), cursor: z.string().optional() });
const editInput = z.object({
  issueKey,
  commentId: numericId,
  body: z.string(),
  section: z.string().optional().describe("Only this heading's section"),
});
const commentPageOut = pageOut('comments');

/** Issue comments. */
@ToolProvider()
export class CommentTools {
  constructor(
    @inject(JiraComments) private readonly comments: JiraComments,
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(JiraRichText) private readonly text: JiraRichText,
  ) {}

  @Tool({
    name: 'jira_add_comment',
    title: 'Add comment',
    description: 'Comment on an issue.',
    input: addInput,
    output: itemOut,
    readOnly: false,
    toolset: 'issues',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work'],
    render: (out) => `Added comment ${out.id}${out.created ? ` at ${String(out.created)}` : ''}.`,
  })
  async addComment(input: z.infer<typeof addInput>): Promise<CommentView> {
    const created = await this.comments.add(input.issueKey, await this.text.toAdf(input.body));
    return this.views.comment(created);
  }

  @Tool({
    name: 'jira_list_comments',
    title: 'List comments',
    description: 'Comments of an issue, newest first, as Markdown.',
    input: listInput,
    output: commentPageOut,
    readOnly: true,
    toolset: 'issues',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.comments.length === 0
        ? 'No comments.'
        : `${kit.fence((out.comments as CommentView[]).map(commentBlock).join('\n\n'), 'comments')}\n${kit.more({ shown: out.comments.length, total: out.total as number, nextCursor: out.nextCursor, noun: 'comments' })}`,
  })
  async listComments(input: z.infer<typeof listInput>): Promise<z.input<typeof commentPageOut>> {
    return this.activity.commentPage(input.issueKey, Math.min(100, Math.max(1, input.limit ?? 20)), input.cursor);
  }

  @Tool({
    name: 'jira_edit_comment',
    title: 'Edit comment',
    description: 'Rewrite a comment, or one section of it.',
    input: editInput,
    output: itemOut,
    readOnly: false,
    idempotent: true,
    toolset: 'issues',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work', 'write:jira-work'],
    render: (out) => `Edited comment ${out.id}.`,
  })
  async editComment(input: z.infer<typeof editInput>): Promise<CommentView> {
    const current = (await this.comments.get(input.issueKey, input.commentId)).body;
    // Media in a comment points at the issue's attachments: read them only when it has some.
    const attachments = this.text.hasMedia(current)
      ? (((await this.issues.get(input.issueKey, { fields: ['attachment'] })).fields?.attachment as
          AttachmentRef[] | undefined) ?? [])
      : [];
    const source = jiraDocument.comment(input.commentId);
    const body = await this.text.edit(current, input.body, input.section, attachments, source);
    return this.views.comment(await this.comments.update(input.issueKey, input.commentId, body));
  }
}
