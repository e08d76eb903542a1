import { startJiraSite, type JiraSite } from './jira-site.js';

type RawIssue = { key: string; fields: Record<string, any> };

describe('comments and transitions', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());
  afterEach(() => site.sandbox.faults.clear());

  async function newTask(summary: string): Promise<string> {
    return (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Task', summary })).structured.key as string;
  }

  it('adds a Markdown comment (stored as ADF) and lists comments newest first with paging', async () => {
    const key = await newTask('Comment target');
    for (const n of [1, 2, 3])
      await site.ok('jira_add_comment', { issueKey: key, body: `Note **${n}** with \`code\`` });
    const raw = await site.rest<{ comments: Array<{ body: { type: string } }>; total: number }>(
      `/rest/api/3/issue/${key}/comment`,
    );
    expect(raw.total).toBe(3);
    expect(raw.comments[0]!.body.type).toBe('doc');
    const first = await site.ok('jira_list_comments', { issueKey: key, limit: 2 });
    const page = first.structured as { total: number; comments: Array<{ body: string }>; nextCursor?: string };
    expect(page.total).toBe(3);
    expect(page.comments.map((c) => c.body)).toEqual(['Note **3** with `code`', 'Note **2** with `code`']);
    expect(first.text).toContain('showing 2 of 3 comments');
    const second = await site.ok('jira_list_comments', { issueKey: key, limit: 2, cursor: page.nextCursor });
    expect((second.structured.comments as Array<{ body: string }>).map((c) => c.body)).toEqual([
      'Note **1** with `code`',
    ]);
    expect(second.structured.nextCursor).toBeUndefined();
    expect(await site.fails('jira_list_comments', { issueKey: 'NOVA-1', cursor: page.nextCursor })).toContain(
      'belongs to another query',
    );
  });

  it('edits a comment whole, or one section of it', async () => {
    const key = await newTask('Edit comment target');
    const added = await site.ok('jira_add_comment', { issueKey: key, body: '## Status\nRed\n\n## Next\nShip it' });
    const id = added.structured.id as string;
    await site.ok('jira_edit_comment', { issueKey: key, commentId: id, section: 'Status', body: 'Green' });
    const listed = await site.ok('jira_list_comments', { issueKey: key });
    const body = (listed.structured.comments as Array<{ body: string }>)[0]!.body;
    expect(body).toContain('Green');
    expect(body).not.toContain('Red');
    expect(body).toContain('Ship it');
    await site.ok('jira_edit_comment', { issueKey: key, commentId: id, body: 'Replaced entirely' });
    expect(
      ((await site.ok('jira_list_comments', { issueKey: key })).structured.comments as Array<{ body: string }>)[0]!
        .body,
    ).toBe('Replaced entirely');
    expect(await site.fails('jira_edit_comment', { issueKey: key, commentId: '999999', body: 'x' })).toContain(
      'Error (not_found)',
    );
  });

  it('transitions by target status or transition name, with a comment', async () => {
    const key = await newTask('Transition target');
    const { text } = await site.ok('jira_transition_issue', {
      issueKey: key,
      to: 'in progress',
      comment: 'Starting **now**',
    });
    expect(text).toBe(`${key} → In Progress`);
    const raw = await site.rest<RawIssue>(`/rest/api/3/issue/${key}?fields=status,comment`);
    expect(raw.fields.status.name).toBe('In Progress');
    expect(raw.fields.comment.total).toBe(1);
  });

  it('fills required transition screen fields by name, and lists them when missing', async () => {
    const created = await site.ok('jira_create_issue', { project: 'OPS', type: 'Task', summary: 'Resolve me' });
    const key = created.structured.key as string;
    expect((await site.ok('jira_transition_issue', { issueKey: key, to: 'Start progress' })).text).toBe(
      `${key}: Start progress → In Progress`,
    );
    const missing = await site.fails('jira_transition_issue', { issueKey: key, to: 'Done' });
    expect(missing).toContain(
      'Missing required fields for the "Resolve" transition screen: Resolution (allowed: Done, Won\'t Do, Duplicate, Cannot Reproduce)',
    );
    await site.ok('jira_transition_issue', { issueKey: key, to: 'Resolve', fields: { Resolution: "Won't Do" } });
    const raw = await site.rest<RawIssue>(`/rest/api/3/issue/${key}?fields=status,resolution`);
    expect(raw.fields.status.name).toBe('Done');
    expect(raw.fields.resolution.name).toBe("Won't Do");
  });

  it('lists the available transitions when the target is unknown', async () => {
    const key = await newTask('No such transition');
    const text = await site.fails('jira_transition_issue', { issueKey: key, to: 'Shipped' });
    expect(text).toContain("No transition 'Shipped' is available");
    expect(text).toContain('In Review');
  });

  it('maps upstream failures on comment writes', async () => {
    site.sandbox.faults.set({
      type: 'status',
      status: 403,
      match: { method: 'POST', path: '/rest/api/3/issue/' },
      body: { errorMessages: ['No permission to comment'], errors: {} },
    });
    expect(await site.fails('jira_add_comment', { issueKey: 'NOVA-1', body: 'x' })).toContain('Error (not_allowed)');
  });
});
