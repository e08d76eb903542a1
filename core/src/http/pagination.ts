import { InputError } from '../plugin-api/errors.js';

/**
 * Where the next page starts, in one of Atlassian's four pagination styles. Tools hand the model
 * only the opaque string from {@link encodeCursor}.
 */
export type PageCursor =
  /** Jira platform / agile offset pages: `startAt`. */
  | { style: 'offset'; startAt: number }
  /** Jira enhanced JQL search: `nextPageToken`. */
  | { style: 'token'; nextPageToken: string }
  /** Confluence cursor pages: the relative `_links.next` / `Link: <…>; rel="next"` URL. */
  | { style: 'link'; next: string }
  /** Jira Service Management: `start`. */
  | { style: 'jsm'; start: number };

/** One page of items plus the opaque cursor of the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
  /** Total count when Atlassian reports one. */
  total?: number;
}

/**
 * Encodes a cursor as an opaque base64url string. `binding` ties it to the query it pages through
 * (see `pager`): replayed with other arguments, it is refused.
 */
export function encodeCursor(cursor: PageCursor, binding?: string): string {
  return Buffer.from(JSON.stringify(binding === undefined ? cursor : { ...cursor, b: binding }), 'utf8').toString(
    'base64url',
  );
}

const BAD_CURSOR_HINT = 'Pass the cursor exactly as a previous call returned it, or omit it to start over.';

/**
 * Decodes a cursor the model sent back. `undefined` stays `undefined` (first page); a malformed
 * cursor, or one of another style than `expected`, is an InputError.
 */
export function decodeCursor<S extends PageCursor['style']>(
  cursor: string | undefined,
  expected: S,
  binding?: string,
): Extract<PageCursor, { style: S }> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('The cursor is not valid', { hint: BAD_CURSOR_HINT });
  }
  const c = parsed as Partial<Record<string, unknown>>;
  const ok =
    typeof c === 'object' &&
    c !== null &&
    c.style === expected &&
    ((expected === 'offset' && Number.isInteger(c.startAt) && (c.startAt as number) >= 0) ||
      (expected === 'jsm' && Number.isInteger(c.start) && (c.start as number) >= 0) ||
      (expected === 'token' && typeof c.nextPageToken === 'string' && c.nextPageToken !== '') ||
      (expected === 'link' && typeof c.next === 'string' && isSafeRelativePath(c.next)));
  if (!ok) throw new InputError('The cursor does not belong to this kind of list', { hint: BAD_CURSOR_HINT });
  if (binding !== undefined && c.b !== binding)
    throw new InputError('This cursor belongs to another query: the other arguments changed since it was given', {
      hint: 'Repeat the call with the same arguments as the one that returned the cursor, or omit the cursor to start over.',
    });
  return parsed as Extract<PageCursor, { style: S }>;
}

/** A relative path on the same site: no scheme, no host, no `..`. */
function isSafeRelativePath(p: string): boolean {
  return p.startsWith('/') && !p.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(p) && !p.split(/[/?]/).includes('..');
}

// ---- offset: startAt / maxResults / isLast / total (Jira platform, agile) ----

/** Query parameters for an offset page. */
export function offsetParams(
  cursor: string | undefined,
  maxResults: number,
  binding?: string,
): { startAt: number; maxResults: number } {
  return { startAt: decodeCursor(cursor, 'offset', binding)?.startAt ?? 0, maxResults };
}

/** Reads an offset page (`values`, or the array under `itemsKey`, e.g. `issues` or `comments`). */
export function offsetPage<T>(
  body: { startAt?: number; maxResults?: number; total?: number; isLast?: boolean } & Record<string, unknown>,
  itemsKey = 'values',
  binding?: string,
): Page<T> {
  const items = (Array.isArray(body[itemsKey]) ? body[itemsKey] : []) as T[];
  const startAt = body.startAt ?? 0;
  const next = startAt + items.length;
  // Jira says "more" three ways: isLast (agile, project search), total (comments, issues), or neither.
  const more =
    items.length > 0 &&
    body.isLast !== true &&
    (body.total === undefined
      ? body.isLast === false || items.length >= (body.maxResults ?? Infinity)
      : next < body.total);
  return {
    items,
    total: body.total,
    nextCursor: more ? encodeCursor({ style: 'offset', startAt: next }, binding) : undefined,
  };
}

// ---- token: nextPageToken (Jira /search/jql) ----

/** Query (or body) parameters for a token page. */
export function tokenParams(cursor: string | undefined, binding?: string): { nextPageToken?: string } {
  const token = decodeCursor(cursor, 'token', binding)?.nextPageToken;
  return token === undefined ? {} : { nextPageToken: token };
}

/** Reads a token page (`issues` by default). */
export function tokenPage<T>(
  body: { nextPageToken?: string | null; isLast?: boolean } & Record<string, unknown>,
  itemsKey = 'issues',
  binding?: string,
): Page<T> {
  const items = (Array.isArray(body[itemsKey]) ? body[itemsKey] : []) as T[];
  const more = typeof body.nextPageToken === 'string' && body.nextPageToken !== '' && body.isLast !== true;
  return {
    items,
    nextCursor: more
      ? encodeCursor({ style: 'token', nextPageToken: body.nextPageToken as string }, binding)
      : undefined,
  };
}

// ---- link: Confluence `_links.next` / `Link` header ----

/** The path to request: the cursor's `next` link, or `firstPath` for the first page. */
export function linkRequestPath(cursor: string | undefined, firstPath: string, binding?: string): string {
  return decodeCursor(cursor, 'link', binding)?.next ?? firstPath;
}

/** The `rel="next"` target of an RFC 8288 `Link` header. */
export function nextFromLinkHeader(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel="?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2] ?? '')) return m[1];
  }
  return undefined;
}

/** Strips scheme, host and any API-gateway prefix (`/ex/confluence/<cloudId>`) from a next link. */
function relativeNext(next: string): string | undefined {
  let path = next;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    const u = new URL(path);
    path = u.pathname + u.search;
  }
  path = path.replace(/^\/ex\/[a-z]+\/[^/]+(?=\/)/, '');
  return isSafeRelativePath(path) ? path : undefined;
}

/** Reads a Confluence cursor page (`results`), taking the next link from the body or the `Link` header. */
export function linkPage<T>(
  body: { _links?: { next?: string; base?: string } } & Record<string, unknown>,
  headers?: Headers,
  itemsKey = 'results',
  binding?: string,
): Page<T> {
  const items = (Array.isArray(body[itemsKey]) ? body[itemsKey] : []) as T[];
  const raw = body._links?.next ?? nextFromLinkHeader(headers?.get('link'));
  const next = raw ? relativeNext(raw) : undefined;
  return { items, nextCursor: next ? encodeCursor({ style: 'link', next }, binding) : undefined };
}

// ---- JSM: start / limit / isLastPage ----

/** Query parameters for a JSM page. */
export function jsmParams(
  cursor: string | undefined,
  limit: number,
  binding?: string,
): { start: number; limit: number } {
  return { start: decodeCursor(cursor, 'jsm', binding)?.start ?? 0, limit };
}

/** Reads a JSM page (`values`). */
export function jsmPage<T>(
  body: { start?: number; size?: number; isLastPage?: boolean } & Record<string, unknown>,
  itemsKey = 'values',
  binding?: string,
): Page<T> {
  const items = (Array.isArray(body[itemsKey]) ? body[itemsKey] : []) as T[];
  const start = body.start ?? 0;
  const more = items.length > 0 && body.isLastPage === false;
  return {
    items,
    nextCursor: more ? encodeCursor({ style: 'jsm', start: start + (body.size ?? items.length) }, binding) : undefined,
  };
}
