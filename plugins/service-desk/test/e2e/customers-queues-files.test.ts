import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerEmail, startDeskSite, type DeskSite } from './desk-site.js';

type Json = Record<string, unknown>;

describe('customers and organizations', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite();
  });
  afterAll(() => site.close());

  it('finds customers of a desk by name or email', async () => {
    const { structured, text } = await site.ok('servicedesk_list_customers', { serviceDeskId: 'ITS', query: 'acme' });
    expect((structured.customers as Json[]).map((c) => c.name).sort()).toEqual(['Alex Morgan', 'Bea Santos']);
    expect(text).toMatch(/Alex Morgan <alex\.morgan@acme-retail\.example> \(qm:/);
  });

  it('creates a customer and adds them to a desk; they can then raise requests there', async () => {
    const { structured, text } = await site.ok('servicedesk_create_customer', {
      email: 'nina.kovac@partner.example',
      displayName: 'Nina Kovac',
      serviceDeskId: 'HR',
    });
    expect(text).toMatch(
      /^Created customer Nina Kovac <nina\.kovac@partner\.example> \(qm:[^)]+\) and added them to HR\.$/,
    );
    const desk = site.sandbox.site.jsm.desks.get('2')!;
    expect(desk.customerIds).toContain(structured.accountId);
    const bad = await site.fails('servicedesk_create_customer', { email: 'not-an-email', displayName: 'X' });
    expect(bad).toMatch(/is not an email address/);
    const again = await site.fails('servicedesk_create_customer', {
      email: 'nina.kovac@partner.example',
      displayName: 'Nina Kovac',
    });
    expect(again).toMatch(/Error \(conflict\).*already exists/s);
  });

  it('adds existing customers to a desk', async () => {
    const gus = site.sandbox.credentials.users.find((u) => u.displayName === 'Gus Ortega')!.accountId;
    expect(site.sandbox.site.jsm.desks.get('2')!.customerIds).not.toContain(gus);
    const { text } = await site.ok('servicedesk_add_customers', { serviceDeskId: '2', accountIds: [gus, gus] });
    expect(text).toBe('Added 1 customer(s) to HR.');
    expect(site.sandbox.site.jsm.desks.get('2')!.customerIds).toContain(gus);
  });

  it('lists organizations (all, of a desk, of a person) and adds customers to one', async () => {
    const all = await site.ok('servicedesk_list_organizations');
    expect((all.structured.organizations as Json[]).map((o) => o.name)).toEqual([
      'Acme Retail',
      'Nimbus Contractors',
      'New Hires 2026',
    ]);
    const hr = await site.ok('servicedesk_list_organizations', { serviceDeskId: 'HR' });
    expect(hr.text).toMatch(/^<untrusted \w+ organizations>\n3 New Hires 2026\n/);
    const alex = site.sandbox.credentials.users.find((u) => u.displayName === 'Alex Morgan')!.accountId;
    const of = await site.ok('servicedesk_list_organizations', { accountId: alex });
    expect((of.structured.organizations as Json[]).map((o) => o.id)).toEqual(['1']);
    await site.ok('servicedesk_add_organization_customers', { organizationId: '3', accountIds: [alex] });
    expect(site.sandbox.site.jsm.organizations.get('3')!.memberIds).toContain(alex);
  });
});

describe('queues, attachments and satisfaction feedback', () => {
  let site: DeskSite;
  let dir: string;
  let alex: string;
  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'sd-files-')));
    site = await startDeskSite({ allowedDirs: [dir] });
    alex = customerEmail(site.sandbox, 'Alex Morgan');
  });
  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists a desk’s queues with counts and pages through a queue', async () => {
    const { structured } = await site.ok('servicedesk_list_queues', { serviceDeskId: 'ITS' });
    const queues = structured.queues as Array<{ id: string; name: string; count: number }>;
    expect(queues.length).toBeGreaterThan(1);
    const busiest = [...queues].sort((a, b) => b.count - a.count)[0]!;
    expect(busiest.count).toBeGreaterThan(2);
    const first = await site.ok('servicedesk_get_queue_requests', {
      serviceDeskId: 'ITS',
      queueId: busiest.id,
      limit: 2,
    });
    expect((first.structured.requests as Json[]).length).toBe(2);
    expect(first.text).toMatch(/^key \| status \| type \| assignee \| reporter \| summary\n/);
    const next = await site.ok('servicedesk_get_queue_requests', {
      serviceDeskId: 'ITS',
      queueId: busiest.id,
      limit: 2,
      cursor: first.structured.nextCursor,
    });
    expect((next.structured.requests as Json[])[0]!.key).not.toBe((first.structured.requests as Json[])[0]!.key);
  });

  const portalFiles = async (key: string) =>
    (
      await site.rest<{ values: Array<{ filename: string }> }>(
        `/rest/servicedeskapi/request/${key}/attachment?start=0&limit=50`,
        alex,
      )
    ).values.map((a) => a.filename);

  it('attaches an internal file the customer does not see, and a public one (from a local path) that they do', async () => {
    const internal = await site.ok('servicedesk_add_attachment', {
      issueKey: 'ITS-2',
      public: false,
      base64: Buffer.from('mdm policy dump').toString('base64'),
      filename: 'policy.txt',
      comment: 'Policy dump from *Intune*',
    });
    expect(internal.text).toMatch(/^Attached policy\.txt to ITS-2 as INTERNAL: agents only\./);
    const file = join(dir, 'steps.png');
    await writeFile(file, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const pub = await site.ok('servicedesk_add_attachment', { issueKey: 'ITS-2', public: true, path: file });
    expect(pub.text).toMatch(/^Attached steps\.png to ITS-2 as PUBLIC: the customer sees it\./);
    expect(await portalFiles('ITS-2')).toContain('steps.png');
    expect(await portalFiles('ITS-2')).not.toContain('policy.txt');
    const agent = await site.ok('servicedesk_list_attachments', { issueKey: 'ITS-2' });
    expect(agent.text).toMatch(/policy\.txt \(15 B, text\/plain, Maya Chen/);
    expect(agent.text).toMatch(/steps\.png \(4 B, image\/png/);
  });

  it('refuses a bad upload before sending anything', async () => {
    site.sandbox.requests.clear();
    expect(await site.fails('servicedesk_add_attachment', { issueKey: 'ITS-2', public: false })).toMatch(
      /exactly one of `path` or `base64`/,
    );
    expect(
      await site.fails('servicedesk_add_attachment', { issueKey: 'ITS-2', public: false, base64: 'aGk=' }),
    ).toMatch(/`filename` is required/);
    expect(site.sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('reads satisfaction feedback, and says when there is none', async () => {
    const rated = [...site.sandbox.site.jsm.requests.values()].find((r) => r.feedback?.comment)!;
    const key = site.sandbox.site.jira.issues.get(rated.issueId)!.key;
    const { text, structured } = await site.ok('servicedesk_get_feedback', { issueKey: key });
    expect(structured).toMatchObject({ given: true, rating: rated.feedback!.rating });
    expect(text).toMatch(new RegExp(`^${key}: rated ${rated.feedback!.rating}/5 [★☆]{5}\\n<untrusted`));
    const none = await site.ok('servicedesk_get_feedback', { issueKey: 'ITS-1' });
    expect(none.text).toBe('No satisfaction feedback on ITS-1 (status Work in progress).');
  });
});
