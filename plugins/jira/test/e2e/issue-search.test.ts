import { startJiraSite, type JiraSite } from './jira-site.js';

describe('jira_search (JQL via /search/jql)', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  it('returns compact rows (key | status | assignee | summary) and pages with an opaque cursor until the end', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { text, structured } = await site.ok('jira_search', {
        jql: 'project = NOVA ORDER BY key ASC',
        limit: 10,
        ...(cursor && { cursor }),
      });
      const issues = structured.issues as Array<{ key: string; summary: string; status?: string }>;
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) {
        expect(i.key).toMatch(/^NOVA-\d+$/);
        expect(text).toContain(`${i.key} | ${i.status}`);
      }
      expect(text).not.toMatch(/avatar|self|https?:\/\/|null/i);
      seen.push(...issues.map((i) => i.key));
      cursor = structured.nextCursor as string | undefined;
      if (cursor) expect(text).toContain(`cursor="${cursor}"`);
      pages += 1;
    } while (cursor && pages < 50);
    const all = await site.rest<{ issues: Array<{ key: string }> }>(
      '/rest/api/3/search/jql?jql=project%20%3D%20NOVA&maxResults=5000&fields=summary',
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.issues.map((i) => i.key).sort());
    expect(pages).toBeGreaterThan(1);
  });

  it('projects extra columns by field name (custom fields included)', async () => {
    const { structured, text } = await site.ok('jira_search', {
      jql: 'project = NOVA AND "Story Points" IS NOT EMPTY',
      fields: ['Story Points', 'priority'],
      limit: 3,
    });
    const rows = structured.issues as Array<{ key: string; fields?: Record<string, string> }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.fields?.['Story Points']).toMatch(/^\d+(\.\d+)?$/);
      expect(text).toContain(`Story Points: ${row.fields?.['Story Points']}`);
    }
  });

  it('shows date-time columns in the compact form the other tools use, not raw Jira timestamps', async () => {
    const { structured, text } = await site.ok('jira_search', {
      jql: 'project = NOVA ORDER BY key ASC',
      fields: ['created', 'updated', 'duedate'],
      limit: 5,
    });
    const rows = structured.issues as Array<{ key: string; fields?: Record<string, string> }>;
    const raw = await site.rest<{ fields: { created: string } }>(`/rest/api/3/issue/${rows[0]!.key}?fields=created`);
    expect(raw.fields.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
    for (const row of rows) {
      expect(row.fields?.Created).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z$/);
      expect(row.fields?.Updated).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}Z$/);
    }
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}/);
  });

  it('says when nothing matches', async () => {
    const { text, structured } = await site.ok('jira_search', { jql: 'project = NOVA AND summary ~ "zzqxnothingzz"' });
    expect(structured.issues).toEqual([]);
    expect(text).toBe('No issues match.');
  });

  it("answers bad JQL with Jira's message and a hint", async () => {
    const text = await site.fails('jira_search', { jql: 'project = NOVA AND status = In Progress' });
    expect(text).toMatch(/^Error \(input\): JQL error: /);
    expect(text).toContain('Quote values with spaces');
  });

  it('names an unknown projection field and suggests similar ones', async () => {
    const text = await site.fails('jira_search', { jql: 'project = NOVA', fields: ['Story Pointz'] });
    expect(text).toContain("Unknown field 'Story Pointz'");
    expect(text).toContain('Story Points');
  });

  it('rejects invalid arguments and a cursor from another query', async () => {
    const r = await site.mcp.call('jira_search', { jql: 42 });
    expect(r.isError).toBe(true);
    const first = await site.ok('jira_search', { jql: 'project = NOVA ORDER BY key ASC', limit: 2 });
    const text = await site.fails('jira_search', { jql: 'project = OPS', cursor: first.structured.nextCursor });
    expect(text).toContain('belongs to another query');
    expect(await site.fails('jira_search', { jql: 'project = OPS', cursor: 'garbage!' })).toContain(
      'cursor is not valid',
    );
  });

  it.each([
    [403, 'not_allowed'],
    [404, 'not_found'],
    [500, 'upstream'],
  ])('maps an upstream %i to a %s error', async (status, code) => {
    site.sandbox.faults.set({
      type: 'status',
      status,
      match: { path: '/rest/api/3/search/jql' },
      body: { errorMessages: ['Injected failure'], errors: {} },
    });
    const text = await site.fails('jira_search', { jql: 'project = NOVA' });
    expect(text).toContain(`Error (${code})`);
  });

  it('reports a rate limit that outlasts the wait ceiling as rate_limited with a retry time', async () => {
    site.sandbox.faults.set({ type: 'rateLimit', retryAfter: 60, match: { path: '/rest/api/3/search/jql' } });
    const text = await site.fails('jira_search', { jql: 'project = NOVA' });
    expect(text).toContain('Error (rate_limited)');
  });
});
