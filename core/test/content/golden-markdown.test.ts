import { RichText } from '../../src/content/index.js';
import { normaliseAdf } from '../../src/content/adf-normalise.js';
import { storageToAdf } from '../../src/content/storage-to-adf.js';
import { assertWellFormedStorage } from '../../src/content/storage-xml.js';
import { corpusNames, golden, readCorpus } from './corpus.js';

const rt: RichText = new RichText();
const names = corpusNames('markdown', '.md').filter((n) => !n.endsWith('.out') && !n.endsWith('.storage'));

test('the Markdown corpus is large enough', () => {
  expect(names.length).toBeGreaterThanOrEqual(25);
});

describe.each(names)('Markdown corpus: %s', (name) => {
  const input = readCorpus('markdown', name + '.md');

  test('→ ADF validates, reads back as the golden Markdown, and is stable', () => {
    const adf = rt.markdownToAdf(input);
    const markdown = rt.adfToMarkdown(adf);
    expect(markdown + '\n').toBe(golden('markdown', name + '.out.md', markdown + '\n'));
    // Read back, mentions are ⟦@Name⟧: they resolve against the document they were read from.
    const again = rt.markdownToAdf(markdown, { base: adf });
    expect(normaliseAdf(again)).toEqual(normaliseAdf(adf));
    expect(rt.adfToMarkdown(again)).toBe(markdown);
  });

  test('→ storage is well-formed, reads back as the golden Markdown, and is stable', () => {
    const storage = rt.markdownToStorage(input);
    expect(() => assertWellFormedStorage(storage)).not.toThrow();
    const markdown = rt.storageToMarkdown(storage);
    expect(markdown + '\n').toBe(golden('markdown', name + '.storage.md', markdown + '\n'));
    const again = rt.markdownToStorage(markdown, { base: storage });
    expect(normaliseAdf(storageToAdf(again).doc)).toEqual(normaliseAdf(storageToAdf(storage).doc));
    expect(rt.storageToMarkdown(again)).toBe(markdown);
  });
});
