import { apiPath, coreServices, inject, pager, Service, type Page } from '@atlassian-mcp/core';
import { linkedPage, type ConfluenceHttp, type V2, type V2List } from './confluence-http.js';
import type { PageAddress } from './page-locator.js';

export type LabelBean = V2['Label'];

/** Labels: read through v2, added and removed through v1 (v2 cannot write them). */
@Service()
export class ConfluenceLabels {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** The labels of a page or blog post (up to 250). */
  async of(on: PageAddress): Promise<LabelBean[]> {
    const res = await this.http.request<V2List<LabelBean>>({
      product: 'confluence',
      method: 'GET',
      path:
        on.kind === 'page'
          ? apiPath`/wiki/api/v2/pages/${on.id}/labels`
          : apiPath`/wiki/api/v2/blogposts/${on.id}/labels`,
      query: { limit: 250 },
    });
    return res.data.results ?? [];
  }

  /** Every label of the site (`global` ones unless another prefix is asked for). */
  async all(options: { prefix?: string; limit: number; cursor?: string }): Promise<Page<LabelBean>> {
    const paging = pager('confluence.labels', options.cursor, { prefix: options.prefix });
    const first = '/wiki/api/v2/labels';
    return linkedPage<LabelBean>(this.http, paging, first, {
      prefix: options.prefix,
      limit: options.limit,
      sort: 'name',
    });
  }

  /** Adds global labels (Confluence lower-cases them; existing ones are kept once). */
  async add(contentId: string, names: string[]): Promise<void> {
    await this.http.request({
      product: 'confluence',
      method: 'POST',
      path: apiPath`/wiki/rest/api/content/${contentId}/label`,
      body: names.map((name) => ({ prefix: 'global', name })),
      // Adding a label twice is harmless: safe to retry.
      idempotent: true,
    });
  }

  async remove(contentId: string, name: string): Promise<void> {
    await this.http.request({
      product: 'confluence',
      method: 'DELETE',
      path: apiPath`/wiki/rest/api/content/${contentId}/label/${name}`,
    });
  }
}
