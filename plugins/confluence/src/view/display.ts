import { display } from '@atlassian-mcp/core';

export const { shortTime, fileSize, compact, lines } = display;

/** "a · b · c" without the empty ones. */
export function dots(...parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/** Confluence's search highlights (`@@@hl@@@x@@@endhl@@@`) as Markdown bold; whitespace folded. */
export function unhighlight(text: string | undefined): string {
  return (text ?? '')
    .replace(/@@@hl@@@/g, '**')
    .replace(/@@@endhl@@@/g, '**')
    .replace(/\s+/g, ' ')
    .trim();
}
