import { createTestHarness } from '@atlassian-mcp/core/testing';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import serviceDeskPlugin from '@atlassian-mcp/plugin-service-desk';
import notesPlugin from '@acme/atlassian-mcp-plugin-notes';

// Static guards over every tool every plugin contributes (with every toolset on).
describe('tool guards', () => {
  it('every tool has a valid name, a bounded description, an explicit readOnly and declared scopes', async () => {
    const h = await createTestHarness({
      plugins: [jiraPlugin, confluencePlugin, serviceDeskPlugin, notesPlugin],
      config: { toolsets: ['all'], allowDestructive: true },
    });
    const entries = h.host.registry.tools;
    const listed = (await h.client.listTools()).tools;
    await h.close();
    expect(entries.length).toBeGreaterThan(20);
    // API-token mode: everything but the OAuth sign-in tool is offered.
    expect(listed.map((t) => t.name).sort()).toEqual(
      entries
        .filter((e) => e.pluginId !== 'core')
        .map((e) => e.meta.name)
        .sort(),
    );
    const problems: string[] = [];
    for (const { meta, pluginId } of entries) {
      const prefix = pluginId === 'core' ? '' : `${pluginId === 'service-desk' ? 'servicedesk' : pluginId}_`;
      if (!/^[a-z0-9_]{1,64}$/.test(meta.name)) problems.push(`${meta.name}: bad name`);
      if (!meta.name.startsWith(prefix)) problems.push(`${meta.name}: missing prefix ${prefix}`);
      if (typeof meta.readOnly !== 'boolean') problems.push(`${meta.name}: readOnly not set`);
      if (meta.destructive && meta.readOnly) problems.push(`${meta.name}: destructive but readOnly`);
      if (!Array.isArray(meta.scopes)) problems.push(`${meta.name}: scopes not declared`);
      if (!meta.readOnly && ['jira', 'confluence', 'service-desk'].includes(pluginId) && meta.scopes.length === 0)
        problems.push(`${meta.name}: a write tool without scopes`);
      if (meta.description.length < 10 || meta.description.length > 400)
        problems.push(`${meta.name}: description of ${meta.description.length} chars (10..400)`);
      if (!meta.title) problems.push(`${meta.name}: no title`);
      if (!meta.toolset) problems.push(`${meta.name}: no toolset`);
    }
    expect(problems).toEqual([]);
  });
});
