import { InputError, inject, Service } from '@atlassian-mcp/core';
import { confluenceDocument, PageBody } from '../content/page-body.js';
import { commentView, type CommentView } from '../view/comment-view.js';
import { ConfluenceComments, type CommentBean, type CommentKind } from './confluence-comments.js';
import { ConfluenceUsers } from './confluence-users.js';
import type { PageAddress } from './page-locator.js';
import { PageReader } from './page-reader.js';

/** A page of threads: top-level comments with their replies. */
export type ThreadPage = {
  comments: CommentView[];
  nextCursor?: string;
  /** Set when both kinds were listed and one has more: which kind the cursor continues. */
  more?: string;
};

/** Comment threads as the model reads them: bodies as Markdown, people by name, replies nested. */
@Service()
export class CommentThreads {
  constructor(
    @inject(ConfluenceComments) private readonly comments: ConfluenceComments,
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(PageBody) private readonly body: PageBody,
  ) {}

  /** Threads on a page: one kind (with its cursor), or the first page of both. */
  async page(
    addr: PageAddress,
    options: { kind?: CommentKind; limit: number; cursor?: string; resolved?: boolean },
  ): Promise<ThreadPage> {
    if (options.cursor !== undefined && options.kind === undefined)
      throw new InputError('Pass `kind` (footer or inline) with the cursor: each kind pages on its own.');
    const { bean, kind: pageKind } = await this.reader.bean(addr, { body: false });
    const on = { id: String(bean.id), kind: pageKind };
    const kinds: CommentKind[] = options.kind ? [options.kind] : ['footer', 'inline'];
    const pages = await Promise.all(kinds.map((k) => this.comments.list(on, k, options)));
    const tops = pages.flatMap((p, i) => p.items.map((b) => ({ bean: b, kind: kinds[i]! })));
    const replies = await Promise.all(tops.map((t) => this.comments.replies(String(t.bean.id), t.kind)));
    const names = await this.names([...tops.map((t) => t.bean), ...replies.flat()]);
    const comments = tops.map((t, i) => ({
      ...this.view(t.bean, t.kind, names),
      ...(replies[i]!.length ? { replies: replies[i]!.map((r) => this.reply(r, t.kind, names)) } : {}),
    }));
    const withMore = pages.map((p, i) => ({ cursor: p.nextCursor, kind: kinds[i]! })).filter((p) => p.cursor);
    if (options.kind || withMore.length === 0) return { comments, nextCursor: pages[0]!.nextCursor };
    return {
      comments,
      more: withMore.map((p) => `more ${p.kind} comments: kind="${p.kind}" cursor="${p.cursor}"`).join('\n'),
    };
  }

  /** One comment with its replies; the allowlist applies to the page it is on. */
  async one(id: string): Promise<{ view: CommentView; bean: CommentBean; kind: CommentKind }> {
    const { bean, kind } = await this.comments.get(id);
    await this.assertAllowed(bean);
    const replies = await this.comments.replies(id, kind);
    const names = await this.names([bean, ...replies]);
    const view = this.view(bean, kind, names);
    return {
      bean,
      kind,
      view: replies.length ? { ...view, replies: replies.map((r) => this.reply(r, kind, names)) } : view,
    };
  }

  /** A comment's new body from Markdown, with the comment as it is now as the base. */
  async rewrite(bean: CommentBean, markdown: string): Promise<string> {
    const storage = bean.body?.storage?.value ?? '';
    const names = await this.users.names(this.body.mentions(storage));
    return this.body.rewrite(storage, markdown, names, confluenceDocument.comment(String(bean.id)));
  }

  /** Refuses a comment whose page is outside the space allowlist. */
  async assertAllowed(bean: CommentBean): Promise<void> {
    const on = bean.pageId ?? bean.blogPostId;
    if (on) await this.reader.assertAllowed({ id: String(on), kind: bean.pageId ? 'page' : 'blogpost' });
  }

  private view(bean: CommentBean, kind: CommentKind, names: ReadonlyMap<string, string>): CommentView {
    const source = confluenceDocument.comment(String(bean.id));
    return commentView(bean, kind, (storage) => this.body.toMarkdown(storage, names, source), names);
  }

  /** A reply: the thread's status and anchor belong to its first comment. */
  private reply(bean: CommentBean, kind: CommentKind, names: ReadonlyMap<string, string>): CommentView {
    const { status: _status, anchor: _anchor, ...view } = this.view(bean, kind, names);
    return view;
  }

  private names(beans: CommentBean[]): Promise<Map<string, string>> {
    return this.users.names(beans.flatMap((b) => [b.version?.authorId, ...this.body.mentions(b.body?.storage?.value)]));
  }
}
