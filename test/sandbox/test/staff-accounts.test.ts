// `staffAccounts`: a site with many distinct staff users for load runs (the hosted load test signs
// in 50 different people); the generated accounts work like the seeded ones.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

describe('staffAccounts', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ staffAccounts: 20 });
  });
  afterAll(() => sb.close());

  it('adds active staff accounts up to the number asked for, each its own person', async () => {
    const staff = sb.credentials.users.filter((u) => u.active && u.email.endsWith('@nimbus-works.example'));
    expect(staff).toHaveLength(20);
    expect(new Set(staff.map((u) => u.accountId)).size).toBe(20);
    expect(new Set(staff.map((u) => u.email)).size).toBe(20);
    const seeded = await startSandbox({ listen: false });
    expect(seeded.credentials.users.length).toBeLessThan(sb.credentials.users.length);
    await seeded.close();
  });

  it('lets a generated account read and comment like a seeded staff member', async () => {
    const user = sb.credentials.users.find((u) => u.email === 'staff.20@nimbus-works.example')!;
    const headers = {
      authorization: `Basic ${Buffer.from(`${user.email}:${user.apiToken}`).toString('base64')}`,
      accept: 'application/json',
      'content-type': 'application/json',
    };
    const me = await fetch(`${sb.url}/rest/api/3/myself`, { headers });
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Staff Member 20');
    const issue = await fetch(`${sb.url}/rest/api/3/issue/NOVA-1?fields=summary`, { headers });
    expect(issue.status).toBe(200);
    const comment = await fetch(`${sb.url}/rest/api/3/issue/NOVA-1/comment`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] },
      }),
    });
    expect(comment.status).toBe(201);
    expect(((await comment.json()) as { author: { accountId: string } }).author.accountId).toBe(user.accountId);
  });
});
