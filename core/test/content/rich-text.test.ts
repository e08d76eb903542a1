import 'reflect-metadata';
import { container } from 'tsyringe';
import { InputError } from '../../src/plugin-api/errors.js';
import { RichText, type AdfDoc } from '../../src/content/index.js';

const rt: RichText = new RichText();
const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content }) as AdfDoc;

describe('RichText service', () => {
  test('is an injectable singleton-friendly service with no constructor arguments', () => {
    expect(container.resolve(RichText)).toBeInstanceOf(RichText);
  });

  test('malformed ADF reads as what can be read, never throws', () => {
    const malformed = {
      type: 'doc',
      content: [
        null,
        7,
        { content: [] },
        { type: 'paragraph', content: 'x' },
        {
          type: 'paragraph',
          content: [{ type: 'text' }, { type: 'text', text: 'kept', marks: [null, { type: 'strong' }] }],
        },
      ],
    };
    expect(rt.adfToMarkdown(malformed as unknown as AdfDoc)).toBe('⟦empty⟧\n\n**kept**');
    expect(rt.adfToMarkdown({ type: 'doc' } as unknown as AdfDoc)).toBe('');
  });

  test('empty input reads as empty Markdown', () => {
    expect(rt.adfToMarkdown(null)).toBe('');
    expect(rt.adfToMarkdown(undefined)).toBe('');
    expect(rt.adfToMarkdown(doc())).toBe('');
    expect(rt.storageToMarkdown(null)).toBe('');
    expect(rt.storageToMarkdown('')).toBe('');
    expect(rt.markdownToAdf('')).toEqual(doc());
  });
});

describe('schema guard', () => {
  test('names the deepest failing path and the node type', () => {
    const bad = doc({ type: 'paragraph', content: [{ type: 'status', attrs: { color: 'blue' } }] });
    expect(() => rt.validateAdf(bad)).toThrow(InputError);
    try {
      rt.validateAdf(bad);
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^Invalid ADF at \/content\/0\/content\/0\/attrs \(in a "status" node\)/,
      );
      expect(Object.keys((error as InputError).fieldErrors)).toEqual(['/content/0/content/0/attrs']);
    }
  });

  test.each([
    ['heading level 7', doc({ type: 'heading', attrs: { level: 7 }, content: [{ type: 'text', text: 'x' }] })],
    ['empty text', doc({ type: 'paragraph', content: [{ type: 'text', text: '' }] })],
    [
      'code with strong',
      doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'code' }, { type: 'strong' }] }] }),
    ],
    ['unknown node', doc({ type: 'hologram' })],
    ['not a doc', { type: 'paragraph' }],
  ])('rejects %s', (_name, value) => {
    expect(() => rt.validateAdf(value)).toThrow(InputError);
  });

  test('every conversion from Markdown validates, with illegal nesting made legal', () => {
    const out = rt.markdownToAdf(
      '- # heading in a list\n- > quote in a list\n\n> > nested quote\n\n<div>html</div>\n\n| a |\n|---|\n| - not a list |',
    );
    expect(() => rt.validateAdf(out)).not.toThrow();
    expect(JSON.stringify(out)).toContain('heading in a list');
    expect(JSON.stringify(out)).toContain('nested quote');
    expect(JSON.stringify(out)).toContain('<div>html</div>');
  });
});

describe('raw escape hatch', () => {
  test('parseRawAdf accepts JSON text or objects and validates them', () => {
    const valid = doc({ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] });
    expect(rt.parseRawAdf(JSON.stringify(valid))).toEqual(valid);
    expect(rt.parseRawAdf(valid)).toBe(valid);
    expect(() => rt.parseRawAdf('{"type":"doc",')).toThrow(/not valid JSON/);
    expect(() => rt.parseRawAdf({ type: 'doc', version: 1, content: [{ type: 'panel' }] })).toThrow(InputError);
  });

  test('parseRawStorage returns well-formed storage unchanged and rejects the rest with a position', () => {
    const ok = '<p>A&nbsp;&amp; B</p><ac:structured-macro ac:name="toc" ac:schema-version="1" />';
    expect(rt.parseRawStorage(ok)).toBe(ok);
    expect(() => rt.parseRawStorage('<p>a & b</p>')).toThrow(/not well-formed.*line 1/);
    expect(() => rt.parseRawStorage('<p><strong>x</p>')).toThrow(InputError);
    expect(() => rt.parseRawStorage('<p class=x>y</p>')).toThrow(InputError);
  });
});

describe('reading for the model', () => {
  test('media resolve to attachment names and URLs when the caller knows them', () => {
    const d = doc({
      type: 'mediaSingle',
      attrs: { layout: 'center' },
      content: [{ type: 'media', attrs: { type: 'file', id: 'f-1', collection: 'c' } }],
    });
    expect(
      rt.adfToMarkdown(d, {
        media: (attrs) => (attrs.id === 'f-1' ? { name: 'shot.png', url: 'https://x.test/a/1' } : undefined),
      }),
    ).toMatch(/^⟦image shot\.png https:\/\/x\.test\/a\/1\^[0-9a-z]{5}⟧$/);
  });

  test('storage mentions use display names when the caller knows them', () => {
    const storage = '<p>Hi <ac:link><ri:user ri:account-id="abc-1" /></ac:link></p>';
    expect(rt.storageToMarkdown(storage, { users: (id) => (id === 'abc-1' ? 'Jane Doe' : undefined) })).toBe(
      'Hi ⟦@Jane Doe⟧',
    );
    expect(rt.markdownToStorage('Hi [@Jane Doe](accountid:abc-1)')).toBe(storage);
  });

  test('new storage uses Confluence canonical forms', () => {
    const storage = rt.markdownToStorage(
      '# T\n\n```js\nif (a]]>b) {}\n```\n\n- [x] done\n\n⟦panel note⟧\n\nN\n\n⟦/panel⟧\n\nA & B <tag> ⟦date 2026-01-31⟧ ⟦status Go⟧\n\n---\n\n![alt](https://x.test/i.png)',
    );
    expect(storage).toBe(
      '<h1>T</h1>' +
        '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[if (a]]]]><![CDATA[>b) {}]]></ac:plain-text-body></ac:structured-macro>' +
        '<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>done</ac:task-body></ac:task></ac:task-list>' +
        '<ac:structured-macro ac:name="note" ac:schema-version="1"><ac:rich-text-body><p>N</p></ac:rich-text-body></ac:structured-macro>' +
        '<p>A &amp; B &lt;tag&gt; <time datetime="2026-01-31" /> <ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="title">Go</ac:parameter><ac:parameter ac:name="colour">Grey</ac:parameter></ac:structured-macro></p>' +
        '<hr />' +
        '<ac:image ac:alt="alt"><ri:url ri:value="https://x.test/i.png" /></ac:image>',
    );
  });

  test('storage-only placeholders create page/attachment links, images, jira and toc macros', () => {
    const storage = rt.markdownToStorage(
      'See ⟦page ENG:Release process⟧, ⟦page Glossary⟧, ⟦attachment a.pdf⟧ and ⟦jira SHOP-1⟧.\n\n⟦toc⟧\n\n⟦image diagram.png⟧',
    );
    expect(storage).toBe(
      '<p>See <ac:link><ri:page ri:content-title="Release process" ri:space-key="ENG" /></ac:link>, <ac:link><ri:page ri:content-title="Glossary" /></ac:link>, ' +
        '<ac:link><ri:attachment ri:filename="a.pdf" /></ac:link> and <ac:structured-macro ac:name="jira" ac:schema-version="1"><ac:parameter ac:name="key">SHOP-1</ac:parameter></ac:structured-macro>.</p>' +
        '<ac:structured-macro ac:name="toc" ac:schema-version="1" /><ac:image><ri:attachment ri:filename="diagram.png" /></ac:image>',
    );
    expect(() => rt.markdownToAdf('⟦page Glossary⟧')).toThrow(InputError);
  });

  test('other inline HTML in storage (styled spans, kbd, font) stays editable text', () => {
    const storage =
      '<p>Press <kbd>Ctrl</kbd> and <span style="color: rgb(255,86,48);">red <strong>bold</strong></span>.</p>';
    const md = rt.storageToMarkdown(storage);
    expect(md).toMatch(/^Press <kbd>Ctrl<\/kbd> and ⟦mark html:span\^[0-9a-z]{5}⟧red \*\*bold\*\*⟦\/mark⟧\.$/);
    expect(rt.markdownToStorage(md.replace('red', 'crimson'), { base: storage })).toBe(
      storage.replace('red', 'crimson'),
    );
  });
});
