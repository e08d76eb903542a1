import { startDeskSite, type DeskSite } from './desk-site.js';

type Json = Record<string, unknown>;

describe('Assets: workspace, AQL search, objects, connected tickets, create and update', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite();
  });
  afterAll(() => site.close());

  const store = () => site.sandbox.site.assets;
  const valuesOf = (key: string, attribute: string) => {
    const o = store().object(key)!;
    const def = store()
      .attributesOf(o.objectTypeId)
      .find((a) => a.name === attribute)!;
    return o.attributes.find((a) => a.attributeId === def.id)?.values ?? [];
  };

  it('discovers the workspace with its schemas and object types', async () => {
    const { text, structured } = await site.ok('servicedesk_get_assets_workspace');
    expect(structured.workspaceId).toBe(store().workspaceId);
    expect(text).toMatch(/ITAM IT Assets \(schema 1, 20 objects\): Laptop \(1, 8\), Server \(2, 6\), Business Service/);
  });

  it('searches with AQL, page by page, and explains a bad query', async () => {
    const first = await site.ok('servicedesk_search_assets', { aql: 'objectType = Laptop', limit: 5 });
    const rows = first.structured.assets as Json[];
    expect(rows).toHaveLength(5);
    expect(first.text).toMatch(/^key \| type \| label \| attributes\n<untrusted \w{6} assets>\nITAM-1 \| Laptop \| /);
    const next = await site.ok('servicedesk_search_assets', {
      aql: 'objectType = Laptop',
      limit: 5,
      cursor: first.structured.nextCursor,
    });
    expect((next.structured.assets as Json[]).map((a) => a.key)).toEqual(['ITAM-6', 'ITAM-7', 'ITAM-8']);
    expect(next.structured.nextCursor).toBeUndefined();
    const bad = await site.fails('servicedesk_search_assets', { aql: 'objectType = Spaceship' });
    expect(bad).toMatch(/Error \(input\).*object type 'Spaceship' does not exist/);
  });

  it('reads an object by key or id with attributes by name and its references', async () => {
    const byKey = await site.ok('servicedesk_get_asset', { objectId: 'ITAM-15' });
    expect(byKey.text).toMatch(/^ITAM-15 · Business Service · Single sign-on \(Okta\) \(object 15/);
    expect(byKey.text).toMatch(/Runs on: ITAM-10 sso-idp-01/);
    expect(byKey.text).toMatch(/references: 4 Business Service inbound; 1 Server outbound/);
    const byId = await site.ok('servicedesk_get_asset', { objectId: '15' });
    expect(byId.structured.key).toBe('ITAM-15');
    expect(await site.fails('servicedesk_get_asset', { objectId: 'ITAM-999' })).toMatch(/not_found/);
    expect(await site.fails('servicedesk_get_asset', { objectId: '../1' })).toMatch(/Expected an object id/);
  });

  it('lists the objects in a request’s Assets fields, and the tickets connected to an object', async () => {
    const { text, structured } = await site.ok('servicedesk_get_request_assets', { issueKey: 'ITS-1' });
    expect(text).toMatch(/^Affected assets:\n<untrusted \w{6} assets>\nITAM-16 \| Business Service \| VPN/);
    expect(((structured.fields as Json[])[0]!.assets as Json[]).map((a) => a.key)).toEqual(['ITAM-16', 'ITAM-9']);
    const tickets = await site.ok('servicedesk_get_asset_tickets', { objectId: 'ITAM-16' });
    expect((tickets.structured.tickets as Json[]).map((t) => t.key)).toEqual(
      expect.arrayContaining(['ITS-1', 'ITS-7']),
    );
    expect((await site.ok('servicedesk_get_request_assets', { issueKey: 'HR-1' })).text).toBe(
      'HR-1 has no Assets objects.',
    );
  });

  it('creates an object with attributes by name (references by key, status by name) and updates it', async () => {
    const before = store().objects.size;
    const created = await site.ok('servicedesk_create_asset', {
      objectType: 'laptop',
      attributes: { Name: 'MBP-14 Nora', 'Serial number': 'C02TEST0001', Status: 'In use' },
    });
    const key = created.structured.key as string;
    expect(created.text).toMatch(new RegExp(`^Created ${key} · Laptop · MBP-14 Nora`));
    expect(store().objects.size).toBe(before + 1);
    expect(valuesOf(key, 'Serial number')).toEqual(['C02TEST0001']);

    const updated = await site.ok('servicedesk_update_asset', {
      objectId: key,
      attributes: { 'serial number': 'C02TEST0002', Model: 'MacBook Pro 14" M4' },
    });
    expect(updated.text).toMatch(/Serial number: C02TEST0002/);
    expect(valuesOf(key, 'Serial number')).toEqual(['C02TEST0002']);
    expect(valuesOf(key, 'Model')).toEqual(['MacBook Pro 14" M4']);

    const service = await site.ok('servicedesk_create_asset', {
      objectType: 'Business Service',
      attributes: { Name: 'Build farm', 'Runs on': ['ITAM-9'] },
    });
    expect(service.text).toMatch(/Runs on: ITAM-9 vpn-gw-01/);
  });

  it('refuses a missing label, an unknown type or attribute before writing, and passes Assets’ own checks on', async () => {
    site.sandbox.requests.clear();
    expect(await site.fails('servicedesk_create_asset', { objectType: 'Laptop', attributes: { Model: 'x' } })).toMatch(
      /needs its Name/,
    );
    expect(await site.fails('servicedesk_create_asset', { objectType: 'Toaster', attributes: { Name: 'x' } })).toMatch(
      /No object type "Toaster".*Laptop \(1\)/s,
    );
    expect(await site.fails('servicedesk_update_asset', { objectId: 'ITAM-1', attributes: { Colour: 'red' } })).toMatch(
      /"Colour" is not an attribute you can set.*Serial number/s,
    );
    expect(site.sandbox.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/object/aql'))).toHaveLength(0);
    const clash = await site.fails('servicedesk_update_asset', {
      objectId: 'ITAM-2',
      attributes: { 'Serial number': valuesOf('ITAM-1', 'Serial number')[0]! },
    });
    expect(clash).toMatch(/Error \(input\).*already used by ITAM-1/);
  });
});

describe('Assets under a project allowlist', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite({ allowProjects: ['HR'] });
  });
  afterAll(() => site.close());

  it('hides connected tickets of other projects and refuses a request outside', async () => {
    const { text, structured } = await site.ok('servicedesk_get_asset_tickets', { objectId: 'ITAM-16' });
    expect(structured.tickets).toEqual([]);
    expect(text).toMatch(/No tickets connected to ITAM-16 \(\d+ outside the project allowlist\)/);
    expect(await site.fails('servicedesk_get_request_assets', { issueKey: 'ITS-1' })).toMatch(/not_allowed/);
  });
});
