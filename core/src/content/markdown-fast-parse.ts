import type { Root, RootContent } from 'mdast';
import type { Env, MarkdownIt, Token } from 'markdown-it';
import { closing, TokenReader, type ReferenceParse } from './markdown-fast-blocks.js';
import { continues } from './markdown-open-block.js';
import { SourceLines } from './markdown-source-lines.js';

/*
 * The common part of Markdown, parsed about ten times faster than micromark does it: markdown-it
 * tokenizes, and its tokens become the mdast micromark would give. Only what the two read alike
 * is taken this way — paragraphs, headings, lists, quotes, fenced code, rules; text with
 * emphasis, strong, code and links. A top-level block holding anything else (tables, HTML,
 * placeholders, footnotes, task items, autolinks, entities, images, tabs, indented code) is
 * handed to micromark, on its own source lines. core/test/content/markdown-fast-parse.test.ts
 * compares both parsers' trees over the CommonMark spec, every fixture and random documents.
 */

export type { ReferenceParse };

/** `markdown` as mdast: fast where it can be, `reference` (micromark) for the blocks it cannot. */
export function parseFast(markdown: string, reference: ReferenceParse): Root {
  const env: Env = {};
  const tokens = markdownIt().parse(markdown, env);
  const lines = new SourceLines(markdown);
  const reader = new TokenReader(lines, tokens);
  const ranges = topLevel(lines, tokens);
  if (ranges === undefined) return reference(markdown);
  reader.definitions = ranges
    .filter((r) => r.definition)
    .map((r) => lines.text(r.first, r.last))
    .join('\n\n');
  const labels = Object.keys(env.references ?? {});
  if (labels.length > 0)
    reader.linkLabels = { labels: new Set(labels), normalize: markdownIt().utils.normalizeReference };

  const children: RootContent[] = [];
  let pending: [number, number] | undefined; // source lines handed to micromark, merged while adjacent
  for (let k = 0; k < ranges.length;) {
    // Blocks with no blank line between them read each other (a paragraph an item may not
    // interrupt, a lazy line…): they go to micromark together or not at all.
    let end = k + 1;
    while (end < ranges.length && ranges[end]!.first === ranges[end - 1]!.last) end++;
    const nodes: RootContent[] = [];
    for (let g = k; g < end && nodes.length === g - k; g++) {
      const range = ranges[g]!;
      const node =
        range.definition || reader.micromarkOnly(range.from, range.first, range.last)
          ? undefined
          : reader.block(range.from, range.to, []);
      if (node !== undefined) nodes.push(node);
    }
    if (nodes.length === end - k && pending !== undefined) {
      const read = reader.reference(pending[0], pending[1], reference);
      if (read === undefined) return reference(markdown);
      const tail = read[read.length - 1];
      // What micromark left open (a fence, raw HTML, indented code, a list) may take these blocks in.
      const next = lines.text(ranges[k]!.first, ranges[k]!.first + 1);
      if (tail === undefined || !continues(tail, markdown, next)) {
        children.push(...read);
        pending = undefined;
      }
    }
    if (nodes.length < end - k || pending !== undefined) {
      // To the next block: micromark may take in the blank or white lines after these.
      pending = [pending?.[0] ?? ranges[k]!.first, ranges[end]?.first ?? lines.lines];
    } else {
      children.push(...nodes);
    }
    k = end;
  }
  if (pending !== undefined) {
    const read = reader.reference(pending[0], pending[1], reference);
    if (read === undefined) return reference(markdown);
    children.push(...read);
  }
  return { type: 'root', children, position: { start: lines.point(0), end: lines.point(markdown.length) } };
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
  const create = require('markdown-it') as typeof import('markdown-it');
  const md = create('commonmark', { html: true, maxNesting: 100 }).enable(['strikethrough', 'table']);
  // mdast keeps destinations as written (decoded), and any scheme.
  md.normalizeLink = (url: string) => url;
  md.normalizeLinkText = (text: string) => text;
  md.validateLink = () => true;
  loaded = md;
  return md;
}
