import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { parseMarkdown, parseMicromark } from '../../src/content/markdown-dialect.js';
import { parseFast } from '../../src/content/markdown-fast-parse.js';
import { RichText } from '../../src/content/index.js';
import { corpusNames, readCorpus } from './corpus.js';

/*
 * The fast parser (markdown-it's tokens made into mdast) must give exactly the tree micromark
 * gives — node for node, with the same block positions — or hand the block to micromark. Text,
 * table rows and cells carry no positions in its trees (nothing reads them), so they are
 * compared without.
 */
const { tests: SPEC } = require('commonmark-spec') as { tests: { markdown: string; number: number }[] };
const rt = new RichText();

function comparable(node: Node, inText = false): unknown {
  const { position, ...rest } = node as Node & { children?: Node[]; checked?: unknown };
  // micromark's task extension marks the root for a check outside any list; nothing reads it.
  if (node.type === 'root') delete rest.checked;
  const out: Record<string, unknown> = { ...rest };
  if (!inText) out.position = position;
  const below = inText || node.type === 'paragraph' || node.type === 'heading' || node.type === 'table';
  if (Array.isArray(rest.children)) out.children = rest.children.map((child) => comparable(child, below));
  return out;
}

function expectSameTree(markdown: string): void {
  expect(comparable(parseMarkdown(markdown))).toEqual(comparable(parseMicromark(markdown)));
}

/** How much of `markdown` the fast parser hands to micromark (characters). */
function micromarkShare(markdown: string): number {
  let read = 0;
  parseFast(markdown, (text): Root => {
    read += text.length;
    return parseMicromark(text);
  });
  return read / markdown.length;
}

const GFM_AND_DIALECT = [
  '| a | b |\n|:--|--:|\n| `x\\|y` | **z** |\n| c |\n',
  '| a |\n| - |\n| 1 | 2 | 3 |\n',
  'text\n| a | b |\n| - | - |\n',
  '| a | b |\n| - | - |\ntext after\n',
  '- [ ] open\n- [x] done\n- [X] also\n- [ ]\n- [ ]  two spaces\n',
  '- [x] `code` first\n- [ ] ⟦@Jane Doe⟧ write it\n',
  '~~gone~~ and ~one~ and ~~~three~~~ and ~4k req/s\n',
  '*~*a and ~~*b*~~\n',
  'www.example.com, https://a.b/c?d=e. and a@b.co and <a@b.co> and <https://x.y>\n',
  '[link](https://a.b "title") and ![img *alt*](i.png) and [![x](a.png)](b)\n',
  'See [x] and [x][] and [y][x].\n\n[x]: https://example.com\n',
  'A note[^1].\n\n[^1]: The note.\n',
  'Text\n[^1]: not interrupting?\n\nUse [^1].\n',
  '⟦status:green Done⟧ ⟦date 2026-01-31⟧ ⟦@Jane Doe⟧ ⟦unclosed and ⟧ stray\n',
  '⟦panel info⟧\n\nBody\n\n⟦/panel⟧\n',
  '**Expected:** ok, **Total**, a**b, _snake_case_, <__& _x__, 5*3*2\n',
  '&amp; &copy; &bogus; &#35; &#x27E6;not⟧\n',
  '<details>\n<summary>T</summary>\n\nBody\n\n</details>\n',
  '<kbd>Ctrl</kbd>+<kbd>C</kbd><br>x\n',
  '- a\n\n  b\n- c\n\n\n- d\n',
  '1. one\n2. two\n\n10) ten\n',
  '> quote\n> - list\n>\n> ```\n> code\n> ```\n',
  '> lazy\ncontinued\n',
  '- item\n  ```js title\n  code\n  ```\n- next\n',
  '    indented\n- after\n',
  'Windows\r\nline\tendings\r\n',
  '```\nunclosed\n',
];

describe('the fast Markdown parser', () => {
  test.each(SPEC.map((t) => [t.number, t.markdown.replace(/→/g, '\t')] as const))(
    'CommonMark spec example %i gives micromark’s tree',
    (_number, markdown) => expectSameTree(markdown),
  );

  test.each(GFM_AND_DIALECT)('GFM and placeholders: %j', (markdown) => expectSameTree(markdown));

  test('every fixture, and every fixture document read as Markdown, gives micromark’s tree', () => {
    for (const kind of ['markdown', 'adf', 'storage'] as const) {
      for (const name of corpusNames(kind, '.md')) expectSameTree(readCorpus(kind, name + '.md'));
    }
    for (const name of corpusNames('adf', '.json'))
      expectSameTree(rt.adfToMarkdown(JSON.parse(readCorpus('adf', name + '.json')) as never));
    for (const name of corpusNames('storage', '.xhtml'))
      expectSameTree(rt.storageToMarkdown(readCorpus('storage', name + '.xhtml')));
  });

  test('random documents give micromark’s tree', () => {
    const inline = fc.array(fc.constantFrom(...INLINE), { maxLength: 14 }).map((pieces) => pieces.join(''));
    const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '     ');
    const block = fc.oneof(
      inline,
      inline.map((t) => '# ' + t),
      inline.map((t) => '### ' + t + ' ##'),
      fc.tuple(indent, fc.constantFrom(...MARKERS), inline).map(([i, m, t]) => i + m + t),
      fc
        .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'js title', 'a&amp;'), inline)
        .map(([fence, info, text]) => `${fence}${info}\n${text}\n${fence}`),
      fc.constantFrom(...BLOCKS),
      fc.tuple(inline, inline).map(([a, b]) => `| ${a} | ${b} |\n| --- | --- |\n| ${b} |`),
    );
    const document = fc
      .array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n\n', '\n  ', '\n> ')), { maxLength: 8 })
      .map((parts) => parts.map(([b, sep]) => b + sep).join(''));
    fc.assert(
      fc.property(document, (markdown) => expectSameTree(markdown)),
      { numRuns: 1500 },
    );
  });

  test('reads most of what models write itself: micromark gets under a quarter of the authored corpus, built to hold every odd case', () => {
    const authored = corpusNames('markdown', '.md').filter((name) => /^\d+-[^.]+$/.test(name));
    const text = authored.map((name) => readCorpus('markdown', name + '.md')).join('\n\n');
    expect(micromarkShare(text)).toBeLessThan(0.25);
    expect(micromarkShare('# Plan\n\n- **Ship** it: `npm ci`\n- [docs](https://a.b)\n\n> Note\n')).toBe(0);
  });
});

const INLINE = [
  'word',
  'two words',
  ' ',
  '  ',
  '*',
  '**',
  '_',
  '__',
  '`',
  '``',
  '[',
  ']',
  '](',
  '](/u)',
  '](/u "t")',
  ')',
  '(',
  '~',
  '~~',
  '~~~',
  '\\',
  '\\*',
  '&amp;',
  '&copy;',
  '&#35;',
  '&bogus;',
  '<',
  '>',
  '<b>',
  '</b>',
  '<https://a.b/c>',
  '<a@b.co>',
  'http://x.y',
  'www.a.b',
  'a@b.co',
  '⟦status x⟧',
  '⟦@Jane Doe⟧',
  '⟦',
  '⟧',
  '|',
  '!',
  '![',
  '“',
  '—',
  '😀',
  '\u00a0',
  '©',
  '→',
  '✅',
  '⟦x⟧',
  'é',
  '.',
  ',',
  ':',
  '#',
  '  \n',
  '\n',
  '\\\n',
  '[ ]',
  '[x]',
  '[^1]',
  '1.',
  '-',
  '+',
  '>',
  '=',
];

const MARKERS = ['- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] ', '> ', '>> ', '> - ', '- > ', '- - ', '10. '];

const BLOCKS = [
  '```\nopen',
  '---',
  '***',
  '___',
  '===',
  '<div>',
  '</div>',
  '<!-- c -->',
  '<pre>',
  '[a]: /u',
  '[a]',
  '[^1]: note',
  '| a | b |\n|---|:-:|\n| c | d |',
  '| a |\n| - |\n| c | d |',
  'a | b\n--|--',
  '|x|\n|-|',
  '\t- tab',
  '    indented',
  '- a\n  - b\n    - c',
  '1. a\n   ```\n   code\n   ```',
];
