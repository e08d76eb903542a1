import type { RenderKit } from '@atlassian-mcp/core';
import { dots, lines } from './display.js';

/** A page or blog post as the model reads it: facts, then the Markdown body. */
export type PageView = {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  space?: string;
  version: number;
  /** Only when not `current` (draft, archived, historical, trashed). */
  status?: string;
  /** Who saved this version, and when. */
  author?: string;
  updated?: string;
  /** The version's message, if any. */
  message?: string;
  createdBy?: string;
  created?: string;
  parentId?: string;
  /** Ancestor titles, top first; the last is the parent. */
  path?: string[];
  labels?: string[];
  url?: string;
  /** The Markdown body (or the section asked for). */
  body: string;
  /** Set when the body shown is a part: what is left and how to read it. */
  more?: string;
};

/** The one compact text block of a page: facts first, the user-authored part fenced once. */
export function renderPage(p: PageView, kit: RenderKit): string {
  const head = lines(
    dots(
      `${p.type === 'blogpost' ? 'blog post' : 'page'} ${p.id}`,
      p.space && `space ${p.space}`,
      `v${p.version}`,
      p.status,
      p.updated && `updated ${p.updated}${p.author ? ` by ${kit.inline(p.author, 80)}` : ''}`,
      // Version 1 was created when it was saved: the update says it all.
      p.version > 1 &&
        p.created &&
        `created ${p.created}${p.createdBy && p.createdBy !== p.author ? ` by ${kit.inline(p.createdBy, 80)}` : ''}`,
      p.parentId && `parent ${p.parentId}`,
    ),
    p.labels?.length ? `labels: ${p.labels.map((l) => kit.inline(l, 80)).join(', ')}` : undefined,
    p.url,
  );
  const facts = lines(
    `# ${p.title}`,
    p.path?.length ? `path: ${p.path.join(' › ')}` : undefined,
    p.message && `version note: ${p.message}`,
  );
  const body = p.body ? `${facts}\n\n${p.body}` : facts;
  return lines(head, kit.fence(body, 'page'), p.more);
}
