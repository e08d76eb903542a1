import fc from 'fast-check';
import type { PhrasingContent, Root } from 'mdast';
import { isPlainText, referenceStringify, stringifyMarkdown } from '../../src/content/markdown-dialect.js';

/*
 * The serialiser's shortcuts (a reused state, escaping that skips patterns whose character is
 * absent, one-text containers, plain paragraphs and headings) must write exactly what
 * mdast-util-to-markdown writes with a fresh state: Markdown read is what writes are matched on.
 */
const tricky = fc.constantFrom(
  ...'abwW01239 .,;:!?#&@*_`~[]()\\<>|/+-=\'"%$^{}'.split(''),
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  'é',
  '—',
  '“',
  '⟦',
  '⟧',
  '✅',
  'www.',
  'http://',
  '1.',
  '2)',
  'a@b.c',
);
const text = fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join(''));
const mark = fc.constantFrom('strong', 'emphasis', 'delete', 'inlineCode', 'link');

function phrasing(value: string, kind: string | null): PhrasingContent {
  switch (kind) {
    case 'strong':
    case 'emphasis':
    case 'delete':
      return { type: kind, children: [{ type: 'text', value }] };
    case 'inlineCode':
      return { type: 'inlineCode', value };
    case 'link':
      return { type: 'link', url: 'https://example.com/a', title: null, children: [{ type: 'text', value }] };
    default:
      return { type: 'text', value };
  }
}

const block = fc.oneof(
  fc.record({
    kind: fc.constant('paragraph' as const),
    parts: fc.array(fc.tuple(text, fc.option(mark)), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('heading' as const),
    depth: fc.integer({ min: 1, max: 6 }),
    parts: fc.array(fc.tuple(text, fc.option(mark)), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant('list' as const),
    parts: fc.array(fc.tuple(text, fc.option(mark)), { minLength: 1, maxLength: 3 }),
  }),
);

interface Block {
  kind: 'paragraph' | 'heading' | 'list';
  depth?: number;
  parts: [string, string | null][];
}

function tree(b: Block): Root {
  const children = b.parts.map(([value, kind]) => phrasing(value, kind));
  if (b.kind === 'heading') return { type: 'root', children: [{ type: 'heading', depth: b.depth as 1, children }] };
  if (b.kind === 'list')
    return {
      type: 'root',
      children: [
        {
          type: 'list',
          ordered: false,
          spread: false,
          children: children.map((c) => ({
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: [c] }],
          })),
        },
      ],
    };
  return { type: 'root', children: [{ type: 'paragraph', children }] };
}

describe('the Markdown serialiser with its shortcuts writes what toMarkdown writes', () => {
  test('paragraphs, headings and lists of random text and marks', () => {
    fc.assert(
      fc.property(block, fc.boolean(), (b, flipped) => {
        const root = tree(b);
        expect(stringifyMarkdown(root, flipped)).toBe(referenceStringify(root, flipped));
      }),
      { numRuns: 3000 },
    );
  });

  test('plain texts (the paragraph and heading shortcut) come out as they are', () => {
    fc.assert(
      fc.property(text, (value) => {
        const paragraph: Root = {
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
        };
        if (isPlainText(value)) expect(referenceStringify(paragraph)).toBe(value);
        expect(stringifyMarkdown(paragraph)).toBe(referenceStringify(paragraph));
      }),
      { numRuns: 5000 },
    );
    for (const value of [
      'Release 2.5.0 is out',
      'Ask Jane (PM)',
      'Déjà vu — “quoted”',
      '1984 was a year',
      'See www.example.com',
    ])
      expect(
        stringifyMarkdown({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }),
      ).toBe(
        referenceStringify({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] }),
      );
  });
});
