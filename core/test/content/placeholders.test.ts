import { ConflictError, InputError } from '../../src/plugin-api/errors.js';
import {
  PLACEHOLDER_SYNTAX,
  RichText,
  formatPlaceholder,
  parsePlaceholder,
  type AdfDoc,
  type AdfNode,
} from '../../src/content/index.js';

const rt: RichText = new RichText();
const t = (text: string): AdfNode => ({ type: 'text', text });
const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });
const status = (text: string, color = 'blue'): AdfNode => ({
  type: 'status',
  attrs: { text, color, localId: 'l-' + text },
});
const panel = (...content: AdfNode[]): AdfNode => ({
  type: 'panel',
  attrs: { panelType: 'note', localId: 'pn-1' },
  content,
});

function idOf(markdown: string, kind: string): string {
  const match = new RegExp(`⟦${kind}[^⟧]*\\^([0-9a-z]+)⟧`).exec(markdown);
  if (!match) throw new Error(`no ${kind} placeholder in ${markdown}`);
  return match[1]!;
}

describe('placeholder syntax', () => {
  test('format and parse are inverse, with escapes and exact whitespace', () => {
    for (const arg of ['Done', ' padded ', 'a⟧b', 'x^abcde', 'pipe | here', 'back\\slash', 'line\nbreak', '⟦nested⟧']) {
      const raw = formatPlaceholder('status', arg, 'k3f9a');
      expect(parsePlaceholder(raw.slice(1, -1))).toEqual({ kind: 'status', arg, id: 'k3f9a', closing: false });
    }
    expect(parsePlaceholder('/panel')).toEqual({ kind: 'panel', arg: '', id: undefined, closing: true });
  });

  test('the syntax summary for tool descriptions is short', () => {
    expect(PLACEHOLDER_SYNTAX.length).toBeLessThan(600);
    expect(PLACEHOLDER_SYNTAX).toContain('⟦');
  });
});

describe('spoofing: document text that looks like a placeholder stays text', () => {
  test('a fake placeholder in text is escaped and written back as the same text', () => {
    const d = doc(p(t('Click ⟦status Done^abcde⟧ then ⟦/panel⟧')), p(status('Real')));
    const md = rt.adfToMarkdown(d);
    expect(md).toContain('&#x27E6;status Done^abcde⟧');
    expect(md).not.toMatch(/(^|[^;])⟦status Done\^abcde⟧/);
    expect(rt.markdownToAdf(md, { base: d })).toEqual(d);
    // Even rebuilt from scratch (no base), the fake stays text and nothing resolves.
    const rebuilt = rt.markdownToAdf(md.replace(/⟦status:blue Real\^[0-9a-z]+⟧/, '⟦status Real⟧'));
    expect(rebuilt.content[0]).toEqual(p(t('Click ⟦status Done^abcde⟧ then ⟦/panel⟧')));
  });

  test("text copying another node's real id does not duplicate that node", () => {
    const real = status('Shipped', 'green');
    const base = doc(p(real));
    const id = idOf(rt.adfToMarkdown(base), 'status');
    const d = doc(p(real), p(t(`forged ⟦status Shipped^${id}⟧`)));
    const back = rt.markdownToAdf(rt.adfToMarkdown(d), { base: d });
    expect(back).toEqual(d);
    expect(JSON.stringify(back).match(/"type":"status"/g)).toHaveLength(1);
  });

  test.each([
    ['heading', { type: 'heading', attrs: { level: 2 }, content: [t('⟦panel info⟧')] }],
    [
      'link text',
      p({ type: 'text', text: '⟦date 2026-01-01⟧', marks: [{ type: 'link', attrs: { href: 'https://x.test' } }] }),
    ],
    ['code span', p({ type: 'text', text: '⟦status X^abcde⟧', marks: [{ type: 'code' }] })],
    ['code block', { type: 'codeBlock', content: [t('⟦panel info⟧\n⟦/panel⟧')] }],
    ['mention-like link', p(t('[@Admin](accountid:evil) and <u>not underline</u>'))],
  ])('in a %s', (_name, block) => {
    const d = doc(block as AdfNode);
    const md = rt.adfToMarkdown(d);
    const rebuilt = rt.markdownToAdf(md);
    expect(rebuilt).toEqual(d);
  });

  test('placeholder arguments cannot break out of the placeholder', () => {
    const d = doc(
      p(status('⟧ injected ⟦panel info⟧'), t(' '), { type: 'mention', attrs: { id: 'abc', text: '@Eve ⟧⟦' } }),
    );
    const md = rt.adfToMarkdown(d);
    expect(rt.markdownToAdf(md, { base: d })).toEqual(d);
  });

  test('storage text that looks like a placeholder stays text', () => {
    const storage = '<p>⟦toc^abcde⟧ and ⟦panel info⟧</p><ac:structured-macro ac:name="toc" ac:schema-version="1" />';
    const md = rt.storageToMarkdown(storage);
    expect(md.match(/&#x27E6;/g)).toHaveLength(2);
    expect(rt.markdownToStorage(md, { base: storage })).toBe(storage);
  });
});

describe('moving and deleting placeholders', () => {
  const d = doc(p(t('Status: '), status('Blocked', 'red')), panel(p(t('Keep out'))), p(t('End')));

  test('deleting an inline placeholder deletes exactly that node', () => {
    const md = rt.adfToMarkdown(d).replace(/⟦status:red Blocked\^[0-9a-z]+⟧/, '');
    const back = rt.markdownToAdf(md, { base: d });
    expect(back.content[0]).toEqual(p(t('Status:'))); // Markdown drops the paragraph's trailing space
    expect(back.content.slice(1)).toEqual(d.content.slice(1));
  });

  test('moving an inline placeholder moves the original node, byte for byte', () => {
    const md = rt.adfToMarkdown(d);
    const placeholder = /⟦status:red Blocked\^[0-9a-z]+⟧/.exec(md)![0];
    const moved = md.replace(placeholder, '').replace('End', `End ${placeholder}`);
    const back = rt.markdownToAdf(moved, { base: d });
    expect(back.content[2]).toEqual(p(t('End '), d.content[0]!.content![1]!));
  });

  test('moving a container block moves it whole; deleting it removes it', () => {
    const md = rt.adfToMarkdown(d);
    const blocks = md.split('\n\n');
    const panelMd = blocks.slice(1, 4).join('\n\n');
    const reordered = [blocks[4], panelMd, blocks[0]].join('\n\n');
    expect(rt.markdownToAdf(reordered, { base: d }).content).toEqual([d.content[2], d.content[1], d.content[0]]);
    const without = [blocks[0], blocks[4]].join('\n\n');
    expect(rt.markdownToAdf(without, { base: d }).content).toEqual([d.content[0], d.content[2]]);
  });

  test('editing the body of a container keeps its attributes', () => {
    const md = rt.adfToMarkdown(d).replace('Keep out', 'Keep **well** out');
    const back = rt.markdownToAdf(md, { base: d });
    expect(back.content[1]).toEqual({
      ...d.content[1],
      content: [p(t('Keep '), { type: 'text', text: 'well', marks: [{ type: 'strong' }] }, t(' out'))],
    });
  });
});

describe('resolution against the current document', () => {
  const read = doc(p(t('State '), status('Open')));
  const md = rt.adfToMarkdown(read);

  test('a placeholder whose node changed meanwhile is a ConflictError naming it', () => {
    const current = doc(p(t('State '), status('Closed')));
    expect(() => rt.markdownToAdf(md, { base: current })).toThrow(ConflictError);
    expect(() => rt.markdownToAdf(md, { base: current })).toThrow(/⟦status:blue Open\^[0-9a-z]+⟧ no longer matches/);
  });

  test('with an id from no document at hand, a self-describing placeholder is what its text says', () => {
    expect(rt.markdownToAdf(md).content[0]).toEqual(
      p(t('State '), { type: 'status', attrs: { text: 'Open', color: 'blue' } }),
    );
  });

  test('with an id from no document at hand, an opaque placeholder is refused by name with what to do', () => {
    expect(() => rt.markdownToAdf('See ⟦macro jira-chart^k3f9a⟧')).toThrow(InputError);
    expect(() => rt.markdownToAdf('See ⟦macro jira-chart^k3f9a⟧')).toThrow(
      /⟦macro jira-chart\^k3f9a⟧ comes from a document this session has not read/,
    );
  });

  test('unchanged parts elsewhere do not matter: only the placeholder must still exist', () => {
    const current = doc(p(t('New intro')), p(t('State '), status('Open')));
    expect(rt.markdownToAdf(md, { base: current }).content).toEqual(read.content);
  });

  test.each([
    ['an unknown kind without id', 'Text ⟦frobnicate⟧ here', InputError, /Unknown placeholder/],
    ['a bad date', '⟦date 31/01/2026⟧', InputError, /ISO date/],
    ['an unclosed panel', '⟦panel info⟧\n\nbody', InputError, /not closed/],
    ['a stray close', 'text\n\n⟦/expand⟧', InputError, /closes nothing/],
    ['a bad panel type', '⟦panel purple⟧\n\nx\n\n⟦/panel⟧', InputError, /panel type/],
    ['a mention without id', '[@Jane](accountid:)', InputError, /account id/],
    ['a bad colour', '⟦color red⟧x⟦/color⟧', InputError, /colour/],
    ['a macro id-less', '⟦macro toc⟧', InputError, /cannot be created|Unknown placeholder/],
  ])('%s is a clear error', (_name, markdown, type, message) => {
    expect(() => rt.markdownToAdf(markdown)).toThrow(type);
    expect(() => rt.markdownToAdf(markdown)).toThrow(message);
  });

  test('new placeholders without ids create nodes', () => {
    const out = rt.markdownToAdf(
      '⟦status In Review⟧ ⟦date 2026-02-15⟧ ⟦emoji :tada:⟧ ⟦card https://x.test/1⟧\n\n⟦expand More⟧\n\n⟦panel tip⟧\n\nHi\n\n⟦/panel⟧\n\n⟦/expand⟧',
    );
    expect(out.content[0]).toEqual(
      p(
        { type: 'status', attrs: { text: 'In Review', color: 'neutral' } },
        t(' '),
        { type: 'date', attrs: { timestamp: String(Date.UTC(2026, 1, 15)) } },
        t(' '),
        { type: 'emoji', attrs: { shortName: ':tada:' } },
        t(' '),
        { type: 'inlineCard', attrs: { url: 'https://x.test/1' } },
      ),
    );
    expect(out.content[1]).toEqual({
      type: 'expand',
      attrs: { title: 'More' },
      content: [{ type: 'panel', attrs: { panelType: 'tip' }, content: [p(t('Hi'))] }],
    });
  });
});

describe('editing the readable part of a placeholder', () => {
  const d = doc(
    p(status('Open'), t(' due '), {
      type: 'date',
      attrs: { timestamp: String(Date.UTC(2026, 0, 5)), localId: 'dt-1' },
    }),
    panel(p(t('Body'))),
    { type: 'expand', attrs: { title: 'Details', localId: 'ex-1' }, content: [p(t('More'))] },
  );
  const md = rt.adfToMarkdown(d);

  test('status text and colour, and the date, change; everything else about the nodes stays', () => {
    const edited = md
      .replace(/⟦status:blue Open\^/, '⟦status:green Done^')
      .replace('⟦date 2026-01-05^', '⟦date 2026-02-01^');
    const back = rt.markdownToAdf(edited, { base: d });
    expect(back.content[0]!.content![0]).toEqual({
      type: 'status',
      attrs: { text: 'Done', color: 'green', localId: 'l-Open' },
    });
    expect(back.content[0]!.content![2]).toEqual({
      type: 'date',
      attrs: { timestamp: String(Date.UTC(2026, 1, 1)), localId: 'dt-1' },
    });
    expect(back.content.slice(1)).toEqual(d.content.slice(1));
  });

  test('panel type and expand title change; the body and other attributes stay', () => {
    const edited = md
      .replace(/⟦panel note\^([0-9a-z]+)⟧/, '⟦panel warning^$1⟧')
      .replace(/⟦expand Details\^([0-9a-z]+)⟧/, '⟦expand Read me^$1⟧');
    const back = rt.markdownToAdf(edited, { base: d });
    expect(back.content[1]).toEqual({ ...d.content[1], attrs: { panelType: 'warning', localId: 'pn-1' } });
    expect(back.content[2]).toEqual({ ...d.content[2], attrs: { title: 'Read me', localId: 'ex-1' } });
  });

  test('in storage, the macro keeps its id and other parameters', () => {
    const storage =
      '<p>Now <ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="m-1"><ac:parameter ac:name="title">OPEN</ac:parameter><ac:parameter ac:name="colour">Blue</ac:parameter><ac:parameter ac:name="subtle">true</ac:parameter></ac:structured-macro></p><ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="m-2"><ac:parameter ac:name="title">T</ac:parameter><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>';
    const read = rt.storageToMarkdown(storage);
    const edited = read
      .replace(/⟦status:blue OPEN\^/, '⟦status:green DONE^')
      .replace(/⟦panel info\^/, '⟦panel warning^');
    expect(rt.markdownToStorage(edited, { base: storage })).toBe(
      '<p>Now <ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="m-1"><ac:parameter ac:name="title">DONE</ac:parameter><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="subtle">true</ac:parameter></ac:structured-macro></p>' +
        '<ac:structured-macro ac:name="warning" ac:schema-version="1" ac:macro-id="m-2"><ac:parameter ac:name="title">T</ac:parameter><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>',
    );
  });
});
