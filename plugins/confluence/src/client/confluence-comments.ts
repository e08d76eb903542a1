import {
  apiPath,
  coreServices,
  inject,
  isAtlassianMcpError,
  NotFoundError,
  pager,
  Service,
  type Page,
} from '@atlassian-mcp/core';
import { linkedPage, type ConfluenceHttp, type V2, type V2List } from './confluence-http.js';
import type { PageKind } from './confluence-pages.js';

export type CommentKind = 'footer' | 'inline';
export type CommentBean = V2['InlineCommentModel'] & { resolutionStatus?: string };

const base = (kind: CommentKind) => (kind === 'footer' ? 'footer-comments' : 'inline-comments');

/** Footer and inline comments through v2: lists, replies, one comment, create, edit, resolve, delete. */
@Service()
export class ConfluenceComments {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** Top-level comments of a page or blog post (inline ones: open and reopened unless `resolved`). */
  async list(
    on: { id: string; kind: PageKind },
    kind: CommentKind,
    options: { limit: number; cursor?: string; resolved?: boolean },
  ): Promise<Page<CommentBean>> {
    const paging = pager(`confluence.${kind}-comments`, options.cursor, { id: on.id, resolved: options.resolved });
    const first =
      on.kind === 'page'
        ? kind === 'footer'
          ? apiPath`/wiki/api/v2/pages/${on.id}/footer-comments`
          : apiPath`/wiki/api/v2/pages/${on.id}/inline-comments`
        : kind === 'footer'
          ? apiPath`/wiki/api/v2/blogposts/${on.id}/footer-comments`
          : apiPath`/wiki/api/v2/blogposts/${on.id}/inline-comments`;
    return linkedPage<CommentBean>(this.http, paging, first, {
      'body-format': 'storage',
      limit: options.limit,
      sort: 'created-date',
      ...(kind === 'inline' && !options.resolved ? { 'resolution-status': ['open', 'reopened'] } : {}),
    });
  }

  /** Replies to a comment, oldest first (up to 100). */
  async replies(id: string, kind: CommentKind): Promise<CommentBean[]> {
    const res = await this.http.request<V2List<CommentBean>>({
      product: 'confluence',
      method: 'GET',
      path:
        kind === 'footer'
          ? apiPath`/wiki/api/v2/footer-comments/${id}/children`
          : apiPath`/wiki/api/v2/inline-comments/${id}/children`,
      query: { 'body-format': 'storage', limit: 100, sort: 'created-date' },
    });
    return res.data.results ?? [];
  }

  /** One comment, footer or inline (the id does not say which: footer is tried first). */
  async get(id: string): Promise<{ bean: CommentBean; kind: CommentKind }> {
    const one = (kind: CommentKind) =>
      this.http
        .request<CommentBean>({
          product: 'confluence',
          method: 'GET',
          path:
            kind === 'footer'
              ? apiPath`/wiki/api/v2/footer-comments/${id}`
              : apiPath`/wiki/api/v2/inline-comments/${id}`,
          query: { 'body-format': 'storage' },
        })
        .then((res) => ({ bean: res.data, kind }));
    return one('footer').catch((e: unknown) => {
      if (!isAtlassianMcpError(e) || e.code !== 'not_found') throw e;
      return one('inline').catch((e2: unknown) => {
        if (!isAtlassianMcpError(e2) || e2.code !== 'not_found') throw e2;
        throw new NotFoundError(`Comment ${id} was not found, or you cannot see it.`, {
          cause: e2,
          hint: 'confluence_get_page_comments lists the comments of a page with their ids.',
        });
      });
    });
  }

  async create(
    kind: CommentKind,
    where: { pageId?: string; blogPostId?: string; parentCommentId?: string },
    storage: string,
    anchor?: { text: string; count: number; index: number },
  ): Promise<CommentBean> {
    const on = where.pageId ?? where.blogPostId ?? where.parentCommentId ?? '';
    const res = await this.http.request<CommentBean>({
      product: 'confluence',
      method: 'POST',
      path: `/wiki/api/v2/${base(kind)}`,
      writeKey: on,
      // A lost create is the newest comment there with exactly this body.
      reconcile: {
        check: `confluence_get_page_comments: is your comment on ${on} there? Add it again only if it is not.`,
        find: async () => {
          const hit = (await this.candidates(kind, where)).find((c) => c.body?.storage?.value === storage);
          return hit ? { found: true, data: hit } : { found: false };
        },
      },
      body: {
        ...where,
        body: { representation: 'storage', value: storage },
        ...(anchor
          ? {
              inlineCommentProperties: {
                textSelection: anchor.text,
                textSelectionMatchCount: anchor.count,
                textSelectionMatchIndex: anchor.index,
              },
            }
          : {}),
      },
    });
    return res.data;
  }

  /** Where a comment just created would be: the replies of its parent, or the page's newest comments. */
  private async candidates(
    kind: CommentKind,
    where: { pageId?: string; blogPostId?: string; parentCommentId?: string },
  ): Promise<CommentBean[]> {
    if (where.parentCommentId) return this.replies(where.parentCommentId, kind);
    const on = where.pageId
      ? { id: where.pageId, kind: 'page' as const }
      : { id: where.blogPostId ?? '', kind: 'blogpost' as const };
    const all: CommentBean[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(on, kind, { limit: 100, cursor, resolved: true });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && all.length < 500);
    return all;
  }

  /** A new body (version-checked by Confluence) and/or, for inline comments, resolved or reopened. */
  async update(
    id: string,
    kind: CommentKind,
    change: { current: number; storage?: string; resolved?: boolean },
  ): Promise<CommentBean> {
    const res = await this.http.request<CommentBean>({
      product: 'confluence',
      method: 'PUT',
      path:
        kind === 'footer' ? apiPath`/wiki/api/v2/footer-comments/${id}` : apiPath`/wiki/api/v2/inline-comments/${id}`,
      body: {
        ...(change.storage !== undefined
          ? { version: { number: change.current + 1 }, body: { representation: 'storage', value: change.storage } }
          : {}),
        ...(change.resolved !== undefined ? { resolved: change.resolved } : {}),
      },
      // Resolving twice is harmless; a body sent twice would be refused as stale, so it is looked up.
      idempotent: change.storage === undefined,
      writeKey: id,
      ...(change.storage !== undefined && {
        reconcile: {
          check: `confluence_get_comment {commentId: "${id}"}: does it show your edit? Edit again only if it does not.`,
          find: async () => {
            const now = (await this.get(id)).bean;
            const v = now.version?.number;
            if (v === change.current) return { found: false };
            if (v === change.current + 1 && now.body?.storage?.value === change.storage)
              return { found: true, data: now };
            throw new Error(`comment ${id} is at version ${String(v)}`);
          },
        },
      }),
    });
    return res.data;
  }

  async delete(id: string, kind: CommentKind): Promise<void> {
    await this.http.request({
      product: 'confluence',
      method: 'DELETE',
      path:
        kind === 'footer' ? apiPath`/wiki/api/v2/footer-comments/${id}` : apiPath`/wiki/api/v2/inline-comments/${id}`,
    });
  }
}
