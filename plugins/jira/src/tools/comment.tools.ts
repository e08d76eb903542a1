import * as z from 'zod';
import { coreServices, InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraComments } from '../client/jira-comments.js';
import { sectionEditSchema, type JiraRichText } from '../content/rich-text-port.js';
import { IssueActivity } from '../view/issue-activity.js';
import { IssueViews } from '../view/issue-views.js';
import { commentBlock } from '../view/render-helpers.js';
import { commentPageSchema, commentSchema } from '../view/schemas.js';

const issueKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/);
const addInput = z.object({ issueKey, body: z.string().min(1).describe('Markdown; mention with [@Name](accountid:ID)') });
const listInput = z.object({ issueKey, limit: z.number().int().min(1).max(100).optional(), cursor: z.string().optional() });
const editInput = z.object({
  issueKey,
  commentId: z.string().regex(/^\d+$/),
  body: z.string().min(1).optional().describe('Markdown; replaces the whole comment'),
  edit: sectionEditSchema.optional().describe('Change one section only'),
});

/** Issue comments. */
@ToolProvider()
export class CommentTools {
  constructor(
    @inject(JiraComments) private readonly comments: JiraComments,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(coreServices.content) private readonly content: JiraRichText,
  ) {}

  @Tool({
    name: 'jira_add_comment',
    title: 'Add comment',
    description: 'Comment on an issue (Markdown).',
    input: addInput,
    output: commentSchema,
    readOnly: false,
    toolset: 'issues',
    scopes: ['write:jira-work'],
    render: (out, kit) => `Added comment ${out.id}${out.created ? ` at ${out.created}` : ''}.\n${kit.fence(out.body, 'comment')}`,
  })
  async addComment(input: z.infer<typeof addInput>): Promise<z.input<typeof commentSchema>> {
    const created = await this.comments.add(input.issueKey, await this.content.markdownToAdf(input.body));
    return this.views.comment(created);
  }

  @Tool({
    name: 'jira_list_comments',
    title: 'List comments',
    description: 'Comments of an issue, newest first, as Markdown.',
    input: listInput,
    output: commentPageSchema,
    readOnly: true,
    toolset: 'issues',
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.comments.length === 0
        ? 'No comments.'
        : `${kit.fence(out.comments.map(commentBlock).join('\n\n'), 'comments')}\n${kit.more({ shown: out.comments.length, total: out.total, nextCursor: out.nextCursor, noun: 'comments' })}`,
  })
  async listComments(input: z.infer<typeof listInput>): Promise<z.input<typeof commentPageSchema>> {
    return this.activity.commentPage(input.issueKey, input.limit ?? 20, input.cursor);
  }

  @Tool({
    name: 'jira_edit_comment',
    title: 'Edit comment',
    description: 'Replace a comment, or edit one section of it (keeps mentions and panels elsewhere intact).',
    input: editInput,
    output: commentSchema,
    readOnly: false,
    idempotent: true,
    toolset: 'issues',
    scopes: ['write:jira-work'],
    render: (out, kit) => `Edited comment ${out.id}.\n${kit.fence(out.body, 'comment')}`,
  })
  async editComment(input: z.infer<typeof editInput>): Promise<z.input<typeof commentSchema>> {
    if ((input.body === undefined) === (input.edit === undefined)) throw new InputError('Pass exactly one of `body` or `edit`.');
    const body = input.edit
      ? await this.content.editAdfSection((await this.comments.get(input.issueKey, input.commentId)).body, input.edit)
      : await this.content.markdownToAdf(input.body!);
    return this.views.comment(await this.comments.update(input.issueKey, input.commentId, body));
  }
}
