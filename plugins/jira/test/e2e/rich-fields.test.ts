import { startJiraSite, type JiraSite } from './jira-site.js';

/*
 * Rich-text fields other than the description (Environment, a textarea custom field) written
 * through jira_update_issue's `fields`: the field's current value is the base, so an edit read
 * with jira_get_issue comes back with every localId, task id and panel it had.
 */
type AdfNode = { type: string; attrs?: Record<string, unknown>; content?: AdfNode[]; text?: string };
type RawIssue = { fields: Record<string, AdfNode | null> };

const FIELD_DOC: AdfNode = {
  type: 'doc',
  attrs: undefined,
  content: [
    {
      type: 'paragraph',
      attrs: { localId: 'env-p-1' },
      content: [{ type: 'text', text: 'Reproduced on staging with the EU payment gateway.' }],
    },
    {
      type: 'taskList',
      attrs: { localId: 'env-tl-1' },
      content: [
        {
          type: 'taskItem',
          attrs: { localId: 'env-ti-1', state: 'DONE' },
          content: [{ type: 'text', text: 'Clear the CDN cache' }],
        },
        {
          type: 'taskItem',
          attrs: { localId: 'env-ti-2', state: 'TODO' },
          content: [{ type: 'text', text: 'Replay the failed webhooks' }],
        },
      ],
    },
    {
      type: 'panel',
      attrs: { panelType: 'note', localId: 'env-panel-1' },
      content: [
        {
          type: 'paragraph',
          attrs: { localId: 'env-p-2' },
          content: [{ type: 'text', text: 'Only Safari 17 shows the blank page.' }],
        },
      ],
    },
  ],
};

function ids(node: AdfNode | null | undefined): string[] {
  if (!node) return [];
  const own = typeof node.attrs?.localId === 'string' ? [node.attrs.localId] : [];
  return [...own, ...(node.content ?? []).flatMap(ids)];
}

describe('rich-text fields through jira_update_issue `fields`', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());

  /** A NOVA issue whose edit screen has the field (Environment: bugs, Acceptance criteria: stories). */
  async function issueWith(field: string): Promise<string> {
    const created = await site.ok(
      'jira_create_issue',
      field === 'Environment'
        ? { project: 'NOVA', type: 'Bug', summary: 'Blank checkout page', fields: { Severity: 'Sev 3 - Minor' } }
        : { project: 'NOVA', type: 'Story', summary: 'Retry failed payments' },
    );
    return created.structured.key as string;
  }

  it.each([
    ['Environment', 'environment'],
    ['Acceptance criteria', 'customfield_10043'],
  ])('%s: an edited read keeps the localIds of every node (the field is its own base)', async (name, id) => {
    const key = await issueWith(name);
    const doc = { ...FIELD_DOC, version: 1 };
    delete (doc as { attrs?: unknown }).attrs;
    await site.ok('jira_update_issue', { issueKey: key, fields: { [name]: doc } });
    const before = (await site.rest<RawIssue>(`/rest/api/3/issue/${key}?fields=${id}`)).fields[id];
    expect(ids(before)).toEqual(['env-p-1', 'env-tl-1', 'env-ti-1', 'env-ti-2', 'env-panel-1', 'env-p-2']);

    const read = await site.ok('jira_get_issue', { issueKey: key });
    const markdown = (read.structured.fields as Record<string, string>)[name]!;
    expect(markdown).toContain('- [x] Clear the CDN cache');
    const edited = markdown.replace('Replay the failed webhooks', 'Replay the failed webhooks from Monday');
    expect(edited).not.toBe(markdown);
    await site.ok('jira_update_issue', { issueKey: key, fields: { [name]: edited } });

    const after = (await site.rest<RawIssue>(`/rest/api/3/issue/${key}?fields=${id}`)).fields[id]!;
    expect(ids(after)).toEqual(ids(before));
    expect(after.content![0]).toEqual(before!.content![0]);
    expect(after.content![2]).toEqual(before!.content![2]);
    expect(JSON.stringify(after)).toContain('Replay the failed webhooks from Monday');
  });

  it('a new value for an empty field is written as new content', async () => {
    const otherKey = await issueWith('Environment');
    await site.ok('jira_update_issue', {
      issueKey: otherKey,
      fields: { Environment: 'Production, ⟦status:red BLOCKED⟧ since the **2.5.0** rollout' },
    });
    const raw = (await site.rest<RawIssue>(`/rest/api/3/issue/${otherKey}?fields=environment`)).fields.environment!;
    const inline = raw.content![0]!.content!;
    expect(inline.find((n) => n.type === 'status')?.attrs).toMatchObject({ text: 'BLOCKED', color: 'red' });
    expect(inline.find((n) => n.text === '2.5.0')).toBeDefined();
  });
});
