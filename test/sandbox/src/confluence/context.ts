// What every Confluence handler needs: the store, lookups that answer 404 in the calling API's
// error shape, links (webui, tinyui), timestamps and the two pagination styles.
import { json, type SandboxResponse } from '../core/http.js';
import type { HandlerContext } from '../core/product.js';
import { cfError } from './errors.js';
import type { Attachment, Comment, Content, ContentType, Space } from './model.js';
import type { ConfluenceStore } from './store.js';

export const store = (ctx: HandlerContext): ConfluenceStore => ctx.site.confluence;

export const fail = (ctx: HandlerContext, status: number, message: string, details: string[] = []) =>
  cfError(ctx.op.api, status, message, details);

export const isV1 = (ctx: HandlerContext) => ctx.op.api === 'confluence-v1';

/** `2026-11-02T09:15:00.000Z` — both APIs' timestamp form. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** The site's `/wiki` base (`_links.base`): Cloud gives the site URL even through the gateway. */
export const wikiBase = (ctx: HandlerContext) => `${ctx.req.origin}/wiki`;

/** The API path the client called, without the gateway prefix (`/wiki/api/v2/pages`). */
export const apiPath = (ctx: HandlerContext) => ctx.req.path.replace(/^\/ex\/[^/]+\/[^/]+/, '');

export function notFoundMessage(ctx: HandlerContext, id: string): string {
  return isV1(ctx) ? `No content found with id: ContentId{id=${id}}` : 'Not Found';
}

/** Read restrictions apply to the page and everything under it (Confluence inherits them). */
export function canRead(s: ConfluenceStore, c: Content, accountId: string): boolean {
  for (const x of [c, ...s.ancestors(c)])
    if (x.restrictions?.read && !x.restrictions.read.includes(accountId)) return false;
  return true;
}

/** A page, blog post or folder (any status but `deleted`) the caller may read, or a 404 (as Cloud hides what you cannot see). */
export function contentOr404(ctx: HandlerContext, id: string, ...types: ContentType[]): Content {
  const c = store(ctx).contents.get(String(id));
  if (
    !c ||
    c.status === 'deleted' ||
    (types.length && !types.includes(c.type)) ||
    !canRead(store(ctx), c, ctx.accountId)
  )
    throw fail(ctx, 404, notFoundMessage(ctx, String(id)));
  return c;
}

/** 403 unless the caller may edit the page (update restrictions). */
export function assertCanEdit(ctx: HandlerContext, c: Content): void {
  const update = c.restrictions?.update;
  if (update && !update.includes(ctx.accountId))
    throw fail(ctx, 403, `You do not have permission to edit ${c.type} ${c.id}: it is restricted to named editors.`);
}

export function spaceOr404(ctx: HandlerContext, id: string): Space {
  const s = store(ctx).spaces.get(String(id));
  if (!s) throw fail(ctx, 404, isV1(ctx) ? `No space with key : ${id}` : 'Not Found');
  return s;
}

export function commentOr404(ctx: HandlerContext, id: string, kind?: Comment['kind']): Comment {
  const s = store(ctx);
  const c = s.comments.get(String(id));
  if (!c || c.status !== 'current' || (kind && c.kind !== kind) || !containerReadable(ctx, c.containerId))
    throw fail(ctx, 404, notFoundMessage(ctx, id));
  return c;
}

export function attachmentOr404(ctx: HandlerContext, id: string): Attachment {
  const key = String(id).startsWith('att') ? String(id) : `att${id}`;
  const a = store(ctx).attachments.get(key);
  if (!a || a.status !== 'current' || !containerReadable(ctx, a.containerId))
    throw fail(ctx, 404, notFoundMessage(ctx, id));
  return a;
}

/** Whether the page or blog post (or an attachment's page) holding something is readable by the caller. */
export function containerReadable(ctx: HandlerContext, containerId: string): boolean {
  const s = store(ctx);
  const c = s.contents.get(containerId) ?? s.contents.get(s.attachments.get(containerId)?.containerId ?? '');
  return !c || canRead(s, c, ctx.accountId);
}

/** `/spaces/ENG/pages/98306/Engineering+running+log` and friends (relative to `/wiki`). */
export function webui(s: ConfluenceStore, c: Content): string {
  const key = s.spaces.get(c.spaceId)?.key ?? '';
  const slug = encodeURIComponent(c.title).replace(/%20/g, '+');
  if (c.type === 'blogpost') {
    const d = new Date(c.createdAt);
    const ymd = `${d.getUTCFullYear()}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}`;
    return `/spaces/${key}/blog/${ymd}/${c.id}/${slug}`;
  }
  if (c.type === 'folder') return `/spaces/${key}/folder/${c.id}`;
  return `/spaces/${key}/pages/${c.id}/${slug}`;
}

/** Confluence's tiny link: the id as little-endian bytes, base64 with `-`/`_`, trailing `A`s and `=` dropped. */
export function tinyui(id: string): string {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(id));
  let end = 8;
  while (end > 1 && b[end - 1] === 0) end--;
  const s = b
    .subarray(0, Math.max(end, 4))
    .toString('base64')
    .replace(/=+$/, '')
    .replace(/\//g, '-')
    .replace(/\+/g, '_')
    .replace(/A+$/, '');
  return `/x/${s}`;
}

// --- v2 cursor pagination ------------------------------------------------------------------

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');

function decodeCursor(ctx: HandlerContext, cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw fail(ctx, 400, `Invalid cursor: ${cursor}`);
  return Number(m[1]);
}

/** One v2 page of results: `{results, _links: {next?, base}}` plus the `Link` header. */
export function pageV2<T>(ctx: HandlerContext, items: T[], render: (t: T) => unknown): SandboxResponse {
  const limit = Number(ctx.query.limit ?? 25);
  const offset = decodeCursor(ctx, ctx.query.cursor);
  const slice = items.slice(offset, offset + limit);
  const links: Record<string, string> = {};
  const headers: Record<string, string> = {};
  if (offset + limit < items.length) {
    const q = new URLSearchParams(ctx.req.query);
    q.set('cursor', encodeCursor(offset + limit));
    links.next = `${apiPath(ctx)}?${q.toString()}`;
    headers.link = `<${links.next}>; rel="next", <${wikiBase(ctx)}>; rel="base"`;
  }
  links.base = wikiBase(ctx);
  return json(200, { results: slice.map(render), _links: links }, headers);
}

// --- v1 offset pagination -------------------------------------------------------------------

/** `{results, start, limit, size, _links: {base, context, self, next?}}` for v1 lists. */
export function pageV1<T>(
  ctx: HandlerContext,
  items: T[],
  render: (t: T) => unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const start = Number(ctx.query.start ?? 0);
  const limit = Math.min(Number(ctx.query.limit ?? 25), 200);
  const slice = items.slice(start, start + limit);
  const path = apiPath(ctx).replace(/^\/wiki/, '');
  const links: Record<string, string> = { base: wikiBase(ctx), context: '/wiki', self: `${wikiBase(ctx)}${path}` };
  if (start + limit < items.length) {
    const q = new URLSearchParams(ctx.req.query);
    q.set('start', String(start + limit));
    q.set('limit', String(limit));
    links.next = `${path}?${q.toString()}`;
  }
  if (start > 0) {
    const q = new URLSearchParams(ctx.req.query);
    q.set('start', String(Math.max(0, start - limit)));
    links.prev = `${path}?${q.toString()}`;
  }
  return { results: slice.map(render), start, limit, size: slice.length, ...extra, _links: links };
}
