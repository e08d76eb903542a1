import fc from 'fast-check';
import { RichText, type AdfDoc } from '../../src/content/index.js';
import { MarkdownAdfConverter } from '../../src/content/markdown-to-adf.js';
import { sanitizeAdfContent } from '../../src/content/adf-sanitize.js';

const rt: RichText = new RichText();
const runs = { numRuns: 300, ...(process.env.FC_RANDOM === '1' ? {} : { seed: 20261127 }) };
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content }) as AdfDoc;

// Known types in the wrong places, unknown types, junk values: what a buggy client or an old
// document can hold.
const types = [
  'paragraph',
  'heading',
  'text',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'decisionList',
  'table',
  'tableRow',
  'tableCell',
  'panel',
  'expand',
  'codeBlock',
  'mention',
  'status',
  'emoji',
  'date',
  'hardBreak',
  'mediaSingle',
  'media',
  'layoutSection',
  'hologram',
];
const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.constant({}));
const attrs = fc.option(
  fc.oneof(
    fc.dictionary(
      fc.constantFrom('id', 'text', 'level', 'order', 'url', 'shortName', 'timestamp', 'panelType'),
      fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)),
    ),
    junk,
  ),
);
const { node } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom(...types),
      text: fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.integer())),
      attrs,
      marks: fc.option(fc.array(fc.oneof(junk, fc.record({ type: fc.constantFrom('strong', 'code', 'link') })))),
      content: fc.option(
        fc.oneof(
          { depthSize: 'small' },
          fc.array(fc.oneof({ weight: 4, arbitrary: tie('node') }, junk), { maxLength: 3 }),
          junk,
        ),
      ),
    },
    { requiredKeys: ['type'] },
  ),
}));

describe('reading never throws', () => {
  test('a text node at the document root reads as an opaque placeholder with its text', () => {
    const d = doc({ type: 'text', text: 'Stray root text' }, { type: 'paragraph', content: [] });
    const markdown = rt.adfToMarkdown(d);
    expect(markdown).toMatch(/^⟦text Stray root text\^[0-9a-z]{5}⟧\n\n⟦empty⟧$/);
    // Written back unchanged it is the same document; rebuilt, the stray text is kept as a paragraph.
    expect(new MarkdownAdfConverter({ base: d }).convert(markdown)).toEqual(d);
    expect(new MarkdownAdfConverter({ base: d, reuseBlocks: false }).convert(markdown).content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Stray root text' }],
    });
  });

  test.each([
    ['a list holding text', { type: 'bulletList', content: [{ type: 'text', text: 'loose item' }] }],
    ['a paragraph holding a paragraph', { type: 'paragraph', content: [{ type: 'paragraph', content: [] }] }],
    ['a mention without an id', { type: 'paragraph', content: [{ type: 'mention', attrs: { text: '@x' } }] }],
    ['a code block holding a hard break', { type: 'codeBlock', content: [{ type: 'hardBreak' }] }],
    ['a panel holding text', { type: 'panel', attrs: { panelType: 'info' }, content: [{ type: 'text', text: 'p' }] }],
  ])('%s reads as one opaque placeholder, written back unchanged', (_name, block) => {
    const d = doc({ type: 'paragraph', content: [{ type: 'text', text: 'Before' }] }, block);
    const markdown = rt.adfToMarkdown(d);
    expect(markdown.split('\n\n')[1]).toMatch(new RegExp(`^⟦${block.type}[^⟧]*\\^[0-9a-z]{5}⟧$`));
    expect(new MarkdownAdfConverter({ base: d }).convert(markdown)).toEqual(d);
    expect(new MarkdownAdfConverter({ base: d, reuseBlocks: false }).convert(markdown).content[1]).toEqual(block);
  });

  test('property: any JSON-ish tree reads as a string, and an unchanged write-back returns it', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 5, arbitrary: node }, junk), { maxLength: 5 }), (content) => {
        const d = doc(...content);
        const markdown = rt.adfToMarkdown(d);
        expect(typeof markdown).toBe('string');
        // Every block the reader saw (junk that is not a node at all is skipped) comes back as it was.
        const back = new MarkdownAdfConverter({ base: { ...d, content: sanitizeAdfContent(content) } }).convert(
          markdown,
        );
        expect(back.content).toEqual(sanitizeAdfContent(content));
      }),
      runs,
    );
  });
});
