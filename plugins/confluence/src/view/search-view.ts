import type { RenderKit } from '@atlassian-mcp/core';
import type { SearchHit } from '../client/confluence-search.js';
import { compact, shortTime, unhighlight } from './display.js';

/** One search result as the model reads it. */
export interface SearchRow {
  type: string;
  /** Content id (`att…` for attachments); the key for a space. */
  id?: string;
  title: string;
  space?: string;
  /** The page a comment or attachment belongs to. */
  on?: string;
  modified?: string;
  author?: string;
  excerpt?: string;
}

const EXCERPT_CHARS = 160;

type V1Content = {
  id?: string;
  type?: string;
  space?: { key?: string };
  version?: { by?: { displayName?: string }; when?: string };
  history?: { createdBy?: { displayName?: string } };
};

/** A v1 search result, reduced to what identifies it and says why it matched. */
export function searchRow(hit: SearchHit): SearchRow {
  const content = hit.content as V1Content | undefined;
  const space = hit.space as { key?: string } | undefined | null;
  const excerpt = unhighlight(hit.excerpt);
  const type = content?.type ?? (space ? 'space' : hit.entityType);
  return compact({
    type,
    id: content?.id ?? space?.key ?? undefined,
    title: unhighlight(hit.title).replace(/\*\*/g, ''),
    space: content?.space?.key ?? (space ? undefined : hit.resultGlobalContainer?.title),
    on: hit.resultParentContainer?.title,
    modified: shortTime(content?.version?.when ?? hit.lastModified)?.slice(0, 10),
    author: content?.version?.by?.displayName ?? content?.history?.createdBy?.displayName,
    excerpt: excerpt.length > EXCERPT_CHARS ? `${excerpt.slice(0, EXCERPT_CHARS - 1)}…` : excerpt,
  });
}

/** "page 98306 · ENG · Title · 2026-11-20 Maya Chen — excerpt" */
export function searchLine(r: SearchRow): string {
  const where = r.on ? `on "${r.on}"` : r.space;
  const head = [`${r.type}${r.id ? ` ${r.id}` : ''}`, where, r.title, [r.modified, r.author].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' · ');
  return r.excerpt ? `${head} — ${r.excerpt}` : head;
}

/** The text block of a page of search results. */
export function renderSearch(
  out: { results: unknown[]; nextCursor?: string; total?: unknown },
  kit: RenderKit,
): string {
  const rows = out.results as SearchRow[];
  if (rows.length === 0) return 'No results.';
  const more = kit.more({
    shown: rows.length,
    total: out.total as number | undefined,
    nextCursor: out.nextCursor,
    noun: 'results',
  });
  return `${kit.fence(rows.map(searchLine).join('\n'), 'results')}\n${more}`;
}
