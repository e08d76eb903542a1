import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';

const DEFAULT_TOOLS = [
  'confluence_add_comment',
  'confluence_create_page',
  'confluence_get_page',
  'confluence_get_page_children',
  'confluence_get_page_comments',
  'confluence_list_spaces',
  'confluence_search',
  'confluence_update_comment',
  'confluence_update_page',
];

describe('confluence tool schemas', () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await createTestHarness({ plugins: [confluencePlugin], config: { auth: { store: 'memory' } } });
  });
  afterAll(() => h?.close());

  it('offers the default toolsets (pages, comments) and matches the snapshot', async () => {
    const { tools } = await h.client.listTools();
    const confluence = tools.filter((t) => t.name.startsWith('confluence_'));
    expect(confluence.map((t) => t.name).sort()).toEqual(DEFAULT_TOOLS);
    expect(confluence).toMatchSnapshot();
  });

  it('keeps the default tools/list within budget: ≤ 1,300 o200k tokens', async () => {
    const { tools } = await h.client.listTools();
    const confluence = tools.filter((t) => t.name.startsWith('confluence_'));
    expect(encode(JSON.stringify(confluence)).length).toBeLessThanOrEqual(1300);
  });

  it('annotates every tool: title, read-only hint, output schema; writes are not read-only', async () => {
    const { tools } = await h.client.listTools();
    for (const t of tools.filter((x) => x.name.startsWith('confluence_'))) {
      expect(t.title).toBeTruthy();
      expect(t.outputSchema).toBeDefined();
      const write = /^confluence_(add|create|update)_/.test(t.name);
      expect(t.annotations?.readOnlyHint).toBe(!write);
    }
  });
});
