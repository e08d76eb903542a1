import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import serviceDeskPlugin from '@atlassian-mcp/plugin-service-desk';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

const DEFAULT_TOOLS = [
  'servicedesk_add_comment',
  'servicedesk_create_request',
  'servicedesk_get_request',
  'servicedesk_get_request_type_fields',
  'servicedesk_get_requests',
  'servicedesk_get_sla',
  'servicedesk_list_request_types',
  'servicedesk_list_service_desks',
  'servicedesk_search_knowledge_base',
  'servicedesk_transition_request',
];

describe('service desk tool schemas', () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await createTestHarness({ plugins: [serviceDeskPlugin], config: { auth: { store: 'memory' } } });
  });
  afterAll(() => h?.close());

  const listed = async () => (await h.client.listTools()).tools.filter((t) => t.name.startsWith('servicedesk_'));

  it('offers the default toolset (requests) and matches the snapshot', async () => {
    const tools = await listed();
    expect(tools.map((t) => t.name).sort()).toEqual(DEFAULT_TOOLS);
    expect(tools).toMatchSnapshot();
  });

  it('keeps the default tools/list within budget: ≤ 1,300 o200k tokens', async () => {
    const tools = await listed();
    const tokens = encode(JSON.stringify(tools)).length;
    expect(tokens).toBeLessThanOrEqual(1300);
  });

  it('keeps the three plugins’ defaults together within budget: ≤ 4,500 o200k tokens', async () => {
    const all = await createTestHarness({
      plugins: [jiraPlugin, confluencePlugin, serviceDeskPlugin],
      config: { auth: { store: 'memory' } },
    });
    try {
      const tools = (await all.client.listTools()).tools.filter((t) => /^(jira|confluence|servicedesk)_/.test(t.name));
      expect(tools.some((t) => t.name.startsWith('confluence_'))).toBe(true);
      // Each tool is paid for on its own in a tools/list answer: measured as the bench does, per tool.
      const tokens = tools.reduce((sum, t) => sum + encode(JSON.stringify(t)).length, 0);
      expect(tokens).toBeLessThanOrEqual(4500);
    } finally {
      await all.close();
    }
  });

  it('says who sees a comment in the schema: `public` is required and names the customer', async () => {
    const add = (await listed()).find((t) => t.name === 'servicedesk_add_comment')!;
    const schema = add.inputSchema as { required: string[]; properties: Record<string, { description?: string }> };
    expect(schema.required).toEqual(expect.arrayContaining(['issueKey', 'body', 'public']));
    expect(schema.properties.public!.description).toMatch(/customer/);
  });
});
