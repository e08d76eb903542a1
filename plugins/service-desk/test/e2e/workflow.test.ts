import { customerEmail, startDeskSite, type DeskSite } from './desk-site.js';

type Comment = { id: string; body: string; public: boolean };

describe('status, transitions and SLAs', () => {
  let site: DeskSite;
  beforeAll(async () => {
    site = await startDeskSite();
  });
  afterAll(() => site.close());

  it('gives the status and its history, oldest first', async () => {
    const { text, structured } = await site.ok('servicedesk_get_request_status', { issueKey: 'ITS-1' });
    expect(text).toMatch(/^ITS-1 is Work in progress since \d{4}-\d{2}-\d{2} \d{2}:\d{2}\.$/m);
    expect((structured.history as Array<{ status: string }>).map((s) => s.status)).toEqual([
      'Waiting for support',
      'Work in progress',
    ]);
  });

  it('lists the transitions available now', async () => {
    const { structured } = await site.ok('servicedesk_get_request_transitions', { issueKey: 'ITS-2' });
    expect(structured.transitions).toEqual([
      { id: '51', name: 'Resolve this issue' },
      { id: '91', name: 'Cancel request' },
    ]);
  });

  it('refuses a transition that is not available, naming the ones that are, before any write', async () => {
    site.sandbox.requests.clear();
    const text = await site.fails('servicedesk_transition_request', { issueKey: 'ITS-2', transition: 'Reopen' });
    expect(text).toMatch(/ITS-2 has no transition "Reopen" now/);
    expect(text).toMatch(/Available: 51 Resolve this issue, 91 Cancel request/);
    expect(site.sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('transitions by name with a public comment the customer then sees', async () => {
    const { text } = await site.ok('servicedesk_transition_request', {
      issueKey: 'ITS-2',
      transition: 'resolve this issue',
      publicComment: 'Mail sync works again after the **policy** update.',
    });
    expect(text).toMatch(/^ITS-2: Resolve this issue done; status now Resolved\./);
    expect(text).toMatch(/added as PUBLIC: the customer sees it/);
    const issue = site.sandbox.site.jira.issuesByKey.get('ITS-2')!;
    expect(site.sandbox.site.jira.statuses.get(issue.fields.status)?.name).toBe('Resolved');
    const portal = await site.rest<{ values: Comment[] }>(
      '/rest/servicedeskapi/request/ITS-2/comment',
      customerEmail(site.sandbox, 'Alex Morgan'),
    );
    expect(portal.values.map((c) => c.body)).toContain('Mail sync works again after the *policy* update.');
  });

  it('transitions by id', async () => {
    const { structured } = await site.ok('servicedesk_transition_request', { issueKey: 'ITS-24', transition: '91' });
    expect(structured.status).toBe('Canceled');
  });

  it('reads SLAs from the SLA API: met, running, breached, paused, missed', async () => {
    const running = await site.ok('servicedesk_get_sla', { issueKey: 'ITS-1' });
    expect(running.text).toMatch(/^Time to first response: MET, took 10m of 30m$/m);
    // The clock runs: a duration is "2h", "1h 59m" or "45m" depending on when the test runs.
    const d = String.raw`\d+[hm](?: \d+m)?`;
    expect(running.text).toMatch(
      new RegExp(`^Time to resolution: (RUNNING, ${d} left of 4h \\(elapsed ${d}\\), breaches|BREACHED)`, 'm'),
    );
    const breached = await site.ok('servicedesk_get_sla', { issueKey: 'ITS-8' });
    expect(breached.text).toMatch(
      new RegExp(`Time to resolution: BREACHED, over by ${d} \\(goal 4h, elapsed ${d}\\), breached \\d{4}-`),
    );
    const paused = await site.ok('servicedesk_get_sla', { issueKey: 'ITS-3' });
    expect(paused.text).toMatch(/Time to resolution: PAUSED, /);
    expect(paused.text).toMatch(/Time to first response: MISSED, took 3h of 1h/);
    expect((paused.structured.sla as Array<{ state: string }>).map((s) => s.state)).toEqual(['missed', 'paused']);
  });
});
