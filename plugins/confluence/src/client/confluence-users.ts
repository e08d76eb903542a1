import { coreServices, inject, Service, type MetadataCacheService, type SharedCache } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1, V2, V2List } from './confluence-http.js';

export type UserBean = V2['User'];
export type V1User = NonNullable<V1['User']>;

/** How long a display name is reused (a renamed person shows the new name within this). */
const TTL_MS = 60 * 60_000;

/**
 * People: display names for account ids (v2 beans carry only ids), cached per site (a person's
 * public name is the same for every user of the site) and shared by hosted replicas; the signed-in
 * user; search by name.
 */
@Service()
export class ConfluenceUsers {
  private readonly cache: SharedCache<string>;

  constructor(
    @inject(coreServices.http) private readonly http: ConfluenceHttp,
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.cache = caches.define<string>('confluence.user-names', { ttlMs: TTL_MS, scope: 'site' });
  }

  /** Display names for the given account ids (unknown ids are left out); one request for the uncached ones. */
  async names(ids: Iterable<string | undefined | null>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))];
    const known = new Map<string, string>();
    const cached = await Promise.all(wanted.map((id) => this.cache.get(id)));
    wanted.forEach((id, i) => cached[i] !== undefined && known.set(id, cached[i]));
    const missing = wanted.filter((id) => !known.has(id));
    for (let i = 0; i < missing.length; i += 100) {
      const res = await this.http.request<V2List<UserBean>>({
        product: 'confluence',
        method: 'POST',
        path: '/wiki/api/v2/users-bulk',
        body: { accountIds: missing.slice(i, i + 100) },
        idempotent: true,
      });
      const found = (res.data.results ?? []).filter((u) => u.accountId && u.displayName);
      for (const u of found) known.set(u.accountId!, u.displayName!);
      await Promise.all(found.map((u) => this.cache.set(u.accountId!, u.displayName!)));
    }
    return new Map(wanted.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
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
}
