import { startJiraSite, type JiraSite } from './jira-site.js';

// Issue 11 finding 9: errors are mapped, bounded and never raw.
describe('error results', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['jira:all'] });
  });
  afterAll(() => site.close());

  it('a project query with no match is an empty page, not an internal error', async () => {
    const { text, structured } = await site.ok('jira_list_projects', { query: 'zzzz' });
    expect(structured.projects).toEqual([]);
    expect(text).toMatch(/No projects\./);
  });

  it('a huge issue key does not come back in a huge error', async () => {
    const r = await site.mcp.call('jira_get_issue', { issueKey: `NOVA-${'1'.repeat(1024 * 1024)}` });
    expect(r.isError).toBe(true);
    expect(r.text.length).toBeLessThan(2000);
    expect(r.text).not.toMatch(/internal/);
  });

  it('bulk results carry mapped errors, never a raw exception message', async () => {
    // A defect in the workflow code for the first issue only (an unexpected TypeError).
    const bulk = site.mcp.host.registry.tools.find((t) => t.meta.name === 'jira_bulk_transition')!;
    const workflow = (bulk.provider as unknown as { workflow: { transition: (...a: unknown[]) => Promise<unknown> } })
      .workflow;
    const spy = jest
      .spyOn(workflow, 'transition')
      .mockRejectedValueOnce(new TypeError('transitions.find is not a function: secret-internal-detail'));
    try {
      const r = await site.ok('jira_bulk_transition', { issueKeys: ['NOVA-2', 'NOPE-5'], to: 'In Progress' });
      const results = r.structured.results as Array<{ key: string; error?: string }>;
      expect(results[0]!.error).toMatch(/^Error \(internal\): .*reference [0-9a-f]{12}/);
      expect(results[1]!.error).toMatch(/^Error \(not_found\): .*Next: /);
      expect(JSON.stringify(r)).not.toMatch(/is not a function|secret-internal-detail/);
    } finally {
      spy.mockRestore();
    }
  });
});
