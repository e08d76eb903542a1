import { startDeskSite, type DeskSite } from './desk-site.js';

type Json = Record<string, unknown>;

// allow.projects names Jira projects; a service desk is one. The plugin declares what each call
// names (desk, request, article); core resolves it to its project before the handler runs, without
// requesting a forbidden target; lists are filtered.
describe('the project allowlist applies to desks and requests', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite({ allowProjects: ['HR'] });
  });
  afterAll(() => site.close());

  const writes = () => site.sandbox.requests.filter((r) => r.method !== 'GET');

  it('lists only allowed desks, request types and requests', async () => {
    expect((await site.ok('servicedesk_list_service_desks')).structured.desks).toEqual([
      { id: '2', key: 'HR', name: 'HR Service Desk' },
    ]);
    const types = (await site.ok('servicedesk_list_request_types')).structured.requestTypes as Json[];
    expect(types.length).toBeGreaterThan(0);
    expect(types.every((t) => t.desk === 'HR')).toBe(true);
    const requests = await site.ok('servicedesk_get_requests', { limit: 50 });
    const rows = requests.structured.requests as Json[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => String(r.key).startsWith('HR-'))).toBe(true);
    expect(requests.text).toMatch(/outside the project allowlist not shown/);
  });

  it('refuses a desk outside it, by id or key, before any write', async () => {
    site.sandbox.requests.clear();
    for (const serviceDeskId of ['1', 'ITS']) {
      const text = await site.fails('servicedesk_create_request', {
        serviceDeskId,
        requestTypeId: '1',
        summary: 'Outside',
      });
      expect(text).toMatch(
        /Error \(not_allowed\): desk (1|ITS) is outside the configured allowlist \(allow\.projects\)/,
      );
    }
    expect(await site.fails('servicedesk_get_request_type_fields', { serviceDeskId: '1', requestTypeId: '1' })).toMatch(
      /not_allowed/,
    );
    expect(writes()).toHaveLength(0);
  });

  it('refuses a request outside it, by key and by numeric id, without ever requesting it', async () => {
    const id = site.sandbox.site.jira.issuesByKey.get('ITS-1')!.id;
    site.sandbox.requests.clear();
    expect(await site.fails('servicedesk_get_request', { issueKey: 'ITS-1' })).toMatch(/not_allowed/);
    const byId = await site.fails('servicedesk_add_comment', { issueKey: id, body: 'x', public: false });
    expect(byId).toMatch(/Error \(not_allowed\): request \d+ is outside the configured allowlist/);
    expect(await site.fails('servicedesk_get_sla', { issueKey: id })).toMatch(/not_allowed/);
    await expect(site.mcp.client.readResource({ uri: 'servicedesk://request/ITS-1' })).rejects.toThrow(/allowlist/);
    expect(writes()).toHaveLength(0);
    const touched = [...site.sandbox.requests.values()].map((r) => decodeURIComponent(r.path));
    expect(touched.filter((p) => p.includes('ITS-1') || p.split('/').includes(id))).toEqual([]);
    // Allowed ones work as usual.
    const hr = site.sandbox.site.jira.issuesByKey.get('HR-1')!.id;
    expect((await site.ok('servicedesk_get_request', { issueKey: hr })).structured.key).toBe('HR-1');
  });

  it('searches only the allowed desks’ knowledge bases', async () => {
    expect((await site.ok('servicedesk_search_knowledge_base', { query: 'vpn' })).text).toBe('No articles match.');
    const hr = await site.ok('servicedesk_search_knowledge_base', { query: 'leave' });
    expect((hr.structured.articles as Json[]).length).toBeGreaterThan(0);
    expect((hr.structured.articles as Json[]).every((a) => a.space === 'HRKB')).toBe(true);
  });

  it('reads only the articles an allowed desk’s search returned', async () => {
    const hr = await site.ok('servicedesk_search_knowledge_base', { query: 'leave' });
    const seen = (hr.structured.articles as Json[])[0]!.id as string;
    site.sandbox.requests.clear();
    await expect(site.mcp.client.readResource({ uri: 'servicedesk://kb/424242' })).rejects.toThrow(/allowlist/);
    expect([...site.sandbox.requests.values()].filter((r) => r.path.includes('424242'))).toEqual([]);
    // The allowlist passes the one the search returned: its Confluence page.
    const read = await site.mcp.client.readResource({ uri: `servicedesk://kb/${seen}` });
    expect((read.contents[0] as { text: string }).text).toMatch(/^# How to request time off\n/);
  });

  it('completes article ids from the allowed desks only', async () => {
    const complete = async (value: string) =>
      (
        await site.mcp.client.complete({
          ref: { type: 'ref/resource', uri: 'servicedesk://kb/{articleId}' },
          argument: { name: 'articleId', value },
        })
      ).completion.values;
    expect(await complete('vpn')).toEqual([]);
    const leave = await complete('leave');
    expect(leave.length).toBeGreaterThan(0);
    const hr = new Set(site.sandbox.site.jsm.knowledgeBase.articles('2').map((a) => a.id));
    expect(leave.every((id) => hr.has(id))).toBe(true);
  });
});
