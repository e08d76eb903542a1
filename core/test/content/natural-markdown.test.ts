import { RichText, type AdfDoc, type AdfNode } from '../../src/content/index.js';
import { storageToAdf } from '../../src/content/storage-to-adf.js';
import { corpusNames, readCorpus } from './corpus.js';

/*
 * Issue 13 items 6 and 7: Markdown a model writes from habit means what it shows (details →
 * expand, GitHub callouts → panels, footnotes, <kbd>, linked and titled images), and what the
 * model reads has no character references in prose and emoji as characters.
 */
const rt: RichText = new RichText();

function find(nodes: readonly AdfNode[] | undefined, type: string): AdfNode[] {
  return (nodes ?? []).flatMap((n) => [...(n.type === type ? [n] : []), ...find(n.content, type)]);
}

describe('Markdown a model writes from habit', () => {
  test('<details><summary> is an expand (nested ones too), in ADF and in storage', () => {
    const doc = rt.markdownToAdf(readCorpus('markdown', '26-details-expand.md'));
    const expands = find(doc.content, 'expand');
    expect(expands.map((e) => e.attrs?.title)).toEqual(['Stack trace (click to expand)', 'Environment', undefined]);
    expect(find(expands[0]!.content, 'nestedExpand').map((e) => e.attrs?.title)).toEqual(['Node list']);
    expect(find(expands[0]!.content, 'codeBlock')).toHaveLength(1);
    expect(JSON.stringify(doc)).not.toMatch(/<\/?(details|summary)/);
    const storage = rt.markdownToStorage(readCorpus('markdown', '26-details-expand.md'));
    expect(storage.match(/ac:name="expand"/g)).toHaveLength(4);
    expect(storage).not.toMatch(/&lt;\/?(details|summary)/);
  });

  test('<details> in a table cell is a nested expand (ADF allows one there; storage writes the macro in the cell)', () => {
    const md = [
      '| Check | Result |',
      '| - | :-: |',
      '| Smoke | Passed <details><summary>Run <b>#812</b> log</summary>3 retries, then green</details> in 4 min |',
      '| Load | <details>p95 410 ms</details> |',
      '| Plain | <details> without a close stays text |',
    ].join('\n');
    const doc = rt.markdownToAdf(md);
    const rows = find(doc.content, 'tableRow');
    const smoke = rows[1]!.content![1]!.content!;
    expect(smoke.map((b) => b.type)).toEqual(['paragraph', 'nestedExpand', 'paragraph']);
    expect(smoke[1]!.attrs).toEqual({ title: 'Run #812 log' });
    expect(find(smoke[1]!.content, 'text').map((t) => t.text)).toEqual(['3 retries, then green']);
    // The column's alignment stays on the cell's paragraphs.
    expect(smoke[0]!.marks).toEqual([{ type: 'alignment', attrs: { align: 'center' } }]);
    expect(find(smoke, 'text').map((t) => t.text)).toEqual(['Passed', '3 retries, then green', 'in 4 min']);
    const load = rows[2]!.content![1]!.content!;
    expect(load.map((b) => [b.type, b.attrs])).toEqual([['nestedExpand', {}]]);
    expect(JSON.stringify(rows[3])).toContain('<details> without a close stays text');
    expect(JSON.stringify(rows.slice(1, 3))).not.toMatch(/<\/?(details|summary)/);
    // Read back, the cell shows its expand as a placeholder; written back unchanged, the table is the same.
    const read = rt.adfToMarkdown(doc);
    expect(read).toMatch(/⟦nestedExpand\^\w+⟧/);
    expect(rt.markdownToAdf(read, { base: doc })).toEqual(doc);
    const storage = rt.markdownToStorage(md);
    expect(storage).toMatch(
      /<td><p style="text-align: center;">Passed<\/p><ac:structured-macro ac:name="expand"[^>]*><ac:parameter ac:name="title">Run #812 log<\/ac:parameter><ac:rich-text-body><p>3 retries, then green<\/p><\/ac:rich-text-body><\/ac:structured-macro>/,
    );
  });

  test('GitHub callouts are panels of the same colour (ADF panel types; storage macros)', () => {
    const md = readCorpus('markdown', '27-github-callouts.md');
    const adfPanels = find(rt.markdownToAdf(md).content, 'panel').map((p) => p.attrs?.panelType);
    expect(adfPanels).toEqual(['info', 'tip', 'note', 'warning', 'error', 'tip']);
    const storage = rt.markdownToStorage(md);
    const macros = [...storage.matchAll(/<ac:structured-macro ac:name="(\w+)"/g)].map((m) => m[1]);
    // Storage's note macro is yellow and its warning red.
    expect(macros).toEqual(['info', 'tip', 'info', 'note', 'warning', 'tip']);
    expect(storage).toContain('<blockquote><p>A plain quote stays a quote.</p></blockquote>');
    expect(storage).not.toContain('[!');
  });

  test('footnotes are superscript labels, referenced and defined', () => {
    const doc = rt.markdownToAdf('Uptime was 99.95%[^sla] in May.\n\n[^sla]: Measured at the load balancer.\n');
    const sup = find(doc.content, 'text').filter((t) => t.marks?.some((m) => m.type === 'subsup'));
    expect(sup.map((t) => t.text)).toEqual(['sla', 'sla']);
    expect(JSON.stringify(doc)).toContain('Measured at the load balancer.');
    expect(JSON.stringify(doc)).not.toContain('[^');
  });

  test('<kbd> is code in ADF and stays <kbd> in storage; <b>, <i>, <s> are their marks', () => {
    const md = readCorpus('markdown', '29-keys-and-emoji.md');
    const texts = find(rt.markdownToAdf(md).content, 'text');
    const marked = (type: string) => texts.filter((t) => t.marks?.some((m) => m.type === type)).map((t) => t.text);
    expect(marked('code')).toEqual(['Ctrl', 'S', '⌘', 'S']);
    expect(marked('strong')).toEqual(['v2.3']);
    expect(marked('em')).toEqual(['really']);
    expect(marked('strike')).toEqual(['not']);
    const storage = rt.markdownToStorage(md);
    expect(storage).toContain('<kbd>Ctrl</kbd>+<kbd>S</kbd>');
    expect(rt.storageToMarkdown(storage)).toContain('<kbd>⌘</kbd>+<kbd>S</kbd>');
  });

  test('a linked image keeps its image and link, an image title is its caption (ADF) or title (storage)', () => {
    const md = readCorpus('markdown', '28-linked-images.md');
    const images = find(rt.markdownToAdf(md).content, 'mediaSingle');
    expect(images.map((m) => m.content![0]!.attrs?.url)).toEqual([
      'https://ci.acme.io/buildStatus/icon?job=shop-frontend',
      'https://cdn.acme.io/docs/checkout-flow.png',
      'https://img.shields.io/badge/coverage-87%25-green.svg',
    ]);
    expect(images.map((m) => m.marks?.[0]?.attrs?.href)).toEqual([
      'https://ci.acme.io/job/shop-frontend/',
      undefined,
      'https://codecov.io/gh/acme/shop-frontend',
    ]);
    expect(images.map((m) => m.content![1]?.content?.[0]?.text)).toEqual([
      undefined,
      'Checkout flow, step 1 to 4',
      'Line coverage',
    ]);
    const storage = rt.markdownToStorage(md);
    expect(storage).toContain(
      '<p><a href="https://ci.acme.io/job/shop-frontend/"><ac:image ac:alt="Build status"><ri:url ri:value="https://ci.acme.io/buildStatus/icon?job=shop-frontend" /></ac:image></a></p>',
    );
    expect(storage).toContain('ac:title="Checkout flow, step 1 to 4"');
    const read = find(storageToAdf(storage).doc.content, 'mediaSingle');
    expect(read).toHaveLength(3);
  });
});

describe('what the model reads', () => {
  test('emphasis inside a word reads as <strong>/<em>/<del>, never as character references', () => {
    const doc = JSON.parse(readCorpus('adf', '45-intraword-emphasis.json')) as AdfDoc;
    const md = rt.adfToMarkdown(doc);
    expect(md).not.toMatch(/&#x?[0-9a-f]+;/i);
    expect(md).toContain('Accept<em>ance</em> criteria');
    expect(md).toContain('<del>un</del>supported');
    // Written back with an edit elsewhere, the block is the same ADF.
    const edited = md.replace('Amounts in cents', 'Amounts in cents (EUR)');
    const back = rt.markdownToAdf(edited, { base: doc });
    expect(back.content[2]).toBe(doc.content[2]);
    // Rebuilt from its text (the model retyped it), the marks come back.
    const retyped = rt.markdownToAdf(md.replace('criteria live', 'criteria now live'), { base: doc });
    expect(
      find([retyped.content[2]!], 'text')
        .filter((t) => t.marks?.length)
        .map((t) => t.text),
    ).toEqual(['ance', 'SHOP', '1432', 'un', 'XLS']);
  });

  test('no document of the corpus shows a character reference outside placeholder look-alikes and edge spaces', () => {
    for (const name of corpusNames('adf', '.json')) {
      const md = rt.adfToMarkdown(JSON.parse(readCorpus('adf', name + '.json')) as AdfDoc);
      expect([name, md.replace(/&#x(27E6|27E7|20);/g, '')]).not.toEqual([
        name,
        expect.stringMatching(/&#x?[0-9a-f]+;/i),
      ]);
    }
  });

  test('a table as Jira writes it (default attributes) reads as a plain GFM table, and keeps them when edited', () => {
    const doc = JSON.parse(readCorpus('adf', '34-incident-postmortem.json')) as AdfDoc;
    const table = doc.content.find((b) => b.type === 'table')!;
    expect(table.attrs).toMatchObject({ isNumberColumnEnabled: false, layout: 'default' });
    const md = rt.adfToMarkdown(doc);
    expect(md).toContain('| Time | Event |\n| - | - |\n| 14:02 |');
    expect(md).not.toContain('⟦table');
    const back = rt.markdownToAdf(md.replace('Rollback complete', 'Rollback complete, alert resolved'), { base: doc });
    const edited = back.content.find((b) => b.type === 'table')!;
    expect(edited.attrs).toEqual(table.attrs);
    expect(JSON.stringify(edited)).toContain('alert resolved');
    // Copied into a new document, the table is a table without the defaults: the same table.
    const tableMarkdown = md.slice(md.indexOf('| Time |'), md.indexOf('\n\n', md.indexOf('| Time |')));
    const copy = rt.markdownToAdf(tableMarkdown);
    expect(copy.content).toHaveLength(1);
    expect(copy.content[0]!.type).toBe('table');
    expect(copy.content[0]!.attrs).toBeUndefined();
  });

  test('emoji read as characters where that is unambiguous, and come back as the same nodes', () => {
    const doc = JSON.parse(readCorpus('adf', '46-emoji-reactions.json')) as AdfDoc;
    const md = rt.adfToMarkdown(doc);
    expect(md).toContain('Deploy checklist ✅');
    expect(md).toContain('Canary 🟢');
    // 📝 is also plain text in the document: the emoji keeps its placeholder.
    expect(md).toMatch(/rollback plan ⟦emoji :memo:\^[0-9a-z]{5}⟧/);
    // Two nodes show 👍 differently: both keep placeholders.
    expect(md).toMatch(/⟦emoji :thumbsup:\^[0-9a-z]{5}⟧ and ⟦emoji :\+1:\^[0-9a-z]{5}⟧/);
    // Edited, the paragraph's emoji are the same nodes again; new text keeps its characters.
    const edited = md.replace('Canary 🟢,', 'Canary 🟢 at 5 %,').replace('release notes.', 'release notes ✅.');
    const back = rt.markdownToAdf(edited, { base: doc });
    expect(find([back.content[1]!], 'emoji')).toEqual(find([doc.content[1]!], 'emoji'));
    // 📝 stays text; ✅ is the document's ✅ emoji.
    expect(find([back.content[2]!], 'emoji')).toEqual(find([doc.content[0]!], 'emoji'));
    expect(find([back.content[2]!], 'text').map((t) => t.text)).toEqual([
      'Pasted as text, not an emoji: 📝 release notes ',
      '.',
    ]);
  });
});
