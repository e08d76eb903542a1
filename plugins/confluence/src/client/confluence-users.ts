import { coreServices, inject, Service, type SiteService } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1, V2, V2List } from './confluence-http.js';

export type UserBean = V2['User'];
export type V1User = NonNullable<V1['User']>;

/**
 * People: display names for account ids (v2 beans carry only ids), cached per site; the signed-in
 * user; search by name.
 */
@Service()
export class ConfluenceUsers {
  private readonly sites = new Map<string, Map<string, string>>();

  constructor(
    @inject(coreServices.http) private readonly http: ConfluenceHttp,
    @inject(coreServices.site) private readonly site: SiteService,
  ) {}

  /** Display names for the given account ids (unknown ids are left out); one request for the uncached ones. */
  async names(ids: Iterable<string | undefined | null>): Promise<Map<string, string>> {
    const cache = await this.cache();
    const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
    const missing = wanted.filter((id) => !cache.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const res = await this.http.request<V2List<UserBean>>({
        product: 'confluence',
        method: 'POST',
        path: '/wiki/api/v2/users-bulk',
        body: { accountIds: missing.slice(i, i + 100) },
        idempotent: true,
      });
      for (const u of res.data.results ?? []) if (u.accountId && u.displayName) cache.set(u.accountId, u.displayName);
    }
    return new Map(wanted.filter((id) => cache.has(id)).map((id) => [id, cache.get(id)!]));
  }

  async current(): Promise<V1User> {
    const res = await this.http.request<V1User>({
      product: 'confluence',
      method: 'GET',
      path: '/wiki/rest/api/user/current',
    });
    return res.data;
  }

  /** Users whose name matches `query`. */
  async search(query: string, limit: number): Promise<V1User[]> {
    const res = await this.http.request<V1['SearchPageResponseSearchResult']>({
      product: 'confluence',
      method: 'GET',
      path: '/wiki/rest/api/search/user',
      query: { cql: `user.fullname ~ "${query.replace(/["\\]/g, ' ').trim()}"`, limit },
    });
    return (res.data.results ?? []).map((r) => r.user).filter((u): u is V1User => u !== undefined && u !== null);
  }

  private async cache(): Promise<Map<string, string>> {
    const key = await this.site.cacheKey();
    let c = this.sites.get(key);
    if (!c) this.sites.set(key, (c = new Map()));
    return c;
  }
}
