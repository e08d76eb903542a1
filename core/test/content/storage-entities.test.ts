import fc from 'fast-check';
import { characterEntities } from 'character-entities';
import { RichText } from '../../src/content/index.js';
import { ConfluenceStorage } from '../../src/content/confluence-storage.js';
import { parseStorage, xmlText } from '../../src/content/storage-xml.js';

const rt: RichText = new RichText();
const storage = new ConfluenceStorage();
const names = Object.keys(characterEntities).filter((name) => /^[A-Za-z][A-Za-z0-9]*$/.test(name));
const runs = { numRuns: 150, ...(process.env.FC_RANDOM === '1' ? {} : { seed: 20261126 }) };

/** The text of each top-level block, as Confluence would display it. */
const texts = (xhtml: string) => parseStorage(xhtml).map(xmlText);

describe('every HTML5 named character reference in storage', () => {
  test('the list is the full HTML5 one', () => {
    expect(names.length).toBeGreaterThan(2000);
  });

  // One paragraph per entity, between letters (so each is "inside a word", as accents are).
  const page = names.map((name) => `<p>x&${name};y</p>`).join('');
  const expected = names.map((name) => `x${characterEntities[name]}y`);

  test('reads as its character', () => {
    const markdown = rt.storageToMarkdown(page);
    expect(markdown).not.toMatch(/&[A-Za-z][A-Za-z0-9]*;/);
    const blocks = markdown.split('\n\n');
    expect(blocks).toHaveLength(names.length);
  });

  test('survives storage → Markdown → storage: unchanged, rebuilt, and edited next to it', () => {
    const markdown = rt.storageToMarkdown(page);
    expect(texts(rt.markdownToStorage(markdown, { base: page }))).toEqual(expected);
    expect(texts(storage.fromMarkdown(markdown, { base: page, reuseBlocks: false }))).toEqual(expected);
    const edited = markdown
      .split('\n\n')
      .map((block) => block.replace(/^x/, 'X'))
      .join('\n\n');
    expect(texts(rt.markdownToStorage(edited, { base: page }))).toEqual(expected.map((t) => 'X' + t.slice(1)));
    // Nothing is ever double-escaped into a visible "&name;".
    expect(rt.markdownToStorage(edited, { base: page })).not.toMatch(/&amp;[A-Za-z][A-Za-z0-9]*;/);
  });

  test('in attributes and macro parameters too; literal inside CDATA and comments', () => {
    const source =
      '<ac:structured-macro ac:name="expand" ac:schema-version="1"><ac:parameter ac:name="title">R&eacute;sum&eacute; &rarr;</ac:parameter><ac:rich-text-body><p>&Uuml;ber</p></ac:rich-text-body></ac:structured-macro>' +
      '<p><a href="https://x.test/?a=1&amp;b=2" title="caf&eacute;">lien &laquo;ici&raquo;</a><!-- &copy; kept --></p>' +
      '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:plain-text-body><![CDATA[a &rarr; b]]></ac:plain-text-body></ac:structured-macro>';
    const markdown = rt.storageToMarkdown(source);
    expect(markdown).toContain('⟦expand Résumé →');
    expect(markdown).toContain('Über');
    expect(markdown).toContain('a &rarr; b');
    const edited = rt.markdownToStorage(markdown.replace('Über', 'Über alles'), { base: source });
    expect(edited).toContain('<ac:parameter ac:name="title">Résumé →</ac:parameter>');
    expect(edited).toContain('<p>Über alles</p>');
    expect(edited).toContain('<![CDATA[a &rarr; b]]>');
    expect(edited).toContain('<!-- &copy; kept -->');
    expect(edited).toContain('title="café"');
  });
});

describe('property: storage text with entities', () => {
  const piece = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(...names).map((name) => ({ xml: `&${name};`, text: characterEntities[name]! })),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom('a', 'é', ' ', '*', '_', '[', '#', '1.', '⟦').map((c) => ({ xml: c, text: c })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>'], ['&#233;', 'é'], ['&#x2192;', '→'])
        .map(([xml, text]) => ({ xml: xml!, text: text! })),
    },
  );
  const paragraph = fc.array(piece, { minLength: 1, maxLength: 12 });

  test('reads, writes back unchanged, and rebuilt keeps every character', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const source = paragraphs.map((p) => `<p>x${p.map((x) => x.xml).join('')}y</p>`).join('');
        const want = paragraphs.map((p) => `x${p.map((x) => x.text).join('')}y`);
        const markdown = rt.storageToMarkdown(source);
        expect(texts(rt.markdownToStorage(markdown, { base: source }))).toEqual(want);
        expect(texts(storage.fromMarkdown(markdown, { base: source, reuseBlocks: false }))).toEqual(want);
      }),
      runs,
    );
  });
});
