// Stateful Jira behaviour: spec validation, create → search with nextPageToken paging,
// screens and required fields, transitions, comments/worklogs, attachments, agile, reset/snapshots.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await sb.fetch(path, {
    method,
    headers: {
      authorization: sb.basicAuth(),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json, headers: res.headers };
}

describe('spec validation', () => {
  it("rejects a body that breaks the schema with Jira's error shape", async () => {
    const r = await call('POST', '/rest/api/3/issue', { fields: 'not-an-object' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'],
      errors: { fields: 'must be object' },
    });
  });

  it('rejects malformed JSON and bad query parameters', async () => {
    const bad = await call('POST', '/rest/api/3/issue', '{"fields":');
    expect(bad.status).toBe(400);
    expect(bad.body.errorMessages).toEqual([
      'Invalid request payload. Refer to the REST API documentation and try again.',
    ]);
    const q = await call('GET', '/rest/api/3/issue/NOVA-1/comment?maxResults=lots');
    expect(q.status).toBe(400);
    expect(q.body.errors).toEqual({ maxResults: "The value of 'maxResults' must be integer." });
  });

  it('answers field-level errors the way Jira does', async () => {
    const r = await call('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'NOVA' },
        issuetype: { name: 'Bug' },
        summary: '',
        description: 'plain text',
        customfield_10099: 1,
      },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      errorMessages: [],
      errors: {
        summary: 'You must specify a summary of the issue.',
        description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
        customfield_10099: "Field 'customfield_10099' cannot be set. It is not on the appropriate screen, or unknown.",
      },
    });
    const missing = await call('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'NOVA' }, issuetype: { name: 'Bug' }, summary: 'Crash' },
    });
    expect(missing.body.errors).toEqual({ customfield_10040: 'Severity is required.' });
    const option = await call('POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'NOVA' },
        issuetype: { name: 'Bug' },
        summary: 'Crash',
        customfield_10040: { value: 'Sev 9' },
      },
    });
    expect(option.body.errors).toEqual({ customfield_10040: "Option value 'Sev 9' is not valid" });
  });

  it('unknown paths 404, real-but-unsimulated operations 501, removed /search 410', async () => {
    expect((await call('GET', '/rest/api/3/nothing-here')).status).toBe(404);
    const dash = await call('GET', '/rest/api/3/dashboard');
    expect(dash.status).toBe(501);
    expect(dash.body.errorMessages[0]).toContain('getAllDashboards');
    const old = await call('GET', '/rest/api/3/search?jql=project=NOVA');
    expect(old.status).toBe(410);
    expect(old.body.errorMessages[0]).toContain('/rest/api/3/search/jql');
  });
});

describe('create → search', () => {
  it('a valid create appears in a JQL search; nextPageToken pages through everything exactly once', async () => {
    const made: string[] = [];
    for (let n = 0; n < 7; n++) {
      const r = await call('POST', '/rest/api/3/issue', {
        fields: {
          project: { key: 'MKT' },
          issuetype: { name: 'Task' },
          summary: `Pager test ${n}`,
          labels: ['pager-test'],
          description: adf('Created by the paging test.'),
          customfield_10042: [{ accountId: sb.credentials.accountId }],
        },
      });
      expect(r.status).toBe(201);
      expect(r.body).toEqual({
        id: expect.any(String),
        key: expect.stringMatching(/^MKT-\d+$/),
        self: expect.stringContaining(`/rest/api/3/issue/${r.body.id}`),
      });
      made.push(r.body.key);
    }
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const q = new URLSearchParams({
        jql: 'labels = pager-test ORDER BY key ASC',
        maxResults: '3',
        fields: 'summary,labels',
      });
      if (token) q.set('nextPageToken', token);
      const r = await call('GET', `/rest/api/3/search/jql?${q}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.issues.map((i: any) => i.key));
      for (const i of r.body.issues) expect(i.fields.labels).toEqual(['pager-test']);
      token = r.body.nextPageToken;
      expect(r.body.isLast).toBe(token === undefined);
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(made);
    const count = await call('POST', '/rest/api/3/search/approximate-count', { jql: 'labels = pager-test' });
    expect(count.body).toEqual({ count: 7 });
    const bad = await call(
      'GET',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA')}&nextPageToken=${encodeURIComponent('bogus')}`,
    );
    expect(bad.status).toBe(400);
  });

  it('default fields are id only; *all gives everything; fields by name', async () => {
    const r = await call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('key = NOVA-2')}`);
    expect(r.body.issues[0].fields).toBeUndefined();
    expect(r.body.issues[0].id).toBe(sb.site.jira.issue('NOVA-2')!.id);
    const all = await call('POST', '/rest/api/3/search/jql', { jql: 'key = NOVA-2', fields: ['*all'] });
    expect(Object.keys(all.body.issues[0].fields)).toEqual(
      expect.arrayContaining(['summary', 'status', 'customfield_10020', 'comment', 'description']),
    );
    const named = await call('POST', '/rest/api/3/search/jql', {
      jql: 'key = NOVA-2',
      fields: ['Story Points', 'status'],
    });
    expect(Object.keys(named.body.issues[0].fields).sort()).toEqual(['customfield_10016', 'status']);
  });
});

describe('issues, transitions, activity', () => {
  it('edit with fields and update operations records the changelog', async () => {
    const bugs = await call('POST', '/rest/api/3/search/jql', {
      jql: 'project = NOVA AND issuetype = Bug AND labels = offline ORDER BY key',
      fields: ['key'],
    });
    const key: string = bugs.body.issues[0].key;
    const r = await call('PUT', `/rest/api/3/issue/${key}`, {
      fields: {
        summary: 'Renamed',
        customfield_10016: 5,
        customfield_10041: { value: 'Web', child: { value: 'Safari' } },
      },
      update: {
        labels: [{ add: 'renamed' }, { remove: 'offline' }],
        customfield_10042: [{ add: { accountId: sb.credentials.accountId } }],
      },
    });
    expect(r).toMatchObject({ status: 204 });
    const issue = await call(
      'GET',
      `/rest/api/3/issue/${key}?fields=summary,labels,customfield_10016,customfield_10041,customfield_10042&expand=changelog`,
    );
    expect(issue.body.fields.summary).toBe('Renamed');
    expect(issue.body.fields.labels).toContain('renamed');
    expect(issue.body.fields.labels).not.toContain('offline');
    expect(issue.body.fields.customfield_10041).toMatchObject({ value: 'Web', child: { value: 'Safari' } });
    const last = issue.body.changelog.histories.at(-1);
    expect(last.items.map((i: any) => i.field)).toEqual(expect.arrayContaining(['summary', 'labels', 'Story Points']));
  });

  it('transitions follow the workflow: screens, required fields, resolution', async () => {
    // OPS: "Resolve" needs In Progress and a resolution.
    const inProgress = await call('POST', '/rest/api/3/search/jql', {
      jql: 'project = OPS AND status = "In Progress" ORDER BY key',
      fields: ['key'],
    });
    const ops: string = inProgress.body.issues[0].key;
    const avail = await call('GET', `/rest/api/3/issue/${ops}/transitions?expand=transitions.fields`);
    const names = avail.body.transitions.map((t: any) => t.name);
    expect(names).toContain('Resolve');
    const resolve = avail.body.transitions.find((t: any) => t.name === 'Resolve');
    expect(resolve.fields.resolution.required).toBe(true);
    const missing = await call('POST', `/rest/api/3/issue/${ops}/transitions`, { transition: { id: resolve.id } });
    expect(missing.body).toEqual({ errorMessages: [], errors: { resolution: 'Resolution is required.' } });
    const ok = await call('POST', `/rest/api/3/issue/${ops}/transitions`, {
      transition: { id: resolve.id },
      fields: { resolution: { name: 'Done' } },
      update: { comment: [{ add: { body: adf('Fixed in prod.') } }] },
    });
    expect(ok.status).toBe(204);
    const after = await call('GET', `/rest/api/3/issue/${ops}?fields=status,resolution,resolutiondate,comment`);
    expect(after.body.fields.status.name).toBe('Done');
    expect(after.body.fields.resolution.name).toBe('Done');
    expect(after.body.fields.resolutiondate).toMatch(/\+0000$/);
    expect(after.body.fields.comment.comments.at(-1).body).toEqual(adf('Fixed in prod.'));
    // Not available from Done.
    const again = await call('POST', `/rest/api/3/issue/${ops}/transitions`, {
      transition: { id: resolve.id },
      fields: { resolution: { name: 'Done' } },
    });
    expect(again.body).toEqual({
      errorMessages: [`Transition id '${resolve.id}' is not valid for this issue.`],
      errors: {},
    });
  });

  it('comments and worklogs with estimates', async () => {
    const c = await call('POST', '/rest/api/3/issue/NOVA-10/comment', { body: adf('Looks good') });
    expect(c.status).toBe(201);
    const list = await call('GET', '/rest/api/3/issue/NOVA-10/comment?orderBy=-created&maxResults=1');
    expect(list.body.comments[0].id).toBe(c.body.id);
    expect((await call('POST', '/rest/api/3/issue/NOVA-10/comment', { body: 'plain' })).status).toBe(400);
    await call('PUT', '/rest/api/3/issue/NOVA-10', {
      fields: { timetracking: { originalEstimate: '1d', remainingEstimate: '6h' } },
    });
    const w = await call('POST', '/rest/api/3/issue/NOVA-10/worklog', {
      timeSpent: '2h',
      started: '2026-11-01T09:00:00.000+0000',
      comment: adf('Work'),
    });
    expect(w.status).toBe(201);
    expect(w.body.timeSpentSeconds).toBe(7200);
    const tt = await call('GET', '/rest/api/3/issue/NOVA-10?fields=timetracking');
    expect(tt.body.fields.timetracking).toMatchObject({
      originalEstimate: '1d',
      remainingEstimate: '4h',
      originalEstimateSeconds: 28800,
      remainingEstimateSeconds: 14400,
    });
    const noTime = await call('POST', '/rest/api/3/issue/NOVA-10/worklog', {});
    expect(noTime.body.errors).toEqual({ timeLogged: 'You must indicate the time spent working.' });
  });

  it('links, remote links, watchers, assignee', async () => {
    const l = await call('POST', '/rest/api/3/issueLink', {
      type: { name: 'Blocks' },
      inwardIssue: { key: 'NOVA-20' },
      outwardIssue: { key: 'NOVA-21' },
    });
    expect(l.status).toBe(201);
    const linkId = l.headers.get('location')!.split('/').pop();
    const got = await call('GET', `/rest/api/3/issueLink/${linkId}`);
    expect(got.body.inwardIssue.key).toBe('NOVA-20');
    const watch = await call(
      'POST',
      '/rest/api/3/issue/NOVA-20/watchers',
      JSON.stringify(sb.credentials.users[5]!.accountId),
    );
    expect(watch.status).toBe(204);
    const ws = await call('GET', '/rest/api/3/issue/NOVA-20/watchers');
    expect(ws.body.watchers.map((u: any) => u.accountId)).toContain(sb.credentials.users[5]!.accountId);
    expect((await call('PUT', '/rest/api/3/issue/NOVA-20/assignee', { accountId: null })).status).toBe(204);
    expect((await call('GET', '/rest/api/3/issue/NOVA-20?fields=assignee')).body.fields.assignee).toBeNull();
    const inactive = sb.credentials.users.find((u) => !u.active)!;
    expect((await call('PUT', '/rest/api/3/issue/NOVA-20/assignee', { accountId: inactive.accountId })).status).toBe(
      400,
    );
  });

  it('attachments: multipart upload needs X-Atlassian-Token, content round-trips, ranges work', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('hello attachment')], { type: 'text/plain' }), 'note.txt');
    const denied = await sb.fetch('/rest/api/3/issue/NOVA-2/attachments', {
      method: 'POST',
      headers: { authorization: sb.basicAuth() },
      body: form,
    });
    expect(denied.status).toBe(403);
    const form2 = new FormData();
    form2.append('file', new Blob([Buffer.from('hello attachment')], { type: 'text/plain' }), 'note.txt');
    const up = await sb.fetch('/rest/api/3/issue/NOVA-2/attachments', {
      method: 'POST',
      headers: { authorization: sb.basicAuth(), 'x-atlassian-token': 'no-check' },
      body: form2,
    });
    expect(up.status).toBe(200);
    const [meta] = (await up.json()) as any[];
    expect(meta).toMatchObject({ filename: 'note.txt', size: 16, mimeType: 'text/plain' });
    const content = await sb.fetch(`/rest/api/3/attachment/content/${meta.id}`, {
      headers: { authorization: sb.basicAuth() },
    });
    expect(await content.text()).toBe('hello attachment');
    const part = await sb.fetch(`/rest/api/3/attachment/content/${meta.id}?redirect=false`, {
      headers: { authorization: sb.basicAuth(), range: 'bytes=6-15' },
    });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('attachment');
  });

  it('createmeta shows required fields and allowed values', async () => {
    const types = await call('GET', '/rest/api/3/issue/createmeta/NOVA/issuetypes');
    expect(types.body.issueTypes.map((t: any) => t.name)).toEqual(['Epic', 'Story', 'Task', 'Bug', 'Subtask']);
    const bug = await call('GET', '/rest/api/3/issue/createmeta/NOVA/issuetypes/10003');
    const sev = bug.body.fields.find((x: any) => x.fieldId === 'customfield_10040');
    expect(sev).toMatchObject({ required: true, name: 'Severity' });
    expect(sev.allowedValues.map((o: any) => o.value)).toContain('Sev 1 - Critical');
  });
});

describe('agile', () => {
  it('sprints: create, start, move issues in, close; backlog and rank', async () => {
    const created = await call('POST', '/rest/agile/1.0/sprint', {
      name: 'Hardening',
      originBoardId: 1,
      goal: 'Bugs only',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'future', name: 'Hardening', originBoardId: 1 });
    const id = created.body.id;
    const backlog = await call('GET', '/rest/agile/1.0/board/1/backlog?maxResults=200&fields=summary');
    const someBacklog = backlog.body.issues.slice(0, 2).map((i: any) => i.key);
    expect((await call('POST', `/rest/agile/1.0/sprint/${id}/issue`, { issues: someBacklog })).status).toBe(204);
    const inSprint = await call('GET', `/rest/agile/1.0/sprint/${id}/issue?fields=summary`);
    expect(inSprint.body.issues.map((i: any) => i.key).sort()).toEqual([...someBacklog].sort());
    // Another sprint is active: this one cannot start.
    const start = await call('POST', `/rest/agile/1.0/sprint/${id}`, {
      state: 'active',
      startDate: '2026-11-02T09:00:00.000Z',
      endDate: '2026-11-16T09:00:00.000Z',
    });
    expect(start.status).toBe(400);
    expect((await call('POST', '/rest/agile/1.0/sprint/5', { state: 'closed' })).body.state).toBe('closed');
    expect(
      (
        await call('POST', `/rest/agile/1.0/sprint/${id}`, {
          state: 'active',
          startDate: '2026-11-02T09:00:00.000Z',
          endDate: '2026-11-16T09:00:00.000Z',
        })
      ).body.state,
    ).toBe('active');
    const open = await call('POST', '/rest/api/3/search/jql', {
      jql: 'sprint in openSprints()',
      fields: ['key'],
      maxResults: 100,
    });
    expect(open.body.issues.map((i: any) => i.key).sort()).toEqual([...someBacklog].sort());
    // Rank: move the second before the first.
    expect(
      (await call('PUT', '/rest/agile/1.0/issue/rank', { issues: [someBacklog[1]], rankBeforeIssue: someBacklog[0] }))
        .status,
    ).toBe(204);
    const ranked = await call('POST', '/rest/api/3/search/jql', {
      jql: `key in (${someBacklog.join(',')}) ORDER BY Rank ASC`,
      fields: ['key'],
    });
    expect(ranked.body.issues.map((i: any) => i.key)).toEqual([someBacklog[1], someBacklog[0]]);
    expect((await call('POST', '/rest/agile/1.0/backlog/issue', { issues: someBacklog })).status).toBe(204);
    expect((await call('GET', `/rest/agile/1.0/sprint/${id}/issue`)).body.total).toBe(0);
  });

  it('epics: list, issues, move', async () => {
    const epics = await call('GET', '/rest/agile/1.0/board/1/epic');
    expect(epics.body.values.map((e: any) => e.key)).toContain('NOVA-1');
    expect((await call('POST', '/rest/agile/1.0/epic/NOVA-1/issue', { issues: ['NOVA-20'] })).status).toBe(204);
    const kids = await call('GET', '/rest/agile/1.0/epic/NOVA-1/issue?fields=summary,epic');
    const moved = kids.body.issues.find((i: any) => i.key === 'NOVA-20');
    expect(moved.fields.epic).toMatchObject({ key: 'NOVA-1' });
    expect((await call('GET', '/rest/agile/1.0/board/99/sprint')).status).toBe(404);
  });
});

describe('state', () => {
  it('reset() restores the seed; snapshots round-trip', async () => {
    await call('PUT', '/rest/api/3/issue/NOVA-2', { fields: { summary: 'Changed' } });
    const snap = sb.snapshot();
    expect(snap.jira.issues.find((i) => i.key === 'NOVA-2')!.fields.summary).toBe('Changed');
    sb.reset();
    expect(sb.site.jira.issue('NOVA-2')!.fields.summary).not.toBe('Changed');
    sb.loadSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(sb.site.jira.issue('NOVA-2')!.fields.summary).toBe('Changed');
    sb.loadSnapshot((await import('@atlassian-mcp/sandbox')).generateSeed());
  });

  it("seed/nimbus-works.json is the generator's output at SEED_SNAPSHOT_NOW and loads", async () => {
    const { generateSeed, SEED_SNAPSHOT_NOW, SEED_SNAPSHOT_PATH } = await import('@atlassian-mcp/sandbox');
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(SEED_SNAPSHOT_PATH, 'utf8');
    expect(file).toBe(`${JSON.stringify(generateSeed({ now: SEED_SNAPSHOT_NOW }))}\n`);
    const fromFile = await startSandbox({ listen: false, seed: SEED_SNAPSHOT_PATH });
    try {
      const r = await fromFile.fetch('/rest/api/3/issue/NOVA-1?fields=created', {
        headers: { authorization: fromFile.basicAuth() },
      });
      expect(((await r.json()) as any).fields.created).toBe(
        new Date(JSON.parse(file).jira.issues[0].fields.created).toISOString().replace('Z', '+0000'),
      );
    } finally {
      await fromFile.close();
    }
  });

  it('the seed is deterministic for a given moment and believable in size', async () => {
    const { generateSeed } = await import('@atlassian-mcp/sandbox');
    const now = Date.parse('2026-11-02T12:00:00Z');
    const a = generateSeed({ now });
    expect(JSON.stringify(generateSeed({ now }))).toBe(JSON.stringify(a));
    expect(a.jira.users).toHaveLength(8);
    expect(a.jira.projects.map((p) => p.key)).toEqual(['NOVA', 'OPS', 'MKT']);
    expect(a.jira.issues.length).toBeGreaterThanOrEqual(110);
    expect(a.jira.comments.length).toBeGreaterThan(100);
    expect(a.jira.worklogs.length).toBeGreaterThan(30);
    expect(a.jira.issueLinks.length).toBeGreaterThan(8);
    const kinds = new Set<string>();
    const walk = (n: any) => {
      if (n && typeof n === 'object') {
        if (typeof n.type === 'string') kinds.add(n.type);
        for (const v of Object.values(n)) walk(v);
      }
    };
    for (const i of a.jira.issues) walk(i.fields.description);
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'panel',
        'mention',
        'table',
        'codeBlock',
        'mediaSingle',
        'media',
        'heading',
        'bulletList',
        'orderedList',
      ]),
    );
  });
});

describe('entity properties (how a write whose answer was lost is found again)', () => {
  const prop = { key: 'atlassian-mcp.write', value: { id: 'm-1' } };
  it('issues, comments and worklogs keep the properties they were created with', async () => {
    const created = await call('POST', '/rest/api/3/issue', {
      fields: { project: { key: 'NOVA' }, issuetype: { name: 'Task' }, summary: 'With a marker' },
      properties: [prop],
    });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    const issue = await call('GET', `/rest/api/3/issue/${key}?fields=summary&properties=atlassian-mcp.write`);
    expect(issue.body.properties).toEqual({ 'atlassian-mcp.write': { id: 'm-1' } });
    const found = await call('POST', '/rest/api/3/search/jql', {
      jql: 'project = NOVA AND created >= -60m',
      fields: ['summary'],
      properties: ['atlassian-mcp.write'],
    });
    expect(found.body.issues.find((i: { key: string }) => i.key === key).properties).toEqual({
      'atlassian-mcp.write': { id: 'm-1' },
    });

    const comment = await call('POST', `/rest/api/3/issue/${key}/comment`, { body: adf('x'), properties: [prop] });
    const plain = await call('POST', `/rest/api/3/issue/${key}/comment`, { body: adf('y') });
    const listed = await call('POST', '/rest/api/3/comment/list?expand=properties', {
      ids: [Number(comment.body.id), Number(plain.body.id), 999999],
    });
    expect(listed.body.values.map((c: { id: string; properties: unknown }) => [c.id, c.properties])).toEqual([
      [comment.body.id, [prop]],
      [plain.body.id, []],
    ]);

    await call('POST', `/rest/api/3/issue/${key}/worklog`, {
      timeSpentSeconds: 60,
      started: '2026-10-01T09:00:00.000+0000',
      properties: [prop],
    });
    const worklogs = await call('GET', `/rest/api/3/issue/${key}/worklog?expand=properties`);
    expect(worklogs.body.worklogs[0].properties).toEqual([prop]);
    expect((await call('GET', `/rest/api/3/issue/${key}/worklog`)).body.worklogs[0].properties).toBeUndefined();
  });
});
