// Helpers shared by the Jira route modules.
import { ApiError } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import type { RenderCtx } from '../render.js';
import type { JiraStore } from '../store.js';

export const store = (ctx: HandlerContext): JiraStore => ctx.site.jira;

export const rc = (ctx: HandlerContext): RenderCtx => ({ store: ctx.site.jira, base: ctx.base, viewer: ctx.accountId });

export function expandSet(raw: unknown): Set<string> {
  if (raw === undefined || raw === null) return new Set();
  const list = Array.isArray(raw) ? raw : String(raw).split(',');
  return new Set(list.map((x) => String(x).trim()).filter(Boolean));
}

/** Offset paging the way most Jira list endpoints do it. */
export function page<T>(items: T[], startAt: unknown, maxResults: unknown, dflt = 50, cap = 1000) {
  const s = Math.max(0, Number(startAt ?? 0) || 0);
  const m = Math.min(cap, Math.max(0, maxResults === undefined ? dflt : Number(maxResults)));
  const values = items.slice(s, s + m);
  return { startAt: s, maxResults: m, total: items.length, isLast: s + values.length >= items.length, values };
}

/** Jira's entity properties as sent on create (`[{key, value}]`), as a record; undefined when none. */
export function entityProperties(list: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const p of list as Array<{ key?: unknown; value?: unknown }>) {
    if (typeof p?.key !== 'string' || p.key === '' || p.key.length > 255)
      throw new ApiError(400, ['The property key must be between 1 and 255 characters.']);
    out[p.key] = p.value;
  }
  return out;
}

/** Entity properties as Jira lists them on comments and worklogs (`[{key, value}]`). */
export function propertyList(props: Record<string, unknown> | undefined): Array<{ key: string; value: unknown }> {
  return Object.entries(props ?? {}).map(([key, value]) => ({ key, value }));
}

export function requireBody<T = Record<string, unknown>>(ctx: HandlerContext): T {
  if (!ctx.body || typeof ctx.body !== 'object') throw new ApiError(400, ['No content to map due to end-of-input']);
  return ctx.body as T;
}
