import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { CommentThreads, type ThreadPage } from '../client/comment-threads.js';
import { ConfluenceComments, type CommentKind } from '../client/confluence-comments.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { PageBody } from '../content/page-body.js';
import { countSelection } from '../content/text-selection.js';
import { commentBlock, type CommentView } from '../view/comment-view.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { contentId, cursor, limit, pageRef, pageSize } from './ids.js';

const listInput = z.object({
  pageId: pageRef,
  kind: z.enum(['footer', 'inline']).optional(),
  resolved: z.boolean().optional().describe('Include resolved'),
  limit,
  cursor,
});
const addInput = z.object({
  pageId: pageRef.optional(),
  parentCommentId: contentId.optional().describe('Reply to'),
  body: z.string().describe('Markdown'),
  anchor: z.string().optional().describe('Page text to comment inline on'),
  occurrence: z.number().int().optional().describe('1 = first match of anchor'),
});
const getInput = z.object({ commentId: contentId });
const updateInput = z.object({
  commentId: contentId,
  body: z.string().optional().describe('Markdown'),
  resolved: z.boolean().optional().describe('Inline: true resolves, false reopens'),
});

/** Comments: footer and inline threads, replies, edits, resolve/reopen. */
@ToolProvider()
export class CommentTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(CommentThreads) private readonly threads: CommentThreads,
    @inject(ConfluenceComments) private readonly comments: ConfluenceComments,
    @inject(PageBody) private readonly body: PageBody,
  ) {}

  @Tool({
    name: 'confluence_get_page_comments',
    targets: { pageId: 'page' },
    title: 'Page comments',
    description: 'Comment threads of a page, oldest first; inline ones with the text they highlight.',
    input: listInput,
    output: pageOut('comments'),
    readOnly: true,
    toolset: 'comments',
    scopes: ['read:comment:confluence', 'read:page:confluence', 'read:user:confluence'],
    render: (out, kit) => {
      const page = out as unknown as ThreadPage;
      if (page.comments.length === 0) return 'No comments.';
      const text = kit.fence(page.comments.map((c) => commentBlock(c)).join('\n\n'), 'comments');
      return [
        text,
        page.more ?? kit.more({ shown: page.comments.length, nextCursor: page.nextCursor, noun: 'threads' }),
      ].join('\n');
    },
  })
  async getPageComments(input: z.infer<typeof listInput>): Promise<ThreadPage> {
    const addr = await this.locator.resolve(input.pageId);
    return this.threads.page(addr, { ...input, limit: pageSize(input.limit, 25) });
  }

  @Tool({
    name: 'confluence_add_comment',
    targets: { pageId: 'page', parentCommentId: 'comment' },
    title: 'Add comment',
    description: 'Comment on a page, inline on its text (anchor), or reply (parentCommentId).',
    input: addInput,
    output: itemOut,
    readOnly: false,
    toolset: 'comments',
    scopes: ['read:page:confluence', 'write:comment:confluence'],
    render: (out) =>
      `Added ${out.kind === 'inline' ? 'inline ' : ''}comment ${out.id}${out.parentCommentId ? ` in reply to ${String(out.parentCommentId)}` : ` on ${String(out.on ?? '')}`}.`,
  })
  async addComment(input: z.infer<typeof addInput>) {
    if (input.body.trim() === '') throw new InputError('The comment body is empty.');
    if (input.occurrence !== undefined && input.occurrence < 1) throw new InputError('`occurrence` counts from 1.');
    const storage = await this.body.toStorage(input.body);
    if (input.parentCommentId !== undefined) {
      if (input.anchor !== undefined) throw new InputError('A reply takes no anchor: it belongs to its thread.');
      const parent = await this.comments.get(input.parentCommentId);
      await this.threads.assertAllowed(parent.bean);
      const created = await this.comments.create(parent.kind, { parentCommentId: input.parentCommentId }, storage);
      return { id: String(created.id), kind: parent.kind, parentCommentId: input.parentCommentId };
    }
    if (input.pageId === undefined) throw new InputError('Pass `pageId`, or `parentCommentId` to reply.');
    const addr = await this.locator.resolve(input.pageId);
    const { bean, kind: pageKind } = await this.reader.bean(addr, { body: input.anchor !== undefined });
    const where = pageKind === 'page' ? { pageId: String(bean.id) } : { blogPostId: String(bean.id) };
    let kind: CommentKind = 'footer';
    let anchor;
    if (input.anchor !== undefined) {
      kind = 'inline';
      const count = countSelection(bean.body?.storage?.value ?? '', input.anchor);
      if (count === 0)
        throw new InputError(`"${input.anchor}" does not occur in the text of page ${String(bean.id)}.`, {
          hint: 'Copy the anchor from one paragraph of the page exactly, without Markdown marks.',
        });
      if (count > 1 && input.occurrence === undefined)
        throw new InputError(`"${input.anchor}" occurs ${count} times on the page.`, {
          hint: `Pass occurrence (1–${count}) or a longer anchor.`,
        });
      if ((input.occurrence ?? 1) > count)
        throw new InputError(`"${input.anchor}" occurs only ${count} time${count === 1 ? '' : 's'}.`);
      anchor = { text: input.anchor, count, index: (input.occurrence ?? 1) - 1 };
    }
    const created = await this.comments.create(kind, where, storage, anchor);
    return { id: String(created.id), kind, on: String(bean.id) };
  }

  @Tool({
    name: 'confluence_get_comment',
    targets: { commentId: 'comment' },
    title: 'Get comment',
    description: 'One comment with its replies; inline: highlighted text and status.',
    input: getInput,
    output: itemOut,
    readOnly: true,
    toolset: 'browse',
    scopes: ['read:comment:confluence', 'read:user:confluence'],
    render: (out, kit) => kit.fence(commentBlock(out as unknown as CommentView), 'comment'),
  })
  async getComment(input: z.infer<typeof getInput>): Promise<CommentView> {
    return (await this.threads.one(input.commentId)).view;
  }

  @Tool({
    name: 'confluence_update_comment',
    targets: { commentId: 'comment' },
    title: 'Edit or resolve comment',
    description: 'Rewrite a comment, or resolve/reopen an inline thread.',
    input: updateInput,
    output: itemOut,
    readOnly: false,
    idempotent: true,
    toolset: 'comments',
    scopes: ['read:comment:confluence', 'write:comment:confluence'],
    render: (out) =>
      [
        out.edited ? `Edited comment ${out.id} (v${String(out.version)})` : `Comment ${out.id}`,
        out.status ? `thread ${String(out.status)}` : undefined,
      ]
        .filter(Boolean)
        .join(', ') + '.',
  })
  async updateComment(input: z.infer<typeof updateInput>) {
    if (input.body === undefined && input.resolved === undefined)
      throw new InputError('Nothing to update.', { hint: 'Pass body, resolved, or both.' });
    const { bean, kind } = await this.comments.get(input.commentId);
    await this.threads.assertAllowed(bean);
    if (input.resolved !== undefined && kind !== 'inline')
      throw new InputError(`Comment ${input.commentId} is a footer comment; only inline comments are resolved.`);
    const current = bean.version?.number ?? 1;
    const storage = input.body === undefined ? undefined : await this.threads.rewrite(bean, input.body);
    const updated = await this.comments.update(input.commentId, kind, { current, storage, resolved: input.resolved });
    return {
      id: input.commentId,
      kind,
      edited: storage !== undefined,
      version: updated.version?.number ?? current,
      ...(kind === 'inline' ? { status: updated.resolutionStatus } : {}),
    };
  }
}
