import { startJiraSite, type JiraSite } from './jira-site.js';

type AdfNode = { type: string; attrs?: Record<string, unknown>; content?: AdfNode[] };

function findNodes(node: AdfNode, type: string, out: AdfNode[] = []): AdfNode[] {
  if (node.type === type) out.push(node);
  for (const child of node.content ?? []) findNodes(child, type, out);
  return out;
}

/** The seed's use cases, run as an agent would, through a real MCP client against the sandbox. */
describe('agent scenario: a day of Jira work', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['default'] });
  });
  afterAll(() => site.close());

  it('finds my issues updated today, logs work, files a bug by field names, moves it, comments, and reads it back intact', async () => {
    // 0. This morning I picked up an issue (so "today" has something, whatever the seed's dates).
    const assigned = await site.ok('jira_assign_issue', { issueKey: 'NOVA-3', assignee: 'me' });
    expect(assigned.text).toBe('Assigned NOVA-3 to Maya Chen');

    // 1. Find my issues updated today.
    const jql = 'assignee = currentUser() AND updated >= startOfDay() ORDER BY updated DESC';
    const mine = await site.ok('jira_search', { jql });
    const expected = await site.rest<{ issues: Array<{ key: string }> }>(
      `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}&maxResults=100&fields=summary`,
    );
    const rows = mine.structured.issues as Array<{ key: string; assignee?: string }>;
    expect(rows.map((r) => r.key)).toEqual(expected.issues.map((i) => i.key).slice(0, rows.length));
    expect(rows.map((r) => r.key)).toContain('NOVA-3');
    for (const r of rows) expect(r.assignee).toBe('Maya Chen');

    // 2. Log 1h 30m on the first with a Markdown comment.
    const target = rows[0]!.key;
    await site.ok('jira_add_worklog', {
      issueKey: target,
      timeSpent: '1h 30m',
      comment: 'Reviewed the **retry** logic',
    });
    const worklogs = await site.rest<{ worklogs: Array<{ timeSpentSeconds: number; author: { accountId: string } }> }>(
      `/rest/api/3/issue/${target}/worklog`,
    );
    expect(worklogs.worklogs.at(-1)).toMatchObject({
      timeSpentSeconds: 5400,
      author: { accountId: site.sandbox.credentials.accountId },
    });

    // 3. Create a bug with custom fields by name; its description has a panel and a mention.
    const jonas = site.sandbox.credentials.users.find((u) => u.displayName === 'Jonas Weber')!;
    const description = [
      '## Summary',
      `Login loops on Safari. [@Jonas Weber](accountid:${jonas.accountId}) saw it first.`,
      '',
      '⟦panel warning⟧',
      '',
      'Affects **all** Safari users.',
      '',
      '⟦/panel⟧',
      '',
      '## Steps',
      '1. Open the app',
      '2. Sign in',
    ].join('\n');
    const created = await site.ok('jira_create_issue', {
      project: 'NOVA',
      type: 'Bug',
      summary: 'Login loop on Safari',
      description,
      fields: {
        Severity: 'Sev 1 - Critical',
        'Affected platform': 'Web > Safari',
        'Story Points': 5,
        Components: ['Backend API'],
        'Fix versions': ['2.5.0'],
        Assignee: 'me',
      },
    });
    const key = created.structured.key as string;
    const original = await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}`);
    const panel = findNodes(original.fields.description, 'panel');
    const mention = findNodes(original.fields.description, 'mention');
    expect(panel).toHaveLength(1);
    expect(panel[0]!.attrs?.panelType).toBe('warning');
    expect(mention).toHaveLength(1);
    expect(mention[0]!.attrs?.id).toBe(jonas.accountId);

    // 4. Transition it to In Progress; 5. comment.
    await site.ok('jira_transition_issue', { issueKey: key, to: 'In Progress' });
    await site.ok('jira_add_comment', {
      issueKey: key,
      body: `Looking into it with [@Jonas Weber](accountid:${jonas.accountId}).`,
    });

    // 6. Change one section of the description.
    await site.ok('jira_update_issue', {
      issueKey: key,
      section: 'Steps',
      description: '1. Open the app in Safari 17\n2. Sign in with SSO',
    });

    // 7. Read it back: status, fields by name, comment, and the panel and mention untouched.
    const { text, structured } = await site.ok('jira_get_issue', { issueKey: key });
    expect(structured).toMatchObject({
      key,
      status: 'In Progress',
      type: 'Bug',
      assignee: 'Maya Chen',
      fixVersions: ['2.5.0'],
      components: ['Backend API'],
    });
    expect(structured.fields as Record<string, string>).toMatchObject({
      Severity: 'Sev 1 - Critical',
      'Affected platform': 'Web > Safari',
      'Story Points': '5',
    });
    expect(structured.description).toContain('Safari 17');
    expect(structured.description).toContain('⟦@Jonas Weber⟧');
    expect(structured.description).toMatch(/⟦panel warning/);
    expect(text).toContain('Looking into it with');
    const after = await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}`);
    expect(findNodes(after.fields.description, 'panel')).toEqual(panel);
    expect(findNodes(after.fields.description, 'mention')).toEqual(mention);
    expect(JSON.stringify(after.fields.description)).not.toContain('Sign in"');
  });
});
