import fc from 'fast-check';
import { AdfValidator, RichText, type AdfNode } from '../../src/content/index.js';
import { AdfMarkdownRenderer } from '../../src/content/adf-to-markdown.js';
import { NodeIds } from '../../src/content/node-ids.js';
import { normaliseAdf } from '../../src/content/adf-normalise.js';
import { MarkdownAdfConverter } from '../../src/content/markdown-to-adf.js';
import { assertWellFormedStorage, canonicalStorage } from '../../src/content/storage-xml.js';
import { StorageWriter } from '../../src/content/adf-to-storage.js';
import { ConfluenceStorage } from '../../src/content/confluence-storage.js';
import { adfDocArb, markdownArb } from './arbitraries.js';

const rt: RichText = new RichText();
const validator = new AdfValidator();
const validDoc = adfDocArb.filter((doc) => validator.isValid(doc));
// A fixed seed keeps CI deterministic; FC_RANDOM=1 explores new cases (each failure found so far
// was a real bug, fixed and kept covered by the seeded runs and the corpus).
const runs = { numRuns: 150, ...(process.env.FC_RANDOM === '1' ? {} : { seed: 20261125 }) };

describe('property: random valid ADF', () => {
  test('Markdown written back against the document is byte-identical', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const markdown = rt.adfToMarkdown(doc);
        expect(JSON.stringify(rt.markdownToAdf(markdown, { base: doc }))).toBe(JSON.stringify(doc));
      }),
      runs,
    );
  });

  test('the model never reads a character reference in prose (only for ⟦ ⟧ and edge whitespace)', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const prose = rt
          .adfToMarkdown(doc)
          .replace(/```[\s\S]*?```/g, '')
          .replace(/&#x(27E6|27E7|20|9|A|D);/gi, '');
        expect(prose).not.toMatch(/&#x?[0-9a-f]+;/i);
      }),
      runs,
    );
  });

  test('rebuilt from Markdown it validates and equals the original after normalisation', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const rebuilt = new MarkdownAdfConverter({ base: doc, reuseBlocks: false }).convert(rt.adfToMarkdown(doc));
        expect(validator.isValid(rebuilt)).toBe(true);
        expect(normaliseAdf(rebuilt)).toEqual(normaliseAdf(doc));
      }),
      runs,
    );
  });

  test('Markdown is stable across a rebuild', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const markdown = rt.adfToMarkdown(doc);
        const rebuilt = new MarkdownAdfConverter({ base: doc, reuseBlocks: false }).convert(markdown);
        expect(rt.adfToMarkdown(rebuilt)).toBe(markdown);
      }),
      runs,
    );
  });

  test('the Markdown goes to well-formed storage', () => {
    fc.assert(
      fc.property(validDoc, (doc) => {
        const md = rt
          .adfToMarkdown(doc)
          .replace(/\^[0-9a-z]{4,}⟧/g, '⟧')
          .replace(/```(\w*) \^[0-9a-z]+/g, '```$1');
        let storage: string;
        try {
          storage = rt.markdownToStorage(md);
        } catch (error) {
          // Placeholders stripped of their ids may be unknown kinds: that is an InputError, never a crash.
          expect((error as Error).name).toBe('InputError');
          return;
        }
        expect(() => assertWellFormedStorage(storage)).not.toThrow();
      }),
      runs,
    );
  });
});

describe('property: random storage', () => {
  const storageArb = validDoc.map((doc) => new StorageWriter().write(doc.content));

  test('Markdown written back against the page gives the page back (canonical form), and is stable', () => {
    fc.assert(
      fc.property(storageArb, (storage) => {
        expect(() => assertWellFormedStorage(storage)).not.toThrow();
        const markdown = rt.storageToMarkdown(storage);
        expect(rt.markdownToStorage(markdown, { base: storage })).toBe(canonicalStorage(storage));
        const rebuilt = new ConfluenceStorage().fromMarkdown(markdown, { base: storage, reuseBlocks: false });
        expect(() => assertWellFormedStorage(rebuilt)).not.toThrow();
        expect(rt.storageToMarkdown(rebuilt)).toBe(markdown);
      }),
      runs,
    );
  });
});

describe('property: random Markdown', () => {
  test('converts to valid ADF, and ADF → MD → ADF → MD is stable', () => {
    fc.assert(
      fc.property(markdownArb, (markdown) => {
        const adf = convertOrUnknownPlaceholder(() => rt.markdownToAdf(markdown), markdown);
        if (adf === undefined) return;
        const once = rt.adfToMarkdown(adf);
        const again = rt.markdownToAdf(once);
        expect(normaliseAdf(again)).toEqual(normaliseAdf(adf));
        expect(rt.adfToMarkdown(again)).toBe(once);
      }),
      runs,
    );
  });

  test('converts to well-formed storage that reads back stably', () => {
    fc.assert(
      fc.property(markdownArb, (markdown) => {
        const storage = convertOrUnknownPlaceholder(() => rt.markdownToStorage(markdown), markdown);
        if (storage === undefined) return;
        expect(() => assertWellFormedStorage(storage)).not.toThrow();
        const once = rt.storageToMarkdown(storage);
        const again = rt.markdownToStorage(once, { base: storage });
        expect(rt.storageToMarkdown(again)).toBe(once);
      }),
      runs,
    );
  });
});

/** Random text may form an unknown placeholder (`⟦ab⟧`): that must be a clear InputError, nothing else. */
function convertOrUnknownPlaceholder<T>(convert: () => T, markdown: string): T | undefined {
  try {
    return convert();
  } catch (error) {
    expect(markdown).toContain('⟦');
    expect(error).toMatchObject({ name: 'InputError', message: expect.stringMatching(/placeholder|⟦/i) });
    return undefined;
  }
}

describe('property: edit one block', () => {
  // Every block (and every list item) carries a localId, as documents from the new editors do.
  let counter = 0;
  const withIds = (node: AdfNode): AdfNode => {
    const content = node.content?.map(withIds);
    const ided = ['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'blockquote', 'codeBlock', 'rule'];
    const attrs = ided.includes(node.type) ? { ...node.attrs, localId: `id-${counter++}` } : node.attrs;
    return { ...node, ...(attrs && { attrs }), ...(content && { content }) };
  };
  const editable = ['paragraph', 'heading', 'bulletList', 'orderedList', 'taskList', 'blockquote'];
  const docAndBlock = validDoc
    .map((doc) => ({ ...doc, content: doc.content.map(withIds) }))
    .filter((doc) => doc.content.some((b) => editable.includes(b.type)))
    .chain((doc) =>
      fc
        .constantFrom(...doc.content.flatMap((b, i) => (editable.includes(b.type) ? [i] : [])))
        .map((index) => ({ doc, index })),
    );

  test('every other block, and every id in the document, stays as it was', () => {
    fc.assert(
      fc.property(docAndBlock, ({ doc, index }) => {
        const ids = new NodeIds(doc.content);
        // Read as the model reads it (with the verifier that picks the safe spelling of a block).
        const verify = MarkdownAdfConverter.verifier(doc.content, undefined, ids);
        const blocks = new AdfMarkdownRenderer({ ids, verify }).renderFlow(doc.content).map((b) => b.markdown);
        // One more word at the end of the block: its text changes, its structure does not.
        blocks[index] = blocks[index]! + ' Zq';
        const out = rt.markdownToAdf(blocks.join('\n\n'), { base: doc });
        expect(out.content).toHaveLength(doc.content.length);
        out.content.forEach((block, i) => {
          if (i !== index) expect(block).toBe(doc.content[i]);
        });
        expect(localIds(out.content[index]!)).toEqual(localIds(doc.content[index]!));
        expect(JSON.stringify(out.content[index])).toContain('Zq');
      }),
      { ...runs, numRuns: 60 },
    );
  });
});

function localIds(node: AdfNode): string[] {
  const own = typeof node.attrs?.localId === 'string' ? [node.attrs.localId] : [];
  return [...own, ...(node.content ?? []).flatMap(localIds)];
}
