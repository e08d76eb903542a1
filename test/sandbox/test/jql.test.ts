// JQL: every supported construct against the seeded site (expectations computed from the
// store's records), and invalid queries answered with Jira's own error text.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const NOW = Date.parse('2026-11-02T12:00:00Z');
const DAY = 86_400_000;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ listen: false, now: () => NOW, seedNow: NOW });
});
afterAll(() => sb.close());

async function search(jql: string): Promise<{ status: number; keys: string[]; body: any }> {
  const res = await sb.fetch('/rest/api/3/search/jql', {
    method: 'POST',
    headers: { authorization: sb.basicAuth(), 'content-type': 'application/json' },
    body: JSON.stringify({ jql, fields: ['key'], maxResults: 5000 }),
  });
  const body = (await res.json()) as any;
  return { status: res.status, keys: res.status === 200 ? body.issues.map((i: { key: string }) => i.key) : [], body };
}

const keys = async (jql: string) => {
  const r = await search(jql);
  if (r.status !== 200) throw new Error(`${jql}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.keys;
};

/** The store's issues matching a predicate, as sorted keys (for order-insensitive comparison). */
const where = (pred: (i: any) => boolean) =>
  [...sb.site.jira.issues.values()]
    .filter(pred)
    .map((i) => i.key)
    .sort();
const sorted = (xs: string[]) => [...xs].sort();
const f = (i: any, id: string) => i.fields[id];
const statusName = (i: any) => sb.site.jira.statuses.get(i.fields.status)!.name;
const category = (i: any) => sb.site.jira.statuses.get(i.fields.status)!.categoryId;

describe('JQL constructs', () => {
  it('= on project, status, issuetype, priority; key', async () => {
    expect(sorted(await keys('project = NOVA'))).toEqual(where((i) => f(i, 'project') === '10000'));
    expect(sorted(await keys('project = "Platform Operations"'))).toEqual(where((i) => f(i, 'project') === '10001'));
    expect(sorted(await keys('status = "In Progress"'))).toEqual(where((i) => statusName(i) === 'In Progress'));
    expect(sorted(await keys('issuetype = Bug'))).toEqual(where((i) => f(i, 'issuetype') === '10003'));
    expect(sorted(await keys('type = Epic'))).toEqual(where((i) => f(i, 'issuetype') === '10000'));
    expect(sorted(await keys('priority = High'))).toEqual(where((i) => f(i, 'priority') === '2'));
    expect(await keys('key = NOVA-3')).toEqual(['NOVA-3']);
    expect(await keys('issuekey = nova-3')).toEqual(['NOVA-3']);
  });

  it('!= excludes empty values, like Jira', async () => {
    const maya = sb.credentials.accountId;
    expect(sorted(await keys(`project = NOVA AND assignee != "${maya}"`))).toEqual(
      where((i) => f(i, 'project') === '10000' && f(i, 'assignee') && f(i, 'assignee') !== maya),
    );
  });

  it('IN and NOT IN', async () => {
    expect(sorted(await keys('status IN ("To Do", Backlog)'))).toEqual(
      where((i) => ['To Do', 'Backlog'].includes(statusName(i))),
    );
    expect(sorted(await keys('project = OPS AND status NOT IN (Done, Blocked)'))).toEqual(
      where((i) => f(i, 'project') === '10001' && !['Done', 'Blocked'].includes(statusName(i))),
    );
    expect(sorted(await keys('key in (NOVA-1, OPS-2, MKT-3)'))).toEqual(['MKT-3', 'NOVA-1', 'OPS-2']);
  });

  it('IS EMPTY / IS NOT EMPTY / = EMPTY', async () => {
    const unassigned = where((i) => !f(i, 'assignee'));
    expect(unassigned.length).toBeGreaterThan(0);
    expect(sorted(await keys('assignee IS EMPTY'))).toEqual(unassigned);
    expect(sorted(await keys('assignee = EMPTY'))).toEqual(unassigned);
    expect(sorted(await keys('duedate is not empty'))).toEqual(where((i) => !!f(i, 'duedate')));
    expect(sorted(await keys('resolution = Unresolved AND project = MKT'))).toEqual(
      where((i) => !f(i, 'resolution') && f(i, 'project') === '10002'),
    );
  });

  it('~ text search on summary, description, text; !~', async () => {
    expect(sorted(await keys('summary ~ offline'))).toEqual(where((i) => /offline/i.test(f(i, 'summary'))));
    expect(sorted(await keys('summary ~ "checkout"'))).toEqual(where((i) => /\bcheckout\b/i.test(f(i, 'summary'))));
    expect(await keys('summary ~ "replay queue"')).toEqual(expect.arrayContaining(['NOVA-3']));
    expect((await keys('description ~ "Steps to reproduce"')).length).toBeGreaterThan(5);
    const textHits = await keys('text ~ "Alpine Outfitters"');
    expect(textHits.length).toBeGreaterThan(0);
    expect(sorted(await keys('project = MKT AND summary !~ launch'))).toEqual(
      where((i) => f(i, 'project') === '10002' && !/\blaunch\b/i.test(f(i, 'summary'))),
    );
    expect(sorted(await keys('summary ~ "notif*"'))).toEqual(where((i) => /\bnotif/i.test(f(i, 'summary'))));
  });

  it('>, >=, <, <= on dates, numbers and priority; relative dates and date literals', async () => {
    expect(sorted(await keys('created >= -7d'))).toEqual(where((i) => f(i, 'created') >= NOW - 7 * DAY));
    expect(sorted(await keys('updated < -30d'))).toEqual(where((i) => f(i, 'updated') < NOW - 30 * DAY));
    expect(sorted(await keys('created > "2026-10-01" AND created <= "2026/10/15 12:00"'))).toEqual(
      where(
        (i) =>
          f(i, 'created') > Date.parse('2026-10-01T00:00:00Z') && f(i, 'created') <= Date.parse('2026-10-15T12:00:00Z'),
      ),
    );
    expect(sorted(await keys('duedate < now()'))).toEqual(
      where((i) => !!f(i, 'duedate') && Date.parse(`${f(i, 'duedate')}T00:00:00Z`) < NOW),
    );
    expect(sorted(await keys('"Story Points" >= 8'))).toEqual(where((i) => (f(i, 'customfield_10016') ?? -1) >= 8));
    expect(sorted(await keys('cf[10016] < 3'))).toEqual(
      where((i) => f(i, 'customfield_10016') !== undefined && f(i, 'customfield_10016') < 3),
    );
    expect(sorted(await keys('priority > Medium'))).toEqual(where((i) => ['1', '2'].includes(f(i, 'priority'))));
    expect(sorted(await keys('priority <= Low'))).toEqual(where((i) => ['4', '5'].includes(f(i, 'priority'))));
  });

  it('date functions: startOfDay(), endOfDay(), startOfWeek(), now(), with offsets', async () => {
    const startOfDay = Date.parse('2026-11-02T00:00:00Z');
    expect(sorted(await keys('updated >= startOfDay(-3)'))).toEqual(
      where((i) => f(i, 'updated') >= startOfDay - 3 * DAY),
    );
    expect(sorted(await keys('created <= endOfDay(-60d)'))).toEqual(
      where((i) => f(i, 'created') <= startOfDay - 60 * DAY + DAY - 1),
    );
    const sunday = Date.parse('2026-11-01T00:00:00Z'); // 2026-11-02 is a Monday
    expect(sorted(await keys('updated >= startOfWeek()'))).toEqual(where((i) => f(i, 'updated') >= sunday));
    expect(sorted(await keys('created < now()'))).toHaveLength(sb.site.jira.issues.size);
  });

  it('users: currentUser(), email, display name, accountId; reporter', async () => {
    const maya = sb.credentials.accountId;
    const mine = where((i) => f(i, 'assignee') === maya);
    expect(sorted(await keys('assignee = currentUser()'))).toEqual(mine);
    expect(sorted(await keys('assignee = "maya.chen@nimbus-works.example"'))).toEqual(mine);
    expect(sorted(await keys('assignee = "Maya Chen"'))).toEqual(mine);
    expect(sorted(await keys(`reporter = "${maya}"`))).toEqual(where((i) => f(i, 'reporter') === maya));
    expect(sorted(await keys('assignee in membersOf("jira-admins")'))).toEqual(mine);
  });

  it('statusCategory, labels, sprint, openSprints(), parent, custom fields by name', async () => {
    expect(sorted(await keys('statusCategory = Done'))).toEqual(where((i) => category(i) === 3));
    expect(sorted(await keys('statusCategory != "To Do"'))).toEqual(where((i) => category(i) !== 2));
    expect(sorted(await keys('labels = offline'))).toEqual(where((i) => (f(i, 'labels') ?? []).includes('offline')));
    expect(sorted(await keys('labels in (a11y, checkout)'))).toEqual(
      where((i) => (f(i, 'labels') ?? []).some((l: string) => ['a11y', 'checkout'].includes(l))),
    );
    const active = where((i) => (f(i, 'customfield_10020') ?? []).includes(5));
    expect(active.length).toBeGreaterThan(5);
    expect(sorted(await keys('sprint in openSprints()'))).toEqual(active);
    expect(sorted(await keys('sprint = "NOVA Sprint 25"'))).toEqual(active);
    expect(sorted(await keys('sprint = 5'))).toEqual(active);
    expect(sorted(await keys('sprint in closedSprints() AND sprint not in openSprints()'))).toEqual(
      where(
        (i) =>
          (f(i, 'customfield_10020') ?? []).some((s: number) => s <= 4) &&
          !(f(i, 'customfield_10020') ?? []).includes(5),
      ),
    );
    const epic = sb.site.jira.issue('NOVA-1')!;
    expect(sorted(await keys('parent = NOVA-1'))).toEqual(where((i) => f(i, 'parent') === epic.id));
    expect(sorted(await keys('Severity = "Sev 1 - Critical"'))).toEqual(
      where((i) => f(i, 'customfield_10040') === '10100'),
    );
    expect(sorted(await keys('"Affected platform" in cascadeOption(Mobile, iOS)'))).toEqual(
      where((i) => f(i, 'customfield_10041')?.child === '10121'),
    );
    const platformTeam = [...sb.site.jira.teams.values()].find((t) => t.name === 'Platform Team')!.id;
    expect(sorted(await keys('Team = "Platform Team"'))).toEqual(
      where((i) => f(i, 'customfield_10001') === platformTeam),
    );
    expect(sorted(await keys('Customer is not EMPTY'))).toEqual(where((i) => !!f(i, 'customfield_10044')));
  });

  it('AND / OR / NOT and parentheses', async () => {
    expect(
      sorted(await keys('project = NOVA AND (issuetype = Bug OR labels = offline) AND NOT status = Done')),
    ).toEqual(
      where(
        (i) =>
          f(i, 'project') === '10000' &&
          (f(i, 'issuetype') === '10003' || (f(i, 'labels') ?? []).includes('offline')) &&
          statusName(i) !== 'Done',
      ),
    );
    expect(sorted(await keys('project = MKT OR (project = OPS AND issuetype = Incident)'))).toEqual(
      where((i) => f(i, 'project') === '10002' || (f(i, 'project') === '10001' && f(i, 'issuetype') === '10005')),
    );
    expect(sorted(await keys('project = OPS && !(status = Done) || key = MKT-1'))).toEqual(
      where((i) => (f(i, 'project') === '10001' && statusName(i) !== 'Done') || i.key === 'MKT-1'),
    );
  });

  it('ORDER BY key, created, priority, rank, multiple keys', async () => {
    const byKey = await keys('project = MKT ORDER BY key ASC');
    expect(byKey.slice(0, 3)).toEqual(['MKT-1', 'MKT-2', 'MKT-3']);
    expect((await keys('project = MKT ORDER BY key DESC'))[0]).toBe(`MKT-${byKey.length}`);
    const created = await keys('project = OPS ORDER BY created DESC');
    const times = created.map((k) => sb.site.jira.issue(k)!.fields.created);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const prio = await keys('project = NOVA ORDER BY priority DESC, key ASC');
    const ps = prio.map((k) => Number(sb.site.jira.issue(k)!.fields.priority));
    expect(ps).toEqual([...ps].sort((a, b) => a - b));
    const ranked = await keys('project = NOVA ORDER BY Rank ASC');
    const ranks = ranked.map((k) => sb.site.jira.issue(k)!.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("invalid JQL is answered with Jira's error text", () => {
  const cases: Array<[string, string]> = [
    [
      'project ENG',
      "Error in the JQL Query: Expecting operator but got 'ENG'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
    ],
    [
      'summary ~ "abc',
      "Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)",
    ],
    ['project =', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
    ['(project = NOVA', "Error in the JQL Query: Expecting ')' before the end of the query."],
    [
      'project = NOVA status = Done',
      "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 16)",
    ],
    ['project = NOVA AND', 'Error in the JQL Query: Expecting a field name before the end of the query.'],
    [
      'project = IN',
      "Error in the JQL Query: Expecting either a value, list or function but got 'IN'. You must surround 'IN' in quotation marks to use it as a value. (line 1, character 11)",
    ],
    [
      'assignee = maya@nimbus',
      "Error in the JQL Query: The character '@' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0040' instead. (line 1, character 16)",
    ],
    ['universe = 42', "Field 'universe' does not exist or you do not have permission to view it."],
    ['project = INVALID', "The value 'INVALID' does not exist for the field 'project'."],
    ['summary = test', "The operator '=' is not supported by the 'summary' field."],
    ['summary in test', "Operator 'in' does not support the non-list value '\"test\"' for field 'summary'."],
    ['project ~ NOVA', "The operator '~' is not supported by the 'project' field."],
    [
      'created > "2026-13-45"',
      "Date value '2026-13-45' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    [
      'created > -7x',
      "Date value '-7x' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    ['assignee = nobody', "The value 'nobody' does not exist for the field 'assignee'."],
    ['status = currentUser()', "Unable to find JQL function 'currentUser()' for the field 'status'."],
    ['assignee = whoami()', "Unable to find JQL function 'whoami()'."],
    ['key = 12x', "The issue key '12x' for field 'key' is invalid."],
    ['key = NOVA-9999', "An issue with key 'NOVA-9999' does not exist for field 'key'."],
    ['project = NOVA ORDER BY description', "Not able to sort using field 'description'."],
    [
      'ORDER BY created DESC',
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ],
    ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    [
      'fixVersion = 2.5.0',
      "Error in the JQL Query: The character '.' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002e' instead. (line 1, character 15)",
    ],
    [
      'project = NOVA AND select = 1',
      "Error in the JQL Query: 'select' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 20)",
    ],
    [
      'project = NOVA\nAND ) ',
      "Error in the JQL Query: Expecting a field name but got ')'. You must surround ')' in quotation marks to use it as a field name. (line 2, character 5)",
    ],
  ];
  it.each(cases)('%j', async (jql, message) => {
    const r = await search(jql);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errorMessages: [message], errors: {} });
  });

  it('/jql/parse reports errors per query and value problems as warnings in warn mode', async () => {
    const res = await sb.fetch('/rest/api/3/jql/parse?validation=warn', {
      method: 'POST',
      headers: { authorization: sb.basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ queries: ['project = INVALID', 'invalid query', 'summary ~ test ORDER BY created DESC'] }),
    });
    const body = (await res.json()) as { queries: any[] };
    expect(body.queries[0]).toMatchObject({
      query: 'project = INVALID',
      warnings: ["The value 'INVALID' does not exist for the field 'project'."],
    });
    expect(body.queries[1].errors[0]).toMatch(/^Error in the JQL Query: Expecting operator but got 'query'/);
    expect(body.queries[2].structure).toEqual({
      where: {
        field: { name: 'summary', encodedName: 'summary' },
        operator: '~',
        operand: { value: 'test', encodedValue: 'test' },
      },
      orderBy: { fields: [{ field: { name: 'created', encodedName: 'created' }, direction: 'desc' }] },
    });
  });
});
