import * as z from 'zod';
import { inject, Tool, ToolProvider, type ToolContext } from '@atlassian-mcp/core';
import { JiraAttachments } from '../client/jira-attachments.js';
import { JiraComments } from '../client/jira-comments.js';
import { JiraIssues } from '../client/jira-issues.js';
import { JiraWorklogs } from '../client/jira-worklogs.js';
import { itemOut } from '../view/outputs.js';
import { issueIdOrKey, numericId } from './ids.js';

const deleteIssueInput = z.object({ issueKey: issueIdOrKey, deleteSubtasks: z.boolean().optional() });
const deleteCommentInput = z.object({ issueKey: issueIdOrKey, commentId: numericId });
const deleteWorklogInput = z.object({ issueKey: issueIdOrKey, worklogId: numericId });
const deleteAttachmentInput = z.object({ attachmentId: numericId });

type Outcome = { id: string; deleted: boolean };
const render = (out: { id: string; deleted?: unknown }) =>
  out.deleted ? `Deleted ${out.id}.` : `Not deleted: ${out.id} (declined).`;

/** Irreversible deletes: off unless enabled, each confirmed with the user where the client can ask. */
@ToolProvider()
export class AdminTools {
  constructor(
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(JiraComments) private readonly comments: JiraComments,
    @inject(JiraWorklogs) private readonly worklogs: JiraWorklogs,
    @inject(JiraAttachments) private readonly attachments: JiraAttachments,
  ) {}

  @Tool({
    name: 'jira_delete_issue',
    title: 'Delete issue',
    description: 'Delete an issue permanently (asks for confirmation).',
    input: deleteIssueInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work', 'write:jira-work'],
    render,
  })
  async deleteIssue(input: z.infer<typeof deleteIssueInput>, ctx: ToolContext): Promise<Outcome> {
    const issue = await this.issues.get(input.issueKey, { fields: ['summary', 'subtasks'] });
    const subtasks = (issue.fields?.subtasks as unknown[] | undefined)?.length ?? 0;
    const what = `${input.issueKey} "${String(issue.fields?.summary ?? '')}"${subtasks && input.deleteSubtasks ? ` and its ${subtasks} subtask(s)` : ''}`;
    if (!(await ctx.confirm(`Permanently delete ${what}?`))) return { id: input.issueKey, deleted: false };
    await this.issues.delete(input.issueKey, input.deleteSubtasks ?? false);
    return { id: input.issueKey, deleted: true };
  }

  @Tool({
    name: 'jira_delete_comment',
    title: 'Delete comment',
    description: 'Delete a comment permanently (asks for confirmation).',
    input: deleteCommentInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work', 'write:jira-work'],
    render,
  })
  async deleteComment(input: z.infer<typeof deleteCommentInput>, ctx: ToolContext): Promise<Outcome> {
    await this.comments.get(input.issueKey, input.commentId);
    if (!(await ctx.confirm(`Permanently delete comment ${input.commentId} on ${input.issueKey}?`)))
      return { id: input.commentId, deleted: false };
    await this.comments.delete(input.issueKey, input.commentId);
    return { id: input.commentId, deleted: true };
  }

  @Tool({
    name: 'jira_delete_worklog',
    title: 'Delete worklog',
    description: 'Delete a worklog permanently (asks for confirmation).',
    input: deleteWorklogInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work'],
    render,
  })
  async deleteWorklog(input: z.infer<typeof deleteWorklogInput>, ctx: ToolContext): Promise<Outcome> {
    if (!(await ctx.confirm(`Permanently delete worklog ${input.worklogId} on ${input.issueKey}?`)))
      return { id: input.worklogId, deleted: false };
    await this.worklogs.delete(input.issueKey, input.worklogId);
    return { id: input.worklogId, deleted: true };
  }

  @Tool({
    name: 'jira_delete_attachment',
    title: 'Delete attachment',
    description: 'Delete an attachment permanently (asks for confirmation).',
    input: deleteAttachmentInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    targets: { attachmentId: 'attachment' },
    scopes: ['read:jira-work', 'write:jira-work'],
    render,
  })
  async deleteAttachment(input: z.infer<typeof deleteAttachmentInput>, ctx: ToolContext): Promise<Outcome> {
    const meta = await this.attachments.metadata(input.attachmentId);
    if (!(await ctx.confirm(`Permanently delete attachment ${meta.filename ?? input.attachmentId}?`)))
      return { id: input.attachmentId, deleted: false };
    await this.attachments.delete(input.attachmentId);
    return { id: input.attachmentId, deleted: true };
  }
}
