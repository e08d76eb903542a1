import type { Root, RootContent } from 'mdast';
import type { Env, MarkdownIt, Token } from 'markdown-it';
import type { Point, Position } from 'unist';
import { closing, TokenReader } from './markdown-fast-blocks.js';
import { continues, listType } from './markdown-open-block.js';
import { SourceLines } from './markdown-source-lines.js';

/*
 * Markdown parsed about ten times faster than micromark parses it: markdown-it tokenizes, and its
 * tokens become the mdast micromark would give — the same nodes, the same block positions (text,
 * table rows and cells get none: nothing reads them). Where the two parsers may read a block
 * differently (GFM autolink literals, footnotes, references, tabs, indented code, emphasis the
 * rule of three decides, markdown-it's own quirks…), the block and those around it without a
 * blank line between are handed to micromark, the reference, on their own source lines.
 * core/test/content/markdown-fast-parse.test.ts compares both parsers' trees over the CommonMark
 * spec, every fixture and random documents.
 */

export type ReferenceParse = (markdown: string) => Root;

/** `markdown` as mdast: fast where it can be, `reference` (micromark) for the blocks it cannot. */
export function parseFast(markdown: string, reference: ReferenceParse): Root {
  const env: Env = {};
  const tokens = markdownIt().parse(markdown, env);
  const lines = new SourceLines(markdown);
  const reader = new TokenReader(lines, tokens);
  const ranges = topLevel(lines, tokens);
  if (ranges === undefined) return reference(markdown);
  const definitions = ranges
    .filter((r) => r.definition)
    .map((r) => lines.text(r.first, r.last).trim())
    .join('\n\n');
  const labels = Object.keys(env.references ?? {});
  if (labels.length > 0)
    reader.linkLabels = { labels: new Set(labels), normalize: markdownIt().utils.normalizeReference };

  const children = assemble(groups(ranges, reader, lines), lines, (first, last) =>
    readWithMicromark(lines, definitions, first, last, reference),
  );
  if (children === undefined) return reference(markdown);
  return { type: 'root', children, position: { start: lines.point(0), end: lines.point(markdown.length) } };
}

/** Top-level blocks with no blank line between them, and their fast reading (undefined: micromark's). */
interface Group {
  first: number;
  nodes: RootContent[] | undefined;
}

/**
 * Blocks with no blank line between them read each other (a paragraph an item may not interrupt,
 * a lazy line…): they go to micromark together or not at all. So does a list right before
 * micromark's text when that text could go on with it (indented, or an item).
 */
function groups(ranges: Range[], reader: TokenReader, lines: SourceLines): Group[] {
  const out: Group[] = [];
  for (let k = 0; k < ranges.length;) {
    let end = k + 1;
    while (end < ranges.length && !lines.blank(ranges[end]!.first - 1, ranges[end]!.first)) end++;
    let nodes: RootContent[] | undefined = [];
    for (let g = k; g < end && nodes !== undefined; g++) {
      const range = ranges[g]!;
      const node =
        range.definition || reader.micromarkOnly(range.from, range.first, range.last)
          ? undefined
          : reader.block(range.from, range.to, []);
      nodes = node === undefined ? undefined : [...nodes, node];
    }
    out.push({ first: ranges[k]!.first, nodes });
    k = end;
  }
  for (let g = out.length - 1; g > 0; g--) {
    const reads = out[g]!.nodes === undefined && out[g - 1]!.nodes?.at(-1)?.type === 'list';
    const line = lines.text(out[g]!.first, out[g]!.first + 1);
    if (reads && (/^\s/.test(line) || listType(line) !== undefined)) out[g - 1]!.nodes = undefined;
  }
  return out;
}

/** The document's nodes: fast groups as read, micromark's runs read by it; undefined: read it all. */
function assemble(
  all: Group[],
  lines: SourceLines,
  read: (first: number, last: number) => RootContent[] | undefined,
): RootContent[] | undefined {
  const children: RootContent[] = [];
  for (let g = 0; g < all.length;) {
    if (all[g]!.nodes !== undefined) {
      children.push(...all[g]!.nodes!);
      g++;
      continue;
    }
    let end = g + 1;
    for (;;) {
      while (end < all.length && all[end]!.nodes === undefined) end++;
      const nodes = read(all[g]!.first, all[end]?.first ?? lines.lines);
      if (nodes === undefined) return undefined;
      const tail = nodes[nodes.length - 1];
      // What micromark left open (a fence, raw HTML, indented code, a list) may take the next in.
      const next = end < all.length ? lines.text(all[end]!.first, all[end]!.first + 1) : undefined;
      if (next === undefined || tail === undefined || !continues(tail, lines.source, next)) {
        children.push(...nodes);
        break;
      }
      end++;
    }
    g = end;
  }
  return children;
}

interface Range {
  /** Token indices of the block, -1 for lines no token covers. */
  from: number;
  to: number;
  /** Its source lines, `[first, last)`. */
  first: number;
  last: number;
  /** A link or footnote definition: micromark reads it, and every block micromark reads gets to see it. */
  definition: boolean;
}

const LINK_DEFINITION = /^ {0,3}\[[^\]]*\]:/m;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\s]+\]:/;

/**
 * The top-level blocks, and the lines between them that are not blank (link definitions, which
 * markdown-it keeps aside and micromark makes nodes of). Undefined when a definition sits where
 * micromark would place the blocks around it differently: inside a block or right above one.
 */
function topLevel(reader: SourceLines, tokens: Token[]): Range[] | undefined {
  const ranges: Range[] = [];
  const gap = (first: number, last: number): boolean => {
    if (reader.blank(first, last)) return true;
    ranges.push({ from: -1, to: -1, first, last, definition: true });
    // Blank lines around it (markdown-it lets a definition end a quote's lazy text; micromark not).
    let start = first;
    while (reader.blank(start, start + 1)) start++;
    const above = start === 0 || reader.blank(start - 1, start);
    return above && (reader.blank(last - 1, last) || last === reader.lines);
  };
  let line = 0;
  for (let i = 0; i < tokens.length;) {
    const end = closing(tokens, i);
    const map = tokens[i]!.map!;
    if (map[0] > line && !gap(line, map[0])) return undefined;
    const text = reader.text(map[0], map[1]);
    const container = tokens[i]!.type !== 'paragraph_open' && tokens[i]!.type !== 'heading_open';
    if (container && text.includes(']:')) return undefined;
    const definition = tokens[i]!.type === 'paragraph_open' && FOOTNOTE_DEFINITION.test(text);
    // A definition markdown-it missed (its title rules differ) may be one to micromark.
    if (!definition && LINK_DEFINITION.test(text)) return undefined;
    ranges.push({ from: i, to: end, first: map[0], last: map[1], definition });
    line = map[1];
    i = end + 1;
  }
  if (line < reader.lines && !gap(line, reader.lines)) return undefined;
  // A footnote definition anywhere else (in a list, under a paragraph line) escapes `definitions`.
  const footnotes = reader.source.match(/\[\^[^\]\n]*\]:/g)?.length ?? 0;
  if (footnotes > ranges.filter((r) => r.definition && r.from !== -1).length) return undefined;
  return ranges;
}

let loaded: MarkdownIt | undefined;

function markdownIt(): MarkdownIt {
  if (loaded !== undefined) return loaded;
  // The package's CommonJS build exports the function; a bundle may hand over its ES module.
  type Create = typeof import('markdown-it');
  const loadedModule = require('markdown-it') as Create | { default: Create };
  const create = typeof loadedModule === 'function' ? loadedModule : loadedModule.default;
  const md = create('commonmark', { html: true, maxNesting: 100 }).enable(['strikethrough', 'table']);
  // mdast keeps destinations as written (decoded), and any scheme.
  md.normalizeLink = (url: string) => url;
  md.normalizeLinkText = (text: string) => text;
  md.validateLink = () => true;
  loaded = md;
  return md;
}

/**
 * micromark's reading of source lines `[first, last)`, placed where they are in the whole text;
 * undefined when the document's definitions cannot be given with it.
 */
function readWithMicromark(
  lines: SourceLines,
  definitions: string,
  first: number,
  last: number,
  parse: ReferenceParse,
): RootContent[] | undefined {
  const from = lines.lineStart(first);
  const text = lines.text(first, last);
  if (definitions === '') {
    const children = parse(text).children;
    for (const node of children) shiftNode(node, first, from);
    return children;
  }
  // The definitions go above, a blank line apart (so nothing after the text changes how it
  // ends), unless indented text would continue a footnote definition.
  if (/^(?: {4}|\t)/.test(text)) return undefined;
  const before = definitions + '\n\n';
  const above = before.split('\n').length - 1;
  const children = parse(before + text).children.filter((node) => node.position!.start.offset! >= before.length);
  for (const node of children) shiftNode(node, first - above, from - before.length);
  return children;
}

/** Moves a node micromark read from a slice starting at `line`/`offset` to where the slice is. */
function shiftNode(node: { position?: Position; children?: unknown }, line: number, offset: number): void {
  const position = node.position;
  if (position !== undefined) {
    node.position = {
      start: shiftPoint(position.start, line, offset),
      end: shiftPoint(position.end, line, offset),
    };
  }
  if (Array.isArray(node.children)) for (const child of node.children) shiftNode(child as typeof node, line, offset);
}

function shiftPoint(point: Point, line: number, offset: number): Point {
  return { line: point.line + line, column: point.column, offset: (point.offset ?? 0) + offset };
}
