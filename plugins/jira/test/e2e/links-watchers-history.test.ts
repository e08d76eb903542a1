import { startJiraSite, type JiraSite } from './jira-site.js';

type RawIssue = { key: string; fields: Record<string, any> };

describe('links, watchers and history toolsets', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['jira:links', 'jira:watchers', 'jira:history', 'jira:issues'] });
  });
  afterAll(() => site.close());

  async function newTask(summary: string): Promise<string> {
    return (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Task', summary })).structured.key as string;
  }

  it('links issues by phrase, shows the link on both sides, and removes it', async () => {
    const [a, b] = [await newTask('Blocker'), await newTask('Blocked')];
    const { text } = await site.ok('jira_link_issues', { issueKey: a, type: 'blocks', otherKey: b });
    expect(text).toBe(`Linked: ${a} blocks ${b}`);
    const fromA = await site.ok('jira_get_issue', { issueKey: a });
    expect(fromA.structured.links).toEqual([expect.objectContaining({ relation: 'blocks', key: b })]);
    const fromB = await site.ok('jira_get_issue', { issueKey: b });
    expect(fromB.structured.links).toEqual([expect.objectContaining({ relation: 'is blocked by', key: a })]);
    await site.ok('jira_remove_link', { issueKey: b, otherKey: a });
    expect((await site.rest<RawIssue>(`/rest/api/3/issue/${a}?fields=issuelinks`)).fields.issuelinks).toEqual([]);
    expect(await site.fails('jira_remove_link', { issueKey: a, otherKey: b })).toContain(`has no link to ${b}`);
  });

  it('answers an unknown link type with the known ones', async () => {
    const text = await site.fails('jira_link_issues', { issueKey: 'NOVA-1', type: 'haunts', otherKey: 'NOVA-2' });
    expect(text).toContain('Unknown link type "haunts"');
    expect(text).toContain('Blocks (blocks / is blocked by)');
    const types = await site.ok('jira_list_link_types');
    expect((types.structured.types as Array<{ name: string }>).map((t) => t.name)).toEqual(
      expect.arrayContaining(['Blocks', 'Duplicate']),
    );
  });

  it('adds and lists web links', async () => {
    const key = await newTask('Web link target');
    await site.ok('jira_add_web_link', {
      issueKey: key,
      url: 'https://status.example.com/incident/42',
      title: 'Status page',
    });
    const { structured } = await site.ok('jira_list_web_links', { issueKey: key });
    expect(structured.links).toEqual([
      expect.objectContaining({ title: 'Status page', url: 'https://status.example.com/incident/42' }),
    ]);
    expect((await site.mcp.call('jira_add_web_link', { issueKey: key, url: 'not a url', title: 'x' })).isError).toBe(
      true,
    );
  });

  it('adds, lists and removes watchers', async () => {
    const key = await newTask('Watch target');
    await site.ok('jira_add_watcher', { issueKey: key, user: 'Lena Novak' });
    const listed = await site.ok('jira_list_watchers', { issueKey: key });
    expect(listed.structured.watchers).toEqual(expect.arrayContaining(['Lena Novak']));
    await site.ok('jira_remove_watcher', { issueKey: key, user: 'lena.novak@nimbus-works.example' });
    const raw = await site.rest<{ watchers: Array<{ displayName: string }> }>(`/rest/api/3/issue/${key}/watchers`);
    expect(raw.watchers.map((w) => w.displayName)).not.toContain('Lena Novak');
  });

  it('shows the change history of an issue', async () => {
    const key = await newTask('History target');
    await site.ok('jira_update_issue', { issueKey: key, summary: 'History target (renamed)' });
    const { text, structured } = await site.ok('jira_get_changelog', { issueKey: key });
    const history = structured.history as Array<{ changes: string[] }>;
    expect(history.flatMap((h) => h.changes)).toEqual(
      expect.arrayContaining([expect.stringContaining('summary: History target → History target (renamed)')]),
    );
    expect(text).toContain('Maya Chen');
  });
});
