import { ConflictError, InputError } from '../../src/plugin-api/errors.js';
import { RichText, sectionEditSchema, type AdfDoc, type AdfNode, type SectionEdit } from '../../src/content/index.js';
import { storageToAdf } from '../../src/content/storage-to-adf.js';
import { canonicalStorage } from '../../src/content/storage-xml.js';
import { corpusNames, readCorpus } from './corpus.js';

const rt: RichText = new RichText();
const h = (level: number, text: string): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
});

/** A long document: every corpus document under its own H2, with an H3 subsection in each. */
function longDoc(): AdfDoc {
  const content: AdfNode[] = [h(1, 'Handbook')];
  for (const name of corpusNames('adf', '.json')) {
    const doc = JSON.parse(readCorpus('adf', name + '.json')) as AdfDoc;
    content.push(h(2, `Chapter ${name}`), ...doc.content.filter((n) => n.type !== 'heading'), h(3, `Notes ${name}`), {
      type: 'paragraph',
      content: [{ type: 'text', text: `Notes for ${name}.` }],
    });
  }
  return { type: 'doc', version: 1, content };
}

const indexOfHeading = (doc: AdfDoc, text: string) =>
  doc.content.findIndex((n) => n.type === 'heading' && n.content?.[0]?.text === text);

describe('ADF section edits on a long document', () => {
  const doc = longDoc();
  const frozen = JSON.stringify(doc);

  afterEach(() => expect(JSON.stringify(doc)).toBe(frozen)); // never mutates its input

  test('the document is long', () => {
    expect(JSON.stringify(doc).length).toBeGreaterThan(50_000);
  });

  test('replace_section changes only the body under that heading (subsections included)', () => {
    const start = indexOfHeading(doc, 'Chapter 17-expand');
    const end = indexOfHeading(doc, 'Chapter 18-layouts');
    const out = rt.editAdfSection(doc, {
      op: 'replace_section',
      heading: 'chapter 17-EXPAND',
      markdown: 'Rewritten **body**.',
    });
    expect(out.content.slice(0, start + 1)).toEqual(doc.content.slice(0, start + 1));
    expect(out.content[start + 1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Rewritten ' },
        { type: 'text', text: 'body', marks: [{ type: 'strong' }] },
        { type: 'text', text: '.' },
      ],
    });
    expect(out.content.slice(start + 2)).toEqual(doc.content.slice(end));
  });

  test('a subsection ends at the next heading of its level or higher', () => {
    const start = indexOfHeading(doc, 'Notes 05-runbook');
    const out = rt.editAdfSection(doc, {
      op: 'replace_section',
      heading: '### Notes 05-runbook',
      markdown: 'Only notes.',
    });
    expect(out.content.length).toBe(doc.content.length);
    expect(out.content.filter((_, i) => i !== start + 1)).toEqual(doc.content.filter((_, i) => i !== start + 1));
  });

  test('insert_after_section and insert_before_section insert at the section bounds', () => {
    const start = indexOfHeading(doc, 'Chapter 20-cards');
    const end = indexOfHeading(doc, 'Chapter 21-status-colours');
    const after = rt.editAdfSection(doc, {
      op: 'insert_after_section',
      heading: 'Chapter 20-cards',
      markdown: '## Inserted\n\nText',
    });
    expect(after.content.slice(0, end)).toEqual(doc.content.slice(0, end));
    expect(after.content[end]).toEqual(h(2, 'Inserted'));
    expect(after.content.slice(end + 2)).toEqual(doc.content.slice(end));
    const before = rt.editAdfSection(doc, {
      op: 'insert_before_section',
      heading: 'Chapter 20-cards',
      markdown: '---',
    });
    expect(before.content[start]).toEqual({ type: 'rule' });
    expect(before.content.slice(start + 1)).toEqual(doc.content.slice(start));
  });

  test('append and prepend leave everything else alone', () => {
    expect(rt.editAdfSection(doc, { op: 'append', markdown: 'Last' }).content.slice(0, -1)).toEqual(doc.content);
    expect(rt.editAdfSection(doc, { op: 'prepend', markdown: 'First' }).content.slice(1)).toEqual(doc.content);
  });

  test('find_replace changes one text node; ambiguity and absence are InputErrors', () => {
    const out = rt.editAdfSection(doc, { op: 'find_replace', find: 'Notes for 22-dates.', replace: 'Dates reviewed.' });
    const changed = out.content
      .map((n, i) => (JSON.stringify(n) === JSON.stringify(doc.content[i]) ? -1 : i))
      .filter((i) => i !== -1);
    expect(changed).toHaveLength(1);
    expect(JSON.stringify(out.content[changed[0]!])).toContain('Dates reviewed.');
    expect(() => rt.editAdfSection(doc, { op: 'find_replace', find: 'Notes for', replace: 'x' })).toThrow(
      /occurs \d+ times/,
    );
    expect(() => rt.editAdfSection(doc, { op: 'find_replace', find: 'no such text anywhere', replace: 'x' })).toThrow(
      InputError,
    );
    const all = rt.editAdfSection(doc, { op: 'find_replace', find: 'Notes for', replace: 'Remarks on', all: true });
    expect(JSON.stringify(all)).not.toContain('Notes for');
  });

  test('placeholders in the new Markdown resolve against the current document', () => {
    const md = rt.adfToMarkdown(doc);
    const statusPlaceholder = /⟦status:red SEV-1⟧/.exec(md)![0];
    const out = rt.editAdfSection(doc, {
      op: 'replace_section',
      heading: 'Notes 01-bug-report',
      markdown: `Severity was ${statusPlaceholder}`,
    });
    const start = indexOfHeading(doc, 'Notes 01-bug-report');
    expect(out.content[start + 1]!.content![1]).toEqual({ type: 'status', attrs: { text: 'SEV-1', color: 'red' } });
    expect(() => rt.editAdfSection(doc, { op: 'append', markdown: '⟦status Gone^zzzzz⟧' })).toThrow(ConflictError);
  });

  test('unknown or duplicate headings and malformed edits are InputErrors with a way forward', () => {
    expect(() => rt.editAdfSection(doc, { op: 'replace_section', heading: 'Nope', markdown: 'x' })).toThrow(InputError);
    try {
      rt.editAdfSection(doc, { op: 'replace_section', heading: 'Nope', markdown: 'x' });
    } catch (error) {
      expect((error as InputError).hint).toContain('"Handbook"');
    }
    const dup: AdfDoc = { type: 'doc', version: 1, content: [h(2, 'Same'), h(2, 'Same')] };
    expect(() => rt.editAdfSection(dup, { op: 'append', markdown: 'ok' })).not.toThrow();
    expect(() => rt.editAdfSection(dup, { op: 'replace_section', heading: 'Same', markdown: 'x' })).toThrow(
      /occurs 2 times/,
    );
    expect(() => rt.editAdfSection(doc, { op: 'replace_section', markdown: 'x' } as unknown as SectionEdit)).toThrow(
      InputError,
    );
    expect(() => rt.editAdfSection(doc, { op: 'explode' } as unknown as SectionEdit)).toThrow(InputError);
  });

  test('the zod schema is a discriminated union plugins can embed', () => {
    expect(sectionEditSchema.safeParse({ op: 'append', markdown: 'x' }).success).toBe(true);
    expect(sectionEditSchema.safeParse({ op: 'find_replace', find: '', replace: 'x' }).success).toBe(false);
  });
});

describe('storage section edits', () => {
  const page = corpusNames('storage', '.xhtml')
    .map(
      (name) =>
        `<h2>Part ${name}</h2>` +
        readCorpus('storage', name + '.xhtml')
          .trim()
          .replace(/<h[12]>[^<]*<\/h[12]>/g, ''),
    )
    .join('');

  test('replace_section leaves every other block byte for byte', () => {
    const out = rt.editStorageSection(page, {
      op: 'replace_section',
      heading: 'Part 06-jira-macro',
      markdown: '⟦status Reviewed⟧ *new*',
    });
    const [before, after] = canonicalStorage(page).split(/<h2>Part 06-jira-macro<\/h2>.*?(?=<h2>Part 07)/);
    expect(out.startsWith(before! + '<h2>Part 06-jira-macro</h2><p><ac:structured-macro ac:name="status"')).toBe(true);
    expect(out.endsWith(after!)).toBe(true);
    expect(out).toContain('<em>new</em></p><h2>Part 07');
  });

  test('find_replace and append keep the rest of the page', () => {
    const out = rt.editStorageSection(page, {
      op: 'find_replace',
      find: 'Freeze starts Friday.',
      replace: 'Freeze starts Monday.',
    });
    expect(out).toBe(canonicalStorage(page).replace('Freeze starts Friday.', 'Freeze starts Monday.'));
    const appended = rt.editStorageSection(page, { op: 'append', markdown: '- [ ] follow up' });
    expect(appended.startsWith(canonicalStorage(page))).toBe(true);
    expect(appended.slice(canonicalStorage(page).length)).toMatch(
      /^<ac:task-list><ac:task><ac:task-id>\d+<\/ac:task-id><ac:task-status>incomplete<\/ac:task-status><ac:task-body>follow up<\/ac:task-body><\/ac:task><\/ac:task-list>$/,
    );
  });

  test('the result converts back to the same blocks outside the section', () => {
    const out = rt.editStorageSection(page, {
      op: 'insert_before_section',
      heading: 'Part 12-table-merged',
      markdown: '> quoted',
    });
    const a = storageToAdf(page).doc.content;
    const b = storageToAdf(out).doc.content;
    expect(b.length).toBe(a.length + 1);
  });
});
