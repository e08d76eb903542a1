import { startJiraSite, type JiraSite } from './jira-site.js';

describe('jira resources and prompts', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['default'] });
  });
  afterAll(() => site.close());

  it('lists issue and project resources and reads them as compact Markdown', async () => {
    const { resources } = await site.mcp.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toEqual(expect.arrayContaining(['jira://project/NOVA', 'jira://project/OPS', 'jira://project/MKT']));
    expect(uris.some((u) => /^jira:\/\/issue\/[A-Z]+-\d+$/.test(u))).toBe(true);
    const issue = await site.mcp.client.readResource({ uri: 'jira://issue/NOVA-1' });
    const raw = await site.rest<{ fields: { summary: string } }>('/rest/api/3/issue/NOVA-1?fields=summary');
    expect((issue.contents[0] as { text: string }).text).toContain(`# ${raw.fields.summary}`);
    const project = await site.mcp.client.readResource({ uri: 'jira://project/NOVA' });
    expect((project.contents[0] as { text: string }).text).toContain('# NOVA · Nova Mobile App');
  });

  it('answers a read of a missing issue with a mapped error, a next step and a reference (issue 12)', async () => {
    const error = await site.mcp.client.readResource({ uri: 'jira://issue/NOPE-1' }).then(
      () => undefined,
      (e: { code?: number; message: string }) => e,
    );
    expect(error?.code).toBe(-32602);
    expect(error?.message).toMatch(/Error \(not_found\): Issue NOPE-1 not found.*\nNext: .+\nReference: [0-9a-f]{12}/s);
  });

  it('completes project and issue keys', async () => {
    const projects = await site.mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'jira://project/{key}' },
      argument: { name: 'key', value: 'N' },
    });
    expect(projects.completion.values).toEqual(['NOVA']);
    const issues = await site.mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'jira://issue/{key}' },
      argument: { name: 'key', value: 'OPS-1' },
    });
    expect(issues.completion.values.length).toBeGreaterThan(0);
    expect(issues.completion.values.every((v) => v.startsWith('OPS-1'))).toBe(true);
    const prefix = await site.mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'jira://issue/{key}' },
      argument: { name: 'key', value: 'm' },
    });
    expect(prefix.completion.values).toEqual(['MKT-']);
  });

  it('reads a sprint by id or name, and completes sprint names and ids', async () => {
    const text = async (uri: string) =>
      ((await site.mcp.client.readResource({ uri })).contents[0] as { text: string }).text;
    const byId = await text('jira://sprint/5');
    expect(byId).toMatch(/^# NOVA Sprint 25 \(sprint 5\)\nactive · \d{4}-\d\d-\d\d \d\d:\d\dZ → [^\n]+ · board 1\n/);
    const agile = await site.rest<{ total: number }>('/rest/agile/1.0/sprint/5/issue?maxResults=0');
    expect(byId).toContain(`issues: ${agile.total} — `);
    // The same sprint by name (fence ids differ per answer).
    const unfenced = (t: string) => t.replace(/untrusted \w{6}/g, 'untrusted');
    expect(unfenced(await text('jira://sprint/nova%20sprint%2025'))).toBe(unfenced(byId));
    expect(byId).toMatch(/<untrusted (\w{6}) goal>\n[^\n]+\n<\/untrusted \1>/);
    await expect(site.mcp.client.readResource({ uri: 'jira://sprint/Sprint%2099' })).rejects.toThrow(
      /No sprint is named "Sprint 99"[\s\S]*NOVA Sprint 25 \(5\)/,
    );
    const complete = async (value: string) =>
      (
        await site.mcp.client.complete({
          ref: { type: 'ref/resource', uri: 'jira://sprint/{id}' },
          argument: { name: 'id', value },
        })
      ).completion.values;
    expect((await complete('NOVA Sprint 2')).slice(0, 3)).toEqual([
      'NOVA Sprint 25',
      'NOVA Sprint 26',
      'NOVA Sprint 27',
    ]);
    expect(await complete('7')).toEqual(['7']);
  });

  it('reads a person by name, email or account id, and completes people by name', async () => {
    const text = async (uri: string) =>
      ((await site.mcp.client.readResource({ uri })).contents[0] as { text: string }).text;
    const diego = site.sandbox.credentials.users.find((u) => u.displayName === 'Diego Alvarez')!;
    const byName = await text('jira://user/Diego%20Alvarez');
    expect(byName).toMatch(new RegExp(`^# Diego Alvarez\naccount ${diego.accountId} · active`));
    expect(await text(`jira://user/${encodeURIComponent(diego.email)}`)).toBe(byName);
    expect(await text(`jira://user/${encodeURIComponent(diego.accountId)}`)).toBe(byName);
    const complete = async (value: string) =>
      (
        await site.mcp.client.complete({
          ref: { type: 'ref/resource', uri: 'jira://user/{name}' },
          argument: { name: 'name', value },
        })
      ).completion.values;
    expect(await complete('alv')).toEqual(['Diego Alvarez']);
    expect(await complete('')).toEqual([]);
  });

  it('has no prompts of its own: stand-up and triage are the standup and triage-issue skills', async () => {
    const { prompts } = await site.mcp.client.listPrompts();
    const names = prompts.map((p) => p.name);
    expect(names.filter((n) => n.startsWith('jira_'))).toEqual([]);
    expect(names.filter((n) => /standup/.test(n))).toEqual(['standup']);
    expect(names.filter((n) => /triage/.test(n))).toEqual(['triage-issue']);
  });
});
