import { Fencer } from './fence.js';
import { inlineText } from './neutralise.js';

/**
 * Helpers a `render` function gets to build its one compact text block. Every string written by
 * an Atlassian user (summaries, names, labels, filenames, goals, descriptions) reaches the text
 * through `fence` (blocks, lists) or `inline` (one short value in a header line), never raw.
 */
export interface RenderKit {
  /** Fences user-authored content (descriptions, comments, lists of rows) as untrusted data. */
  fence(content: string, label?: string): string;
  /** A short user-authored value for a header line: one line, neutralised, at most `max` characters. */
  inline(value: string | undefined | null, max?: number): string;
  /** The standard "showing X of Y; pass cursor=… for more" footer. */
  more(page: { shown: number; total?: number; nextCursor?: string; noun?: string }): string;
}

/** A kit for one result: every fence in it carries the same fresh random id. */
export function createRenderKit(): RenderKit {
  const fencer = new Fencer();
  return {
    fence: (content, label) => fencer.fence(content, label),
    inline: inlineText,
    more: moreFooter,
  };
}

export function moreFooter(page: { shown: number; total?: number; nextCursor?: string; noun?: string }): string {
  const plural = page.noun ?? 'results';
  const noun = (page.total ?? page.shown) === 1 && plural.endsWith('s') ? plural.slice(0, -1) : plural;
  const of = page.total !== undefined ? ` of ${page.total}` : '';
  if (page.nextCursor) return `showing ${page.shown}${of} ${noun}; pass cursor="${page.nextCursor}" for more`;
  if (page.total !== undefined && page.total > page.shown) return `showing ${page.shown} of ${page.total} ${noun}`;
  return `${page.shown} ${noun}`;
}
