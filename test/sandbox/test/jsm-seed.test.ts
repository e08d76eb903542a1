// The Service Management layer of the seed: committed, deterministic, and added on top of the
// Jira seed without changing a single Jira record.
import {
  generateSeed,
  generateServiceManagementSeed,
  readCommittedSeed,
  SEED_JSM_SNAPSHOT_PATH,
  SEED_SNAPSHOT_NOW,
  startSandbox,
  withServiceManagement,
} from '@atlassian-mcp/sandbox';
import { readFileSync } from 'node:fs';

describe('service management seed', () => {
  it("seed/nimbus-works-jsm.json is the generator's output at SEED_SNAPSHOT_NOW", () => {
    expect(readFileSync(SEED_JSM_SNAPSHOT_PATH, 'utf8')).toBe(
      `${JSON.stringify(generateServiceManagementSeed({ now: SEED_SNAPSHOT_NOW }))}\n`,
    );
  });

  it('leaves the Jira seed as it is: every Jira record keeps its place and value', () => {
    const jira = generateSeed({ now: SEED_SNAPSHOT_NOW });
    const both = withServiceManagement(jira, generateServiceManagementSeed({ now: SEED_SNAPSHOT_NOW }));
    for (const k of [
      'users',
      'statuses',
      'issueTypes',
      'fields',
      'workflows',
      'projects',
      'issues',
      'comments',
    ] as const)
      expect(both.jira[k].slice(0, jira.jira[k].length)).toEqual(jira.jira[k]);
    for (const [k, v] of Object.entries(jira.jira.counters)) expect(both.jira.counters[k]).toBe(v);
    expect(jira).not.toHaveProperty('jsm');
    // The knowledge-base spaces are added to Confluence after everything the Jira seed has.
    for (const k of ['spaces', 'contents', 'labels', 'templates'] as const)
      expect(both.confluence![k].slice(0, jira.confluence![k].length)).toEqual(jira.confluence![k]);
    expect(both.confluence!.spaces.slice(jira.confluence!.spaces.length).map((s) => s.key)).toEqual(['ITKB', 'HRKB']);
    for (const [k, v] of Object.entries(jira.confluence!.counters))
      expect(both.confluence!.counters[k]).toBeGreaterThanOrEqual(v);
    const ids = both.confluence!.contents.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids.map(Number))).toBeLessThan(both.confluence!.counters.content!);
  });

  it('has two desks, 8 request types and 40 requests covering every status, approvals and feedback', () => {
    const snap = readCommittedSeed();
    const jsm = snap.jsm!;
    expect(jsm.serviceDesks).toHaveLength(2);
    expect(jsm.requestTypes).toHaveLength(8);
    expect(jsm.requests).toHaveLength(40);
    const statusName = new Map(snap.jira.statuses.map((s) => [s.id, s.name]));
    const requestIssues = new Set(jsm.requests.map((r) => r.issueId));
    const statuses = new Set(
      snap.jira.issues.filter((i) => requestIssues.has(i.id)).map((i) => statusName.get(i.fields.status)),
    );
    expect([...statuses].sort()).toEqual([
      'Canceled',
      'Closed',
      'Declined',
      'Escalated',
      'Pending',
      'Resolved',
      'Waiting for approval',
      'Waiting for customer',
      'Waiting for support',
      'Work in progress',
    ]);
    expect(new Set(jsm.approvals.map((a) => a.finalDecision))).toEqual(new Set(['pending', 'approved', 'declined']));
    expect(jsm.requests.filter((r) => r.feedback).length).toBeGreaterThanOrEqual(5);
    expect(snap.jira.users.filter((u) => u.accountType === 'customer').map((u) => u.emailAddress)).toHaveLength(7);
    expect(snap.assets!.objects.length).toBeGreaterThanOrEqual(20);
  });

  it('is the default site, and a Jira-only snapshot gives a site without desks', async () => {
    const withDesks = await startSandbox({ listen: false });
    const jiraOnly = await startSandbox({ listen: false, seed: generateSeed({ now: SEED_SNAPSHOT_NOW }) });
    try {
      const auth = { authorization: withDesks.basicAuth() };
      const a = (await (await withDesks.fetch('/rest/servicedeskapi/servicedesk', { headers: auth })).json()) as any;
      expect(a.size).toBe(2);
      const b = (await (await jiraOnly.fetch('/rest/servicedeskapi/servicedesk', { headers: auth })).json()) as any;
      expect(b.size).toBe(0);
      expect(jiraOnly.snapshot()).not.toHaveProperty('jsm');
      expect(withDesks.snapshot().jsm!.requests).toHaveLength(40);
    } finally {
      await withDesks.close();
      await jiraOnly.close();
    }
  });
});
