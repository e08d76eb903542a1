// Service desks, request types and requests through /rest/servicedeskapi: who sees which desk,
// request type fields, creating requests (required fields, on behalf), listing with filters, and
// JSM's error shape for bad input.
import { EMAIL, startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

const SD = '/rest/servicedeskapi';
const jsmErrorShape = {
  errorMessage: expect.any(String),
  i18nErrorMessage: { i18nKey: expect.any(String), parameters: expect.any(Array) },
};

describe('service desks', () => {
  it('lists the desks the caller may use: agents and licensed users both, a customer only theirs', async () => {
    const all = await s.call('GET', `${SD}/servicedesk`);
    expect(all.status).toBe(200);
    expect(all.body.values.map((d: any) => [d.id, d.projectKey, d.projectTypeKey])).toEqual([
      ['1', 'ITS', 'service_desk'],
      ['2', 'HR', 'service_desk'],
    ]);
    expect(
      (await s.call('GET', `${SD}/servicedesk`, { as: 'alex' })).body.values.map((d: any) => d.projectKey),
    ).toEqual(['ITS']);
    expect((await s.call('GET', `${SD}/servicedesk`, { as: 'eli' })).body.values.map((d: any) => d.projectKey)).toEqual(
      ['HR'],
    );
  });

  it('finds a desk by id or project identifier, and answers an unknown one in JSM error shape', async () => {
    for (const ref of ['1', 'ITS', 'projectKey:ITS', 'projectId:10003'])
      expect((await s.call('GET', `${SD}/servicedesk/${ref}`)).body.projectKey).toBe('ITS');
    const missing = await s.call('GET', `${SD}/servicedesk/99`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(jsmErrorShape);
    expect((await s.call('GET', `${SD}/servicedesk/2`, { as: 'alex' })).status).toBe(404);
  });

  it('is reachable through the API gateway with an OAuth token and its scopes', async () => {
    const { access_token } = s.sb.oauth.issueTokens({ scopes: ['read:servicedesk-request'] });
    const gw = `/ex/jira/${s.sb.credentials.cloudId}${SD}/servicedesk/1`;
    const ok = await s.sb.fetch(gw, { headers: { authorization: `Bearer ${access_token}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any)._links.self).toContain(`/ex/jira/${s.sb.credentials.cloudId}${SD}/servicedesk/1`);
    const write = s.sb.oauth.issueTokens({ scopes: ['read:jira-work'] });
    const denied = await s.sb.fetch(gw, { headers: { authorization: `Bearer ${write.access_token}` } });
    expect(denied.status).toBe(401);
  });
});

describe('request types and their fields', () => {
  it('lists request types with groups, search and group filters', async () => {
    const its = await s.call('GET', `${SD}/servicedesk/1/requesttype`);
    expect(its.body.values.map((t: any) => t.name)).toEqual([
      'Get IT help',
      'Report a system problem',
      'Request new hardware',
      'Request software access',
      'Reset a password',
    ]);
    const access = await s.call('GET', `${SD}/servicedesk/1/requesttype?groupId=3`);
    expect(access.body.values.map((t: any) => t.id)).toEqual(['4', '5']);
    const search = await s.call('GET', `${SD}/servicedesk/1/requesttype?searchQuery=hardware`);
    expect(search.body.values.map((t: any) => t.id)).toEqual(['3']);
    const groups = await s.call('GET', `${SD}/servicedesk/2/requesttypegroup`);
    expect(groups.body.values).toEqual([
      { id: '4', name: 'Joining and leaving' },
      { id: '5', name: 'Pay and time off' },
    ]);
  });

  it('describes fields: required ones, select values, hidden presets', async () => {
    const meta = await s.call('GET', `${SD}/servicedesk/1/requesttype/2/field`);
    expect(meta.status).toBe(200);
    const byId = Object.fromEntries(meta.body.requestTypeFields.map((f: any) => [f.fieldId, f]));
    expect(
      Object.entries(byId)
        .filter(([, f]: any) => f.required)
        .map(([id]) => id),
    ).toEqual(['summary', 'description', 'customfield_10060']);
    expect(byId.customfield_10060.name).toBe('How many people are affected?');
    expect(byId.customfield_10060.validValues.map((v: any) => v.label)).toEqual([
      'Extensive / Widespread',
      'Significant / Large',
      'Moderate / Limited',
      'Minor / Localized',
    ]);
    expect(byId.customfield_10060.jiraSchema).toMatchObject({ type: 'option', customId: 10060 });
    expect(byId.priority.validValues.map((v: any) => v.label)).toContain('Highest');
    expect(meta.body.canRaiseOnBehalfOf).toBe(true);
    const customer = await s.call('GET', `${SD}/servicedesk/1/requesttype/2/field`, { as: 'alex' });
    expect(customer.body.canRaiseOnBehalfOf).toBe(false);
    const reset = await s.call('GET', `${SD}/servicedesk/1/requesttype/5/field`);
    expect(reset.body.requestTypeFields.find((f: any) => f.fieldId === 'labels')).toMatchObject({
      visible: false,
      presetValues: ['password-reset'],
    });
    expect((await s.call('GET', `${SD}/servicedesk/2/requesttype/2/field`)).status).toBe(404);
  });

  it('expands fields on a request type, and lists every desk’s types (experimental)', async () => {
    const one = await s.call('GET', `${SD}/servicedesk/2/requesttype/6?expand=field`);
    expect(one.body.fields.requestTypeFields.map((f: any) => f.fieldId)).toContain('customfield_10064');
    const all = await s.call('GET', `${SD}/requesttype?limit=100`);
    expect(all.body.values).toHaveLength(8);
    const noOptIn = await s.sb.fetch(`${SD}/requesttype`, { headers: { authorization: s.sb.basicAuth() } });
    expect(noOptIn.status).toBe(412);
    expect(await noOptIn.json()).toEqual(jsmErrorShape);
  });
});

describe('creating requests', () => {
  const problem = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    serviceDeskId: '1',
    requestTypeId: '2',
    requestFieldValues: values,
    ...extra,
  });

  it('refuses a missing required field, naming it', async () => {
    const r = await s.call('POST', `${SD}/request`, {
      as: 'priya',
      body: problem({ summary: 'Wi-Fi down', description: 'No network on floor 2' }),
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual(jsmErrorShape);
    expect(r.body.errorMessage).toContain('How many people are affected? (customfield_10060) is required');
    expect(r.body.i18nErrorMessage.parameters).toEqual(['customfield_10060']);
  });

  it('refuses values outside the allowed ones, fields not on the request type, and bodies the spec rejects', async () => {
    const bad = await s.call('POST', `${SD}/request`, {
      body: problem({ summary: 'x', description: 'y', customfield_10060: { value: 'Everyone' } }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessage).toContain("How many people are affected?: Option value 'Everyone' is not valid");
    const foreign = await s.call('POST', `${SD}/request`, {
      body: problem({
        summary: 'x',
        description: 'y',
        customfield_10060: { id: '10200' },
        customfield_10064: { id: '10240' },
      }),
    });
    expect(foreign.body.errorMessage).toContain("'customfield_10064' is not part of the request type");
    const spec = await s.call('POST', `${SD}/request`, {
      body: { serviceDeskId: 1, requestTypeId: '2', colour: 'red' },
    });
    expect(spec.status).toBe(400);
    expect(spec.body).toEqual(jsmErrorShape);
    expect(spec.body.i18nErrorMessage.parameters).toEqual(expect.arrayContaining(['serviceDeskId', 'colour']));
  });

  it('creates a request as a Jira issue of the service project, visible to JQL and /rest/api/3', async () => {
    const r = await s.call('POST', `${SD}/request`, {
      as: 'priya',
      body: problem({
        summary: 'Wi-Fi down on floor 2',
        description: 'No network since *10:00*.\n\n* meeting rooms\n* kitchen',
        customfield_10060: { id: 10202 },
        priority: { name: 'High' },
        customfield_10070: [{ id: `${s.sb.site.assets.workspaceId}:9` }],
      }),
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      issueKey: 'ITS-27',
      requestTypeId: '2',
      serviceDeskId: '1',
      reporter: { emailAddress: EMAIL.priya },
      currentStatus: { status: 'Waiting for support', statusCategory: 'NEW' },
    });
    const issue = await s.call('GET', '/rest/api/3/issue/ITS-27');
    expect(issue.body.fields.issuetype.name).toBe('[System] Incident');
    expect(issue.body.fields.priority.name).toBe('High');
    expect(issue.body.fields.customfield_10010.requestType.name).toBe('Report a system problem');
    expect(issue.body.fields.customfield_10070).toEqual([
      { workspaceId: s.sb.site.assets.workspaceId, id: `${s.sb.site.assets.workspaceId}:9`, objectId: '9' },
    ]);
    expect(issue.body.fields.description.content.map((n: any) => n.type)).toEqual(['paragraph', 'bulletList']);
    const found = await s.call('POST', '/rest/api/3/search/jql', {
      body: { jql: 'project = ITS AND summary ~ "Wi-Fi"', fields: ['key'] },
    });
    expect(found.body.issues.map((i: any) => i.key)).toEqual(['ITS-27']);
    const back = await s.call('GET', `${SD}/request/ITS-27`, { as: 'priya' });
    expect(back.body.requestFieldValues.find((v: any) => v.fieldId === 'description').value).toBe(
      'No network since *10:00*.\n\n* meeting rooms\n* kitchen',
    );
  });

  it('lets an agent raise on behalf of a customer, never a customer', async () => {
    const alex = s.accountId('alex');
    const r = await s.call('POST', `${SD}/request`, {
      as: 'sam',
      body: {
        serviceDeskId: 'ITS',
        requestTypeId: '1',
        requestFieldValues: { summary: 'Phone call: Okta locked' },
        raiseOnBehalfOf: alex,
        requestParticipants: [s.accountId('bea')],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.reporter.accountId).toBe(alex);
    const issue = s.sb.site.jira.issue(r.body.issueKey)!;
    expect(issue.fields.creator).toBe(s.accountId('sam'));
    expect((await s.call('GET', `${SD}/request/${r.body.issueKey}`, { as: 'alex' })).status).toBe(200);
    expect(
      (await s.call('GET', `${SD}/request/${r.body.issueKey}?expand=participant`, { as: 'bea' })).body.participants
        .values[0].accountId,
    ).toBe(s.accountId('bea'));
    const refused = await s.call('POST', `${SD}/request`, {
      as: 'alex',
      body: {
        serviceDeskId: '1',
        requestTypeId: '1',
        requestFieldValues: { summary: 'For Bea' },
        raiseOnBehalfOf: s.accountId('bea'),
      },
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(jsmErrorShape);
  });

  it('starts a request type with approvals in "Waiting for approval" with a pending approval', async () => {
    const r = await s.call('POST', `${SD}/request`, {
      as: 'tom',
      body: {
        serviceDeskId: '1',
        requestTypeId: '3',
        requestFieldValues: {
          summary: 'A headset',
          customfield_10062: { value: 'Headset' },
          description: 'Calls all day',
        },
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.currentStatus.status).toBe('Waiting for approval');
    const approvals = await s.call('GET', `${SD}/request/${r.body.issueKey}/approval`, { as: 'tom' });
    expect(approvals.body.values).toMatchObject([
      { name: 'Manager approval', finalDecision: 'pending', canAnswerApproval: false },
    ]);
  });
});

describe('listing and reading requests', () => {
  const keys = async (query: string, as: keyof typeof EMAIL = 'maya') =>
    (await s.call('GET', `${SD}/request?limit=100&${query}`, { as })).body.values.map((r: any) => r.issueKey).sort();

  it("defaults to the caller's own, participated and organization requests", async () => {
    const alex = await keys('', 'alex');
    expect(alex).toEqual(expect.arrayContaining(['ITS-2', 'ITS-24', 'ITS-9', 'ITS-22']));
    expect(alex).not.toContain('ITS-7');
    expect(await keys('requestOwnership=OWNED_REQUESTS', 'alex')).not.toContain('ITS-9');
    expect(await keys('requestOwnership=PARTICIPATED_REQUESTS', 'chris')).toEqual(['HR-14', 'ITS-20']);
  });

  it('filters by status, search term, desk and request type', async () => {
    const all = await keys('requestOwnership=ALL_REQUESTS');
    expect(all.length).toBeGreaterThanOrEqual(40);
    const closed = await keys('requestOwnership=ALL_REQUESTS&requestStatus=CLOSED_REQUESTS');
    const open = await keys('requestOwnership=ALL_REQUESTS&requestStatus=OPEN_REQUESTS');
    expect(closed.length + open.length).toBe(all.length);
    expect(closed).toContain('ITS-4');
    expect(await keys('requestOwnership=ALL_REQUESTS&searchTerm=vpn')).toEqual(['ITS-1', 'ITS-25', 'ITS-7']);
    expect(await keys('requestOwnership=ALL_REQUESTS&serviceDeskId=2&requestTypeId=8')).toEqual([
      'HR-10',
      'HR-11',
      'HR-8',
      'HR-9',
    ]);
    const bad = await s.call('GET', `${SD}/request?requestTypeId=8`);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(jsmErrorShape);
    expect((await s.call('GET', `${SD}/request?requestOwnership=EVERYTHING`)).status).toBe(400);
  });

  it('finds the requests waiting for my approval', async () => {
    expect(await keys('requestOwnership=APPROVER&approvalStatus=MY_PENDING_APPROVAL', 'jonas')).toEqual([
      'ITS-20',
      'ITS-23',
    ]);
    expect(await keys('requestOwnership=APPROVER&approvalStatus=MY_HISTORY_APPROVAL', 'jonas')).toEqual(['ITS-22']);
  });

  it("hides other people's requests from a customer", async () => {
    const r = await s.call('GET', `${SD}/request/ITS-7`, { as: 'alex' });
    expect(r.status).toBe(404);
    expect(r.body).toEqual(jsmErrorShape);
    expect((await s.call('GET', `${SD}/request/ITS-7`, { as: 'chris' })).status).toBe(200);
    expect((await s.call('GET', '/rest/servicedeskapi/request/NOVA-1')).status).toBe(404);
  });

  it('expands the request with its desk, type, status history and actions', async () => {
    const r = await s.call('GET', `${SD}/request/ITS-7?expand=serviceDesk,requestType,status,action`, { as: 'chris' });
    expect(r.body.serviceDesk.projectKey).toBe('ITS');
    expect(r.body.requestType.name).toBe('Report a system problem');
    expect(r.body.status.values.map((v: any) => v.status)).toEqual([
      'Waiting for support',
      'Work in progress',
      'Resolved',
      'Waiting for support',
      'Waiting for customer',
    ]);
    expect(r.body.actions.addComment.allowed).toBe(true);
    const history = await s.call('GET', `${SD}/request/ITS-7/status`, { as: 'chris' });
    expect(history.body.values).toEqual(r.body.status.values);
  });
});
