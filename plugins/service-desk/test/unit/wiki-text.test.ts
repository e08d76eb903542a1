import { RichText } from '@atlassian-mcp/core/host';
import { adfToWiki } from '../../src/text/adf-to-wiki.js';
import { wikiToMarkdown } from '../../src/text/wiki-to-markdown.js';

const content = new RichText();
const wiki = (markdown: string) => adfToWiki(content.markdownToAdf(markdown));

describe('Markdown → wiki markup (what the servicedeskapi stores)', () => {
  it.each([
    ['plain text', 'Hello there', 'Hello there'],
    ['strong, emphasis, strike, code', '**a** *b* ~~c~~ `d`', '*a* _b_ -c- {{d}}'],
    ['links', 'see [docs](https://example.com/x)', 'see [docs|https://example.com/x]'],
    ['headings', '## Steps', 'h2. Steps'],
    ['nested lists', '- one\n  - two\n1. first', '* one\n** two\n\n# first'],
    ['code blocks', '```sh\nls -la\n```', '{code:sh}\nls -la\n{code}'],
    ['quotes', '> careful', '{quote}\ncareful\n{quote}'],
    ['tables', '| a | b |\n|---|---|\n| 1 | 2 |', '||a||b||\n|1|2|'],
    ['rules', 'a\n\n---\n\nb', 'a\n\n----\n\nb'],
    [
      'characters that would open markup are escaped',
      'snake_case and 2*3 and {x}',
      'snake\\_case and 2\\*3 and \\{x\\}',
    ],
  ])('%s', (_name, markdown, expected) => {
    expect(wiki(markdown)).toEqual({ text: expected, notCarried: [] });
  });

  it('names what it cannot carry', () => {
    expect(wiki('![p](https://example.com/p.png)\n\n- [ ] todo').notCarried).toEqual([
      'images and files (use the attachments tools)',
      'task checkboxes (items kept as a list)',
    ]);
  });
});

describe('wiki markup → Markdown (what the model reads)', () => {
  it.each([
    ['strong, emphasis, strike, monospace', '*a* _b_ -c- {{d}}', '**a** *b* ~~c~~ `d`'],
    [
      'links and bare links',
      '[docs|https://example.com/x] [https://example.com/y]',
      '[docs](https://example.com/x) <https://example.com/y>',
    ],
    ['mentions', 'thanks [~accountid:5b10ac8d]', 'thanks @[5b10ac8d]'],
    ['headings and lists', 'h3. Steps\n* one\n** two\n# first', '### Steps\n- one\n  - two\n1. first'],
    [
      'code and noformat blocks keep their content verbatim',
      '{code:java}\nint *a* = 1;\n{code}',
      '```java\nint *a* = 1;\n```',
    ],
    ['quotes', '{quote}\ncareful\n{quote}\nbq. short', '> careful\n> short'],
    ['tables', '||a||b||\n|1|2|', '| a | b |\n| --- | --- |\n| 1 | 2 |'],
    ['escapes', 'snake\\_case and 2\\*3', 'snake\\_case and 2\\*3'],
    ['hyphenated words and dates stay', 'a well-known 2026-10-20 fix - done', 'a well-known 2026-10-20 fix - done'],
    ['colour is dropped, its text kept', '{color:red}urgent{color}', 'urgent'],
  ])('%s', (_name, input, expected) => {
    expect(wikiToMarkdown(input)).toBe(expected);
  });

  it('round-trips what it writes', () => {
    const md = '## Fix\n\n**Restart** the `vpn` client, see [KB](https://example.com/kb).\n\n- one\n- two';
    expect(wikiToMarkdown(wiki(md).text)).toBe(
      '## Fix\n\n**Restart** the `vpn` client, see [KB](https://example.com/kb).\n\n- one\n- two',
    );
  });
});
