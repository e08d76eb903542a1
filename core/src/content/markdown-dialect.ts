import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { placeholderFromMarkdown, placeholderMicromark, placeholderToMarkdown } from './placeholder-syntax.js';

/**
 * The one Markdown dialect both directions share: GitHub Flavoured Markdown plus ⟦placeholders⟧,
 * `-` bullets, `*em*`, `**strong**`, fenced code, one-space list indent.
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [GFM_SYNTAX, placeholderMicromark],
    mdastExtensions: [...GFM_FROM_MARKDOWN, placeholderFromMarkdown],
  });
}

// Without the autolink-literal *transform*: it re-linkifies decoded text, so an escaped URL in
// document text (`http\://…`) would come back as a link. micromark's own tokenizer still turns
// bare URLs the model writes into links, and respects escapes.
const GFM_SYNTAX = gfm();
const GFM_FROM_MARKDOWN = gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] }));

const BASE: ToMarkdownOptions = {
  extensions: [gfmToMarkdown(), placeholderToMarkdown],
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

const FLIPPED: ToMarkdownOptions = { ...BASE, bullet: '*', bulletOther: '-', bulletOrdered: ')' };

/**
 * Serialises mdast. `flipped` switches the list markers (`*`, `1)`), so that two lists written
 * one after the other stay two lists when parsed back.
 */
export function stringifyMarkdown(root: Root, flipped = false): string {
  return toMarkdown(root, flipped ? FLIPPED : BASE).replace(/\n+$/, '');
}
