// SLAs computed on the sandbox clock (met, running, breached, paused, a reopened cycle; 24/7 and
// business-hours calendars) and queues whose contents are exactly their JQL's results.
import { startSandbox } from '@atlassian-mcp/sandbox';
import { addWorking, workingMs } from '../src/jsm/sla/calendar';
import { HOUR, NOW, startJsmSite, type JsmSite } from './jsm-site';

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

const SD = '/rest/servicedeskapi';
const MIN = 60_000;
const sla = async (key: string, as: Parameters<JsmSite['call']>[2] = {}) => {
  const r = await s.call('GET', `${SD}/request/${key}/sla`, as);
  expect(r.status).toBe(200);
  return Object.fromEntries(r.body.values.map((v: any) => [v.name, v]));
};

describe('SLAs on the deterministic clock', () => {
  it('a running incident: first response met, resolution running with 2h left', async () => {
    const m = await sla('ITS-1', { as: 'priya' });
    expect(m['Time to first response'].completedCycles).toEqual([
      expect.objectContaining({
        startTime: expect.objectContaining({ epochMillis: NOW - 2 * HOUR }),
        stopTime: expect.objectContaining({ epochMillis: NOW - 2 * HOUR + 10 * MIN }),
        breached: false,
        goalDuration: { millis: 30 * MIN, friendly: '30m' },
        elapsedTime: { millis: 10 * MIN, friendly: '10m' },
        remainingTime: { millis: 20 * MIN, friendly: '20m' },
      }),
    ]);
    expect(m['Time to first response'].ongoingCycle).toBeUndefined();
    expect(m['Time to resolution'].ongoingCycle).toEqual({
      startTime: expect.objectContaining({ epochMillis: NOW - 2 * HOUR, jira: '2026-11-02T07:00:00.000+0000' }),
      breachTime: expect.objectContaining({ epochMillis: NOW + 2 * HOUR, iso8601: '2026-11-02T11:00:00+0000' }),
      breached: false,
      paused: false,
      withinCalendarHours: true,
      goalDuration: { millis: 4 * HOUR, friendly: '4h' },
      elapsedTime: { millis: 2 * HOUR, friendly: '2h' },
      remainingTime: { millis: 2 * HOUR, friendly: '2h' },
    });
  });

  it('an unanswered incident has breached both SLAs, with negative remaining time', async () => {
    const m = await sla('ITS-2');
    expect(m['Time to first response'].ongoingCycle).toMatchObject({
      breached: true,
      elapsedTime: { millis: 11 * HOUR },
      remainingTime: { millis: -10.5 * HOUR, friendly: '-10h 30m' },
      breachTime: { epochMillis: NOW - 11 * HOUR + 30 * MIN },
    });
    expect(m['Time to resolution'].ongoingCycle).toMatchObject({
      breached: true,
      remainingTime: { millis: -3 * HOUR, friendly: '-3h' },
      breachTime: { epochMillis: NOW - 3 * HOUR },
    });
  });

  it('a request waiting on a third party is paused; completed cycles keep whether they breached', async () => {
    const pending = (await sla('ITS-3'))['Time to resolution'].ongoingCycle;
    expect(pending).toMatchObject({ paused: true, breached: false, elapsedTime: { millis: 5 * HOUR + MIN } });
    expect(pending.breachTime).toBeUndefined();
    const late = (await sla('ITS-5'))['Time to resolution'].completedCycles;
    expect(late).toMatchObject([
      { breached: true, elapsedTime: { friendly: '12h 1m' }, remainingTime: { friendly: '-4h 1m' } },
    ]);
  });

  it('a reopened request has a completed cycle and a new ongoing one', async () => {
    const ttr = (await sla('ITS-7', { as: 'chris' }))['Time to resolution'];
    expect(ttr.completedCycles).toMatchObject([{ breached: false, elapsedTime: { millis: 3 * HOUR } }]);
    expect(ttr.ongoingCycle).toMatchObject({ paused: true, elapsedTime: { millis: HOUR } });
    const one = await s.call('GET', `${SD}/request/ITS-7/sla/2`, { as: 'chris' });
    expect(one.body).toEqual(ttr);
    expect((await s.call('GET', `${SD}/request/ITS-7/sla/9`)).status).toBe(404);
  });

  it('counts only calendar hours on a business-hours goal', async () => {
    // ITS-10 was raised on Friday 07:00 UTC (before the London office opens) and resolved at 12:00.
    const m = await sla('ITS-10');
    expect(m['Time to resolution'].completedCycles[0]).toMatchObject({
      startTime: { iso8601: '2026-10-30T07:00:00+0000' },
      elapsedTime: { millis: 3 * HOUR },
      goalDuration: { friendly: '16h' },
    });
  });

  it('moves with the clock: an hour later the running SLA has an hour less', async () => {
    const later = await startSandbox({ listen: false, seedNow: NOW, now: () => NOW + HOUR });
    try {
      const r = await later.fetch(`${SD}/request/ITS-1/sla/2`, { headers: { authorization: later.basicAuth() } });
      expect(((await r.json()) as any).ongoingCycle).toMatchObject({
        elapsedTime: { millis: 3 * HOUR },
        remainingTime: { millis: HOUR },
        breached: false,
      });
    } finally {
      await later.close();
    }
  });

  it('shows the SLAs in the Jira issue fields too', async () => {
    const issue = await s.call('GET', '/rest/api/3/issue/ITS-8?fields=customfield_10054,customfield_10055');
    expect(issue.body.fields.customfield_10055).toMatchObject({
      name: 'Time to resolution',
      ongoingCycle: { breached: true },
    });
    expect(issue.body.fields.customfield_10054.completedCycles).toHaveLength(1);
  });
});

describe('SLA calendars', () => {
  const london = {
    id: 'x',
    name: '9-5',
    timeZone: 'Europe/London',
    workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    holidays: ['2026-12-25'],
  };
  it('skips nights, weekends and holidays, and follows daylight saving', () => {
    // Friday 16:00 → Monday 10:00 London: 1h Friday + 1h Monday.
    expect(workingMs(london, Date.parse('2026-10-30T16:00:00Z'), Date.parse('2026-11-02T10:00:00Z'))).toBe(2 * HOUR);
    // In summer time (BST) the office opens at 08:00 UTC.
    expect(workingMs(london, Date.parse('2026-07-01T07:00:00Z'), Date.parse('2026-07-01T09:00:00Z'))).toBe(HOUR);
    // Christmas Day is a holiday.
    expect(workingMs(london, Date.parse('2026-12-25T00:00:00Z'), Date.parse('2026-12-26T00:00:00Z'))).toBe(0);
    expect(addWorking(london, Date.parse('2026-10-30T16:00:00Z'), 2 * HOUR)).toBe(Date.parse('2026-11-02T10:00:00Z'));
  });
});

describe('queues', () => {
  const jqlKeys = async (jql: string, as: 'sam' | 'maya' = 'sam') =>
    (
      await s.call('POST', '/rest/api/3/search/jql', { as, body: { jql, fields: ['key'], maxResults: 500 } })
    ).body.issues.map((i: any) => i.key);

  it('lists the queues of a desk with issue counts equal to their JQL', async () => {
    const r = await s.call('GET', `${SD}/servicedesk/1/queue?includeCount=true`, { as: 'sam' });
    expect(r.status).toBe(200);
    expect(r.body.values.map((q: any) => q.name)).toEqual([
      'All open requests',
      'Unassigned requests',
      'Assigned to me',
      'Open incidents',
      'Waiting for customer',
      'Waiting for approval',
      'Resolved in the last 7 days',
    ]);
    for (const q of r.body.values) expect(q.issueCount).toBe((await jqlKeys(q.jql)).length);
    expect(r.body.values.every((q: any) => q.issueCount > 0)).toBe(true);
    const without = await s.call('GET', `${SD}/servicedesk/1/queue/1`, { as: 'sam' });
    expect(without.body).not.toHaveProperty('issueCount');
  });

  it('gives the issues of a queue in its JQL order, with the queue fields', async () => {
    const q = (await s.call('GET', `${SD}/servicedesk/1/queue/3`, { as: 'sam' })).body;
    const issues = await s.call('GET', `${SD}/servicedesk/1/queue/3/issue`, { as: 'sam' });
    expect(issues.body.values.map((i: any) => i.key)).toEqual(await jqlKeys(q.jql));
    expect(Object.keys(issues.body.values[0].fields).sort()).toEqual(
      [...q.fields].filter((f: string) => f !== 'issuekey').sort(),
    );
    const mayas = await s.call('GET', `${SD}/servicedesk/1/queue/3/issue`, { as: 'maya' });
    expect(mayas.body.values.map((i: any) => i.key)).toEqual(await jqlKeys(q.jql, 'maya'));
  });

  it('is for agents only', async () => {
    expect((await s.call('GET', `${SD}/servicedesk/1/queue`, { as: 'alex' })).status).toBe(403);
    expect((await s.call('GET', `${SD}/servicedesk/2/queue`, { as: 'sam' })).status).toBe(403);
    expect((await s.call('GET', `${SD}/servicedesk/1/queue/99`, { as: 'sam' })).status).toBe(404);
  });
});
