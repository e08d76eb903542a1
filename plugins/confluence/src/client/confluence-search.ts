import { coreServices, InputError, inject, isAtlassianMcpError, pager, Service, type Page } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1 } from './confluence-http.js';
import { SpaceScope } from './space-scope.js';

export type SearchHit = V1['SearchResult'];

// Without these expansions Cloud leaves a result's author, version and space empty (the peers' bug).
const EXPAND = ['content.space', 'content.version', 'content.history', 'space'];

/** CQL search through v1 `/search` (v2 has none), confined to the space allowlist. */
@Service()
export class ConfluenceSearch {
  constructor(
    @inject(coreServices.http) private readonly http: ConfluenceHttp,
    @inject(SpaceScope) private readonly scope: SpaceScope,
  ) {}

  async cql(
    cql: string,
    limit: number,
    cursor?: string,
    expand: readonly string[] = EXPAND,
  ): Promise<Page<SearchHit> & { total?: number }> {
    const scoped = this.scope.cql(cql);
    const paging = pager('confluence.search', cursor, { cql: scoped });
    const first = '/wiki/rest/api/search';
    const path = paging.link(first);
    const res = await this.http
      .request<V1['SearchPageResponseSearchResult']>({
        product: 'confluence',
        method: 'GET',
        path,
        query: path === first ? { cql: scoped, limit, expand: expand.join(','), excerpt: 'highlight' } : undefined,
        scopes: ['search:confluence'],
      })
      .catch(cqlHint);
    const body = res.data as V1['SearchPageResponseSearchResult'] & { _links?: { next?: string } };
    // v1 next links are relative to `/wiki` (`/rest/api/search?…`): put the context back.
    const next = body._links?.next;
    if (next && next.startsWith('/rest/')) body._links!.next = `/wiki${next}`;
    return { ...paging.linkPage<SearchHit>(body, res.headers), total: body.totalSize };
  }
}

/** A 400 from search is nearly always the CQL: keep Confluence's words, add what usually fixes it. */
function cqlHint(error: unknown): never {
  if (isAtlassianMcpError(error) && error.code === 'input') {
    const text = error.message.replace(/^Atlassian rejected the request: /, '');
    throw new InputError(`CQL error: ${text}`, {
      cause: error,
      hint: /date|now\(|startOf|endOf/i.test(text)
        ? 'Dates are "yyyy-MM-dd" or now("-7d"); compare with >, >=, <, <=.'
        : /field|unknown|unsupported/i.test(text)
          ? 'Fields: space, type, title, text, label, ancestor, parent, creator, contributor, created, lastmodified.'
          : 'Quote values with spaces (title ~ "release notes"), use ~ for text, or pass plain words instead of CQL.',
    });
  }
  throw error;
}
