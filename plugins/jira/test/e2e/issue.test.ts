import { startJiraSite, type JiraSite } from './jira-site.js';

type RawIssue = { key: string; fields: Record<string, any> };

describe('issue tools', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  /** An issue of the seed that has a description and comments. */
  async function richIssue(): Promise<string> {
    const page = await site.rest<{ issues: RawIssue[] }>(
      '/rest/api/3/search/jql?jql=project%20%3D%20NOVA%20AND%20comment%20IS%20NOT%20EMPTY&maxResults=100&fields=description,comment',
    );
    const hit = page.issues.find((i) => i.fields.description && (i.fields.comment?.total ?? 0) > 2);
    if (!hit) throw new Error('seed has no NOVA issue with a description and 3+ comments');
    return hit.key;
  }

  describe('jira_get_issue', () => {
    it('shows the facts compactly: Markdown description, custom fields by name, latest comments with a cursor for more', async () => {
      const key = await richIssue();
      const raw = await site.rest<RawIssue & { names: Record<string, string> }>(
        `/rest/api/3/issue/${key}?expand=names`,
      );
      const { text, structured } = await site.ok('jira_get_issue', { issueKey: key, comments: 2 });
      expect(structured.key).toBe(key);
      expect(structured.summary).toBe(raw.fields.summary);
      expect(structured.status).toBe(raw.fields.status.name);
      expect(text).toContain(`# ${raw.fields.summary}`);
      expect(typeof structured.description).toBe('string');
      expect(text).toContain('Description:\n');
      const comments = structured.comments as {
        total: number;
        comments: Array<{ id: string; body: string }>;
        nextCursor?: string;
      };
      expect(comments.total).toBe(raw.fields.comment.total);
      expect(comments.comments).toHaveLength(2);
      expect(comments.nextCursor).toBeDefined();
      expect(text).toContain(`jira_list_comments cursor="${comments.nextCursor}"`);
      for (const [id, value] of Object.entries(raw.fields)) {
        if (id.startsWith('customfield_') && typeof value === 'number')
          expect((structured.fields as Record<string, string>)[raw.names[id]]).toBe(String(value));
      }
      expect(text).not.toMatch(/avatarUrls|"self"|\bnull\b/);
      expect(text).not.toContain('{"type":"doc"');
    });

    it('includes worklogs and transitions on request', async () => {
      const key = await richIssue();
      const { structured } = await site.ok('jira_get_issue', {
        issueKey: key,
        include: ['transitions', 'worklogs'],
        comments: 0,
      });
      const transitions = structured.transitions as Array<{ name: string }>;
      const live = await site.rest<{ transitions: Array<{ name: string }> }>(`/rest/api/3/issue/${key}/transitions`);
      expect(transitions.map((t) => t.name).sort()).toEqual(live.transitions.map((t) => t.name).sort());
      expect(structured.comments).toBeUndefined();
    });

    it('answers a missing issue with not_found, and a bad argument with an input error', async () => {
      expect(await site.fails('jira_get_issue', { issueKey: 'NOVA-999999' })).toContain(
        'Error (not_found): Issue NOVA-999999 does not exist, or you cannot see it (project NOVA exists).',
      );
      expect(await site.fails('jira_get_issue', { issueKey: 'NOPE-1' })).toContain(
        'Issue NOPE-1 not found: there is no project NOPE you can see.',
      );
      expect((await site.mcp.call('jira_get_issue', {})).isError).toBe(true);
    });

    it('maps an injected 403 to not_allowed', async () => {
      site.sandbox.faults.set({
        type: 'status',
        status: 403,
        match: { path: '/rest/api/3/issue/' },
        body: { errorMessages: ['You do not have the permission to see the specified issue.'], errors: {} },
      });
      expect(await site.fails('jira_get_issue', { issueKey: 'NOVA-1' })).toContain('Error (not_allowed)');
    });
  });

  describe('jira_create_issue', () => {
    it('creates a bug with custom fields by name, resolving options, cascades, users, versions and components', async () => {
      const { structured, text } = await site.ok('jira_create_issue', {
        project: 'NOVA',
        type: 'Bug',
        summary: 'Checkout crashes on Safari',
        description: '## Steps\n1. Open checkout\n2. Pay\n\n**Expected:** no crash',
        fields: {
          Severity: 'Sev 2 - Major',
          'Affected platform': 'Web > Safari',
          'Story Points': 3,
          Components: ['Backend API'],
          'Fix versions': ['2.5.0'],
          Reviewers: ['jonas.weber@nimbus-works.example'],
          Labels: ['checkout'],
          Assignee: 'Priya Raman',
          Team: 'Platform Team',
          'Due date': '2026-12-24',
        },
      });
      const key = structured.key as string;
      expect(text).toContain(`Created ${key} (Bug)`);
      const raw = await site.rest<RawIssue>(`/rest/api/3/issue/${key}`);
      expect(raw.fields.summary).toBe('Checkout crashes on Safari');
      expect(raw.fields.issuetype.name).toBe('Bug');
      expect(raw.fields.customfield_10040.value).toBe('Sev 2 - Major');
      expect(raw.fields.customfield_10041.value).toBe('Web');
      expect(raw.fields.customfield_10041.child.value).toBe('Safari');
      expect(raw.fields.customfield_10016).toBe(3);
      expect(raw.fields.components.map((c: { name: string }) => c.name)).toEqual(['Backend API']);
      expect(raw.fields.fixVersions.map((v: { name: string }) => v.name)).toEqual(['2.5.0']);
      expect(raw.fields.customfield_10042.map((u: { displayName: string }) => u.displayName)).toEqual(['Jonas Weber']);
      expect(raw.fields.labels).toEqual(['checkout']);
      expect(raw.fields.assignee.displayName).toBe('Priya Raman');
      expect(raw.fields.description.type).toBe('doc');
      expect(raw.fields.duedate).toBe('2026-12-24');
      const shown = await site.ok('jira_get_issue', { issueKey: key });
      expect(shown.structured.fields).toMatchObject({
        Team: 'Platform Team',
        Severity: 'Sev 2 - Major',
        'Affected platform': 'Web > Safari',
        Reviewers: 'Jonas Weber',
      });
    });

    it('resolves a team by name from the teams in use, and lists them for an unknown name', async () => {
      const text = await site.fails('jira_create_issue', {
        project: 'NOVA',
        type: 'Task',
        summary: 'x',
        fields: { Team: 'Nonexistent Crew' },
      });
      expect(text).toContain(`Field 'Team': no team named "Nonexistent Crew" is in use on any issue.`);
      expect(text).toContain('Platform Team');
    });

    it('lists missing required fields with their allowed values before calling Jira', async () => {
      const text = await site.fails('jira_create_issue', { project: 'NOVA', type: 'Bug', summary: 'No severity' });
      expect(text).toContain(
        'Missing required fields for the create screen of NOVA Bug: Severity (allowed: Sev 1 - Critical, Sev 2 - Major, Sev 3 - Minor, Sev 4 - Cosmetic)',
      );
    });

    it("answers a bad option value with the allowed values, and an unknown type with the project's types", async () => {
      const bad = await site.fails('jira_create_issue', {
        project: 'NOVA',
        type: 'Bug',
        summary: 'x',
        fields: { Severity: 'Sev 9' },
      });
      expect(bad).toContain(`Field 'Severity': "Sev 9" is not an allowed value; allowed: Sev 1 - Critical`);
      const type = await site.fails('jira_create_issue', { project: 'NOVA', type: 'Incident', summary: 'x' });
      expect(type).toContain("Issue type 'Incident' does not exist in NOVA");
      expect(type).toContain('Bug');
    });

    it('asks for a project when none is given and no default is configured', async () => {
      expect(await site.fails('jira_create_issue', { summary: 'x' })).toContain('Which project?');
    });
  });

  describe('jira_update_issue', () => {
    it('updates fields by name and rewrites one description section, keeping the rest byte for byte', async () => {
      const { structured } = await site.ok('jira_create_issue', {
        project: 'NOVA',
        type: 'Task',
        summary: 'Section edit target',
        description: '## Context\nKeep me.\n\n## Plan\nOld plan.\n\n## Notes\nAlso keep me.',
      });
      const key = structured.key as string;
      const before = await site.rest<RawIssue>(`/rest/api/3/issue/${key}`);
      const { text } = await site.ok('jira_update_issue', {
        issueKey: key,
        section: 'Plan',
        description: 'New plan.',
        fields: { 'Story Points': 8 },
      });
      expect(text).toContain(`Updated ${key}`);
      const after = await site.rest<RawIssue>(`/rest/api/3/issue/${key}`);
      expect(after.fields.customfield_10016).toBe(8);
      const blocks = (doc: { content: unknown[] }) => doc.content.map((b) => JSON.stringify(b));
      const [b, a] = [blocks(before.fields.description), blocks(after.fields.description)];
      expect(a[0]).toBe(b[0]);
      expect(a[1]).toBe(b[1]);
      expect(a.join()).toContain('New plan.');
      expect(a.join()).not.toContain('Old plan.');
      expect(a.slice(-2)).toEqual(b.slice(-2));
    });

    it('replaces the whole description from the Markdown it read, keeping panels and mentions it did not touch', async () => {
      const jonas = site.sandbox.credentials.users.find((u) => u.displayName === 'Jonas Weber')!;
      const markdown = `Intro by [@Jonas Weber](accountid:${jonas.accountId}).\n\n⟦panel note⟧\n\nKeep this note.\n\n⟦/panel⟧\n\nOld ending.`;
      const key = (
        await site.ok('jira_create_issue', {
          project: 'NOVA',
          type: 'Task',
          summary: 'Full replace target',
          description: markdown,
        })
      ).structured.key as string;
      const before = await site.rest<RawIssue>(`/rest/api/3/issue/${key}`);
      const read = (await site.ok('jira_get_issue', { issueKey: key })).structured.description as string;
      expect(read).toContain('Old ending.');
      await site.ok('jira_update_issue', { issueKey: key, description: read.replace('Old ending.', 'New ending.') });
      const after = await site.rest<RawIssue>(`/rest/api/3/issue/${key}`);
      const panel = (d: { content: Array<{ type: string }> }) => d.content.find((b) => b.type === 'panel');
      expect(panel(after.fields.description)).toEqual(panel(before.fields.description));
      expect(after.fields.description.content[0]).toEqual(before.fields.description.content[0]);
      expect(JSON.stringify(after.fields.description)).toContain('New ending.');
    });

    it('takes raw ADF for rich-text fields, and refuses ADF that breaks the schema before sending it', async () => {
      const adf = {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Raw ADF body' }] }],
      };
      await site.ok('jira_update_issue', { issueKey: 'NOVA-7', fields: { Description: adf } });
      expect((await site.rest<RawIssue>('/rest/api/3/issue/NOVA-7?fields=description')).fields.description).toEqual(
        adf,
      );
      const text = await site.fails('jira_update_issue', {
        issueKey: 'NOVA-7',
        fields: { Description: { type: 'doc', version: 1, content: [{ type: 'bogus' }] } },
      });
      expect(text).toContain('Error (input)');
    });

    it('adds and removes values of multi-value fields without re-sending the rest', async () => {
      const key = (
        await site.ok('jira_create_issue', {
          project: 'NOVA',
          type: 'Task',
          summary: 'Multi-value target',
          fields: { Labels: ['a', 'b'], Components: ['iOS'] },
        })
      ).structured.key as string;
      await site.ok('jira_update_issue', {
        issueKey: key,
        fields: { Labels: { add: 'c', remove: ['a'] }, Components: { add: ['Android'] } },
      });
      const raw = await site.rest<RawIssue>(`/rest/api/3/issue/${key}?fields=labels,components`);
      expect([...raw.fields.labels].sort()).toEqual(['b', 'c']);
      expect(raw.fields.components.map((c: { name: string }) => c.name).sort()).toEqual(['Android', 'iOS']);
      expect(
        await site.fails('jira_update_issue', { issueKey: key, fields: { 'Story Points': { add: 1 } } }),
      ).toContain("Field 'Story Points' holds one value");
      expect(
        await site.fails('jira_update_issue', { issueKey: key, fields: { Components: { add: ['Mainframe'] } } }),
      ).toContain('allowed: iOS, Android');
    });

    it('refuses a field that is not on the edit screen, and an empty update', async () => {
      expect(
        await site.fails('jira_update_issue', { issueKey: 'MKT-1', fields: { Severity: 'Sev 1 - Critical' } }),
      ).toContain("Field 'Severity' cannot be set on the edit screen of MKT-1");
      expect(await site.fails('jira_update_issue', { issueKey: 'NOVA-1' })).toContain('Nothing to update');
    });
  });

  describe('jira_assign_issue', () => {
    it('assigns by email, by "me" and unassigns with null', async () => {
      await site.ok('jira_assign_issue', { issueKey: 'NOVA-2', assignee: 'sam.okafor@nimbus-works.example' });
      expect((await site.rest<RawIssue>('/rest/api/3/issue/NOVA-2')).fields.assignee.displayName).toBe('Sam Okafor');
      await site.ok('jira_assign_issue', { issueKey: 'NOVA-2', assignee: 'me' });
      expect((await site.rest<RawIssue>('/rest/api/3/issue/NOVA-2')).fields.assignee.accountId).toBe(
        site.sandbox.credentials.accountId,
      );
      await site.ok('jira_assign_issue', { issueKey: 'NOVA-2', assignee: null });
      expect((await site.rest<RawIssue>('/rest/api/3/issue/NOVA-2')).fields.assignee).toBeFalsy();
    });

    it('explains an unknown person', async () => {
      expect(
        await site.fails('jira_assign_issue', { issueKey: 'NOVA-2', assignee: 'nobody.here@example.com' }),
      ).toContain('No Jira user matches');
    });
  });
});
