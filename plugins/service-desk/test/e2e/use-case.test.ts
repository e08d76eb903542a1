import { customerEmail, startDeskSite, type DeskSite } from './desk-site.js';

type Json = Record<string, unknown>;

// The seed's service-request use case, end to end through a real MCP client: find the right desk
// and request type, raise a request with its required fields on behalf of a customer, add an
// internal note and a public reply, check the SLA, approve, resolve, answer from the knowledge base.
describe('the service-request use case', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite({ capabilities: { elicitation: { form: {} } } });
    site.mcp.client.setRequestHandler('elicitation/create', (async () => ({
      action: 'accept',
      content: { confirm: true },
    })) as never);
  });
  afterAll(() => site.close());

  const alexPortal = (key: string) =>
    site.rest<{ values: Array<{ body: string; public: boolean }> }>(
      `/rest/servicedeskapi/request/${key}/comment?start=0&limit=50`,
      customerEmail(site.sandbox, 'Alex Morgan'),
    );

  it('runs from finding the desk to answering from the knowledge base', async () => {
    const desks = (await site.ok('servicedesk_list_service_desks', { query: 'it' })).structured.desks as Json[];
    const desk = desks.find((d) => d.key === 'ITS')!;
    const types = (await site.ok('servicedesk_list_request_types', { serviceDeskId: desk.id, query: 'hardware' }))
      .structured.requestTypes as Json[];
    const type = types.find((t) => t.name === 'Request new hardware')!;

    const fields = await site.ok('servicedesk_get_request_type_fields', {
      serviceDeskId: desk.id,
      requestTypeId: type.id,
    });
    expect(fields.text).toMatch(/\* Hardware type \(customfield_10062, one value\): .*Laptop/);
    const missing = await site.fails('servicedesk_create_request', {
      serviceDeskId: desk.id,
      requestTypeId: type.id,
      summary: 'Laptop for the new store manager',
    });
    expect(missing).toMatch(/Hardware type/);

    const created = await site.ok('servicedesk_create_request', {
      serviceDeskId: desk.id,
      requestTypeId: type.id,
      summary: 'Laptop for the new store manager',
      fields: { 'Hardware type': 'Laptop', 'Business justification': 'New store opens in March.' },
      onBehalfOf: customerEmail(site.sandbox, 'Alex Morgan'),
    });
    const key = created.structured.key as string;
    expect(created.text).toMatch(/reporter Alex Morgan \(raised on their behalf/);

    await site.ok('servicedesk_add_comment', { issueKey: key, body: 'Check stock in Berlin first.', public: false });
    await site.ok('servicedesk_add_comment', {
      issueKey: key,
      body: 'Thanks Alex, we are on it.',
      public: true,
    });
    const seen = (await alexPortal(key)).values.map((c) => c.body);
    expect(seen).toContain('Thanks Alex, we are on it.');
    expect(seen).not.toContain('Check stock in Berlin first.');

    const sla = await site.ok('servicedesk_get_sla', { issueKey: key });
    expect((sla.structured.sla as Json[]).length).toBeGreaterThan(0);
    expect(sla.text).toMatch(/RUNNING|PAUSED/);

    const approved = await site.ok('servicedesk_approve_request', { issueKey: key, decision: 'approve' });
    expect(approved.text).toMatch(/^Approved .* the approval is now approved/);

    const transitions = (await site.ok('servicedesk_get_request_transitions', { issueKey: key })).structured
      .transitions as Json[];
    const resolve = transitions.find((t) => /resolve/i.test(String(t.name)))!;
    expect(resolve).toBeDefined();
    const done = await site.ok('servicedesk_transition_request', { issueKey: key, transition: resolve.name });
    expect(done.text).toMatch(/status now Resolved/);
    expect(site.sandbox.site.jira.issuesByKey.get(key)!.fields.resolution).toBeTruthy();

    const kb = await site.ok('servicedesk_search_knowledge_base', { query: 'laptop', serviceDeskId: desk.id });
    expect((kb.structured.articles as Json[]).length).toBeGreaterThan(0);
  });
});
