import { apiPath, coreServices, inject, pager, Service, type Page } from '@atlassian-mcp/core';
import { linkedPage, type ConfluenceHttp, type V2, type V2List } from './confluence-http.js';
import type { PageBean } from './confluence-pages.js';

export type ChildBean = V2['ChildrenResponse'];
export type DescendantBean = V2['DescendantsResponse'];
export type AncestorBean = V2['Ancestor'];

/** The page tree: direct children (pages, folders, whiteboards…), descendants to a depth, ancestors, a space's pages. */
@Service()
export class ConfluenceTree {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** Direct children in their order in the tree. */
  async children(id: string, limit: number, cursor?: string): Promise<Page<ChildBean>> {
    const paging = pager('confluence.children', cursor, { id });
    const first = apiPath`/wiki/api/v2/pages/${id}/direct-children`;
    return linkedPage<ChildBean>(this.http, paging, first, { limit, sort: 'child-position' });
  }

  /** Descendants down to `depth` levels (Confluence caps it at 5 per call). */
  async descendants(id: string, depth: number, limit: number, cursor?: string): Promise<Page<DescendantBean>> {
    const paging = pager('confluence.descendants', cursor, { id, depth });
    const first = apiPath`/wiki/api/v2/pages/${id}/descendants`;
    return linkedPage<DescendantBean>(this.http, paging, first, { limit, depth });
  }

  /** Ancestors, from the space's top down to the parent. */
  async ancestors(id: string): Promise<AncestorBean[]> {
    const res = await this.http.request<V2List<AncestorBean>>({
      product: 'confluence',
      method: 'GET',
      path: apiPath`/wiki/api/v2/pages/${id}/ancestors`,
      query: { limit: 250 },
    });
    return res.data.results ?? [];
  }

  /** Pages of a space: all (tree order within a parent) or only its top level. */
  async spacePages(
    spaceId: string,
    options: { root?: boolean; limit: number; cursor?: string; sort?: string },
  ): Promise<Page<PageBean>> {
    const paging = pager('confluence.space-pages', options.cursor, { spaceId, root: options.root, sort: options.sort });
    const first = apiPath`/wiki/api/v2/spaces/${spaceId}/pages`;
    return linkedPage<PageBean>(this.http, paging, first, {
      depth: options.root ? 'root' : 'all',
      limit: options.limit,
      sort: options.sort,
      status: 'current',
    });
  }
}
