// JSM's paged collections: `{_expands, size, start, limit, isLastPage, _links, values}`.
import type { HandlerContext } from '../../core/product.js';

export interface Page<T> {
  _expands: string[];
  size: number;
  start: number;
  limit: number;
  isLastPage: boolean;
  _links: Record<string, string>;
  values: T[];
}

/** Pages `items` with the request's `start`/`limit` (capped per method, as JSM does). */
export function paged<T, R = T>(
  ctx: HandlerContext,
  items: T[],
  map: (x: T) => R = (x) => x as unknown as R,
  o: { dflt?: number; cap?: number; expands?: string[]; nested?: boolean } = {},
): Page<R> {
  // A collection nested in another answer (an expansion) is not paged by the request's start/limit.
  const q = o.nested ? {} : ctx.query;
  const start = Math.max(0, Number(q.start ?? 0) || 0);
  const asked = q.limit === undefined ? (o.dflt ?? 50) : Math.max(0, Number(q.limit) || 0);
  const limit = Math.min(asked, o.cap ?? 100);
  const slice = items.slice(start, start + limit);
  const isLastPage = start + slice.length >= items.length;
  const self = new URL(ctx.req.path, 'http://x');
  const link = (s: number) => {
    const q = new URLSearchParams(ctx.req.query);
    q.set('start', String(s));
    q.set('limit', String(limit));
    return `${ctx.req.origin}${self.pathname}?${q}`;
  };
  const _links: Record<string, string> = { base: `${ctx.base}/rest/servicedeskapi`, context: '' };
  if (!o.nested) _links.self = `${ctx.req.origin}${ctx.req.path}${ctx.req.query.size ? `?${ctx.req.query}` : ''}`;
  if (!isLastPage && !o.nested) _links.next = link(start + limit);
  if (start > 0 && !o.nested) _links.prev = link(Math.max(0, start - limit));
  return { _expands: o.expands ?? [], size: slice.length, start, limit, isLastPage, _links, values: slice.map(map) };
}
