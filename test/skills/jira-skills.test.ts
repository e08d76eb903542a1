// Each Jira skill's procedure followed step by step by a script (no LLM) with the tools and
// arguments the rendered prompt names — the JQL and literal values come from the skill text —
// against the sandbox; then the end state is checked.
import { startSkillAgent, type SkillAgent } from './support/skill-agent';

type Issue = { key: string; summary: string; status: string; assignee?: string };
type Change = { at: string; by: string; changes: string[] };
type Worklog = { id: string; author: string; started: string; timeSpent: string; comment?: string };

const withKey = (args: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v === 'KEY' ? key : v]));
const since = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 16).replace('T', ' ');
const blockers = (text: string) =>
  [...text.matchAll(/is blocked by ([A-Z]+-\d+) \[([^\]]+)\]/g)].filter((m) => m[2] !== 'Done').map((m) => m[1]!);

describe('Jira skills, followed by a scripted agent against the sandbox', () => {
  let agent: SkillAgent;
  beforeEach(async () => {
    agent = await startSkillAgent();
  });
  afterEach(() => agent.close());

  it('log-work: reads the issue, then logs exactly the time and note given, once', async () => {
    const completion = await agent.host.client.complete({
      ref: { type: 'ref/prompt', name: 'log-work' },
      argument: { name: 'issue', value: 'NOVA-9' },
    });
    expect(completion.completion.values).toContain('NOVA-9');
    await agent.prompt('log-work', { issue: 'NOVA-9', time: '1h 30m', note: 'Paired on the conflict dialog' });
    const before = await agent.host.rest<{ worklogs: unknown[] }>('/rest/api/3/issue/NOVA-9/worklog');
    const read = await agent.step('jira_get_issue', agent.literal('jira_get_issue'));
    expect(read.structured.summary).toMatch(/sync conflicts/);
    const logged = await agent.step('jira_add_worklog', agent.literal('jira_add_worklog'));
    expect(logged.structured).toMatchObject({ author: 'Maya Chen', timeSpent: '1h 30m' });
    const after = await agent.host.rest<{
      worklogs: {
        timeSpentSeconds: number;
        author: { emailAddress?: string; displayName: string };
        comment: unknown;
      }[];
    }>('/rest/api/3/issue/NOVA-9/worklog');
    expect(after.worklogs.length).toBe(before.worklogs.length + 1);
    const added = after.worklogs.at(-1)!;
    expect(added.timeSpentSeconds).toBe(5400);
    expect(added.author.displayName).toBe('Maya Chen');
    expect(JSON.stringify(added.comment)).toContain('Paired on the conflict dialog');
    expect(agent.unused()).toEqual([]);
  });

  it('standup: Done is what I finished in the period, with my time; Doing is in rank order; Blocked names the blocker', async () => {
    // The user's day, done before the stand-up (not part of the skill).
    await agent.host.ok('jira_transition_issue', { issueKey: 'NOVA-58', to: 'Done' });
    await agent.host.ok('jira_add_worklog', { issueKey: 'NOVA-58', timeSpent: '2h', comment: 'Dashboards' });
    await agent.host.ok('jira_add_worklog', { issueKey: 'NOVA-9', timeSpent: '30m' });
    await agent.host.ok('jira_link_issues', { issueKey: 'NOVA-9', type: 'is blocked by', otherKey: 'NOVA-14' });

    await agent.prompt('standup', { days: '1' });
    const me = (await agent.step('jira_get_current_user')).structured.name as string;
    const done = (await agent.step('jira_search', agent.literal('jira_search', 0))).structured.issues as Issue[];
    const worked = (await agent.step('jira_search', agent.literal('jira_search', 1))).structured.issues as Issue[];
    const from = since(1);
    const minutes: Record<string, number> = {};
    for (const issue of [...done, ...worked].slice(0, 15)) {
      const logs = (
        (await agent.step('jira_list_worklogs', withKey(agent.literal('jira_list_worklogs'), issue.key))).structured
          .worklogs as Worklog[]
      ).filter((w) => w.author === me && w.started >= from);
      for (const w of logs)
        for (const [, n, u] of w.timeSpent.matchAll(/(\d+)([hm])/g))
          minutes[issue.key] = (minutes[issue.key] ?? 0) + Number(n) * (u === 'h' ? 60 : 1);
    }
    const next = (await agent.step('jira_search', agent.literal('jira_search', 2))).structured.issues as Issue[];
    const blocked: Record<string, string[]> = {};
    for (const issue of [...worked, ...next].filter((i) => i.status !== 'Done' && i.status !== 'To Do')) {
      const read = await agent.step('jira_get_issue', withKey(agent.literal('jira_get_issue'), issue.key));
      if (blockers(read.text).length > 0) blocked[issue.key] = blockers(read.text);
    }

    expect(done.map((i) => i.key)).toEqual(['NOVA-58']);
    expect(worked.map((i) => i.key)).toContain('NOVA-9');
    expect(worked.every((i) => i.status !== 'Done' && i.assignee === me)).toBe(true);
    expect(next.map((i) => i.key)).toContain('NOVA-9');
    expect(next.every((i) => i.assignee === me && i.status !== 'Done')).toBe(true);
    expect(blocked['NOVA-9']).toEqual(expect.arrayContaining(['NOVA-14']));
    expect(minutes).toEqual({ 'NOVA-58': 120, 'NOVA-9': 30 });
    expect(agent.unused()).toEqual([]);
  });

  it('status-report: every section comes from the JQL the report shows, and blocked issues name their blocker', async () => {
    await agent.host.ok('jira_link_issues', { issueKey: 'NOVA-12', type: 'is blocked by', otherKey: 'NOVA-15' });
    const text = await agent.prompt('status-report', { project: 'NOVA', epic: 'NOVA-1', days: '30' });
    expect(text).toContain('parent = NOVA-1');
    await agent.step('jira_get_project', agent.literal('jira_get_project'));
    const epic = await agent.step('jira_get_issue', agent.literal('jira_get_issue', 0));
    expect(epic.structured.key).toBe('NOVA-1');
    const sections: Record<string, Issue[]> = {};
    for (const [i, name] of ['done', 'progress', 'risk'].entries()) {
      const args = agent.literal('jira_search', i);
      // "pass its `cursor` until you have them all"
      sections[name] = (await agent.pages('jira_search', args, 'issues')) as Issue[];
      // What the report shows is what the site says for that JQL.
      const direct = await agent.host.rest<{ issues: { key: string; fields: { parent?: { key: string } } }[] }>(
        `/rest/api/3/search/jql?jql=${encodeURIComponent(String(args.jql))}&fields=parent&maxResults=100`,
      );
      expect(sections[name]!.map((x) => x.key).sort()).toEqual(direct.issues.map((x) => x.key).sort());
      expect(direct.issues.every((x) => x.fields.parent?.key === 'NOVA-1')).toBe(true);
    }
    expect(sections.progress!.map((x) => x.key)).toContain('NOVA-12');
    expect(sections.done!.every((x) => x.status === 'Done')).toBe(true);
    const blocked: Record<string, string[]> = {};
    for (const issue of [...sections.progress!, ...sections.risk!]) {
      const read = await agent.step('jira_get_issue', withKey(agent.literal('jira_get_issue', 1), issue.key));
      if (blockers(read.text).length > 0) blocked[issue.key] = blockers(read.text);
    }
    expect(blocked['NOVA-12']).toEqual(['NOVA-15']);
    expect(agent.unused()).toEqual([]);
  });

  it('triage-issue: finds the duplicate, proposes valid values, and changes nothing until told yes', async () => {
    const dup = await agent.host.ok('jira_create_issue', {
      project: 'OPS',
      type: 'Bug',
      summary: 'Payments service spans missing from traces after sampling change',
      fields: { Severity: 'Sev 3 - Minor' },
    });
    const key = String(dup.structured.key);
    await agent.prompt('triage-issue', { issue: key });
    const read = await agent.step('jira_get_issue', agent.literal('jira_get_issue', 0));
    const { project, type } = read.structured as { project: string; type: string };
    const search = agent.literal('jira_search');
    const jql = String(search.jql).replace('PROJECT', project).replace('WORDS', 'payments spans');
    const candidates = (await agent.step('jira_search', { ...search, jql })).structured.issues as Issue[];
    expect(candidates.map((c) => c.key)).toContain('OPS-14');
    expect(candidates.map((c) => c.key)).not.toContain(key);
    await agent.step('jira_get_issue', { ...agent.literal('jira_get_issue', 1), issueKey: 'OPS-14' });
    const fields = (
      await agent.step('jira_get_create_fields', { ...agent.literal('jira_get_create_fields'), project, type })
    ).structured.fields as { name: string; allowed?: string[] }[];
    const priorities = fields.find((f) => f.name === 'Priority')!.allowed!;
    const components = fields.find((f) => f.name === 'Components')!.allowed!;
    expect(priorities).toContain('High');
    expect(components).toContain('Observability');
    const users = (await agent.step('jira_search_users', { ...agent.literal('jira_search_users'), query: 'Diego' }))
      .structured.users as { email: string }[];
    // The proposal is made; until the user says yes nothing on the site has changed.
    const untouched = await agent.host.rest<{ fields: { priority: { name: string }; assignee: unknown } }>(
      `/rest/api/3/issue/${key}?fields=priority,assignee`,
    );
    expect(untouched.fields.assignee).toBeNull();
    // "Yes": apply the agreed values.
    await agent.step('jira_update_issue', {
      issueKey: key,
      fields: { Priority: 'High', Components: ['Observability'], Labels: { add: ['triaged'] } },
    });
    await agent.step('jira_assign_issue', { issueKey: key, assignee: users[0]!.email });
    await agent.step('jira_link_issues', { ...agent.literal('jira_link_issues'), otherKey: 'OPS-14' });
    await agent.step('jira_add_comment', { issueKey: key, body: 'Triaged: High, Observability; duplicate of OPS-14.' });
    const after = await agent.host.rest<{
      fields: {
        priority: { name: string };
        components: { name: string }[];
        labels: string[];
        assignee: { displayName: string };
        issuelinks: { type: { name: string }; outwardIssue?: { key: string }; inwardIssue?: { key: string } }[];
        status: { name: string };
      };
    }>(`/rest/api/3/issue/${key}?fields=priority,components,labels,assignee,issuelinks,status`);
    expect(after.fields.priority.name).toBe('High');
    expect(after.fields.components.map((c) => c.name)).toEqual(['Observability']);
    expect(after.fields.labels).toContain('triaged');
    expect(after.fields.assignee.displayName).toBe('Diego Alvarez');
    expect(
      after.fields.issuelinks.some(
        (l) => l.type.name === 'Duplicate' && (l.outwardIssue?.key === 'OPS-14' || l.inwardIssue?.key === 'OPS-14'),
      ),
    ).toBe(true);
    expect(after.fields.status.name).not.toMatch(/Done|Closed/);
    expect(agent.unused()).toEqual([]);
  });

  it('sprint-review: the active sprint split into completed and carry-over, with issues added after the start', async () => {
    const future = (await agent.host.ok('jira_list_agile_issues', { sprintId: 6, limit: 1 })).structured
      .issues as Issue[];
    const late = future[0]!.key;
    await agent.host.ok('jira_move_issues', { issues: [late], sprintId: 5 });
    await agent.prompt('sprint-review', { project: 'NOVA' });
    const boards = (await agent.step('jira_list_boards', agent.literal('jira_list_boards'))).structured.boards as {
      id: number;
      type: string;
    }[];
    const board = boards.find((b) => b.type === 'scrum')!;
    const sprints = (
      await agent.step('jira_list_sprints', { ...agent.literal('jira_list_sprints', 0), boardId: board.id })
    ).structured.sprints as { id: number; name: string; start: string; goal?: string }[];
    expect(sprints).toHaveLength(1);
    const sprint = sprints[0]!;
    const args = { ...agent.literal('jira_list_agile_issues'), sprintId: sprint.id };
    const issues = (await agent.pages('jira_list_agile_issues', args, 'issues')) as Issue[];
    // Paging is followed: a smaller page gives the same issues.
    expect(await agent.pages('jira_list_agile_issues', { ...args, limit: 3 }, 'issues')).toEqual(issues);
    const direct = await agent.host.rest<{ total: number }>(`/rest/agile/1.0/sprint/${sprint.id}/issue?maxResults=0`);
    expect(issues).toHaveLength(direct.total);
    const completed = issues.filter((i) => i.status === 'Done').map((i) => i.key);
    const carry = issues.filter((i) => i.status !== 'Done').map((i) => i.key);
    expect(completed.length).toBeGreaterThan(0);
    expect(carry).toContain(late);
    const added: string[] = [];
    for (const issue of issues) {
      const history = (await agent.step('jira_get_changelog', withKey(agent.literal('jira_get_changelog'), issue.key)))
        .structured.history as Change[];
      if (history.some((c) => c.at > sprint.start && c.changes.some((x) => /^Sprint: .*→.*NOVA Sprint 25/.test(x))))
        added.push(issue.key);
    }
    expect(added).toEqual([late]);
    expect(agent.unused()).toEqual([]);
  });
});
