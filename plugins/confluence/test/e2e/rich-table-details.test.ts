import { startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// `<details>` in a Markdown table cell, written as a Confluence page: storage holds an expand macro
// in a cell, so the cell gets one (the ADF side is plugins/jira/test/e2e/natural-markdown.test.ts).
describe('confluence: <details> in a table cell', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite({ inProcess: true });
  });
  afterAll(() => site?.close());

  it('becomes an expand macro inside that cell, and reads back as the cell it is', async () => {
    const { structured } = await site.ok('confluence_create_page', {
      spaceKey: 'ENG',
      title: 'Release 2.6 checks',
      body: '| Check | Result |\n| - | - |\n| Smoke | Passed <details><summary>Run log</summary>3 retries, then green</details> |',
    });
    const body = site.sandbox.site.confluence.contents.get(structured.id as string)!.body;
    expect(body).toMatch(
      /<td><p>Passed<\/p><ac:structured-macro ac:name="expand"[^>]*><ac:parameter ac:name="title">Run log<\/ac:parameter><ac:rich-text-body><p>3 retries, then green<\/p><\/ac:rich-text-body><\/ac:structured-macro><\/td>/,
    );
    expect(body).not.toMatch(/&lt;\/?(details|summary)/);
    const read = await site.ok('confluence_get_page', { pageId: structured.id });
    expect(read.text).toContain('| Smoke | Passed<br>⟦');
  });
});
