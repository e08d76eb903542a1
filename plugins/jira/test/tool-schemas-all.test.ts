import { createTestHarness } from '@atlassian-mcp/core/testing';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// A file of its own: a second MCP server built from the same plugin value in one module registry
// currently fails in core (completable() redefines a property on the shared prompt-args schema).
describe('jira tool schemas, every toolset', () => {
  it('snapshots every opt-in tool too (all toolsets, destructive allowed)', async () => {
    const h = await createTestHarness({
      plugins: [jiraPlugin],
      config: { auth: { store: 'memory' }, toolsets: ['jira:all'], allowDestructive: true },
    });
    const { tools } = await h.client.listTools();
    await h.close();
    const jira = tools.filter((t) => t.name.startsWith('jira_'));
    expect(jira).toHaveLength(48);
    const destructive = jira
      .filter((t) => t.annotations?.destructiveHint)
      .map((t) => t.name)
      .sort();
    expect(destructive).toEqual([
      'jira_delete_attachment',
      'jira_delete_comment',
      'jira_delete_issue',
      'jira_delete_worklog',
    ]);
    expect(jira).toMatchSnapshot();
  });
});
