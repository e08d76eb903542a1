import type { Root } from 'mdast';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { placeholderFromMarkdown, placeholderMicromark, placeholderToMarkdown } from './placeholder-syntax.js';

/**
 * The one Markdown dialect both directions share: GitHub Flavoured Markdown plus ⟦placeholders⟧,
 * `-` bullets, `*em*`, `**strong**`, fenced code, one-space list indent.
 */
export function parseMarkdown(markdown: string): Root {
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
  base: ToMarkdownOptions;
  flipped: ToMarkdownOptions;
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
    base,
    flipped: { ...base, ...FLIP },
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
  return d.toMarkdown(root, flipped ? d.flipped : d.base).replace(/\n+$/, '');
}
