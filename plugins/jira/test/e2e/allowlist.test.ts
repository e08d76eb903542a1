import { startJiraSite, type JiraSite } from './jira-site.js';

describe('project allowlist', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['default'], allowProjects: ['NOVA'] });
  });
  afterAll(() => site.close());

  it('keeps JQL search inside the allowed projects, whatever the query says', async () => {
    const { structured } = await site.ok('jira_search', { jql: 'project = OPS OR project = NOVA ORDER BY key ASC', limit: 100 });
    const keys = (structured.issues as Array<{ key: string }>).map((i) => i.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('NOVA-'))).toBe(true);
    expect((await site.ok('jira_search', { jql: 'project = OPS' })).structured.issues).toEqual([]);
  });

  it('refuses direct calls on issues and projects outside it', async () => {
    expect(await site.fails('jira_get_issue', { issueKey: 'OPS-1' })).toContain('allowlist');
    expect(await site.fails('jira_create_issue', { project: 'MKT', summary: 'x' })).toContain('allowlist');
  });
});
