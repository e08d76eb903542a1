import type { Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { parseMarkdown } from './markdown-dialect.js';
import { continues } from './markdown-open-block.js';

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
