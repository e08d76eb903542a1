import type { RootContent } from 'mdast';

/**
 * Whether the block that ends the text (or the innermost block a list or quote ends with) can
 * read differently when more text follows after a blank line: a fenced code block without its
 * closing fence or raw HTML that only a later line closes (both take the blank line in), and an
 * indented code block (after which micromark reads `2.` as no list).
 */
export function leftOpen(node: RootContent, text: string): boolean {
  if (
    node.type === 'list' ||
    node.type === 'listItem' ||
    node.type === 'blockquote' ||
    node.type === 'footnoteDefinition'
  ) {
    const last = node.children[node.children.length - 1];
    return last?.position !== undefined && leftOpen(last, text);
  }
  const source = text.slice(node.position!.start.offset, node.position!.end.offset);
  if (node.type === 'html') return /^[ \t]*<(?:script|pre|style|textarea|!|\?)/i.test(source);
  if (node.type !== 'code') return false;
  const fence = /^[ \t]*(`{3,}|~{3,})/.exec(source);
  if (fence === null) return true;
  const lines = source.split('\n');
  const close = lines[lines.length - 1]!.trim();
  return lines.length < 2 || close.length < fence[1]!.length || !close.split('').every((c) => c === fence[1]![0]);
}

/** Whether `next` (a line after a blank line) could belong to what `tail`, the last block of `text`, began. */
export function continues(tail: RootContent, text: string, next: string): boolean {
  if (leftOpen(tail, text)) return true;
  return tail.type === 'list' && continuesList(next, listType(text.slice(tail.position!.start.offset).trimStart())!);
}

const LIST_MARKER = /^(?:([-*+])|\d{1,9}([.)]))(?:[ \t\n]|$)/;

/** `-`, `*`, `+` for a bullet list's first line, `.` or `)` for an ordered one; else undefined. */
export function listType(line: string): string | undefined {
  const match = LIST_MARKER.exec(line);
  return match === null ? undefined : (match[1] ?? match[2]);
}

/** Whether a line after a blank line can belong to a list of type `type` that precedes it. */
export function continuesList(line: string, type: string): boolean {
  return /^\s/.test(line) || listType(line) === type;
}
