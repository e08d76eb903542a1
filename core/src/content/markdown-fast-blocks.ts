import type { Blockquote, Code, Heading, Html, List, ListItem, Paragraph, RootContent, ThematicBreak } from 'mdast';
import type { Token } from 'markdown-it';
import { inlineToMdast, type LinkLabels } from './markdown-fast-inline.js';
import { tableToMdast } from './markdown-fast-table.js';
import { skipSpaces, type SourceLines } from './markdown-source-lines.js';

/** A line that could be a table's delimiter row (after any quote or list markers). */
const TABLE_DELIMITER_ROW = /^[ >]*(?:(?:[-*+]|\d{1,9}[.)]) +)*[|: -]*-[|: -]*$/m;
/** One without pipes: micromark takes `-:` under a line for a one-column table. */
const ALIGNED_DELIMITER_ROW = /^[ >]*(?:(?:[-*+]|\d{1,9}[.)]) +)*[: -]*(?::-|-:)[: -]*$/m;
const MAX_DEPTH = 40;

type Ancestor = { kind: 'quote' | 'item'; line: number };

/**
 * markdown-it's block tokens as the mdast micromark gives, with micromark's block positions; see
 * markdown-fast-parse.ts.
 */
export class TokenReader {
  private readonly source: string;
  /** The labels the document defines links for. */
  linkLabels: LinkLabels | undefined;

  constructor(
    readonly lines: SourceLines,
    private readonly tokens: Token[],
  ) {
    this.source = lines.source;
  }

  /** The block from token `from` to `to` (its closing token), or undefined when micromark must read it. */
  block(from: number, to: number, ancestors: Ancestor[]): RootContent | undefined {
    const token = this.tokens[from]!;
    const map = token.map;
    if (map === null || ancestors.length > MAX_DEPTH) return undefined;
    switch (token.type) {
      case 'paragraph_open':
        return this.leaf<Paragraph>(from, ancestors, { type: 'paragraph', children: [] });
      case 'heading_open':
        return this.leaf<Heading>(from, ancestors, {
          type: 'heading',
          depth: Number(token.tag.slice(1)) as Heading['depth'],
          children: [],
        });
      case 'hr':
        return this.at<ThematicBreak>(
          { type: 'thematicBreak' },
          this.start(map[0], ancestors),
          this.lines.lineEnd(map[1] - 1),
        );
      case 'fence':
        return this.fence(token, ancestors);
      case 'blockquote_open': {
        // micromark ends a quote that is empty, or in a quote, after the next line's `>`: left to it.
        if (this.tokens[from + 1] === this.tokens[to] || ancestors.some((a) => a.kind === 'quote')) return undefined;
        // Lazy lines (and what markdown-it takes for them) are left to micromark too.
        if (!this.allQuoted(map[0], map[1], ancestors)) return undefined;
        const children = this.blocks(from + 1, to, [...ancestors, { kind: 'quote', line: map[0] }]);
        if (children === undefined) return undefined;
        const end = this.lines.lineEnd(lastLine(this.tokens[from]!));
        // micromark ends a list in a quote after the next line's `>`: a list may only end the quote.
        const list = children.findIndex((child) => child.type === 'list');
        // And a list in a quote right under a paragraph line reads as that paragraph's would.
        const under = map[0] > 0 && !this.lines.blank(map[0] - 1, map[0]);
        if (list !== -1 && (under || list !== children.length - 1 || children[list]!.position!.end.offset !== end))
          return undefined;
        return this.at<Blockquote>(
          { type: 'blockquote', children: children as Blockquote['children'] },
          this.start(map[0], ancestors),
          end,
        );
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(from, to, ancestors);
      case 'table_open':
        return ancestors.length > 0 ? undefined : tableToMdast(this.tokens, from, to, this.lines, this.linkLabels);
      case 'html_block':
        // Raw HTML a later line closes (`<pre>`, comments…) and HTML in a container measure differently.
        if (ancestors.length > 0 || /^ {0,3}<(?:script|pre|style|textarea|!|\?)/i.test(token.content)) return undefined;
        return this.at<Html>(
          { type: 'html', value: token.content.replace(/\n$/, '') },
          this.lines.lineStart(map[0]),
          this.lines.lineEnd(map[1] - 1),
        );
      default:
        return undefined; // code_block, anything new
    }
  }

  /**
   * micromark's to read: tabs (partly indentation, partly not), NULs, spaces beyond ASCII (which
   * markdown-it trims off cells and info strings), and what may be a GFM table it does not see.
   */
  micromarkOnly(from: number, first: number, last: number): boolean {
    const text = this.lines.text(first, last);
    if (/[\t\0\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/.test(text)) return true;
    // A table markdown-it does not see as one (inside a list, right under a paragraph…).
    const table = (text.includes('|') && TABLE_DELIMITER_ROW.test(text)) || ALIGNED_DELIMITER_ROW.test(text);
    return table && this.tokens[from]?.type !== 'table_open';
  }

  private blocks(from: number, to: number, ancestors: Ancestor[]): RootContent[] | undefined {
    const out: RootContent[] = [];
    for (let i = from; i < to;) {
      const end = closing(this.tokens, i);
      const node = this.block(i, end, ancestors);
      if (node === undefined) return undefined;
      out.push(node);
      i = end + 1;
    }
    return out;
  }

  private leaf<T extends Paragraph | Heading>(open: number, ancestors: Ancestor[], node: T): T | undefined {
    const map = this.tokens[open]!.map!;
    const start = this.start(map[0], ancestors);
    if (ancestors.length > 0 && this.lazy(map, start - this.lines.lineStart(map[0]))) return undefined;
    // A check anywhere but first in an item is micromark's (its task extension then marks a parent).
    const parent = ancestors[ancestors.length - 1];
    const first = parent?.kind === 'item' && parent.line === map[0];
    if (!first && /^\[[ xX]\]/.test(this.source.slice(start, start + 3))) return undefined;
    const children = inlineToMdast(this.tokens[open + 1]!, this.linkLabels);
    if (children === undefined) return undefined;
    node.children = children;
    return this.at(node, start, this.lines.lineEnd(map[1] - 1));
  }

  /** Whether a line after the first is indented less than the text (micromark may start a block there). */
  private lazy(map: [number, number], column: number): boolean {
    for (let line = map[0] + 1; line < map[1]; line++) {
      const text = this.lines.text(line, line + 1);
      if (text.length - text.trimStart().length < column && text.trimStart()[0] !== '>') return true;
    }
    return false;
  }

  private fence(token: Token, ancestors: Ancestor[]): Code | undefined {
    const map = token.map!;
    const start = this.start(map[0], ancestors);
    const line = this.source.slice(start, this.lines.lineEnd(map[0]));
    const info = line.slice(token.markup.length).trim();
    if (/[\\&]/.test(info) || /[ \t]$/.test(line)) return undefined;
    // Unclosed, it runs to the end of its container, which micromark measures its own way. Closed,
    // its content is the lines between the fences.
    const lines = token.content.split('\n').length - 1;
    const last = map[1] - 1;
    const close = this.source.slice(this.start(last, ancestors), this.lines.lineEnd(last)).trimEnd();
    const fence = token.markup[0]!;
    if (lines !== map[1] - map[0] - 2 || close.length < token.markup.length || close !== fence.repeat(close.length))
      return undefined;
    const space = info.search(/[ ]/);
    const lang = space === -1 ? info : info.slice(0, space);
    const meta = space === -1 ? '' : info.slice(space).trim();
    const value = token.content.endsWith('\n') ? token.content.slice(0, -1) : token.content;
    return this.at<Code>(
      { type: 'code', lang: lang === '' ? null : lang, meta: meta === '' ? null : meta, value },
      start,
      this.lines.lineEnd(map[1] - 1),
    );
  }

  private list(from: number, to: number, ancestors: Ancestor[]): List | undefined {
    const open = this.tokens[from]!;
    const items: ListItem[] = [];
    let spread = false;
    let previousEnd: number | undefined;
    for (let i = from + 1; i < to;) {
      const end = closing(this.tokens, i);
      const itemLine = this.tokens[i]!.map![0];
      const inner = [...ancestors, { kind: 'item' as const, line: itemLine }];
      const children = this.blocks(i + 1, end, inner);
      if (children === undefined) return undefined;
      const first = children[0];
      // Where an empty item may interrupt a paragraph, the two parsers disagree.
      if (first === undefined) return undefined;
      const checked = first?.type === 'paragraph' ? this.taskCheck(first, itemLine) : null;
      if (checked === undefined) return undefined;
      const start = this.start(itemLine, ancestors);
      const last = children[children.length - 1];
      const itemEnd = last === undefined ? this.lines.lineEnd(itemLine) : last.position!.end.offset!;
      if (previousEnd !== undefined && this.blankBetween(previousEnd, start)) spread = true;
      const item: ListItem = {
        type: 'listItem',
        spread: this.spreadItem(children),
        checked,
        children: children as ListItem['children'],
      };
      items.push(this.at(item, start, itemEnd));
      previousEnd = itemEnd;
      i = end + 1;
    }
    const ordered = open.type === 'ordered_list_open';
    const first = items[0];
    if (first === undefined) return undefined;
    const list: List = {
      type: 'list',
      ordered,
      start: ordered ? Number.parseInt(this.tokens[from + 1]!.info, 10) : null,
      spread,
      children: items,
    };
    return this.at(list, first.position!.start.offset!, items[items.length - 1]!.position!.end.offset!);
  }

  /**
   * A GFM task item's check: `[ ] ` or `[x] ` and text, on the item's first line. micromark takes
   * the check and one space out of the paragraph, which then starts after them. Undefined for any
   * other check (micromark's to read); null for a paragraph without one.
   */
  private taskCheck(paragraph: Paragraph, itemLine: number): boolean | null | undefined {
    const start = paragraph.position!.start;
    if (!/^\[[ xX]\]/.test(this.source.slice(start.offset!, start.offset! + 3))) return null;
    const head = paragraph.children[0];
    const check = /^\[([ xX])\] (?=[^ \n])/.exec(this.source.slice(start.offset!, this.lines.lineEnd(itemLine)));
    if (check === null || start.line !== itemLine + 1 || head?.type !== 'text' || !head.value.startsWith(check[0]))
      return undefined;
    head.value = head.value.slice(check[0].length);
    // As mdast-util-gfm-task-list-item: an emptied text goes, and then the paragraph stays put.
    if (head.value === '') paragraph.children.shift();
    else paragraph.position!.start = this.lines.point(start.offset! + check[0].length);
    return check[1] !== ' ';
  }

  /** Whether every line after the first starts with `>`, indented no more than the first one's. */
  private allQuoted(first: number, last: number, ancestors: Ancestor[]): boolean {
    const column = this.start(first, ancestors) - this.lines.lineStart(first);
    for (let line = first + 1; line < last; line++) {
      const text = this.lines.text(line, line + 1);
      const indent = text.length - text.trimStart().length;
      if (text.trimStart()[0] !== '>' || indent > column || (ancestors.length === 0 && indent > 3)) return false;
    }
    return true;
  }

  /** micromark calls a list item spread when a blank line separates two of its children. */
  private spreadItem(children: RootContent[]): boolean {
    for (let i = 1; i < children.length; i++) {
      if (this.blankBetween(children[i - 1]!.position!.end.offset!, children[i]!.position!.start.offset!)) return true;
    }
    return false;
  }

  private blankBetween(end: number, start: number): boolean {
    const between = this.source.slice(end, start);
    const first = between.indexOf('\n');
    return first !== -1 && between.indexOf('\n', first + 1) !== -1;
  }

  /** Where a block starting on `line` begins: after its ancestors' markers on that line and spaces. */
  private start(line: number, ancestors: Ancestor[]): number {
    const source = this.source;
    let at = this.lines.lineStart(line);
    for (const ancestor of ancestors) {
      at = skipSpaces(source, at);
      if (ancestor.kind === 'quote' && source.charCodeAt(at) === 0x3e) at++;
      else if (ancestor.kind === 'item' && ancestor.line === line) at = this.markerEnd(at);
    }
    return skipSpaces(source, at);
  }

  private markerEnd(at: number): number {
    const code = this.source.charCodeAt(at);
    if (code === 0x2d || code === 0x2a || code === 0x2b) return at + 1;
    while (/[0-9]/.test(this.source[at] ?? '')) at++;
    return at + 1;
  }

  private at<T extends RootContent>(node: T, start: number, end: number): T {
    node.position = { start: this.lines.point(start), end: this.lines.point(end) };
    return node;
  }
}

/** The index of the token that closes the one at `open` (itself for a token that opens nothing). */
export function closing(tokens: Token[], open: number): number {
  if (tokens[open]!.nesting !== 1) return open;
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

function lastLine(token: Token): number {
  return token.map![1] - 1;
}
