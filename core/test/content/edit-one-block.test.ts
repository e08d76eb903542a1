import { RichText, type AdfDoc, type AdfNode } from '../../src/content/index.js';
import { liftEdgeSpaces } from '../../src/content/adf-inline-to-mdast.js';
import { canonicalStorage } from '../../src/content/storage-xml.js';
import { corpusNames, readCorpus } from './corpus.js';

const rt: RichText = new RichText();
const media = (attrs: Record<string, unknown>) =>
  typeof attrs.id === 'string' && attrs.id.startsWith('8f1c2b9a')
    ? { name: `attachment-${attrs.id.slice(-2)}.bin` }
    : undefined;
const users = (id: string) =>
  ({ '5b10ac8d82e05b22cc7d4ef5': 'Jane Doe', '712020:0b7f3c1e-9a4d-4c5b-8f2e-3d1a6b9c7e10': 'Omar Haddad' })[id];

const count = (text: string, word: string) => text.split(word).length - 1;

/**
 * Words that occur exactly once in the Markdown and exactly once in the source (so the edit has
 * one right answer): every such word in the document, one edit each.
 */
function editableWords(markdown: string, source: string): string[] {
  // Prose only: not placeholder labels, mention names, URLs or fence info strings.
  const prose = markdown
    .replace(/⟦[^⟧\n]*⟧/g, ' ')
    .replace(/\[@[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/^```.*$/gm, ' ');
  const words = new Set(prose.match(/(?<![\p{L}\p{N}_&#^\\/.:-])[\p{L}]{4,}(?![\p{L}\p{N}_;^])/gu) ?? []);
  return [...words].filter((w) => count(markdown, w) === 1 && count(source, w) === 1).sort();
}

// Edit one word of one block through Markdown: the document written back must be the original with
// exactly that word changed — every other block, and every id, attribute and mark of the edited
// block, as it was.
describe.each(corpusNames('adf', '.json'))('ADF %s: edit one word', (name) => {
  const doc = JSON.parse(readCorpus('adf', name + '.json')) as AdfDoc;
  const markdown = rt.adfToMarkdown(doc, { media });
  const source = JSON.stringify(doc);
  const words = editableWords(markdown, source);

  test.each(words.length > 0 ? words : ['(none)'])('%s', (word) => {
    if (word === '(none)') return;
    const edited = rt.markdownToAdf(markdown.replace(word, word + 'Zq'), { base: doc, media });
    const expected = JSON.parse(source.replace(word, word + 'Zq')) as AdfDoc;
    // Exactly one top-level block differs from the original, and it is the original with the word
    // changed (the order of marks on rebuilt text is the one documented normalisation).
    const changed = edited.content.filter((block, i) => JSON.stringify(block) !== JSON.stringify(doc.content[i]));
    expect(changed).toHaveLength(1);
    expect(sortMarks(edited)).toEqual(sortMarks(expected));
  });
});

describe.each(corpusNames('storage', '.xhtml'))('storage %s: edit one word', (name) => {
  const page = readCorpus('storage', name + '.xhtml').trim();
  const markdown = rt.storageToMarkdown(page, { users });
  const words = editableWords(markdown, page);

  test.each(words.length > 0 ? words : ['(none)'])('%s', (word) => {
    if (word === '(none)') return;
    const edited = rt.markdownToStorage(markdown.replace(word, word + 'Zq'), { base: page, users });
    expect(edited).toBe(canonicalStorage(page.replace(word, word + 'Zq')));
  });
});

/** The documented normalisations of rebuilt text only: mark order, spaces at mark edges outside. */
function sortMarks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortMarks);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'marks' && Array.isArray(v))
      out[key] = [...(v as { type: string }[])].sort((a, b) => a.type.localeCompare(b.type));
    else if (key === 'content' && Array.isArray(v) && v.some((c: AdfNode) => c.type === 'text'))
      out[key] = liftEdgeSpaces(v as AdfNode[]).map(sortMarks);
    else out[key] = sortMarks(v);
  }
  return out;
}
