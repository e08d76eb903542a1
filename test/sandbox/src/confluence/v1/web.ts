// The web UI paths a user pastes: tiny links (`/wiki/x/{code}` → 302 to the page) and page
// URLs (`/wiki/spaces/{key}/pages/{id}[/{title}]`, a minimal HTML page), for resolving URLs.
import type { SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { canRead, store, webui } from '../context.js';
import { escapeXml } from '../storage.js';

const notFound = (): SandboxResponse => ({
  status: 404,
  headers: { 'content-type': 'text/html;charset=UTF-8' },
  body: '<html><body>Page not found</body></html>',
});

/** The inverse of `tinyui()`: `-`/`_` back to `/`/`+`, the dropped `A`s restored, little-endian bytes. */
export function tinyToId(code: string): string | undefined {
  let s = code.replace(/-/g, '/').replace(/_/g, '+');
  if (!/^[A-Za-z0-9+/]+$/.test(s)) return undefined;
  while (s.length % 4 || s.length < 8) s += 'A';
  const bytes = Buffer.alloc(8);
  Buffer.from(s, 'base64').copy(bytes, 0, 0, 8);
  return bytes.readBigUInt64LE().toString();
}

export function tinyLink(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const id = tinyToId(String(ctx.params.code));
  const c = id ? s.contents.get(id) : undefined;
  if (!c || c.status === 'deleted' || !canRead(s, c, ctx.accountId)) return notFound();
  return { status: 302, headers: { location: `${ctx.base}/wiki${webui(s, c)}` } };
}

export function pageView(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const c = s.contents.get(String(ctx.params.id));
  const space = s.spaceByKey(String(ctx.params.key));
  if (!c || !space || c.spaceId !== space.id || c.status !== 'current' || !canRead(s, c, ctx.accountId))
    return notFound();
  return {
    status: 200,
    headers: { 'content-type': 'text/html;charset=UTF-8' },
    body: `<html><head><title>${escapeXml(c.title)} - ${escapeXml(space.name)} - Confluence</title><meta name="ajs-page-id" content="${c.id}"><meta name="ajs-space-key" content="${space.key}"></head><body><h1>${escapeXml(c.title)}</h1></body></html>`,
  };
}
