import { RichText, type AdfDoc } from '../../src/content/index.js';
import { normaliseAdf } from '../../src/content/adf-normalise.js';
import { MarkdownAdfConverter } from '../../src/content/markdown-to-adf.js';
import { corpusNames, golden, readCorpus } from './corpus.js';

const rt: RichText = new RichText();
const names = corpusNames('adf', '.json');
const media = (attrs: Record<string, unknown>) =>
  typeof attrs.id === 'string' && attrs.id.startsWith('8f1c2b9a')
    ? { name: `attachment-${attrs.id.slice(-2)}.bin` }
    : undefined;

test('the ADF corpus is large enough', () => {
  expect(names.length).toBeGreaterThanOrEqual(40);
});

describe.each(names)('ADF corpus: %s', (name) => {
  const doc = JSON.parse(readCorpus('adf', name + '.json')) as AdfDoc;
  const markdown = rt.adfToMarkdown(doc, { media });

  test('is valid ADF', () => {
    expect(() => rt.validateAdf(doc)).not.toThrow();
  });

  test('renders the golden Markdown', () => {
    expect(markdown + '\n').toBe(golden('adf', name + '.md', markdown + '\n'));
  });

  test('Markdown written back against the document is byte-identical', () => {
    const back = rt.markdownToAdf(markdown, { base: doc, media });
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc));
  });

  test('rebuilt block by block from Markdown it equals the original after normalisation, and validates', () => {
    const rebuilt = new MarkdownAdfConverter({ base: doc, media, reuseBlocks: false }).convert(markdown);
    expect(() => rt.validateAdf(rebuilt)).not.toThrow();
    expect(normaliseAdf(rebuilt)).toEqual(normaliseAdf(doc));
  });

  test('Markdown is stable: ADF → MD → ADF → MD gives the same Markdown', () => {
    const rebuilt = new MarkdownAdfConverter({ base: doc, media, reuseBlocks: false }).convert(markdown);
    expect(rt.adfToMarkdown(rebuilt, { media })).toBe(markdown);
  });
});
