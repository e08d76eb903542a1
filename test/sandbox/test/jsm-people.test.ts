// Customers and organizations of the desks, and entity properties.
import { EMAIL, startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

const SD = '/rest/servicedeskapi';

describe('customers', () => {
  it('creates a portal-only customer in the site directory who can then use the portal', async () => {
    const r = await s.call('POST', `${SD}/customer`, {
      as: 'sam',
      body: { email: 'ivy.lee@acme-retail.example', displayName: 'Ivy Lee' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ displayName: 'Ivy Lee', emailAddress: 'ivy.lee@acme-retail.example', active: true });
    expect(r.body.accountId).toMatch(/^qm:/);
    const user = s.sb.site.jira.user(r.body.accountId)!;
    expect(user.accountType).toBe('customer');
    expect((await s.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(r.body.accountId)}`)).status).toBe(
      200,
    );
    // Not a customer of any desk yet; added to ITS, they see it.
    const asIvy = {
      authorization: `Basic ${Buffer.from(`ivy.lee@acme-retail.example:${user.apiToken}`).toString('base64')}`,
    };
    const before = (await (await s.sb.fetch(`${SD}/servicedesk`, { headers: asIvy })).json()) as any;
    expect(before.size).toBe(0);
    expect(
      (await s.call('POST', `${SD}/servicedesk/1/customer`, { as: 'sam', body: { accountIds: [r.body.accountId] } }))
        .status,
    ).toBe(204);
    const after = (await (await s.sb.fetch(`${SD}/servicedesk`, { headers: asIvy })).json()) as any;
    expect(after.values.map((d: any) => d.projectKey)).toEqual(['ITS']);
  });

  it('refuses a duplicate email (409 when asked for strict status codes) and bad input', async () => {
    const dup = await s.call('POST', `${SD}/customer`, { body: { email: EMAIL.alex, displayName: 'Alex again' } });
    expect(dup.status).toBe(400);
    const strict = await s.call('POST', `${SD}/customer?strictConflictStatusCode=true`, {
      body: { email: EMAIL.alex, displayName: 'Alex again' },
    });
    expect(strict.status).toBe(409);
    expect((await s.call('POST', `${SD}/customer`, { body: { email: 'not-an-email', displayName: 'X' } })).status).toBe(
      400,
    );
    expect(
      (await s.call('POST', `${SD}/customer`, { as: 'alex', body: { email: 'z@z.example', displayName: 'Z' } })).status,
    ).toBe(403);
  });

  it('lists the customers of a desk (direct and through organizations), for agents (experimental)', async () => {
    const r = await s.call('GET', `${SD}/servicedesk/1/customer?limit=50`, { as: 'sam' });
    const names = r.body.values.map((u: any) => u.displayName);
    expect(names).toEqual(
      expect.arrayContaining(['Chris Doyle', 'Gus Ortega', 'Alex Morgan', 'Bea Santos', 'Dana Fischer']),
    );
    const q = await s.call('GET', `${SD}/servicedesk/1/customer?query=acme`, { as: 'sam' });
    expect(q.body.values.map((u: any) => u.displayName).sort()).toEqual(['Alex Morgan', 'Bea Santos', 'Ivy Lee']);
    expect((await s.call('GET', `${SD}/servicedesk/1/customer`, { as: 'alex' })).status).toBe(403);
    const gus = s.accountId('gus');
    expect(
      (await s.call('DELETE', `${SD}/servicedesk/1/customer`, { as: 'sam', body: { accountIds: [gus] } })).status,
    ).toBe(204);
    expect((await s.call('GET', `${SD}/servicedesk`, { as: 'gus' })).body.size).toBe(0);
  });
});

describe('organizations', () => {
  it('lists organizations, of a user and of a desk', async () => {
    const all = await s.call('GET', `${SD}/organization`, { as: 'sam' });
    expect(all.body.values.map((o: any) => o.name)).toEqual(['Acme Retail', 'Nimbus Contractors', 'New Hires 2026']);
    expect(all.body.values[0]).toMatchObject({
      id: '1',
      scimManaged: false,
      created: { epochMillis: expect.any(Number) },
    });
    const mine = await s.call('GET', `${SD}/organization?accountId=${encodeURIComponent(s.accountId('eli'))}`, {
      as: 'lena',
    });
    expect(mine.body.values.map((o: any) => o.name)).toEqual(['New Hires 2026']);
    const desk = await s.call('GET', `${SD}/servicedesk/2/organization`, { as: 'lena' });
    expect(desk.body.values.map((o: any) => o.name)).toEqual(['New Hires 2026']);
    expect((await s.call('GET', `${SD}/organization`, { as: 'alex' })).status).toBe(403);
  });

  it('creates an organization, adds customers, links it to a desk — and its members get the desk', async () => {
    const gus = s.accountId('gus');
    const created = await s.call('POST', `${SD}/organization`, { as: 'sam', body: { name: 'Globex' } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await s.call('POST', `${SD}/organization`, { as: 'sam', body: { name: 'globex' } })).status).toBe(400);
    expect(
      (await s.call('POST', `${SD}/organization/${id}/user`, { as: 'sam', body: { accountIds: [gus] } })).status,
    ).toBe(204);
    const members = await s.call('GET', `${SD}/organization/${id}/user`, { as: 'sam' });
    expect(members.body.values.map((u: any) => u.displayName)).toEqual(['Gus Ortega']);
    expect((await s.call('GET', `${SD}/servicedesk`, { as: 'gus' })).body.size).toBe(0);
    expect(
      (await s.call('POST', `${SD}/servicedesk/1/organization`, { as: 'sam', body: { organizationId: Number(id) } }))
        .status,
    ).toBe(204);
    expect((await s.call('GET', `${SD}/servicedesk`, { as: 'gus' })).body.values.map((d: any) => d.projectKey)).toEqual(
      ['ITS'],
    );
    expect(
      (await s.call('DELETE', `${SD}/servicedesk/1/organization`, { as: 'sam', body: { organizationId: Number(id) } }))
        .status,
    ).toBe(204);
    expect(
      (await s.call('DELETE', `${SD}/organization/${id}/user`, { as: 'sam', body: { accountIds: [gus] } })).status,
    ).toBe(204);
    expect((await s.call('DELETE', `${SD}/organization/${id}`, { as: 'sam' })).status).toBe(204);
    expect((await s.call('GET', `${SD}/organization/${id}`, { as: 'sam' })).status).toBe(404);
  });

  it('shares a request with the organization that raised it', async () => {
    // ITS-2 was raised by Alex for Acme Retail: Bea, in the same organization, sees it.
    const bea = await s.call('GET', `${SD}/request?requestOwnership=ALL_ORGANIZATIONS`, { as: 'bea' });
    expect(bea.body.values.map((r: any) => r.issueKey)).toContain('ITS-2');
    const byOrg = await s.call('GET', `${SD}/request?requestOwnership=ORGANIZATION&organizationId=1`, { as: 'bea' });
    expect(byOrg.body.values.map((r: any) => r.issueKey)).toContain('ITS-2');
    expect(
      (await s.call('GET', `${SD}/request?requestOwnership=ORGANIZATION&organizationId=2`, { as: 'bea' })).status,
    ).toBe(400);
    const jira = await s.call('GET', '/rest/api/3/issue/ITS-2?fields=customfield_10051');
    expect(jira.body.fields.customfield_10051).toEqual([
      {
        id: '1',
        name: 'Acme Retail',
        _links: { self: expect.stringContaining('/rest/servicedeskapi/organization/1') },
      },
    ]);
  });
});

describe('properties', () => {
  it('stores JSON properties on organizations and request types', async () => {
    const keys = await s.call('GET', `${SD}/organization/1/property`, { as: 'sam' });
    expect(keys.body.keys.map((k: any) => k.key)).toEqual(['account-plan']);
    expect((await s.call('GET', `${SD}/organization/1/property/account-plan`, { as: 'sam' })).body).toEqual({
      key: 'account-plan',
      value: { manager: 'Maya Chen', tier: 'gold' },
    });
    const put = await s.call('PUT', `${SD}/servicedesk/1/requesttype/2/property/triage`, {
      as: 'sam',
      body: { team: 'on-call' },
    });
    expect(put.status).toBe(201);
    expect(
      (await s.call('GET', `${SD}/servicedesk/1/requesttype/2/property/triage`, { as: 'alex' })).body.value,
    ).toEqual({ team: 'on-call' });
    expect(
      (await s.call('PUT', `${SD}/servicedesk/1/requesttype/2/property/triage`, { as: 'alex', body: {} })).status,
    ).toBe(403);
    expect((await s.call('DELETE', `${SD}/servicedesk/1/requesttype/2/property/triage`, { as: 'sam' })).status).toBe(
      204,
    );
    expect((await s.call('GET', `${SD}/servicedesk/1/requesttype/2/property/triage`, { as: 'sam' })).status).toBe(404);
  });
});

describe('managing request types (experimental)', () => {
  it('creates one with summary and description fields, and deletes it while unused', async () => {
    const r = await s.call('POST', `${SD}/servicedesk/2/requesttype`, {
      as: 'lena',
      body: { name: 'Reference letter', description: 'Employment confirmation', issueTypeId: '10006' },
    });
    expect(r.status).toBe(200);
    const fields = await s.call('GET', `${SD}/servicedesk/2/requesttype/${r.body.id}/field`, { as: 'priya' });
    expect(fields.body.requestTypeFields.map((f: any) => f.fieldId)).toEqual(['summary', 'description']);
    expect(
      (
        await s.call('POST', `${SD}/servicedesk/2/requesttype`, {
          as: 'priya',
          body: { name: 'X', issueTypeId: '10006' },
        })
      ).status,
    ).toBe(403);
    expect((await s.call('DELETE', `${SD}/servicedesk/2/requesttype/${r.body.id}`, { as: 'lena' })).status).toBe(204);
    expect((await s.call('DELETE', `${SD}/servicedesk/2/requesttype/7`, { as: 'lena' })).status).toBe(400);
  });

  it('checks who can create and administer request types', async () => {
    const r = await s.call('POST', `${SD}/servicedesk/1/requesttype/permissions/check`, {
      as: 'sam',
      body: { accountId: s.accountId('alex'), requestTypeIds: [1, 2, 6] },
    });
    expect(r.body).toEqual({ canCreateRequest: [1, 2], canAdminister: [] });
  });
});
