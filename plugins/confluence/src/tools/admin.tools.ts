import * as z from 'zod';
import { inject, Tool, ToolProvider, type ToolContext } from '@atlassian-mcp/core';
import { CommentThreads } from '../client/comment-threads.js';
import { ConfluenceAttachments } from '../client/confluence-attachments.js';
import { ConfluenceComments } from '../client/confluence-comments.js';
import { ConfluencePages } from '../client/confluence-pages.js';
import { ConfluenceTree } from '../client/confluence-tree.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { itemOut } from '../view/outputs.js';
import { attachmentId, contentId, pageRef } from './ids.js';

const deletePageInput = z.object({
  pageId: pageRef,
  purge: z.boolean().optional().describe('Also empty it from the trash: cannot be undone'),
});
const deleteCommentInput = z.object({ commentId: contentId });
const deleteAttachmentInput = z.object({ attachmentId });

type Outcome = { id: string; deleted: boolean; purged?: boolean };
const render = (out: { id: string; deleted?: unknown; purged?: unknown }) =>
  out.deleted ? `${out.purged ? 'Purged' : 'Moved to the trash'}: ${out.id}.` : `Not deleted: ${out.id} (declined).`;

/** Deleting pages, comments and attachments: off unless enabled, each confirmed with the user where the client can ask. */
@ToolProvider()
export class AdminTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
    @inject(ConfluenceTree) private readonly tree: ConfluenceTree,
    @inject(ConfluenceComments) private readonly comments: ConfluenceComments,
    @inject(CommentThreads) private readonly threads: CommentThreads,
    @inject(ConfluenceAttachments) private readonly attachments: ConfluenceAttachments,
  ) {}

  @Tool({
    name: 'confluence_delete_page',
    targets: { pageId: 'page' },
    title: 'Delete page',
    description:
      'Move a page or blog post to the trash (its children move up), or purge it for good (asks for confirmation).',
    input: deletePageInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    scopes: ['read:page:confluence', 'delete:page:confluence', 'read:hierarchical-content:confluence'],
    render,
  })
  async deletePage(input: z.infer<typeof deletePageInput>, ctx: ToolContext): Promise<Outcome> {
    const addr = await this.locator.resolve(input.pageId);
    const { bean, kind } = await this.reader.bean(addr, { body: false, trashed: input.purge });
    const id = String(bean.id);
    const children = kind === 'page' ? (await this.tree.children(id, 25)).items.length : 0;
    const what = `${kind === 'page' ? 'page' : 'blog post'} ${id} "${bean.title ?? ''}"${children ? ` (its ${children}${children === 25 ? '+' : ''} child page(s) move up to its parent)` : ''}`;
    const question = input.purge ? `Permanently delete ${what}? This cannot be undone.` : `Move ${what} to the trash?`;
    if (!(await ctx.confirm(question))) return { id, deleted: false };
    if (bean.status !== 'trashed') await this.pages.trash(id, { kind });
    if (input.purge) await this.pages.trash(id, { kind, purge: true });
    return { id, deleted: true, ...(input.purge ? { purged: true } : {}) };
  }

  @Tool({
    name: 'confluence_delete_comment',
    targets: { commentId: 'comment' },
    title: 'Delete comment',
    description: 'Delete a comment and its replies; an inline comment’s highlight is removed (asks for confirmation).',
    input: deleteCommentInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    scopes: ['read:comment:confluence', 'delete:comment:confluence'],
    render: (out) => (out.deleted ? `Deleted comment ${out.id}.` : `Not deleted: comment ${out.id} (declined).`),
  })
  async deleteComment(input: z.infer<typeof deleteCommentInput>, ctx: ToolContext): Promise<Outcome> {
    const { bean, kind } = await this.comments.get(input.commentId);
    await this.threads.assertAllowed(bean);
    const replies = (await this.comments.replies(input.commentId, kind)).length;
    const what = `${kind} comment ${input.commentId}${replies ? ` and its ${replies} repl${replies === 1 ? 'y' : 'ies'}` : ''}`;
    if (!(await ctx.confirm(`Permanently delete ${what}?`))) return { id: input.commentId, deleted: false };
    await this.comments.delete(input.commentId, kind);
    return { id: input.commentId, deleted: true };
  }

  @Tool({
    name: 'confluence_delete_attachment',
    targets: { attachmentId: 'attachment' },
    title: 'Delete attachment',
    description: 'Move an attachment to the trash (asks for confirmation).',
    input: deleteAttachmentInput,
    output: itemOut,
    readOnly: false,
    destructive: true,
    idempotent: true,
    toolset: 'admin-destructive',
    scopes: ['read:attachment:confluence', 'delete:attachment:confluence'],
    render: (out) => (out.deleted ? `Moved attachment ${out.id} to the trash.` : `Not deleted: ${out.id} (declined).`),
  })
  async deleteAttachment(input: z.infer<typeof deleteAttachmentInput>, ctx: ToolContext): Promise<Outcome> {
    const bean = await this.attachments.get(input.attachmentId);
    const on = bean.pageId ?? bean.blogPostId;
    if (on) await this.reader.assertAllowed({ id: String(on), kind: bean.pageId ? 'page' : 'blogpost' });
    if (
      !(await ctx.confirm(
        `Move attachment ${String(bean.id)} "${bean.title ?? ''}" of page ${String(on)} to the trash?`,
      ))
    )
      return { id: String(bean.id), deleted: false };
    await this.attachments.trash(String(bean.id));
    return { id: String(bean.id), deleted: true };
  }
}
