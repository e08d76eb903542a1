import type { Root } from 'mdast';
import type { Options as ToMarkdownOptions, State, Unsafe } from 'mdast-util-to-markdown';
import { parseFast } from './markdown-fast-parse.js';
import { placeholderFromMarkdown, placeholderMicromark, placeholderToMarkdown } from './placeholder-syntax.js';

/**
 * The one Markdown dialect both directions share: GitHub Flavoured Markdown plus ⟦placeholders⟧,
 * `-` bullets, `*em*`, `**strong**`, fenced code, one-space list indent. Blocks of plain
 * CommonMark are read by the fast parser; micromark, the reference, reads the rest.
 */
export function parseMarkdown(markdown: string): Root {
  return parseFast(markdown, parseMicromark);
}

/** @internal The reference reading: micromark with GFM and placeholders, for every block. */
export function parseMicromark(markdown: string): Root {
  const d = dialect();
  return d.fromMarkdown(markdown, {
    extensions: [d.gfmSyntax, placeholderMicromark],
    mdastExtensions: [...d.gfmFromMarkdown, placeholderFromMarkdown],
  });
}

interface Dialect {
  fromMarkdown: typeof import('mdast-util-from-markdown').fromMarkdown;
  toMarkdown: typeof import('mdast-util-to-markdown').toMarkdown;
  gfmSyntax: ReturnType<typeof import('micromark-extension-gfm').gfm>;
  gfmFromMarkdown: ReturnType<typeof import('mdast-util-gfm').gfmFromMarkdown>;
  base: Serializer;
  flipped: Serializer;
}

let loaded: Dialect | undefined;

/**
 * The parser, serializer and GFM extensions, loaded and built once, on first use: they are a
 * good part of the server's start-up time and many sessions never convert rich text.
 */
function dialect(): Dialect {
  if (loaded) return loaded;
  const { fromMarkdown } = require('mdast-util-from-markdown') as typeof import('mdast-util-from-markdown');
  const { toMarkdown } = require('mdast-util-to-markdown') as typeof import('mdast-util-to-markdown');
  const { gfm } = require('micromark-extension-gfm') as typeof import('micromark-extension-gfm');
  const { gfmFromMarkdown, gfmToMarkdown } = require('mdast-util-gfm') as typeof import('mdast-util-gfm');
  const base: ToMarkdownOptions = {
    ...BASE,
    extensions: [gfmToMarkdown({ tablePipeAlign: false }), placeholderToMarkdown],
  };
  loaded = {
    fromMarkdown,
    toMarkdown,
    // Without the autolink-literal *transform*: it re-linkifies decoded text, so an escaped URL in
    // document text (`http\://…`) would come back as a link. micromark's own tokenizer still turns
    // bare URLs the model writes into links, and respects escapes.
    gfmSyntax: gfm(),
    gfmFromMarkdown: gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] })),
    base: new Serializer(toMarkdown, base),
    flipped: new Serializer(toMarkdown, { ...base, ...FLIP }),
  };
  return loaded;
}

const BASE: ToMarkdownOptions = {
  bullet: '-',
  bulletOther: '*',
  bulletOrdered: '.',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  incrementListMarker: true,
};

const FLIP: ToMarkdownOptions = { bullet: '*', bulletOther: '-', bulletOrdered: ')' };

/**
 * Serialises mdast. `flipped` switches the list markers (`*`, `1)`), so that two lists written
 * one after the other stay two lists when parsed back.
 */
export function stringifyMarkdown(root: Root, flipped = false): string {
  const d = dialect();
  return (flipped ? d.flipped : d.base).stringify(root).replace(/\n+$/, '');
}

/** @internal `toMarkdown` itself with the dialect's options, fresh state, no shortcuts: what the shortcuts must equal. */
export function referenceStringify(root: Root, flipped = false): string {
  const d = dialect();
  return d.toMarkdown(root, (flipped ? d.flipped : d.base).options).replace(/\n+$/, '');
}

const CAPTURE = 'atlassianMcpCaptureState';

/**
 * `toMarkdown` with one configuration, for many small trees (a document is serialised block by
 * block). `toMarkdown` builds its whole state — handlers, join rules, some 50 escaping patterns —
 * on every call; here it is built once and reused, which is what `toMarkdown` itself does for the
 * nodes of one tree. Output is identical: every call starts from the state a fresh call starts from.
 */
class Serializer {
  private readonly state: State;
  private busy = false;

  constructor(
    private readonly toMarkdown: typeof import('mdast-util-to-markdown').toMarkdown,
    readonly options: ToMarkdownOptions,
  ) {
    let captured: State | undefined;
    const capture = (_node: unknown, _parent: unknown, state: State) => {
      captured = state;
      return '';
    };
    toMarkdown({ type: CAPTURE } as never, {
      ...options,
      extensions: [...(options.extensions ?? []), { handlers: { [CAPTURE]: capture } as never }],
    });
    this.state = captured!;
    this.state.safe = escapeOnlyWhatCanMatch(this.state);
    this.state.containerPhrasing = oneTextFast(this.state);
  }

  stringify(root: Root): string {
    const plain = plainBlock(root);
    if (plain !== undefined) return plain;
    // Re-entered (a handler serialising a tree of its own): a fresh state, as toMarkdown does.
    if (this.busy) return this.toMarkdown(root, this.options);
    const state = this.state;
    state.stack = [];
    state.indexStack = [];
    state.bulletCurrent = undefined;
    state.bulletLastUsed = undefined;
    this.busy = true;
    try {
      let result = state.handle(root, undefined, state, {
        before: '\n',
        after: '\n',
        now: { line: 1, column: 1 },
        lineShift: 0,
      });
      const last = result.charCodeAt(result.length - 1);
      if (result !== '' && last !== 10 && last !== 13) result += '\n';
      return result;
    } finally {
      this.busy = false;
    }
  }
}

/**
 * What `toMarkdown` writes for a paragraph or heading of one plain text (most of a document),
 * without running it: the text itself. Plain: no character any escaping pattern of this dialect
 * could match there — no ASCII punctuation that means something in Markdown, no control
 * characters, no whitespace at the edges, not `1.`/`1)` at the start, no `www.`, `http:/`, `a@b`.
 * (core/test/content/serializer-fast-path.test.ts checks it against toMarkdown.)
 */
function plainBlock(root: Root): string | undefined {
  if (root.children.length !== 1) return undefined;
  const block = root.children[0]!;
  if (block.type !== 'paragraph' && block.type !== 'heading') return undefined;
  const only = block.children.length === 1 ? block.children[0]! : undefined;
  if (only?.type !== 'text' || !isPlainText(only.value)) return undefined;
  if (block.type === 'paragraph') return only.value + '\n';
  return '#'.repeat(Math.max(Math.min(6, block.depth || 1), 1)) + ' ' + only.value + '\n';
}

const NOT_PLAIN = /[\u0000-\u001f#&@*_`~[\]\\<|\u27e6\u27e7]|:\/|[Ww]\.[-.\w]|^\d+[.)]/;

/** A text `safe()` leaves as it is anywhere in a paragraph or heading (see `plainBlock`). */
export function isPlainText(value: string): boolean {
  if (value === '' || NOT_PLAIN.test(value)) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  // Neither edge may be whitespace (encoded there) nor the first character ASCII punctuation.
  return !/\s/.test(value[0]!) && !/\s/.test(value[value.length - 1]!) && !isAsciiPunctuation(first) && last !== 0x23;
}

function isAsciiPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/**
 * `state.containerPhrasing`, with a shortcut for the most common container: one text node. What
 * `containerPhrasing` does for it — escape the text with the characters around the container, no
 * emphasis to pair — without its machinery for emphasis runs.
 */
function oneTextFast(state: State): State['containerPhrasing'] {
  const original = state.containerPhrasing;
  return function containerPhrasing(this: State, parent, info) {
    const children = parent.children;
    if (children.length !== 1 || children[0]!.type !== 'text') return original.call(this, parent, info);
    state.indexStack.push(0);
    try {
      return state.handle(children[0]!, parent, state, {
        now: info.now,
        lineShift: info.lineShift,
        after: info.after,
        before: info.before,
      });
    } finally {
      state.indexStack.pop();
    }
  };
}

/**
 * `state.safe` (escaping of text), given only the unsafe patterns whose character occurs in the
 * text: a pattern matches only where its character is, so the others cannot change the result.
 * Most text holds few of the ~50 patterns' characters; trying each one's regex on every text node
 * was the serialiser's largest cost.
 */
function escapeOnlyWhatCanMatch(state: State): State['safe'] {
  const original = state.safe;
  const all: Unsafe[] = state.unsafe;
  const characters = [...new Set(all.map((pattern) => pattern.character))];
  const subsets = new Map<string, Unsafe[]>();
  return function safe(this: State, input, config) {
    const value = (config.before ?? '') + (input ?? '') + (config.after ?? '');
    let key = '';
    for (let i = 0; i < characters.length; i++) if (value.includes(characters[i]!)) key += i + ',';
    let subset = subsets.get(key);
    if (subset === undefined) {
      subset = all.filter((pattern) => value.includes(pattern.character));
      subsets.set(key, subset);
    }
    state.unsafe = subset;
    try {
      return original.call(this, input, config);
    } finally {
      state.unsafe = all;
    }
  };
}
