import { customerEmail, startDeskSite, type DeskSite } from './desk-site.js';

type Json = Record<string, unknown>;

describe('desks, request types and requests', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite();
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  const requestPosts = () =>
    site.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/rest/servicedeskapi/request').length;

  it('lists the desks and finds one by name', async () => {
    const all = await site.ok('servicedesk_list_service_desks');
    expect(all.structured.desks).toEqual([
      { id: '1', key: 'ITS', name: 'IT Service Desk' },
      { id: '2', key: 'HR', name: 'HR Service Desk' },
    ]);
    const hr = await site.ok('servicedesk_list_service_desks', { query: 'people' });
    expect(hr.structured.desks).toEqual([]);
    expect((await site.ok('servicedesk_list_service_desks', { query: 'hr' })).text).toMatch(
      /^id key name\n<untrusted (\w{6}) service desks>\n2 HR HR Service Desk\n<\/untrusted \1>$/,
    );
  });

  it('lists request types across desks and in one desk (by project key), with groups', async () => {
    const all = await site.ok('servicedesk_list_request_types');
    expect((all.structured.requestTypes as Json[]).map((t) => `${String(t.desk)}:${String(t.name)}`)).toContain(
      'HR:Request time off',
    );
    const its = await site.ok('servicedesk_list_request_types', { serviceDeskId: 'ITS', query: 'access' });
    expect(its.text).toMatch(/4 Request software access \[Hardware and software, Access\]/);
    const missing = await site.fails('servicedesk_list_request_types', { serviceDeskId: 'NOPE' });
    expect(missing).toMatch(/not_found.*NOPE/s);
    expect(missing).toMatch(/1 \(ITS\), 2 \(HR\)/);
  });

  it('shows the fields a request type asks for by their customer-facing names, required first, with allowed values', async () => {
    const { text, structured } = await site.ok('servicedesk_get_request_type_fields', {
      serviceDeskId: '1',
      requestTypeId: '3',
    });
    expect(text).toMatch(/\* Hardware type \(customfield_\d+, one value\): Laptop, Monitor, Docking station/);
    expect(text).toMatch(/\* Business justification \(description, Markdown text\)/);
    expect(text).toMatch(/- Needed by \(duedate, date YYYY-MM-DD\)/);
    expect(text).toMatch(/raise on behalf of a customer: yes/);
    expect((structured.fields as Json[]).find((f) => f.name === 'What do you need?')).toMatchObject({
      fieldId: 'summary',
      required: true,
    });
  });

  it('answers a missing required field with its allowed values, and sends nothing', async () => {
    site.sandbox.requests.clear();
    const text = await site.fails('servicedesk_create_request', {
      serviceDeskId: 'ITS',
      requestTypeId: '3',
      summary: 'A laptop please',
    });
    expect(text).toMatch(/Error \(input\)/);
    expect(text).toMatch(/Hardware type: required \(customfield_\d+, one value\); allowed: Laptop, Monitor/);
    expect(text).toMatch(/Business justification: required/);
    expect(requestPosts()).toBe(0);
  });

  it('refuses a value outside the allowed ones and a field the request type does not have, before sending', async () => {
    site.sandbox.requests.clear();
    const bad = await site.fails('servicedesk_create_request', {
      serviceDeskId: 'ITS',
      requestTypeId: '3',
      summary: 'A tablet',
      fields: { 'Hardware type': 'Tablet', 'Business justification': 'x' },
    });
    expect(bad).toMatch(/Hardware type: "Tablet" is not allowed; allowed: Laptop, Monitor, Docking station, Headset/);
    const unknown = await site.fails('servicedesk_create_request', {
      serviceDeskId: 'ITS',
      requestTypeId: '3',
      summary: 'A laptop',
      fields: { Colour: 'red' },
    });
    expect(unknown).toMatch(/'Request new hardware' has no field "Colour"/);
    expect(unknown).toMatch(/Hardware type \(customfield_\d+\)/);
    expect(requestPosts()).toBe(0);
  });

  it('creates a request with its fields by name, on behalf of a customer (by email); the customer sees it on the portal', async () => {
    const alex = customerEmail(site.sandbox, 'Alex Morgan');
    const { text, structured } = await site.ok('servicedesk_create_request', {
      serviceDeskId: 'ITS',
      requestTypeId: '3',
      summary: 'New laptop for the Lisbon store',
      fields: {
        'hardware type': 'Laptop',
        'Business justification': 'The old one **does not boot**; see [the ticket](https://example.com/t/1).',
        'Needed by': '2027-01-15',
      },
      onBehalfOf: alex,
    });
    const key = structured.key as string;
    expect(key).toMatch(/^ITS-\d+$/);
    expect(text).toMatch(/reporter Alex Morgan \(raised on their behalf/);
    expect(text).toMatch(/status Waiting for approval/);
    const issue = site.sandbox.site.jira.issuesByKey.get(key)!;
    const alexId = site.sandbox.credentials.users.find((u) => u.email === alex)!.accountId;
    expect(issue.fields.reporter).toBe(alexId);
    expect(issue.fields.duedate).toBe('2027-01-15');
    // The Markdown became formatting JSM understands (bold and a link), not literal asterisks.
    const portal = await site.rest<{ requestFieldValues: Array<{ fieldId: string; value: unknown }> }>(
      `/rest/servicedeskapi/request/${key}`,
      alex,
    );
    const justification = portal.requestFieldValues.find((f) => f.fieldId === 'description')!.value;
    expect(justification).toBe('The old one *does not boot*; see [the ticket|https://example.com/t/1].');
    const description = JSON.stringify(issue.fields.description);
    expect(description).toContain('"type":"strong"');
    expect(description).toContain('https://example.com/t/1');
  });

  it('reads a request in full: every expansion, the transitions, labelled comments', async () => {
    const { text, structured } = await site.ok('servicedesk_get_request', { issueKey: 'ITS-1' });
    expect(structured).toMatchObject({
      key: 'ITS-1',
      requestType: 'Report a system problem',
      status: 'Work in progress',
      serviceDesk: 'IT Service Desk (ITS)',
    });
    expect(text).toMatch(/reporter Priya Raman <priya\.raman@nimbus-works\.example>/);
    expect(text).toMatch(/participants: Diego Alvarez, Tom Becker/);
    expect(text).toMatch(/SLA Time to first response: MET, took 10m of 30m/);
    expect(text).toMatch(/SLA Time to resolution: (RUNNING|BREACHED)/);
    expect(text).toMatch(/status history: Waiting for support .* → Work in progress/);
    expect(text).toMatch(/transitions: 51 Resolve this issue/);
    expect(text).toMatch(/How many people are affected\?: Extensive \/ Widespread/);
    expect(text).toMatch(/\[public\] #\d+ Sam Okafor/);
    expect(text).toMatch(/\[internal\] #\d+ Jonas Weber/);
    // The labels stay outside the fences: a comment cannot forge another one's visibility.
    expect(text).toMatch(/\[internal\] #\d+ Jonas Weber · [^\n]+\n<untrusted \w+ comment>\nvpn-gw-01/);
  });

  it('lists requests with filters and pages with a cursor bound to them', async () => {
    const first = await site.ok('servicedesk_get_requests', { serviceDeskId: 'ITS', status: 'open', limit: 3 });
    const rows = first.structured.requests as Json[];
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => String(r.key).startsWith('ITS-'))).toBe(true);
    const cursor = first.structured.nextCursor as string;
    expect(cursor).toBeTruthy();
    const next = await site.ok('servicedesk_get_requests', { serviceDeskId: 'ITS', status: 'open', limit: 3, cursor });
    const keys = (next.structured.requests as Json[]).map((r) => r.key);
    expect(keys.some((k) => rows.map((r) => r.key).includes(k))).toBe(false);
    const replayed = await site.fails('servicedesk_get_requests', { serviceDeskId: 'HR', cursor });
    expect(replayed).toMatch(/another query/);
    const words = await site.ok('servicedesk_get_requests', { query: 'VPN' });
    expect((words.structured.requests as Json[]).every((r) => /vpn/i.test(String(r.summary)))).toBe(true);
    const closed = await site.ok('servicedesk_get_requests', { serviceDeskId: 'HR', status: 'closed' });
    expect(
      (closed.structured.requests as Json[]).every((r) => /Resolved|Closed|Canceled|Declined/.test(String(r.status))),
    ).toBe(true);
  });

  it('says when JSM is reachable and licensed, and what to do next', async () => {
    const { text, structured } = await site.ok('servicedesk_check_availability');
    expect(structured).toMatchObject({ reachable: true, licensed: true, desks: 2, auth: 'apiToken' });
    expect(text).toMatch(/next: Ready/);
    site.sandbox.faults.set({ type: 'status', status: 404, match: { path: '/rest/servicedeskapi/info' } });
    const down = await site.ok('servicedesk_check_availability');
    expect(down.structured.reachable).toBe(false);
    expect(down.text).toMatch(/next: Jira Service Management does not answer on this site/);
  });
});
