import { createHash } from 'node:crypto';
import {
  jsmPage,
  jsmParams,
  linkPage,
  linkRequestPath,
  offsetPage,
  offsetParams,
  tokenPage,
  tokenParams,
  type Page,
} from './pagination.js';

/**
 * Paging for one list call, in any of Atlassian's four styles. The cursor handed to the model is
 * opaque and bound to the list and its query: replayed with other arguments (another JQL, board,
 * issue or filter), it is an InputError, never a page of something else.
 * @public
 */
export interface Pager {
  /** Jira platform / agile offset pages: `{ startAt, maxResults }` to send. */
  offset(maxResults: number): { startAt: number; maxResults: number };
  /** Reads an offset page (`values`, or the array under `itemsKey`, e.g. `issues`, `comments`). */
  offsetPage<T>(body: object, itemsKey?: string): Page<T>;
  /** Jira enhanced search: `{ nextPageToken? }` to send. */
  token(): { nextPageToken?: string };
  /** Reads a token page (`issues` by default). */
  tokenPage<T>(body: object, itemsKey?: string): Page<T>;
  /** Confluence cursor pages: the path to request (the next link, or `firstPath`). */
  link(firstPath: string): string;
  /** Reads a Confluence page of `results`, the next link from the body or the `Link` header. */
  linkPage<T>(body: object, headers?: Headers, itemsKey?: string): Page<T>;
  /** Jira Service Management: `{ start, limit }` to send. */
  jsm(limit: number): { start: number; limit: number };
  /** Reads a JSM page (`values`). */
  jsmPage<T>(body: object, itemsKey?: string): Page<T>;
}

/**
 * Paging for a list named `list` (e.g. `jira.comments`) over the query `query` — every argument
 * that selects what is listed (JQL, board id, issue key, filters), not the cursor or page size.
 * @public
 */
export function pager(list: string, cursor: string | undefined, query: Record<string, unknown> = {}): Pager {
  const binding = createHash('sha256')
    .update(`${list}\u0000${stableJson(query)}`)
    .digest('base64url')
    .slice(0, 10);
  type Body = Parameters<typeof offsetPage>[0];
  return {
    offset: (maxResults) => offsetParams(cursor, maxResults, binding),
    offsetPage: (body, itemsKey) => offsetPage(body as Body, itemsKey, binding),
    token: () => tokenParams(cursor, binding),
    tokenPage: (body, itemsKey) => tokenPage(body as Parameters<typeof tokenPage>[0], itemsKey, binding),
    link: (firstPath) => linkRequestPath(cursor, firstPath, binding),
    linkPage: (body, headers, itemsKey) => linkPage(body as Parameters<typeof linkPage>[0], headers, itemsKey, binding),
    jsm: (limit) => jsmParams(cursor, limit, binding),
    jsmPage: (body, itemsKey) => jsmPage(body as Parameters<typeof jsmPage>[0], itemsKey, binding),
  };
}

/** JSON with sorted keys and `undefined` dropped, so equal queries hash equally. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
