import fc from 'fast-check';
import type { Node } from 'unist';
import { CHUNK, parseInPieces } from '../../src/content/markdown-chunks.js';
import { parseMarkdown } from '../../src/content/markdown-dialect.js';
import { RichText } from '../../src/content/index.js';
import { corpusNames, readCorpus } from './corpus.js';

/*
 * Long Markdown is parsed in pieces split at blank lines (micromark's cost grows faster than the
 * text). The pieces must give exactly the nodes and offsets the whole text gives — whatever
 * the blocks around a split are: lists continued by their next item or indented lines, code
 * fences and raw HTML left open, indented code before `2.`, link definitions.
 */
const rt = new RichText();

/** Blocks a model writes or reads, with the awkward ones that reach past a blank line. */
const BLOCKS: string[] = [
  ...new Set([
    ...corpusNames('markdown', '.md').flatMap((name) => readCorpus('markdown', name + '.md').split('\n\n')),
    ...corpusNames('adf', '.json').flatMap((name) =>
      rt.adfToMarkdown(JSON.parse(readCorpus('adf', name + '.json')) as never).split('\n\n'),
    ),
    '- a\n- b',
    '- c',
    '* d',
    '1. one',
    '2) two',
    '5. five',
    '  indented continuation',
    '    indented code',
    '\tcode',
    '```\nunclosed fence',
    '~~~~\nclosed\n~~~~',
    '- item\n  ```\n  unclosed in item',
    '<!-- open comment',
    '<pre>\nraw',
    '<div>\nhtml',
    '</details>',
    '<details><summary>T</summary>',
    '> quote',
    '> ```\n> in quote',
    '[x]: https://example.com',
    'See [x] and [^1]',
    '[^1]: a note',
    '| a | b |\n| - | - |\n| 1 | 2 |',
    'Setext\n===',
    '---',
    '⟦panel info⟧',
    '⟦/panel⟧',
  ]),
].filter((b) => b.trim() !== '');

const document = fc
  .array(fc.tuple(fc.constantFrom(...BLOCKS), fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n', '\n  \n')), {
    minLength: 2,
    maxLength: 14,
  })
  .map((parts) => parts.map(([block, sep]) => block + sep).join(''));

/**
 * A tree without lines and columns (pieces keep offsets; nothing reads lines or columns), and
 * without positions in text and tables (the fast parser gives none; see markdown-fast-parse.test).
 */
function offsetsOnly(node: Node, inText = false): unknown {
  const { position, ...rest } = node as Node & { children?: Node[] };
  const out: Record<string, unknown> = { ...rest };
  if (position && !inText) out.position = [position.start.offset, position.end.offset];
  const below = inText || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table';
  if (Array.isArray(rest.children)) out.children = rest.children.map((child) => offsetsOnly(child, below));
  return out;
}

describe('parsing long Markdown in pieces', () => {
  const size = CHUNK.chars;
  afterAll(() => {
    CHUNK.chars = size;
  });

  test('gives the nodes and offsets of parsing it whole (pieces as short as one block)', () => {
    CHUNK.chars = 1;
    fc.assert(
      fc.property(document, (markdown) => {
        expect(offsetsOnly(parseInPieces(markdown))).toEqual(offsetsOnly(parseMarkdown(markdown)));
      }),
      { numRuns: 1500 },
    );
  });

  test('at the default size, on a long document written by a model', () => {
    CHUNK.chars = size;
    const markdown = Array.from({ length: 12 }, () =>
      corpusNames('markdown', '.md')
        .map((name) => readCorpus('markdown', name + '.md'))
        .join('\n\n'),
    ).join('\n\n');
    expect(markdown.length).toBeGreaterThan(size * 4);
    expect(offsetsOnly(parseInPieces(markdown))).toEqual(offsetsOnly(parseMarkdown(markdown)));
  });
});
