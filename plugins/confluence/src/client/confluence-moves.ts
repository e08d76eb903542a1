import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1 } from './confluence-http.js';
import { ConfluencePages } from './confluence-pages.js';

/** Where a page goes: under a page (last child), or just before or after a sibling. */
export type MovePosition = 'append' | 'before' | 'after';

/** Page move and copy through v1 (v2 moves only within a space and cannot order siblings or copy). */
@Service()
export class ConfluenceMoves {
  constructor(
    @inject(coreServices.http) private readonly http: ConfluenceHttp,
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
  ) {}

  /** Moves a page (and its subtree) relative to `targetId`, also into another space. */
  async move(pageId: string, position: MovePosition, targetId: string): Promise<void> {
    await this.http.request({
      product: 'confluence',
      method: 'PUT',
      path: apiPath`/wiki/rest/api/content/${pageId}/move/${position}/${targetId}`,
      writeKey: pageId,
    });
  }

  /**
   * Archives a page (restorable from the space's archive). Confluence answers with a long task;
   * a lost answer is settled by the page's status.
   */
  async archive(pageId: string): Promise<{ task?: string }> {
    const res = await this.http.request<V1['LongTask']>({
      product: 'confluence',
      method: 'POST',
      path: '/wiki/rest/api/content/archive',
      body: { pages: [{ id: Number(pageId) }] },
      writeKey: pageId,
      reconcile: {
        check: `is page ${pageId} archived (confluence_get_page shows "archived")? Archive again only if it is not.`,
        find: async () => {
          const page = await this.pages.get(pageId, { body: false, trashed: true });
          return page.status === 'archived' ? { found: true, data: { id: '', links: {} } } : { found: false };
        },
      },
    });
    return { task: res.data.id || undefined };
  }

  /**
   * Copies one page under a parent page or to the top of a space; returns the copy. `into` is the
   * target space and the copy's title: titles are unique in a space, so a lost copy is found by it.
   */
  async copy(
    pageId: string,
    to: { parentId: string } | { spaceKey: string },
    into: { spaceId: string; title: string },
    options: { title?: string; attachments?: boolean; labels?: boolean },
  ): Promise<NonNullable<V1['Content']>> {
    const res = await this.http.request<NonNullable<V1['Content']>>({
      product: 'confluence',
      method: 'POST',
      path: apiPath`/wiki/rest/api/content/${pageId}/copy`,
      body: {
        destination:
          'parentId' in to ? { type: 'parent_page', value: to.parentId } : { type: 'space', value: to.spaceKey },
        ...(options.title ? { pageTitle: options.title } : {}),
        copyAttachments: options.attachments ?? false,
        copyLabels: options.labels ?? false,
        copyPermissions: false,
        copyProperties: false,
      },
      reconcile: {
        check: `is there a page titled "${into.title}" in the target space? Copy again only if there is not.`,
        find: async () => {
          const found = await this.pages.byTitle(into.spaceId, into.title);
          return found
            ? {
                found: true,
                data: { id: found.id, type: 'page', status: 'current', title: found.title, _links: found._links },
              }
            : { found: false };
        },
      },
    });
    return res.data;
  }
}
