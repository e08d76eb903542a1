import { startJiraSite, type JiraSite } from './jira-site.js';

describe('agile toolset', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['jira:agile', 'jira:issues'] });
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  it('lists boards and their sprints', async () => {
    const boards = await site.ok('jira_list_boards', { project: 'NOVA' });
    expect(boards.structured.boards).toEqual([expect.objectContaining({ id: 1, name: 'NOVA board', type: 'scrum' })]);
    const sprints = await site.ok('jira_list_sprints', { boardId: 1 });
    const states = (sprints.structured.sprints as Array<{ state: string }>).map((s) => s.state);
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'active' || s === 'future')).toBe(true);
    const closed = await site.ok('jira_list_sprints', { boardId: 1, state: ['closed'] });
    expect((closed.structured.sprints as Array<{ state: string }>).every((s) => s.state === 'closed')).toBe(true);
    expect(closed.text).toMatch(/\d+ sprints$/);
  });

  it('creates, updates, starts and closes a sprint; refuses to start it twice', async () => {
    const active = (
      (await site.ok('jira_list_sprints', { boardId: 1, state: ['active'] })).structured.sprints as Array<{
        id: number;
      }>
    )[0];
    if (active) await site.ok('jira_close_sprint', { sprintId: active.id });
    const created = await site.ok('jira_create_sprint', { boardId: 1, name: 'Hardening sprint', goal: 'Fix crashes' });
    const id = created.structured.id as number;
    expect(created.structured).toMatchObject({ name: 'Hardening sprint', state: 'future', goal: 'Fix crashes' });
    await site.ok('jira_update_sprint', { sprintId: id, goal: 'Fix all crashes' });
    const started = await site.ok('jira_start_sprint', { sprintId: id });
    expect(started.structured).toMatchObject({ state: 'active', goal: 'Fix all crashes' });
    expect(await site.fails('jira_start_sprint', { sprintId: id })).toContain('only a future sprint can start');
    const closed = await site.ok('jira_close_sprint', { sprintId: id });
    expect(closed.structured.state).toBe('closed');
    const raw = await site.rest<{ state: string }>(`/rest/agile/1.0/sprint/${id}`);
    expect(raw.state).toBe('closed');
  });

  it('moves issues into a sprint and back to the backlog, and lists sprint/backlog issues', async () => {
    const sprint = await site.ok('jira_create_sprint', { boardId: 1, name: 'Move target' });
    const id = sprint.structured.id as number;
    const key = (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Story', summary: 'Movable story' }))
      .structured.key as string;
    await site.ok('jira_move_issues', { issues: [key], sprintId: id });
    const inSprint = await site.ok('jira_list_agile_issues', { sprintId: id });
    expect((inSprint.structured.issues as Array<{ key: string }>).map((i) => i.key)).toContain(key);
    await site.ok('jira_move_issues', { issues: [key] });
    const after = await site.ok('jira_list_agile_issues', { sprintId: id });
    expect((after.structured.issues as Array<{ key: string }>).map((i) => i.key)).not.toContain(key);
    const backlog = await site.ok('jira_list_agile_issues', { boardId: 1, backlog: true, limit: 100 });
    expect((backlog.structured.issues as unknown[]).length).toBeGreaterThan(0);
  });

  it('sets Sprint by name on create (open sprints only) and says which sprints are open otherwise', async () => {
    const sprint = await site.ok('jira_create_sprint', { boardId: 1, name: 'Named sprint' });
    const key = (
      await site.ok('jira_create_issue', {
        project: 'NOVA',
        type: 'Story',
        summary: 'Sprint by name',
        fields: { Sprint: 'Named sprint' },
      })
    ).structured.key as string;
    const raw = await site.rest<{ fields: { customfield_10020: Array<{ id: number }> } }>(
      `/rest/api/3/issue/${key}?fields=customfield_10020`,
    );
    expect(raw.fields.customfield_10020.map((s) => s.id)).toContain(sprint.structured.id);
    const text = await site.fails('jira_create_issue', {
      project: 'NOVA',
      type: 'Story',
      summary: 'x',
      fields: { Sprint: 'No such sprint' },
    });
    expect(text).toContain('Sprint "No such sprint" is not an open sprint of NOVA');
    expect(text).toContain('Named sprint (future)');
  });

  it('ranks issues and lists epics', async () => {
    const a = (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Story', summary: 'Rank A' })).structured
      .key as string;
    const b = (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Story', summary: 'Rank B' })).structured
      .key as string;
    const order = async () =>
      (
        await site.rest<{ issues: Array<{ key: string }> }>(
          `/rest/api/3/search/jql?jql=${encodeURIComponent(`key in (${a}, ${b}) ORDER BY Rank ASC`)}&fields=summary`,
        )
      ).issues.map((i) => i.key);
    expect(await order()).toEqual([a, b]);
    await site.ok('jira_rank_issues', { issues: [b], before: a });
    expect(await order()).toEqual([b, a]);
    expect(await site.fails('jira_rank_issues', { issues: [b] })).toContain('exactly one of `before` or `after`');
    const epics = await site.ok('jira_list_epics', { boardId: 1 });
    expect((epics.structured.epics as Array<{ key: string }>).every((e) => /^NOVA-\d+$/.test(e.key))).toBe(true);
  });

  it('maps an upstream 404 for a missing board', async () => {
    expect(await site.fails('jira_list_sprints', { boardId: 999 })).toContain('Error (not_found)');
  });
});
