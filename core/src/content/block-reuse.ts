import type { Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { AdfNode } from './adf-types.js';
import { lineEnd, parseInPieces, parseRange } from './markdown-chunks.js';
import { continuesList, leftOpen, listType } from './markdown-open-block.js';

/**
 * The current document's blocks by their Markdown, for writes: a block whose Markdown comes back
 * exactly is that block, verbatim. Parsing is most of a write's cost, and most of a written
 * document is blocks the model did not touch, so `parse` does not parse those: it finds them in
 * the text and parses only what lies between them.
 */
export class BlockReuse {
  private readonly blocks = new Map<string, AdfNode[]>();
  /** Keys by their first line: the candidates to try where a block starts. */
  private readonly byFirstLine = new Map<string, string[]>();

  get size(): number {
    return this.blocks.size;
  }

  add(markdown: string, node: AdfNode): void {
    const list = this.blocks.get(markdown);
    if (list !== undefined) {
      list.push(node);
      return;
    }
    this.blocks.set(markdown, [node]);
    const end = markdown.indexOf('\n');
    const first = end === -1 ? markdown : markdown.slice(0, end);
    const keys = this.byFirstLine.get(first);
    if (keys === undefined) this.byFirstLine.set(first, [markdown]);
    else keys.push(markdown);
  }

  /** The next unused block whose Markdown is exactly `markdown`. */
  take(markdown: string): AdfNode | undefined {
    return this.blocks.get(markdown)?.shift();
  }

  /**
   * `parseMarkdown(markdown)`, except that every run of text that is exactly a known block's
   * Markdown, standing where a block starts and ends, is one `KnownBlock` node (its source range)
   * instead of its parse. The other nodes are what parsing the whole text gives, with the same
   * offsets: the text between known blocks is parsed on its own, which gives the same nodes
   * because a blank line separates it from them and nothing open before a blank line can take
   * in a line that starts without indentation — except a list (its next item, or indented lines),
   * a fenced code block or raw HTML left open, and link definitions (which reach the whole text).
   * Where any of these could be at play, the whole text is parsed.
   */
  parse(markdown: string): Root {
    if (this.blocks.size === 0 || markdown.includes(']:')) return parseInPieces(markdown);
    const ranges = this.knownRanges(markdown);
    if (ranges.length === 0) return parseInPieces(markdown);
    const children: RootContent[] = [];
    let at = 0;
    let before: string | undefined; // the list type (bullet or delimiter) the text so far ends with
    for (const range of ranges) {
      if (range.start > at) {
        const gap = this.parseGap(markdown, at, range.start, before);
        if (gap === undefined) return parseInPieces(markdown);
        children.push(...gap.nodes);
        before = gap.endsWithList;
      }
      const line = markdown.slice(range.start, lineEnd(markdown, range.start));
      if (before !== undefined && continuesList(line, before)) return parseInPieces(markdown);
      children.push(range.lone ? lonePlaceholder(line, range.start) : knownBlock(range.start, range.end));
      before = range.lone ? undefined : listType(line);
      at = range.end;
    }
    if (at < markdown.length) {
      const gap = this.parseGap(markdown, at, markdown.length, before, true);
      if (gap === undefined) return parseInPieces(markdown);
      children.push(...gap.nodes);
    }
    return {
      type: 'root',
      children,
      position: { start: point(0), end: point(markdown.length) },
    };
  }

  /**
   * The text from `from` to `to` parsed on its own (offsets shifted to the whole text), or
   * undefined when it could read differently inside the whole text.
   */
  private parseGap(
    markdown: string,
    from: number,
    to: number,
    before: string | undefined,
    last = false,
  ): { nodes: RootContent[]; endsWithList: string | undefined } | undefined {
    const text = markdown.slice(from, to);
    if (text.trim() === '') return { nodes: [], endsWithList: before };
    const firstLine = /^(?:[ \t]*\n)*([^\n]*)/.exec(text)![1]!;
    if (before !== undefined && continuesList(firstLine, before)) return undefined;
    const nodes = parseRange(markdown, from, to);
    const tail = nodes[nodes.length - 1];
    if (tail !== undefined && !last && leftOpen(tail, markdown)) return undefined;
    const endsWithList =
      tail?.type === 'list' ? listType(markdown.slice(tail.position!.start.offset, to).trimStart()) : undefined;
    return { nodes, endsWithList };
  }

  /** Where known blocks stand in `markdown`: after a blank line (or at the start), before one (or at the end). */
  private knownRanges(markdown: string): Array<{ start: number; end: number; lone: boolean }> {
    const ranges: Array<{ start: number; end: number; lone: boolean }> = [];
    let blankBefore = true;
    let skipTo = 0;
    for (let start = 0; start < markdown.length;) {
      const end = lineEnd(markdown, start);
      const line = markdown.slice(start, end);
      const blank = line.trim() === '';
      if (start >= skipTo && blankBefore && !blank && !/^\s/.test(line)) {
        let best = -1;
        for (const key of this.byFirstLine.get(line) ?? []) {
          if (key.length > best && markdown.startsWith(key, start) && blankAfter(markdown, start + key.length))
            best = key.length;
        }
        // A lone placeholder may be a container marker the text around it pairs up: it is given as
        // the paragraph it parses to, and the conversion pairs it up or takes it.
        const lone = best === line.length && onePlaceholder(line);
        if (best >= 0 && (lone || !(best === line.length && mayBeOnePlaceholder(line)))) {
          ranges.push({ start, end: start + best, lone });
          skipTo = start + best;
        }
      }
      blankBefore = blank;
      start = end + 1;
    }
    return ranges;
  }
}

/** A source range that is exactly a known block's Markdown (see `BlockReuse.parse`). */
export interface KnownBlock {
  type: 'knownBlock';
  position: Position;
}

export function isKnownBlock(node: { type: string }): boolean {
  return node.type === 'knownBlock';
}

function knownBlock(start: number, end: number): RootContent {
  return { type: 'knownBlock', position: { start: point(start), end: point(end) } } as KnownBlock as never;
}

/**
 * True when a line is exactly one placeholder as the micromark extension reads it (placeholder-syntax):
 * `⟦`, then up to 2,000 characters without `⟦`, `⟧` only escaped (`\`), then `⟧` as the last character.
 */
function onePlaceholder(line: string): boolean {
  if (line.length < 3 || line.length > 2002 || !line.startsWith('⟦') || line[1] === '⟧') return false;
  for (let i = 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x20 || c === 0x27e6) return false;
    if (c === 0x5c) i++;
    else if (c === 0x27e7) return i === line.length - 1;
  }
  return false;
}

/**
 * Whether a line could parse to a paragraph of one placeholder (a placeholder holds no `⟦`, and
 * one with text around it is not alone) — a superset of `onePlaceholder`.
 */
function mayBeOnePlaceholder(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith('⟦') && trimmed.endsWith('⟧') && trimmed.indexOf('⟦', 1) === -1;
}

/** The paragraph a lone placeholder line parses to. */
function lonePlaceholder(line: string, start: number): RootContent {
  const position = { start: point(start), end: point(start + line.length) };
  return {
    type: 'paragraph',
    children: [{ type: 'placeholder', value: line.slice(1, -1), position: { ...position } }],
    position,
  } as RootContent;
}

function point(offset: number): Position['start'] {
  // Only offsets are used; lines and columns of these nodes are not meaningful.
  return { line: 1, column: 1, offset };
}

/** True at the end of the text, or at a line end followed by a blank line (or the end). */
function blankAfter(markdown: string, at: number): boolean {
  if (at === markdown.length) return true;
  if (markdown[at] !== '\n') return false;
  const next = markdown.slice(at + 1, lineEnd(markdown, at + 1));
  return next.trim() === '';
}
