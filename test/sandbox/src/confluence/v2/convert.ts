// `POST /content/convert-ids-to-types`: what kind of content each id is (resolving a URL or a
// bare id to the right endpoint).
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { store } from '../context.js';

export function convertContentIdsToContentTypes(ctx: HandlerContext): SandboxResponse {
  const s = store(ctx);
  const results: Record<string, string> = {};
  for (const raw of (ctx.body as { contentIds: Array<string | number> }).contentIds) {
    const id = String(raw);
    const c = s.contents.get(id);
    const cm = s.comments.get(id);
    if (c && c.status !== 'deleted') results[id] = c.type;
    else if (cm && cm.status === 'current') results[id] = cm.kind === 'inline' ? 'inline-comment' : 'footer-comment';
    else if (s.attachments.has(id) || s.attachments.has(`att${id}`)) results[id] = 'attachment';
  }
  return json(200, { results });
}
