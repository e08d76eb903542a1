import { startJiraSite, type JiraSite } from './jira-site.js';

describe('project allowlist', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['default'], allowProjects: ['NOVA'] });
  });
  afterAll(() => site.close());

  it('keeps JQL search inside the allowed projects, whatever the query says', async () => {
    const { structured } = await site.ok('jira_search', {
      jql: 'project = OPS OR project = NOVA ORDER BY key ASC',
      limit: 100,
    });
    const keys = (structured.issues as Array<{ key: string }>).map((i) => i.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('NOVA-'))).toBe(true);
    expect((await site.ok('jira_search', { jql: 'project = OPS' })).structured.issues).toEqual([]);
  });

  it('lists, completes and reads only allowed projects and issues as resources', async () => {
    const { structured } = await site.ok('jira_list_projects');
    expect((structured.projects as Array<{ key: string }>).map((p) => p.key)).toEqual(['NOVA']);
    const { resources } = await site.mcp.client.listResources();
    expect(resources.map((r) => r.uri).filter((u) => u.startsWith('jira://project/'))).toEqual(['jira://project/NOVA']);
    expect(
      resources.filter((r) => r.uri.startsWith('jira://issue/')).every((r) => r.uri.startsWith('jira://issue/NOVA-')),
    ).toBe(true);
    const done = await site.mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'jira://project/{key}' },
      argument: { name: 'key', value: '' },
    });
    expect(done.completion.values).toEqual(['NOVA']);
    await expect(site.mcp.client.readResource({ uri: 'jira://issue/OPS-1' })).rejects.toThrow(/allowlist/);
  });

  it('refuses direct calls on issues and projects outside it', async () => {
    expect(await site.fails('jira_get_issue', { issueKey: 'OPS-1' })).toContain('allowlist');
    expect(await site.fails('jira_create_issue', { project: 'MKT', summary: 'x' })).toContain('allowlist');
  });
});
