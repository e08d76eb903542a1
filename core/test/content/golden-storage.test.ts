import { RichText } from '../../src/content/index.js';
import { normaliseAdf } from '../../src/content/adf-normalise.js';
import { ConfluenceStorage } from '../../src/content/confluence-storage.js';
import { storageToAdf } from '../../src/content/storage-to-adf.js';
import { assertWellFormedStorage, canonicalStorage } from '../../src/content/storage-xml.js';
import { corpusNames, golden, readCorpus } from './corpus.js';

const rt: RichText = new RichText();
const storage = new ConfluenceStorage();
const names = corpusNames('storage', '.xhtml');
const users = (id: string) =>
  ({ '5b10ac8d82e05b22cc7d4ef5': 'Jane Doe', '712020:0b7f3c1e-9a4d-4c5b-8f2e-3d1a6b9c7e10': 'Omar Haddad' })[id];

test('the storage corpus is large enough', () => {
  expect(names.length).toBeGreaterThanOrEqual(25);
});

describe.each(names)('storage corpus: %s', (name) => {
  const source = readCorpus('storage', name + '.xhtml').trim();
  const markdown = rt.storageToMarkdown(source, { users });

  test('is well-formed and already in canonical form', () => {
    expect(() => assertWellFormedStorage(source)).not.toThrow();
    expect(canonicalStorage(canonicalStorage(source))).toBe(canonicalStorage(source));
  });

  test('renders the golden Markdown', () => {
    expect(markdown + '\n').toBe(golden('storage', name + '.md', markdown + '\n'));
  });

  test('Markdown written back against the page gives the page back', () => {
    expect(rt.markdownToStorage(markdown, { base: source, users })).toBe(canonicalStorage(source));
  });

  test('rebuilt block by block from Markdown it is well-formed and equal after normalisation', () => {
    const rebuilt = storage.fromMarkdown(markdown, { base: source, users, reuseBlocks: false });
    expect(() => assertWellFormedStorage(rebuilt)).not.toThrow();
    expect(normaliseAdf(storageToAdf(rebuilt).doc)).toEqual(normaliseAdf(storageToAdf(source).doc));
  });

  test('Markdown is stable: storage → MD → storage → MD', () => {
    const rebuilt = storage.fromMarkdown(markdown, { base: source, users, reuseBlocks: false });
    expect(rt.storageToMarkdown(rebuilt, { users })).toBe(markdown);
  });
});
