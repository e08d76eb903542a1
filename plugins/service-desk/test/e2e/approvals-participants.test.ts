import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerEmail, startDeskSite, type DeskSite } from './desk-site.js';

type Json = Record<string, unknown>;

describe('approvals: decided by the approver, confirmed through elicitation, audited', () => {
  let site: DeskSite;
  let dir: string;
  let answer: 'accept' | 'decline';
  const asked: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sd-audit-'));
    site = await startDeskSite({ capabilities: { elicitation: { form: {} } }, auditFile: join(dir, 'audit.jsonl') });
    site.mcp.client.setRequestHandler('elicitation/create', (async (req: { params: { message: string } }) => {
      asked.push(req.params.message);
      return answer === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
    }) as never);
  });
  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  const approvalOf = (key: string) => {
    const issue = site.sandbox.site.jira.issuesByKey.get(key)!;
    return site.sandbox.site.jsm.approvalsOf(issue.id)[0]!;
  };
  const statusOf = (key: string) =>
    site.sandbox.site.jira.statuses.get(site.sandbox.site.jira.issuesByKey.get(key)!.fields.status)?.name;

  it('lists the requests awaiting your approval, and a request’s approvals with approvers', async () => {
    const mine = await site.ok('servicedesk_get_approvals');
    const keys = (mine.structured.awaiting as Json[]).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['ITS-19', 'HR-8']));
    expect(keys).not.toContain('ITS-20');
    const one = await site.ok('servicedesk_get_approvals', { issueKey: 'ITS-19' });
    expect(one.text).toMatch(
      /^<untrusted (\w{6}) approvals>\n\d+ Manager approval: PENDING \(awaits YOUR decision\); approvers Maya Chen pending\n<\/untrusted \1>$/,
    );
  });

  it('asks the user first; declined, nothing is recorded', async () => {
    answer = 'decline';
    const { text, structured } = await site.ok('servicedesk_approve_request', {
      issueKey: 'ITS-19',
      decision: 'approve',
    });
    expect(structured.decided).toBe(false);
    expect(text).toMatch(/Not approved: the user did not confirm/);
    expect(asked[0]).toMatch(
      /^Approve "Manager approval" on ITS-19 \("Docking station for the home office", raised by Tom Becker\)\? The decision is recorded under your name/,
    );
    expect(approvalOf('ITS-19').finalDecision).toBe('pending');
    expect(statusOf('ITS-19')).toBe('Waiting for approval');
  });

  it('approves once confirmed: the approval completes and the request moves on; the decision is audited', async () => {
    answer = 'accept';
    const { text } = await site.ok('servicedesk_approve_request', { issueKey: 'ITS-19', decision: 'approve' });
    expect(text).toBe(
      'Approved "Manager approval" on ITS-19: the approval is now approved; request status Waiting for support.',
    );
    expect(approvalOf('ITS-19').finalDecision).toBe('approved');
    expect(statusOf('ITS-19')).toBe('Waiting for support');
    const records = (await readFile(join(dir, 'audit.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Json);
    const approval = approvalOf('ITS-19');
    expect(records.filter((r) => r.tool === 'servicedesk_approve_request')).toEqual([
      expect.objectContaining({ target: 'ITS-19 approval (pending): approve', outcome: 'ok' }),
      expect.objectContaining({ target: 'ITS-19 approval (pending): approve', outcome: 'ok' }),
    ]);
    expect(approval.approvers[0]!.decision).toBe('approved');
  });

  it('declines by approval id', async () => {
    const id = approvalOf('HR-8').id;
    const { text } = await site.ok('servicedesk_approve_request', {
      issueKey: 'HR-8',
      approvalId: id,
      decision: 'decline',
    });
    expect(text).toMatch(
      /^Declined "Line manager approval" on HR-8: the approval is now declined; request status Declined\./,
    );
  });

  it('refuses a decided approval and one you are not an approver of, without writing', async () => {
    site.sandbox.requests.clear();
    expect(await site.fails('servicedesk_approve_request', { issueKey: 'ITS-19', decision: 'decline' })).toMatch(
      /Say which approval of ITS-19 to answer|already approved/,
    );
    const id = approvalOf('ITS-19').id;
    expect(
      await site.fails('servicedesk_approve_request', { issueKey: 'ITS-19', approvalId: id, decision: 'decline' }),
    ).toMatch(/Error \(conflict\): "Manager approval" on ITS-19 is already approved/);
    const notMine = await site.fails('servicedesk_approve_request', { issueKey: 'ITS-20', decision: 'approve' });
    expect(notMine).toMatch(/Error \(not_allowed\): You are not a pending approver of "Application owner approval"/);
    expect(notMine).toMatch(/Approvers: Jonas Weber \(pending\), Diego Alvarez \(pending\)/);
    expect(site.sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});

describe('participants and notifications', () => {
  let site: DeskSite;
  let bea: string;
  let beaId: string;
  beforeAll(async () => {
    site = await startDeskSite({ capabilities: { elicitation: { form: {} } } });
    site.mcp.client.setRequestHandler('elicitation/create', (async () => ({
      action: 'accept',
      content: { confirm: true },
    })) as never);
    bea = customerEmail(site.sandbox, 'Bea Santos');
    beaId = site.sandbox.credentials.users.find((u) => u.email === bea)!.accountId;
  });
  afterAll(() => site.close());

  const beaSees = (key: string) =>
    site.rest(`/rest/servicedeskapi/request/${key}`, bea).then(
      () => true,
      () => false,
    );

  it('adds a participant, who then sees the request on the portal, and removes them again', async () => {
    expect(await beaSees('ITS-3')).toBe(false);
    const added = await site.ok('servicedesk_add_participants', { issueKey: 'ITS-3', accountIds: [beaId] });
    expect(added.text).toMatch(/they now see the request and its public comments/);
    expect((added.structured.participants as Json[]).map((p) => p.accountId)).toContain(beaId);
    expect(await beaSees('ITS-3')).toBe(true);
    const listed = await site.ok('servicedesk_get_participants', { issueKey: 'ITS-3' });
    expect(listed.text).toContain(`Bea Santos <${bea}> (${beaId})`);
    await site.ok('servicedesk_remove_participants', { issueKey: 'ITS-3', accountIds: [beaId] });
    expect(await beaSees('ITS-3')).toBe(false);
  });

  it('subscribes and unsubscribes the signed-in account', async () => {
    const off = await site.ok('servicedesk_manage_notifications', { issueKey: 'ITS-3', subscribe: false });
    expect(off.text).toBe('You are unsubscribed from notifications of ITS-3.');
    expect(
      (await site.rest<{ subscribed: boolean }>('/rest/servicedeskapi/request/ITS-3/notification')).subscribed,
    ).toBe(false);
    const on = await site.ok('servicedesk_manage_notifications', { issueKey: 'ITS-3', subscribe: true });
    expect(on.structured.subscribed).toBe(true);
  });
});
