import { startJiraSite, type JiraSite } from './jira-site.js';

describe('context and worklog tools', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  it('jira_get_current_user: who the server acts as', async () => {
    const { structured, text } = await site.ok('jira_get_current_user');
    expect(structured).toMatchObject({ accountId: site.sandbox.credentials.accountId, name: 'Maya Chen' });
    expect(text).toContain('Maya Chen');
  });

  it('jira_search_users: by name or email, and assignable users of a project', async () => {
    const byEmail = await site.ok('jira_search_users', { query: 'priya.raman@nimbus-works.example' });
    expect((byEmail.structured.users as Array<{ name: string }>).map((u) => u.name)).toEqual(['Priya Raman']);
    const assignable = await site.ok('jira_search_users', { project: 'NOVA' });
    expect((assignable.structured.users as unknown[]).length).toBeGreaterThan(1);
    expect(await site.fails('jira_search_users', {})).toContain('Pass a query, a project or an issueKey');
    const forIssue = await site.ok('jira_search_users', { issueKey: 'NOVA-1', query: 'Jonas' });
    expect((forIssue.structured.users as Array<{ name: string }>).map((u) => u.name)).toEqual(['Jonas Weber']);
  });

  it('jira_list_projects and jira_get_project', async () => {
    const { structured } = await site.ok('jira_list_projects');
    // The sandbox site also has the service projects ITS and HR (Jira Service Management).
    expect((structured.projects as Array<{ key: string }>).map((p) => p.key).sort()).toEqual([
      'HR',
      'ITS',
      'MKT',
      'NOVA',
      'OPS',
    ]);
    const nova = await site.ok('jira_get_project', { projectKey: 'NOVA' });
    expect(nova.structured).toMatchObject({ key: 'NOVA', name: 'Nova Mobile App', lead: 'Maya Chen' });
    expect(nova.structured.components).toEqual(expect.arrayContaining(['iOS', 'Backend API']));
    expect(nova.structured.issueTypes).toEqual(expect.arrayContaining(['Bug', 'Story']));
    expect(nova.text).toContain('2.5.0');
    expect(await site.fails('jira_get_project', { projectKey: 'NOPE' })).toContain('Error (not_found)');
  });

  it('jira_get_create_fields: issue types, then required fields with allowed values', async () => {
    const types = await site.ok('jira_get_create_fields', { project: 'NOVA' });
    expect(types.structured.issueTypes).toEqual(expect.arrayContaining(['Bug', 'Task']));
    const bug = await site.ok('jira_get_create_fields', { project: 'NOVA', type: 'bug' });
    const fields = bug.structured.fields as Array<{ name: string; required?: boolean; allowed?: string[] }>;
    expect(fields.find((f) => f.name === 'Severity')).toMatchObject({
      required: true,
      allowed: expect.arrayContaining(['Sev 1 - Critical']),
    });
    expect(fields.map((f) => f.name)).not.toEqual(expect.arrayContaining(['Summary']));
    expect(fields.map((f) => f.name)).not.toContain('Project');
    const all = await site.ok('jira_get_create_fields', { project: 'NOVA', type: 'Bug', all: true });
    expect((all.structured.fields as unknown[]).length).toBeGreaterThan(fields.length);
    expect(await site.fails('jira_get_create_fields', { project: 'NOVA', type: 'Saga' })).toContain(
      "Issue type 'Saga' does not exist",
    );
  });

  it('jira_search_fields: custom fields by name', async () => {
    const { structured } = await site.ok('jira_search_fields', { query: 'story' });
    expect(structured.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Story Points', id: 'customfield_10016' })]),
    );
  });

  it('jira_add_worklog: "1h 30m" with a Markdown comment, and the estimate adjusted', async () => {
    const key = (
      await site.ok('jira_create_issue', {
        project: 'NOVA',
        type: 'Task',
        summary: 'Worklog target',
        fields: { 'Time tracking': '4h' },
      })
    ).structured.key as string;
    const { text, structured } = await site.ok('jira_add_worklog', {
      issueKey: key,
      timeSpent: '1h 30m',
      comment: 'Paired on **auth**',
      started: '2026-11-20T09:00:00Z',
    });
    expect(text).toContain('Logged 1h 30m');
    const raw = await site.rest<{
      worklogs: Array<{ id: string; timeSpentSeconds: number; comment: { type: string } }>;
    }>(`/rest/api/3/issue/${key}/worklog`);
    expect(raw.worklogs).toHaveLength(1);
    expect(raw.worklogs[0]).toMatchObject({ id: structured.id, timeSpentSeconds: 5400 });
    expect(raw.worklogs[0]!.comment.type).toBe('doc');
    await site.ok('jira_add_worklog', { issueKey: key, timeSpent: '30m', remaining: '1h' });
    const tt = await site.rest<{ fields: { timetracking: { remainingEstimate?: string } } }>(
      `/rest/api/3/issue/${key}?fields=timetracking`,
    );
    expect(tt.fields.timetracking.remainingEstimate).toBe('1h');
    const listed = await site.ok('jira_list_worklogs', { issueKey: key });
    expect(listed.structured.total).toBe(2);
    expect(listed.text).toContain('Paired on **auth**');
  });

  it('jira_add_worklog: rejects an unreadable duration before calling Jira', async () => {
    expect(await site.fails('jira_add_worklog', { issueKey: 'NOVA-1', timeSpent: 'a while' })).toContain(
      'Cannot read duration "a while"',
    );
  });

  it('maps a 429 storm on worklogs to rate_limited', async () => {
    site.sandbox.faults.set({ type: 'rateLimit', retryAfter: 60, match: { path: '/rest/api/3/issue/' } });
    expect(await site.fails('jira_list_worklogs', { issueKey: 'NOVA-1' })).toContain('Error (rate_limited)');
  });
});
