import { scopesOf } from './spec-scopes.js';
import { startDeskSite, type DeskSite } from './desk-site.js';

// Arguments that succeed on a fresh sandbox, one entry per tool (writes on requests no other row reads).
const CALLS: Record<string, Record<string, unknown>> = {
  servicedesk_check_availability: {},
  servicedesk_list_service_desks: {},
  servicedesk_get_service_desk: { serviceDeskId: 'ITS' },
  servicedesk_list_request_types: { serviceDeskId: '1' },
  servicedesk_get_request_type: { serviceDeskId: '1', requestTypeId: '1' },
  servicedesk_get_request_type_fields: { serviceDeskId: '1', requestTypeId: '1' },
  servicedesk_get_requests: { serviceDeskId: 'ITS', limit: 5 },
  servicedesk_get_request: { issueKey: 'ITS-1' },
  servicedesk_create_request: { serviceDeskId: 'ITS', requestTypeId: '1', summary: 'Error table' },
  servicedesk_add_comment: { issueKey: 'ITS-9', body: 'Looking into it', public: false },
  servicedesk_get_request_comments: { issueKey: 'ITS-1' },
  servicedesk_get_request_status: { issueKey: 'ITS-1' },
  servicedesk_get_request_transitions: { issueKey: 'ITS-1' },
  servicedesk_transition_request: { issueKey: '__new__', transition: 'Cancel request' },
  servicedesk_get_sla: { issueKey: 'ITS-1' },
  servicedesk_search_knowledge_base: { query: 'vpn' },
  servicedesk_get_approvals: { issueKey: 'ITS-19' },
  servicedesk_approve_request: { issueKey: 'ITS-15', decision: 'approve' },
  servicedesk_get_participants: { issueKey: 'ITS-1' },
  servicedesk_add_participants: { issueKey: 'ITS-9', accountIds: ['__alex__'] },
  servicedesk_remove_participants: { issueKey: 'ITS-1', accountIds: ['__tom__'] },
  servicedesk_manage_notifications: { issueKey: 'ITS-1', subscribe: true },
  servicedesk_list_customers: { serviceDeskId: 'ITS' },
  servicedesk_create_customer: { email: 'error.table@partner.example', displayName: 'Error Table' },
  servicedesk_add_customers: { serviceDeskId: 'HR', accountIds: ['__alex__'] },
  servicedesk_list_organizations: {},
  servicedesk_add_organization_customers: { organizationId: '3', accountIds: ['__alex__'] },
  servicedesk_list_queues: { serviceDeskId: 'ITS' },
  servicedesk_get_queue_requests: { serviceDeskId: 'ITS', queueId: '__queue__' },
  servicedesk_list_attachments: { issueKey: 'ITS-1' },
  servicedesk_add_attachment: { issueKey: 'ITS-1', public: false, base64: 'aGk=', filename: 'table.txt' },
  servicedesk_get_feedback: { issueKey: 'ITS-1' },
  servicedesk_get_assets_workspace: {},
  servicedesk_search_assets: { aql: 'objectType = Server' },
  servicedesk_get_asset: { objectId: 'ITAM-15' },
  servicedesk_get_asset_tickets: { objectId: 'ITAM-16' },
  servicedesk_get_request_assets: { issueKey: 'ITS-1' },
  servicedesk_create_asset: { objectType: 'Server', attributes: { Name: 'error-table-01' } },
  servicedesk_update_asset: { objectId: 'ITAM-9', attributes: { Environment: 'Production' } },
};

// Probes on purpose: it reports a failing JSM instead of failing.
const REPORTS_FAILURES = new Set(['servicedesk_check_availability']);
// Answers from the site's desk list once it is cached.
const CACHED = new Set(['servicedesk_list_service_desks']);

describe('every tool: happy path, wrong-typed arguments, and upstream 400/403/404/429', () => {
  let site: DeskSite;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    site = await startDeskSite();
    for (let i = 0; i < 8; i++) {
      const { structured } = await site.ok('servicedesk_create_request', {
        serviceDeskId: 'ITS',
        requestTypeId: '1',
        summary: `Transition target ${i}`,
      });
      ids[`__new__${i}`] = structured.key as string;
    }
    const user = (name: string) => site.sandbox.credentials.users.find((u) => u.displayName === name)!.accountId;
    ids.__alex__ = user('Alex Morgan');
    ids.__tom__ = user('Tom Becker');
    ids.__queue__ = (
      (await site.ok('servicedesk_list_queues', { serviceDeskId: 'ITS' })).structured.queues as Array<{
        id: string;
      }>
    )[0]!.id;
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  let fresh = 0;
  const resolve = (v: unknown): unknown =>
    v === '__new__'
      ? ids[`__new__${fresh++ % 8}`]
      : Array.isArray(v)
        ? v.map(resolve)
        : typeof v === 'string' && v in ids
          ? ids[v]
          : v;
  const args = (tool: string): Record<string, unknown> =>
    Object.fromEntries(Object.entries(CALLS[tool]!).map(([k, v]) => [k, resolve(v)]));

  it('covers every tool the plugin offers', async () => {
    const listed = (await site.mcp.client.listTools()).tools
      .map((t) => t.name)
      .filter((n) => n.startsWith('servicedesk_'));
    expect(listed.filter((n) => !(n in CALLS))).toEqual([]);
  });

  it.each(Object.keys(CALLS))('%s: rejects arguments of the wrong type', async (tool) => {
    const bad = Object.fromEntries(Object.keys(CALLS[tool]!).map((k) => [k, { not: 'valid' }]));
    if (Object.keys(bad).length === 0) return;
    const r = await site.mcp.call(tool, bad);
    expect(r.isError).toBe(true);
    expect(r.text).not.toMatch(/internal/);
  });

  it.each(Object.keys(CALLS))(
    '%s: succeeds on the sandbox, calling only operations its declared scopes cover',
    async (tool) => {
      site.sandbox.requests.clear();
      await site.ok(tool, args(tool));
      const declared = site.mcp.host.registry.tools.find((t) => t.meta.name === tool)!.meta.scopes;
      const called = site.sandbox.requests.map((r) => ({
        call: `${r.method} ${r.route}`,
        scopes: scopesOf(r.method, r.route),
      }));
      if (!CACHED.has(tool)) expect(called.length).toBeGreaterThan(0);
      const uncovered = called.filter(
        (c) => !REPORTS_FAILURES.has(tool) && !(c.scopes ?? ['(not vendored)']).every((s) => declared.includes(s)),
      );
      expect(uncovered).toEqual([]);
    },
  );

  it.each(
    Object.keys(CALLS)
      .filter((t) => !REPORTS_FAILURES.has(t))
      .flatMap((tool) => [
        [tool, 400, 'input'],
        [tool, 403, 'not_allowed'],
        [tool, 404, 'not_found'],
      ]) as Array<[string, number, string]>,
  )('%s: upstream %i → %s', async (tool, status, code) => {
    site.sandbox.faults.set({
      type: 'status',
      status,
      body: { errorMessage: `Injected ${status}`, i18nErrorMessage: { i18nKey: 'sd.injected', parameters: [] } },
    });
    const r = await site.mcp.call(tool, args(tool));
    if (CACHED.has(tool) && !r.isError) return;
    expect(r.isError).toBe(true);
    expect(r.text).toContain(`Error (${code})`);
    expect(r.text).toContain(`Injected ${status}`);
  });

  // Last: a 429 that outlasts the wait ceiling pauses the endpoint in core's limiter, as it should.
  it.each(Object.keys(CALLS).filter((t) => !REPORTS_FAILURES.has(t) && !CACHED.has(t)))(
    '%s: upstream 429 → rate_limited',
    async (tool) => {
      site.sandbox.faults.set({ type: 'rateLimit', retryAfter: 60 });
      const r = await site.mcp.call(tool, args(tool));
      expect(r.isError).toBe(true);
      expect(r.text).toContain('Error (rate_limited)');
    },
  );
});
