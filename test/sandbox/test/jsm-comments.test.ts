// Request comments: internal notes never reach a customer's view (whatever they ask for), public
// replies do; both are Jira comments carrying `sd.public.comment`, so /rest/api/3 agrees.
import { startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

const SD = '/rest/servicedeskapi';
const bodies = (r: { body: any }) => r.body.values.map((c: any) => [c.public, c.body]);

describe('internal and public comments', () => {
  it('shows an agent both kinds, labelled', async () => {
    const r = await s.call('GET', `${SD}/request/HR-7/comment`, { as: 'lena' });
    expect(r.status).toBe(200);
    expect(bodies(r)).toEqual([
      [true, 'Thanks Farah, we are updating it before the next payroll run.'],
      [false, 'Verified identity by phone; updating the IBAN in the payroll system. Do not share the old IBAN.'],
    ]);
    expect(bodies(await s.call('GET', `${SD}/request/HR-7/comment?public=false`, { as: 'lena' }))).toEqual([
      [false, expect.stringContaining('Verified identity')],
    ]);
  });

  it('never returns an internal comment to the customer, even when asked for internal ones', async () => {
    const mine = await s.call('GET', `${SD}/request/HR-7/comment`, { as: 'farah' });
    expect(bodies(mine)).toEqual([[true, 'Thanks Farah, we are updating it before the next payroll run.']]);
    expect(
      (await s.call('GET', `${SD}/request/HR-7/comment?internal=true&public=false`, { as: 'farah' })).body.values,
    ).toEqual([]);
    const expanded = await s.call('GET', `${SD}/request/HR-7?expand=comment`, { as: 'farah' });
    expect(expanded.body.comments.values.every((c: any) => c.public)).toBe(true);
    const internalId = s.sb.site.jira.comments(s.sb.site.jira.issue('HR-7')!.id).find((c) => c.properties)!.id;
    expect((await s.call('GET', `${SD}/request/HR-7/comment/${internalId}`, { as: 'farah' })).status).toBe(404);
    expect((await s.call('GET', `${SD}/request/HR-7/comment/${internalId}`, { as: 'lena' })).body.public).toBe(false);
  });

  it('an internal note an agent adds stays hidden from the customer; a public reply reaches them', async () => {
    const note = await s.call('POST', `${SD}/request/HR-7/comment`, {
      as: 'lena',
      body: { body: 'Payroll provider confirmed the *new IBAN*.', public: false },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ public: false, body: 'Payroll provider confirmed the *new IBAN*.' });
    const reply = await s.call('POST', `${SD}/request/HR-7/comment`, {
      as: 'lena',
      body: { body: 'Done: your next salary goes to the new account.', public: true },
    });
    expect(reply.body.public).toBe(true);
    const customerView = bodies(await s.call('GET', `${SD}/request/HR-7/comment`, { as: 'farah' }));
    expect(customerView).toContainEqual([true, 'Done: your next salary goes to the new account.']);
    expect(customerView.map(([, b]: [boolean, string]) => b)).not.toContain(
      'Payroll provider confirmed the *new IBAN*.',
    );

    // The same comments through Jira: internal ones carry jsdPublic=false and the JSM property.
    const jira = await s.call('GET', `/rest/api/3/issue/HR-7/comment`);
    const byId = Object.fromEntries(jira.body.comments.map((c: any) => [c.id, c]));
    expect(byId[note.body.id].jsdPublic).toBe(false);
    expect(byId[reply.body.id].jsdPublic).toBe(true);
    expect(byId[note.body.id].body.content[0].content).toContainEqual({
      type: 'text',
      text: 'new IBAN',
      marks: [{ type: 'strong' }],
    });
  });

  it('a comment made through Jira with the JSM property is internal here too', async () => {
    const r = await s.call('POST', '/rest/api/3/issue/HR-7/comment', {
      as: 'lena',
      body: {
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Via Jira, internal' }] }],
        },
        properties: [{ key: 'sd.public.comment', value: { internal: true } }],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.jsdPublic).toBe(false);
    const farah = bodies(await s.call('GET', `${SD}/request/HR-7/comment`, { as: 'farah' }));
    expect(farah.map(([, b]: [boolean, string]) => b)).not.toContain('Via Jira, internal');
    const lena = bodies(await s.call('GET', `${SD}/request/HR-7/comment`, { as: 'lena' }));
    expect(lena).toContainEqual([false, 'Via Jira, internal']);
  });

  it('a customer cannot write an internal comment', async () => {
    const r = await s.call('POST', `${SD}/request/HR-7/comment`, {
      as: 'farah',
      body: { body: 'psst', public: false },
    });
    expect(r.status).toBe(403);
    expect(r.body.errorMessage).toBe('Only agents can add internal comments.');
  });

  it("a customer's reply moves a request waiting for them back to support", async () => {
    expect(s.sb.site.jira.statuses.get(s.sb.site.jira.issue('ITS-6')!.fields.status)!.name).toBe(
      'Waiting for customer',
    );
    const r = await s.call('POST', `${SD}/request/ITS-6/comment`, {
      as: 'tom',
      body: { body: 'All the runbooks, and search.' },
    });
    expect(r.status).toBe(201);
    expect(r.body.public).toBe(true);
    expect((await s.call('GET', `${SD}/request/ITS-6`, { as: 'tom' })).body.currentStatus.status).toBe(
      'Waiting for support',
    );
  });

  it('renders bodies as HTML on request, and refuses an empty one', async () => {
    const r = await s.call('GET', `${SD}/request/ITS-1/comment?expand=renderedBody`, { as: 'priya' });
    expect(r.body.values[0].renderedBody.html).toContain('<p>');
    expect(r.body.values.every((c: any) => c.public)).toBe(true);
    const empty = await s.call('POST', `${SD}/request/ITS-1/comment`, { as: 'priya', body: { body: '  ' } });
    expect(empty.status).toBe(400);
    const wrongType = await s.call('POST', `${SD}/request/ITS-1/comment`, {
      as: 'priya',
      body: { body: 'x', public: 'yes' },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errorMessage).toContain('public');
  });
});
