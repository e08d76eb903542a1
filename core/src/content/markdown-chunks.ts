import type { Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { parseMarkdown } from './markdown-dialect.js';

/*
 * Parsing Markdown in pieces. micromark's cost grows faster than the text (a 20 KB text parses
 * in about half the time as ten 2 KB pieces), so long text is parsed piece by piece, split at
 * blank lines where the pieces read exactly as they do inside the whole text: after a blank line,
 * a line that starts without indentation begins a new block unless what came before is a list
 * (its next item, of the same kind), a fenced code block or raw HTML left open, or an indented
 * code block (after which micromark reads `2.` as no list). Link definitions reach the whole text:
 * text with one is parsed whole.
 */

/** @internal Pieces are at least this long (tests make them short). */
export const CHUNK = { chars: 2000 };

/** `parseMarkdown`, in pieces where that reads the same (same nodes, same offsets). */
export function parseInPieces(markdown: string): Root {
  if (markdown.length <= CHUNK.chars || markdown.includes(']:')) return parseMarkdown(markdown);
  return {
    type: 'root',
    children: parseRange(markdown, 0, markdown.length),
    position: { start: point(0), end: point(markdown.length) },
  };
}

/**
 * The nodes of `markdown.slice(from, to)` parsed on their own, in pieces, with offsets in
 * `markdown`. (Whether the range reads the same inside the whole text is the caller's question.)
 */
export function parseRange(markdown: string, from: number, to: number): RootContent[] {
  const nodes: RootContent[] = [];
  for (let start = from; start < to;) {
    let end = splitAfter(markdown, start + CHUNK.chars, to);
    let children: RootContent[];
    for (;;) {
      const text = markdown.slice(start, end);
      children = parseMarkdown(text).children;
      const tail = children[children.length - 1];
      if (end >= to || tail === undefined || !continues(tail, text, markdown.slice(end, lineEnd(markdown, end)))) break;
      // The next piece would read differently on its own: take it in too (doubling, so text
      // that stays open to the end is parsed a few times at most, not once per blank line).
      end = splitAfter(markdown, start + 2 * (end - start), to);
    }
    for (const node of children) shiftPositions(node, start);
    nodes.push(...children);
    start = end;
  }
  return nodes;
}

/** Whether `next` (a line after a blank line) could belong to what `tail`, the last block of `text`, began. */
function continues(tail: RootContent, text: string, next: string): boolean {
  if (leftOpen(tail, text)) return true;
  return tail.type === 'list' && continuesList(next, listType(text.slice(tail.position!.start.offset).trimStart())!);
}

/** The first line start at or after `at` that follows an empty line and starts without indentation, else `to`. */
function splitAfter(markdown: string, at: number, to: number): number {
  for (
    let k = markdown.indexOf('\n\n', Math.max(at - 2, 0));
    k !== -1 && k + 2 < to;
    k = markdown.indexOf('\n\n', k + 1)
  ) {
    if (!/\s/.test(markdown[k + 2]!)) return k + 2;
  }
  return to;
}

function point(offset: number): Position['start'] {
  // Only offsets are used; lines and columns of these nodes are not meaningful.
  return { line: 1, column: 1, offset };
}

export function lineEnd(markdown: string, start: number): number {
  const end = markdown.indexOf('\n', start);
  return end === -1 ? markdown.length : end;
}

const LIST_MARKER = /^(?:([-*+])|\d{1,9}([.)]))(?:[ \t]|$)/;

/** `-`, `*`, `+` for a bullet list's first line, `.` or `)` for an ordered one; else undefined. */
export function listType(line: string): string | undefined {
  const match = LIST_MARKER.exec(line);
  return match === null ? undefined : (match[1] ?? match[2]);
}

/** Whether a line after a blank line can belong to a list of type `type` that precedes it. */
export function continuesList(line: string, type: string): boolean {
  return /^\s/.test(line) || listType(line) === type;
}

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

/** Moves a parsed node (and its descendants) by `offset` characters. */
export function shiftPositions(node: { position?: Position; children?: unknown }, offset: number): void {
  const position = node.position;
  if (position !== undefined) {
    node.position = {
      start: { ...position.start, offset: (position.start.offset ?? 0) + offset },
      end: { ...position.end, offset: (position.end.offset ?? 0) + offset },
    };
  }
  if (Array.isArray(node.children)) for (const child of node.children) shiftPositions(child as typeof node, offset);
}
