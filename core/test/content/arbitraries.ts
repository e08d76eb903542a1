import fc from 'fast-check';
import type { AdfMark, AdfNode, AdfDoc } from '../../src/content/index.js';

// Characters that stress Markdown escaping and the placeholder syntax.
const tricky = [
  '*',
  '_',
  '`',
  '[',
  ']',
  '(',
  ')',
  '#',
  '>',
  '-',
  '+',
  '!',
  '|',
  '\\',
  '<',
  '&',
  '~',
  '⟦',
  '⟧',
  '^',
  ':',
  '.',
  '1',
  '"',
  'é',
  '日',
  '😄',
  '\t',
];
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghij klmnop '.split('')) },
  { weight: 3, arbitrary: fc.constantFrom(...tricky) },
);

/** Non-empty text (ADF text nodes may not be empty). */
export const textArb = fc.array(char, { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));

const simpleMark = fc.constantFrom<AdfMark>(
  { type: 'strong' },
  { type: 'em' },
  { type: 'strike' },
  { type: 'underline' },
  { type: 'subsup', attrs: { type: 'sub' } },
  { type: 'subsup', attrs: { type: 'sup' } },
  { type: 'textColor', attrs: { color: '#ff5630' } },
  { type: 'backgroundColor', attrs: { color: '#fedec8' } },
  { type: 'link', attrs: { href: 'https://example.com/x?a=1&b=2' } },
);

const markSet = fc.uniqueArray(simpleMark, { maxLength: 3, selector: (m) => m.type }).map((marks) => marks);

const textNode: fc.Arbitrary<AdfNode> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(textArb, markSet)
      .map(([text, marks]) => (marks.length ? { type: 'text', text, marks } : { type: 'text', text })),
  },
  { weight: 1, arbitrary: textArb.map((text) => ({ type: 'text', text, marks: [{ type: 'code' }] })) },
);

const inlineAtom: fc.Arbitrary<AdfNode> = fc.oneof(
  fc.constant({ type: 'mention', attrs: { id: '5b10ac8d82e05b22cc7d4ef5', text: '@Jane Doe', accessLevel: '' } }),
  textArb.map((text) => ({
    type: 'status',
    attrs: { text: text.trim() === '' ? 'x' : text, color: 'blue', localId: 'abc' },
  })),
  fc.integer({ min: 0, max: 4102444800000 }).map((ms) => ({ type: 'date', attrs: { timestamp: String(ms) } })),
  fc.constant({ type: 'emoji', attrs: { shortName: ':smile:', id: '1f604', text: '😄' } }),
  fc.constant({ type: 'inlineCard', attrs: { url: 'https://acme.atlassian.net/browse/X-1' } }),
  fc.constant({ type: 'hardBreak' }),
);

/** Inline content: mostly text, some atoms. */
export const inlineArb = fc.array(fc.oneof({ weight: 4, arbitrary: textNode }, { weight: 1, arbitrary: inlineAtom }), {
  minLength: 1,
  maxLength: 6,
});

const paragraph = inlineArb.map((content) => ({ type: 'paragraph', content }));
const heading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), inlineArb)
  .map(([level, content]) => ({ type: 'heading', attrs: { level }, content }));
const codeBlock = fc
  .tuple(
    fc.constantFrom(undefined, 'js', 'python'),
    fc.array(fc.oneof(char, fc.constant('\n'), fc.constant('`')), { maxLength: 30 }),
  )
  .map(([language, cs]) => {
    const text = cs.join('');
    return {
      type: 'codeBlock',
      ...(language ? { attrs: { language } } : {}),
      content: text === '' ? [] : [{ type: 'text', text }],
    };
  });

const listOf = (item: fc.Arbitrary<AdfNode>) => fc.array(item, { minLength: 1, maxLength: 3 });
const { list } = fc.letrec<{ list: AdfNode; item: AdfNode }>((tie) => ({
  list: fc
    .tuple(fc.boolean(), fc.integer({ min: 0, max: 9 }), listOf(tie('item')))
    .map(([ordered, order, content]) =>
      ordered ? { type: 'orderedList', attrs: { order }, content } : { type: 'bulletList', content },
    ),
  item: fc
    .tuple(
      paragraph,
      fc.option(fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('list'), codeBlock), { freq: 3 }),
    )
    .map(([p, extra]) => ({ type: 'listItem', content: extra ? [p, extra] : [p] })),
}));

const taskList = fc.array(fc.tuple(inlineArb, fc.boolean()), { minLength: 1, maxLength: 3 }).map((items) => ({
  type: 'taskList',
  attrs: { localId: 'tl' },
  content: items.map(([content, done], i) => ({
    type: 'taskItem',
    attrs: { localId: `t${i}`, state: done ? 'DONE' : 'TODO' },
    content,
  })),
}));

const cell = (type: string) =>
  fc
    .tuple(
      inlineArb,
      fc.option(fc.constantFrom({ colspan: 2 }, { background: '#deebff' }, { colwidth: [120] }), { freq: 4 }),
    )
    .map(([content, attrs]) => ({ type, ...(attrs ? { attrs } : {}), content: [{ type: 'paragraph', content }] }));
const table = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([rows, cols]) =>
  fc
    .tuple(
      fc.array(cell('tableHeader'), { minLength: cols, maxLength: cols }),
      fc.array(fc.array(cell('tableCell'), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      // As Jira's editor writes tables (defaults), numbered, or wide.
      fc.option(
        fc.constantFrom(
          { isNumberColumnEnabled: false, layout: 'default' },
          { isNumberColumnEnabled: true, layout: 'default' },
          { isNumberColumnEnabled: false, layout: 'wide', localId: 'tb' },
        ),
        { freq: 2 },
      ),
    )
    .map(([head, body, attrs]) => ({
      type: 'table',
      ...(attrs ? { attrs } : {}),
      content: [{ type: 'tableRow', content: head }, ...body.map((content) => ({ type: 'tableRow', content }))],
    })),
);

const simpleBlock = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  heading,
  codeBlock,
  list,
  taskList,
  fc.constant({ type: 'rule' }),
  fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((content) => ({ type: 'blockquote', content })),
);
const panel = fc
  .tuple(
    fc.constantFrom('info', 'note', 'warning', 'error', 'success', 'tip'),
    fc.array(fc.oneof(paragraph, list), { minLength: 1, maxLength: 2 }),
  )
  .map(([panelType, content]) => ({ type: 'panel', attrs: { panelType }, content }));
const expand = fc
  .tuple(textArb, fc.array(simpleBlock, { minLength: 1, maxLength: 2 }))
  .map(([title, content]) => ({ type: 'expand', attrs: { title }, content }));

/** A random ADF document (not always schema-valid: callers filter with the validator). */
export const adfDocArb: fc.Arbitrary<AdfDoc> = fc
  .array(fc.oneof({ weight: 6, arbitrary: simpleBlock }, panel, expand, table), { minLength: 1, maxLength: 6 })
  .map((content) => ({ type: 'doc', version: 1, content }));

const mdLine = fc.oneof(
  textArb,
  textArb.map((t) => `# ${t}`),
  textArb.map((t) => `- ${t}`),
  textArb.map((t) => `1. ${t}`),
  textArb.map((t) => `- [ ] ${t}`),
  textArb.map((t) => `> ${t}`),
  textArb.map((t) => `**${t}** and *${t}*`),
  textArb.map((t) => `[${t}](https://example.com)`),
  textArb.map((t) => '`' + t + '`'),
  fc.constant('```js\nlet x = 1;\n```'),
  fc.constant('| a | b |\n|---|---|\n| 1 | 2 |'),
  fc.constant('---'),
  fc.constant('    indented code'),
  fc.constant('<u>u</u> <sub>s</sub>'),
  fc.constant('⟦status Done⟧ ⟦date 2026-01-31⟧'),
);

/** Random Markdown as a model might write it. */
export const markdownArb = fc
  .array(mdLine, { minLength: 1, maxLength: 8 })
  .chain((lines) =>
    fc
      .array(fc.constantFrom('\n', '\n\n'), { minLength: lines.length, maxLength: lines.length })
      .map((seps) => lines.map((l, i) => l + seps[i]).join('')),
  );
