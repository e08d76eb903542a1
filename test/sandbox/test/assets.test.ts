// The Assets REST API: workspace discovery through the servicedeskapi, schemas, object types and
// attributes, objects with references, AQL search (and invalid AQL), the objects attached to a
// request, writes, and the same calls through the API gateway with OAuth scopes.
import { startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
let ws: string;
let api: string;
beforeAll(async () => {
  s = await startJsmSite();
  const r = await s.call('GET', '/rest/servicedeskapi/assets/workspace');
  ws = r.body.values[0].workspaceId;
  api = `/jsm/assets/workspace/${ws}/v1`;
});
afterAll(() => s.sb.close());

const aql = async (qlQuery: string, query = '', as: Parameters<JsmSite['call']>[2] = {}) =>
  s.call('POST', `${api}/object/aql${query}`, { ...as, body: { qlQuery } });
const labels = async (qlQuery: string) => {
  const r = await aql(qlQuery, '?maxResults=100');
  if (r.status !== 200) throw new Error(`${qlQuery}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.values.map((o: any) => o.label);
};

describe('workspace, schemas and types', () => {
  it('discovers the one workspace, its schema, object types and attributes', async () => {
    expect(ws).toMatch(/^[0-9a-f-]{36}$/);
    const schemas = await s.call('GET', `${api}/objectschema/list`);
    expect(schemas.body).toMatchObject({
      total: 1,
      isLast: true,
      values: [{ id: '1', name: 'IT Assets', objectSchemaKey: 'ITAM', objectCount: 20, objectTypeCount: 3 }],
    });
    const types = await s.call('GET', `${api}/objectschema/1/objecttypes/flat`);
    expect(types.body.map((t: any) => [t.name, t.objectCount])).toEqual([
      ['Laptop', 8],
      ['Server', 6],
      ['Business Service', 6],
    ]);
    const attrs = await s.call('GET', `${api}/objecttype/3/attributes`);
    expect(attrs.body.map((a: any) => a.name)).toEqual([
      'Key',
      'Name',
      'Created',
      'Updated',
      'Description',
      'Owner',
      'Tier',
      'Status',
      'Runs on',
      'Depends on',
    ]);
    const runsOn = attrs.body.find((a: any) => a.name === 'Runs on');
    expect(runsOn).toMatchObject({
      type: 1,
      referenceObjectTypeId: '2',
      referenceObjectType: { name: 'Server' },
      maximumCardinality: -1,
    });
    expect(attrs.body.find((a: any) => a.name === 'Tier')).toMatchObject({
      type: 0,
      defaultType: { id: 10, name: 'Select' },
      options: 'Tier 1,Tier 2,Tier 3',
    });
    expect((await s.call('GET', `${api}/objecttype/99`)).status).toBe(404);
  });

  it('answers 404 for another workspace and 403 for a portal-only customer', async () => {
    expect((await s.call('GET', '/jsm/assets/workspace/nope/v1/objectschema/list')).status).toBe(404);
    expect((await s.call('GET', `${api}/objectschema/list`, { as: 'alex' })).status).toBe(403);
  });
});

describe('objects', () => {
  it('gets an object with its attributes: text, select, status, user and references', async () => {
    const r = await s.call('GET', `${api}/object/ITAM-16`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: '16',
      objectKey: 'ITAM-16',
      label: 'VPN',
      objectType: { name: 'Business Service' },
    });
    const byName = Object.fromEntries(
      r.body.attributes.map((a: any) => {
        const def = s.sb.site.assets.attributes.get(a.objectTypeAttributeId)!;
        return [def.name, a.objectAttributeValues];
      }),
    );
    expect(byName.Tier).toEqual([
      { value: 'Tier 1', displayValue: 'Tier 1', searchValue: 'Tier 1', referencedType: false },
    ]);
    expect(byName.Status[0]).toMatchObject({ status: { name: 'Degraded', category: 2 }, displayValue: 'Degraded' });
    expect(byName.Owner[0]).toMatchObject({ user: { displayName: 'Sam Okafor' }, displayValue: 'Sam Okafor' });
    expect(byName['Runs on'][0]).toMatchObject({
      referencedType: true,
      displayValue: 'vpn-gw-01',
      referencedObject: { objectKey: 'ITAM-9' },
    });
    expect(byName['Depends on'][0].referencedObject.label).toBe('Single sign-on (Okta)');
    expect((await s.call('GET', `${api}/object/16/attributes`)).body).toEqual(r.body.attributes);
  });

  it('tells which requests an object is attached to, and the request shows it', async () => {
    const r = await s.call('GET', `${api}/objectconnectedtickets/16/tickets`);
    expect(r.body.tickets.map((t: any) => t.key).sort()).toEqual(['ITS-1', 'ITS-7']);
    expect(r.body.tickets[0]).toMatchObject({ title: expect.any(String), status: { name: expect.any(String) } });
    const request = await s.call('GET', '/rest/servicedeskapi/request/ITS-1', { as: 'priya' });
    const field = request.body.requestFieldValues.find((v: any) => v.fieldId === 'customfield_10070');
    expect(field.value.map((x: any) => x.objectId)).toEqual(['16', '9']);
    const objects = await Promise.all(field.value.map((x: any) => s.call('GET', `${api}/object/${x.objectId}`)));
    expect(objects.map((o) => o.body.label)).toEqual(['VPN', 'vpn-gw-01']);
  });

  it('counts references in both directions', async () => {
    const r = await s.call('GET', `${api}/object/10/referenceinfo`);
    expect(r.body).toEqual([
      expect.objectContaining({
        direction: 'inbound',
        numberOfReferencedObjects: 1,
        objectType: expect.objectContaining({ name: 'Business Service' }),
      }),
    ]);
  });
});

describe('AQL', () => {
  it('objectType, attribute comparisons, LIKE, IN, AND/OR, ORDER BY', async () => {
    expect(await labels('objectType = Server AND Environment = Staging')).toEqual(['wiki-staging-01']);
    expect(await labels('objectType = Laptop AND "Operating system" = macOS AND Status = "In use"')).toEqual([
      'MBP-14 Priya',
      'MBP-16 Diego',
      'MBA-13 Maya',
    ]);
    expect(await labels('Name like mbp')).toEqual(['MBP-14 Priya', 'MBP-16 Diego', 'MBP-14 spare 1']);
    expect(await labels('objectType = "Business Service" AND Tier IN ("Tier 2", "Tier 3") ORDER BY Name DESC')).toEqual(
      ['Payroll system', 'Office printing', 'Internal wiki'],
    );
    expect(await labels('Status = Degraded OR Status = Retired')).toEqual(['XPS-15 old Sam', 'vpn-gw-01', 'VPN']);
    expect(await labels('objectType = Laptop AND "Purchase date" < 2023-01-01')).toEqual(['XPS-15 old Sam']);
    expect(await labels('"Assigned to" = "Priya Raman"')).toEqual(['MBP-14 Priya']);
    expect(await labels('objectType = Laptop AND "Assigned to" IS EMPTY')).toEqual(['MBP-14 spare 1']);
    expect(await labels('Key = ITAM-12')).toEqual(['pg-prod-01']);
    expect(await labels('objectType = Laptop AND NOT Status = "In use"')).toEqual(['MBP-14 spare 1', 'XPS-15 old Sam']);
  });

  it('references: by label, and HAVING inbound/outbound references', async () => {
    expect(await labels('"Runs on" = pg-prod-01')).toEqual(['Payroll system']);
    expect(await labels('"Depends on" = "Single sign-on (Okta)"')).toEqual([
      'VPN',
      'Email',
      'Payroll system',
      'Internal wiki',
    ]);
    expect(await labels('objectType = Server AND object HAVING inboundReferences(Tier = "Tier 1")')).toEqual([
      'vpn-gw-01',
      'sso-idp-01',
      'mail-relay-01',
    ]);
    expect(await labels('object HAVING outboundReferences(objectType = Server AND Environment = Staging)')).toEqual([
      'Internal wiki',
    ]);
    expect(await labels('objectType = Server AND NOT object HAVING inboundReferences()')).toEqual([]);
  });

  it('currentUser(), paging and attributes on request', async () => {
    const mine = await aql('"Assigned to" = currentUser()', '', { as: 'diego' });
    expect(mine.body.values.map((o: any) => o.label)).toEqual(['MBP-16 Diego']);
    const page = await aql('objectType = Laptop', '?startAt=2&maxResults=3&includeAttributes=false');
    expect(page.body).toMatchObject({ startAt: 2, maxResults: 3, total: 8, isLast: false });
    expect(page.body.values).toHaveLength(3);
    expect(page.body.values[0]).not.toHaveProperty('attributes');
    expect(page.body).not.toHaveProperty('objectTypeAttributes');
    const full = await aql('objectType = Server', '?maxResults=1');
    expect(full.body.objectTypeAttributes.map((a: any) => a.name)).toContain('Hostname');
  });

  it('answers invalid AQL with 400 and the reason', async () => {
    for (const [q, reason] of [
      ['objectType = ', 'expected a value'],
      ['objectType = Laptop AND', 'expected an attribute name'],
      ['objectType = Spaceship', "object type 'Spaceship' does not exist"],
      ['Colour = red', "the attribute 'Colour' does not exist"],
      ['Name ~~ x', 'expected an operator'],
      ['(objectType = Laptop', "expected ')'"],
      ['Name = "unterminated', 'missing closing quote'],
    ]) {
      const r = await aql(q!);
      expect({ q, status: r.status }).toEqual({ q, status: 400 });
      expect(r.body.errorMessages[0]).toContain(reason);
      expect(r.body.errors.iql).toBe(r.body.errorMessages[0]);
    }
    expect((await s.call('POST', `${api}/object/aql`, { body: {} })).status).toBe(400);
    expect(
      (await s.call('POST', `${api}/object/aql?maxResults=-1`, { body: { qlQuery: 'Key = ITAM-1' } })).status,
    ).toBe(400);
  });
});

describe('writes', () => {
  it('creates, updates and deletes an object, checking values against the type', async () => {
    const attr = (name: string) =>
      [...s.sb.site.assets.attributes.values()].find((a) => a.objectTypeId === '1' && a.name === name)!.id;
    const created = await s.call('POST', `${api}/object/create`, {
      as: 'sam',
      body: {
        objectTypeId: '1',
        attributes: [
          { objectTypeAttributeId: attr('Name'), objectAttributeValues: [{ value: 'MBP-14 Eli' }] },
          { objectTypeAttributeId: attr('Serial number'), objectAttributeValues: [{ value: 'C02NEW00001' }] },
          { objectTypeAttributeId: attr('Operating system'), objectAttributeValues: [{ value: 'macos' }] },
          { objectTypeAttributeId: attr('Status'), objectAttributeValues: [{ value: 'In stock' }] },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ objectKey: 'ITAM-21', label: 'MBP-14 Eli' });
    expect(await labels('Key = ITAM-21 AND "Operating system" = macOS')).toEqual(['MBP-14 Eli']);
    const dup = await s.call('POST', `${api}/object/create`, {
      body: {
        objectTypeId: '1',
        attributes: [
          { objectTypeAttributeId: attr('Name'), objectAttributeValues: [{ value: 'Dup' }] },
          { objectTypeAttributeId: attr('Serial number'), objectAttributeValues: [{ value: 'C02NEW00001' }] },
        ],
      },
    });
    expect(dup.status).toBe(400);
    expect(dup.body.errorMessages[0]).toContain('already used by ITAM-21');
    const badOption = await s.call('PUT', `${api}/object/21`, {
      body: {
        attributes: [{ objectTypeAttributeId: attr('Operating system'), objectAttributeValues: [{ value: 'BeOS' }] }],
      },
    });
    expect(badOption.status).toBe(400);
    const eli = s.accountId('priya');
    const updated = await s.call('PUT', `${api}/object/21`, {
      body: { attributes: [{ objectTypeAttributeId: attr('Assigned to'), objectAttributeValues: [{ value: eli }] }] },
    });
    expect(updated.status).toBe(200);
    expect(await labels('objectType = Laptop AND "Assigned to" = "Priya Raman"')).toEqual([
      'MBP-14 Priya',
      'MBP-14 Eli',
    ]);
    expect((await s.call('DELETE', `${api}/object/21`)).status).toBe(204);
    expect((await s.call('GET', `${api}/object/21`)).status).toBe(404);
    expect((await s.call('DELETE', `${api}/object/9`)).status).toBe(400);
  });
});

describe('through the API gateway', () => {
  it('serves Assets under /ex/jira/{cloudId} with the cmdb scopes', async () => {
    const gw = `/ex/jira/${s.sb.credentials.cloudId}${api}`;
    const call = async (scopes: string[], path: string, init: RequestInit = {}) => {
      const { access_token } = s.sb.oauth.issueTokens({ scopes });
      return s.sb.fetch(`${gw}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      });
    };
    const ok = await call(['read:cmdb-object:jira'], '/object/aql', {
      method: 'POST',
      body: JSON.stringify({ qlQuery: 'objectType = Server' }),
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).total).toBe(6);
    expect((await call(['read:cmdb-schema:jira'], '/object/1')).status).toBe(401);
    expect((await call(['read:cmdb-schema:jira'], '/objectschema/list')).status).toBe(200);
    s.sb.requests.clear();
    await call(['read:cmdb-object:jira'], '/object/1');
    expect(s.sb.requests.map((r) => [r.operationId, r.via, r.status])).toEqual([['assets.getObject', 'gateway', 200]]);
  });
});
