import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

const DEFAULT_TOOLS = [
  'jira_add_comment',
  'jira_add_worklog',
  'jira_assign_issue',
  'jira_create_issue',
  'jira_edit_comment',
  'jira_get_create_fields',
  'jira_get_current_user',
  'jira_get_issue',
  'jira_get_project',
  'jira_list_comments',
  'jira_list_projects',
  'jira_list_worklogs',
  'jira_search',
  'jira_search_fields',
  'jira_search_users',
  'jira_transition_issue',
  'jira_update_issue',
];

/** What the plugin itself contributes: the listing minus core's annotations and `$schema` stamps. */
function pluginPart(tool: Record<string, unknown>): unknown {
  const { annotations: _annotations, ...rest } = tool;
  return JSON.parse(JSON.stringify(rest, (key, value) => (key === '$schema' ? undefined : value)));
}

describe('jira tool schemas', () => {
  let h: TestHarness;
  beforeAll(async () => {
    h = await createTestHarness({ plugins: [jiraPlugin], config: { auth: { store: 'memory' } } });
  });
  afterAll(() => h?.close());

  it('offers the default toolsets (issues, context, worklogs) and matches the snapshot', async () => {
    const { tools } = await h.client.listTools();
    const jira = tools.filter((t) => t.name.startsWith('jira_'));
    expect(jira.map((t) => t.name).sort()).toEqual(DEFAULT_TOOLS);
    expect(jira).toMatchSnapshot();
  });

  it("keeps the default tools/list within budget: ≤ 2,500 o200k tokens in all, the plugin's own part ≤ 120 per tool", async () => {
    const { tools } = await h.client.listTools();
    const jira = tools.filter((t) => t.name.startsWith('jira_'));
    expect(encode(JSON.stringify(jira)).length).toBeLessThanOrEqual(2500);
    const own = encode(JSON.stringify(jira.map((t) => pluginPart(t as Record<string, unknown>)))).length;
    expect(own / jira.length).toBeLessThanOrEqual(120);
  });

  it('annotates every tool: title, read-only hint, output schema; writes are not read-only', async () => {
    const { tools } = await h.client.listTools();
    for (const t of tools.filter((x) => x.name.startsWith('jira_'))) {
      expect(t.title).toBeTruthy();
      expect(t.outputSchema).toBeDefined();
      const write = /^jira_(add|assign|create|edit|transition|update)_/.test(t.name);
      expect(t.annotations?.readOnlyHint).toBe(!write);
    }
  });
});
