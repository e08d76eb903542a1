// What moves a request: approvals (decisions drive the workflow), customer transitions, Jira
// transitions, participants, notification subscription and CSAT feedback.
import { startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

const SD = '/rest/servicedeskapi';
const status = async (key: string) => (await s.call('GET', `${SD}/request/${key}`)).body.currentStatus.status;

describe('approvals', () => {
  it('shows the pending approval, answerable only by its approver', async () => {
    const asLena = await s.call('GET', `${SD}/request/ITS-15/approval`, { as: 'lena' });
    expect(asLena.body.values).toMatchObject([
      {
        id: expect.any(String),
        name: 'Manager approval',
        finalDecision: 'pending',
        canAnswerApproval: false,
        approvers: [{ approver: { displayName: 'Maya Chen' }, approverDecision: 'pending' }],
      },
    ]);
    const id = asLena.body.values[0].id;
    expect((await s.call('GET', `${SD}/request/ITS-15/approval/${id}`)).body.canAnswerApproval).toBe(true);
    const notApprover = await s.call('POST', `${SD}/request/ITS-15/approval/${id}`, {
      as: 'sam',
      body: { decision: 'approve' },
    });
    expect(notApprover.status).toBe(403);
    expect(await status('ITS-15')).toBe('Waiting for approval');
  });

  it('approving moves the request on to support; a second answer is a conflict', async () => {
    const id = (await s.call('GET', `${SD}/request/ITS-15/approval`)).body.values[0].id;
    const r = await s.call('POST', `${SD}/request/ITS-15/approval/${id}`, { body: { decision: 'approve' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      finalDecision: 'approved',
      canAnswerApproval: false,
      completedDate: expect.any(Object),
    });
    expect(await status('ITS-15')).toBe('Waiting for support');
    const history = (await s.call('GET', `${SD}/request/ITS-15/status`)).body.values.map((v: any) => v.status);
    expect(history).toEqual(['Waiting for approval', 'Waiting for support']);
    const again = await s.call('POST', `${SD}/request/ITS-15/approval/${id}`, { body: { decision: 'decline' } });
    expect(again.status).toBe(409);
    expect(again.body.errorMessage).toBe('This approval has already been decided.');
  });

  it('a decline by any approver declines the request and resolves it as "Won\'t Do"', async () => {
    // Diego approves software access without being an agent: approvers see the request.
    expect((await s.call('GET', `${SD}/request/ITS-20`, { as: 'diego' })).status).toBe(200);
    const id = (await s.call('GET', `${SD}/request/ITS-20/approval`, { as: 'diego' })).body.values[0].id;
    const r = await s.call('POST', `${SD}/request/ITS-20/approval/${id}`, {
      as: 'diego',
      body: { decision: 'decline' },
    });
    expect(r.body.approvers.map((a: any) => a.approverDecision)).toEqual(['pending', 'declined']);
    expect(r.body.finalDecision).toBe('declined');
    expect(await status('ITS-20')).toBe('Declined');
    expect((await s.call('GET', '/rest/api/3/issue/ITS-20?fields=resolution')).body.fields.resolution.name).toBe(
      "Won't Do",
    );
  });

  it('refuses a decision the spec does not know', async () => {
    const id = (await s.call('GET', `${SD}/request/ITS-23/approval`)).body.values[0].id;
    const r = await s.call('POST', `${SD}/request/ITS-23/approval/${id}`, { as: 'jonas', body: { decision: 'maybe' } });
    expect(r.status).toBe(400);
    expect(r.body.i18nErrorMessage.parameters).toContain('decision');
  });
});

describe('transitions', () => {
  it('offers the customer transitions of the current status and performs one with a comment', async () => {
    const t = await s.call('GET', `${SD}/request/ITS-9/transition`, { as: 'bea' });
    expect(t.body.values).toEqual([
      { id: '51', name: 'Resolve this issue' },
      { id: '91', name: 'Cancel request' },
    ]);
    const r = await s.call('POST', `${SD}/request/ITS-9/transition`, {
      as: 'bea',
      body: { id: '91', additionalComment: { body: 'Found the guide, thanks.' } },
    });
    expect(r.status).toBe(204);
    expect(await status('ITS-9')).toBe('Canceled');
    const comments = (await s.call('GET', `${SD}/request/ITS-9/comment`, { as: 'bea' })).body.values;
    expect(comments.map((c: any) => [c.public, c.body])).toEqual([[true, 'Found the guide, thanks.']]);
    expect((await s.call('GET', `${SD}/request/ITS-9/transition`, { as: 'bea' })).body.values).toEqual([]);
  });

  it('refuses a transition that is not offered', async () => {
    const r = await s.call('POST', `${SD}/request/ITS-14/transition`, { as: 'tom', body: { id: '61' } });
    expect(r.status).toBe(400);
    expect(r.body.errorMessage).toContain('not valid for request ITS-14');
  });

  it('sees a Jira workflow transition done through /rest/api/3', async () => {
    const r = await s.call('POST', '/rest/api/3/issue/ITS-14/transitions', {
      as: 'sam',
      body: { transition: { id: '51' } },
    });
    expect(r.status).toBe(204);
    const req = await s.call('GET', `${SD}/request/ITS-14?expand=status`, { as: 'tom' });
    expect(req.body.currentStatus).toMatchObject({ status: 'Resolved', statusCategory: 'DONE' });
    expect(req.body.status.values.map((v: any) => v.status)).toEqual([
      'Waiting for support',
      'Work in progress',
      'Resolved',
    ]);
  });
});

describe('participants and notifications', () => {
  it('adds a participant, who can then see the request; removing them hides it again', async () => {
    const gus = s.accountId('gus');
    expect((await s.call('GET', `${SD}/request/ITS-2`, { as: 'gus' })).status).toBe(404);
    const added = await s.call('POST', `${SD}/request/ITS-2/participant`, { as: 'alex', body: { accountIds: [gus] } });
    expect(added.status).toBe(200);
    expect(added.body.values.map((u: any) => u.accountId)).toEqual([gus]);
    expect((await s.call('GET', `${SD}/request/ITS-2`, { as: 'gus' })).status).toBe(200);
    const jira = await s.call('GET', '/rest/api/3/issue/ITS-2?fields=customfield_10050');
    expect(jira.body.fields.customfield_10050.map((u: any) => u.displayName)).toEqual(['Gus Ortega']);
    const jql = await s.call('POST', '/rest/api/3/search/jql', {
      body: { jql: `"Request participants" = "${gus}"`, fields: ['key'] },
    });
    expect(jql.body.issues.map((i: any) => i.key)).toEqual(['ITS-2']);
    const removed = await s.call('DELETE', `${SD}/request/ITS-2/participant`, {
      as: 'sam',
      body: { accountIds: [gus] },
    });
    expect(removed.body.values).toEqual([]);
    expect((await s.call('GET', `${SD}/request/ITS-2`, { as: 'gus' })).status).toBe(404);
  });

  it('refuses unknown accounts and strangers', async () => {
    const r = await s.call('POST', `${SD}/request/ITS-2/participant`, {
      as: 'alex',
      body: { accountIds: ['qm:nobody'] },
    });
    expect(r.status).toBe(400);
    expect(r.body.errorMessage).toContain('qm:nobody');
    expect(
      (
        await s.call('POST', `${SD}/request/ITS-2/participant`, {
          as: 'gus',
          body: { accountIds: [s.accountId('gus')] },
        })
      ).status,
    ).toBe(404);
  });

  it('subscribes and unsubscribes the caller from notifications', async () => {
    const get = async () => (await s.call('GET', `${SD}/request/ITS-24/notification`, { as: 'alex' })).body.subscribed;
    expect(await get()).toBe(true);
    expect((await s.call('DELETE', `${SD}/request/ITS-24/notification`, { as: 'alex' })).status).toBe(204);
    expect(await get()).toBe(false);
    expect((await s.call('PUT', `${SD}/request/ITS-24/notification`, { as: 'alex' })).status).toBe(204);
    expect(await get()).toBe(true);
    expect((await s.call('GET', `${SD}/request/ITS-24/notification`, { as: 'bea' })).body.subscribed).toBe(false);
  });
});

describe('feedback (CSAT)', () => {
  it('reads the rating and comment of a resolved request', async () => {
    const r = await s.call('GET', `${SD}/request/ITS-4/feedback`, { as: 'diego' });
    expect(r.body).toEqual({ type: 'csat', rating: 5, comment: { body: 'Super quick, thanks!' } });
    expect(
      (await s.call('GET', '/rest/api/3/issue/ITS-4?fields=customfield_10053')).body.fields.customfield_10053,
    ).toEqual({ rating: 5 });
    const noOptIn = await s.sb.fetch(`${SD}/request/ITS-4/feedback`, { headers: { authorization: s.sb.basicAuth() } });
    expect(noOptIn.status).toBe(412);
  });

  it('takes feedback from the reporter once resolved, and removes it', async () => {
    const open = await s.call('POST', `${SD}/request/ITS-26/feedback`, {
      as: 'dana',
      body: { rating: 4, type: 'csat' },
    });
    expect(open.status).toBe(400);
    const notReporter = await s.call('POST', `${SD}/request/ITS-10/feedback`, { as: 'sam', body: { rating: 4 } });
    expect(notReporter.status).toBe(403);
    const r = await s.call('POST', `${SD}/request/ITS-10/feedback`, {
      as: 'priya',
      body: { rating: 4, type: 'csat', comment: { body: 'Quick.' } },
    });
    expect(r.status).toBe(201);
    expect((await s.call('GET', `${SD}/request/ITS-10/feedback`, { as: 'priya' })).body.rating).toBe(4);
    expect((await s.call('POST', `${SD}/request/ITS-10/feedback`, { as: 'priya', body: { rating: 9 } })).status).toBe(
      400,
    );
    expect((await s.call('DELETE', `${SD}/request/ITS-10/feedback`, { as: 'priya' })).status).toBe(204);
    expect((await s.call('GET', `${SD}/request/ITS-10/feedback`, { as: 'priya' })).status).toBe(404);
  });
});
