import type { AtlassianRequest, HttpService, Page, Pager } from '@atlassian-mcp/core';
import type { components as V2Components } from '../generated/confluence-v2.js';
import type { components as V1Components } from '../generated/confluence-v1.js';

/** Confluence REST v2 schemas, generated from the vendored spec subset. */
export type V2 = V2Components['schemas'];
/** Confluence REST v1 schemas (the pieces v2 lacks: CQL search, labels, uploads, move/copy, templates). */
export type V1 = V1Components['schemas'];

/** Core's HTTP pipeline, as the Confluence client layer sees it (one request path, errors thrown). */
export type ConfluenceHttp = HttpService;

/** A v2 list page: `results` plus the next-page link. */
export interface V2List<T> {
  results?: T[];
  _links?: { next?: string; base?: string };
}

/** The v2 base path. */
export const V2_BASE = '/wiki/api/v2';

/**
 * One page of a v2 cursor list: the first request is `first` with `query`; a later one follows the
 * next link Confluence gave (which carries the query already), bound to the same list by `paging`.
 */
export async function linkedPage<T>(
  http: ConfluenceHttp,
  paging: Pager,
  first: string,
  query: NonNullable<AtlassianRequest['query']>,
): Promise<Page<T>> {
  const path = paging.link(first);
  const res = await http.request<object>({
    product: 'confluence',
    method: 'GET',
    path,
    query: path === first ? query : undefined,
  });
  return paging.linkPage<T>(res.data, res.headers);
}
