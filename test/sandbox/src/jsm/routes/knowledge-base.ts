// Knowledge-base search, across the caller's desks or in one desk: every word of the query must
// appear; title matches rank first; the excerpt is the matching passage, optionally highlighted
// with JSM's `@@@hl@@@…@@@endhl@@@` markers.
import { json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { canAccessDesk, jsm, requireDeskAccess } from '../access.js';
import { badRequest } from '../errors.js';
import type { KnowledgeBaseArticle } from '../kb/source.js';
import { paged } from '../render/paging.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function excerpt(a: KnowledgeBaseArticle, words: string[], highlight: boolean): string {
  const sentences = a.body.replace(/\n+/g, ' ').split(/(?<=[.!?])\s+/);
  const hit = sentences.find((s) => words.some((w) => s.toLowerCase().includes(w))) ?? sentences[0] ?? '';
  const text = hit.length > 240 ? `${hit.slice(0, 237)}...` : hit;
  if (!highlight) return text;
  return text.replace(new RegExp(`(${words.map(escape).join('|')})`, 'gi'), '@@@hl@@@$1@@@endhl@@@');
}

export const getArticles: Handler = (ctx) => {
  const st = jsm(ctx);
  const query = String(ctx.query.query ?? '').trim();
  if (!query) throw badRequest('The query parameter is required.', 'sd.kb.error.query.required');
  const deskId = ctx.params.serviceDeskId === undefined ? undefined : requireDeskAccess(ctx).id;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const scored: Array<[number, KnowledgeBaseArticle]> = [];
  for (const a of st.knowledgeBase.articles(deskId)) {
    const desk = st.desks.get(a.serviceDeskId);
    if (!desk || !canAccessDesk(st, desk, ctx.accountId)) continue;
    const title = a.title.toLowerCase();
    const all = `${title}\n${a.body.toLowerCase()}\n${a.labels.join(' ').toLowerCase()}`;
    if (!words.every((w) => all.includes(w))) continue;
    scored.push([words.filter((w) => title.includes(w)).length, a]);
  }
  scored.sort((x, y) => y[0] - x[0] || x[1].title.localeCompare(y[1].title));
  const highlight = ctx.query.highlight === true;
  return json(
    200,
    paged(ctx, scored, ([, a]) => ({
      title: a.title,
      excerpt: excerpt(a, words, highlight),
      source: { type: 'confluence', pageId: a.id, spaceKey: a.spaceKey },
      content: { iframeSrc: `${ctx.req.origin}/servicedesk/customer/portal/${a.serviceDeskId}/article/${a.id}` },
    })),
  );
};
