import { createTestHarness } from '@atlassian-mcp/core/testing';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';

// A file of its own: a second MCP server built from the same plugin value in one module registry.
describe('confluence tool schemas, every toolset', () => {
  it('snapshots every opt-in tool too (all toolsets, destructive allowed)', async () => {
    const h = await createTestHarness({
      plugins: [confluencePlugin],
      config: { auth: { store: 'memory' }, toolsets: ['confluence:all'], allowDestructive: true },
    });
    const { tools } = await h.client.listTools();
    await h.close();
    const confluence = tools.filter((t) => t.name.startsWith('confluence_'));
    expect(confluence.map((t) => t.name).sort()).toMatchSnapshot('names');
    const destructive = confluence
      .filter((t) => t.annotations?.destructiveHint)
      .map((t) => t.name)
      .sort();
    expect(destructive).toMatchSnapshot('destructive');
    expect(confluence).toMatchSnapshot();
  });
});
