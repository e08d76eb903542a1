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

  it('offers triage and stand-up prompts', async () => {
    const { prompts } = await site.mcp.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(expect.arrayContaining(['jira_triage', 'jira_standup']));
    const triage = await site.mcp.client.getPrompt({ name: 'jira_triage', arguments: { project: 'OPS' } });
    expect((triage.messages[0]!.content as { text: string }).text).toContain('project = "OPS" AND assignee IS EMPTY');
    const completed = await site.mcp.client.complete({
      ref: { type: 'ref/prompt', name: 'jira_triage' },
      argument: { name: 'project', value: 'o' },
    });
    expect(completed.completion.values).toEqual(['OPS']);
    const standup = await site.mcp.client.getPrompt({ name: 'jira_standup', arguments: { days: '3' } });
    expect((standup.messages[0]!.content as { text: string }).text).toContain('updated >= -3d');
  });
});
