import { apiPath, coreServices, inject, pager, Service, type Page } from '@atlassian-mcp/core';
import { linkedPage, type ConfluenceHttp, type V1, type V2 } from './confluence-http.js';
import type { PageAddress } from './page-locator.js';

export type VersionBean = V2['PageVersion'];

/** Version history: the list through v2, restoring an old version through v1 (v2 has no restore). */
@Service()
export class ConfluenceVersions {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** Versions, newest first. */
  async list(on: PageAddress, limit: number, cursor?: string): Promise<Page<VersionBean>> {
    const paging = pager('confluence.versions', cursor, { id: on.id });
    const first =
      on.kind === 'page'
        ? apiPath`/wiki/api/v2/pages/${on.id}/versions`
        : apiPath`/wiki/api/v2/blogposts/${on.id}/versions`;
    return linkedPage<VersionBean>(this.http, paging, first, { limit, sort: '-modified-date' });
  }

  /** Makes `version` the current content again, as a new version (the history is kept). */
  async restore(
    on: PageAddress,
    version: number,
    current: number,
    message: string,
  ): Promise<NonNullable<V1['Version']>> {
    const id = on.id;
    const res = await this.http.request<NonNullable<V1['Version']>>({
      product: 'confluence',
      method: 'POST',
      path: apiPath`/wiki/rest/api/content/${id}/version`,
      body: { operationKey: 'restore', params: { versionNumber: version, message, restoreTitle: true } },
      writeKey: id,
      // Restored twice would make two versions: a lost answer is the next version with this note.
      reconcile: {
        check: `confluence_get_page_versions {pageId: "${id}"}: is version ${current + 1} "${message}" there? Restore again only if it is not.`,
        find: async () => {
          const latest = (await this.list(on, 1)).items[0];
          if (latest?.number === current) return { found: false };
          if (latest?.number === current + 1 && latest.message === message)
            return { found: true, data: { number: latest.number, message } };
          throw new Error(`page ${id} is at version ${String(latest?.number)}`);
        },
      },
    });
    return res.data;
  }
}
