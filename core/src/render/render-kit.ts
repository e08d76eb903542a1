/** Helpers a tool's `render` function gets to build its one compact text block. */
export interface RenderKit {
  /** Fences user-authored content (summaries, descriptions, comments) as untrusted data. */
  fence(content: string, label?: string): string;
  /** The standard "showing X of Y; pass cursor=… for more" footer. */
  more(page: { shown: number; total?: number; nextCursor?: string; noun?: string }): string;
}

export function moreFooter(page: { shown: number; total?: number; nextCursor?: string; noun?: string }): string {
  const plural = page.noun ?? 'results';
  const noun = (page.total ?? page.shown) === 1 && plural.endsWith('s') ? plural.slice(0, -1) : plural;
  const of = page.total !== undefined ? ` of ${page.total}` : '';
  if (page.nextCursor) return `showing ${page.shown}${of} ${noun}; pass cursor="${page.nextCursor}" for more`;
  if (page.total !== undefined && page.total > page.shown) return `showing ${page.shown} of ${page.total} ${noun}`;
  return `${page.shown} ${noun}`;
}
