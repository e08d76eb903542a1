import { startJiraSite, type JiraSite } from './jira-site.js';

/*
 * Issue 13 items 6 and 7 through the real tools: Markdown a model writes from habit becomes the
 * Jira content it means, and what jira_get_issue shows reads naturally.
 */
type AdfNode = { type: string; attrs?: Record<string, unknown>; marks?: AdfNode[]; content?: AdfNode[]; text?: string };

function find(nodes: AdfNode[] | undefined, type: string): AdfNode[] {
  return (nodes ?? []).flatMap((n) => [...(n.type === type ? [n] : []), ...find(n.content, type)]);
}

const WRITTEN = `Checkout fails for returning customers after the 2.5.0 rollout.

<details>
<summary>Crash log</summary>

\`\`\`text
NullPointerException at CartRepository.restore(CartRepository.kt:88)
\`\`\`

</details>

> [!WARNING]
> Do not roll back the database migration: it is not reversible.

> [!TIP]
> Reproduce with a cart saved before the update.

Press <kbd>Ctrl</kbd>+<kbd>R</kbd> on the cart screen to retry.[^1]

[![Build](https://ci.example.com/badge/shop.svg "Nightly build")](https://ci.example.com/job/shop/)

[^1]: Android only; iOS shows the retry button.
`;

describe('Markdown a model writes, through jira_create_issue and jira_get_issue', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());

  it('details, callouts, footnotes, <kbd> and a linked, titled image become the Jira content they mean', async () => {
    const created = await site.ok('jira_create_issue', {
      project: 'NOVA',
      type: 'Task',
      summary: 'Checkout fails for returning customers',
      description: WRITTEN,
    });
    const key = created.structured.key as string;
    const issue = await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}?fields=description`);
    const doc = issue.fields.description.content;
    expect(find(doc, 'expand').map((e) => e.attrs?.title)).toEqual(['Crash log']);
    expect(find(doc, 'panel').map((e) => e.attrs?.panelType)).toEqual(['warning', 'tip']);
    const texts = find(doc, 'text');
    expect(texts.filter((t) => t.marks?.some((m) => m.type === 'code')).map((t) => t.text)).toEqual(['Ctrl', 'R']);
    expect(texts.filter((t) => t.marks?.some((m) => m.type === 'subsup')).map((t) => t.text)).toEqual(['1', '1']);
    const image = find(doc, 'mediaSingle')[0]!;
    expect(image.content![0]!.attrs?.url).toBe('https://ci.example.com/badge/shop.svg');
    expect(image.marks?.[0]?.attrs?.href).toBe('https://ci.example.com/job/shop/');
    expect(image.content![1]!.content![0]!.text).toBe('Nightly build');
    expect(JSON.stringify(doc)).not.toMatch(/<\/?(details|summary|kbd)|\[!WARNING\]|\[\^1\]/);

    // Read back, the model sees what it wrote, in the placeholders it can edit.
    const read = await site.ok('jira_get_issue', { issueKey: key });
    const markdown = read.structured.description as string;
    expect(markdown).toContain('⟦expand Crash log⟧');
    expect(markdown).toContain('⟦panel warning⟧');
    expect(markdown).toContain('`Ctrl`+`R`');
    expect(markdown).toContain(
      '[![Build](https://ci.example.com/badge/shop.svg "Nightly build")](https://ci.example.com/job/shop/)',
    );
  });

  it('<details> in a table cell becomes a nested expand in that cell, and an edit elsewhere keeps it', async () => {
    const created = await site.ok('jira_create_issue', {
      project: 'NOVA',
      type: 'Task',
      summary: 'Release 2.6 smoke tests',
      description:
        '| Check | Result |\n| - | - |\n| Smoke | Passed <details><summary>Run log</summary>3 retries, then green</details> |\n\nAll green.',
    });
    const key = created.structured.key as string;
    const raw = async () =>
      (await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}?fields=description`)).fields
        .description;
    const cell = find((await raw()).content, 'tableCell')[1]!;
    expect(cell.content!.map((b) => b.type)).toEqual(['paragraph', 'nestedExpand']);
    expect(cell.content![1]!.attrs).toEqual({ title: 'Run log' });
    expect(JSON.stringify(cell)).not.toMatch(/<\/?(details|summary)/);

    const read = (await site.ok('jira_get_issue', { issueKey: key })).structured.description as string;
    expect(read).toMatch(/⟦nestedExpand\^\w+⟧/);
    const before = await raw();
    await site.ok('jira_update_issue', { issueKey: key, description: read.replace('All green.', 'All green on 2.6.') });
    const after = await raw();
    expect(after.content![0]).toEqual(before.content![0]);
    expect(JSON.stringify(after.content![1])).toContain('All green on 2.6.');
  });

  it('jira_get_issue shows emphasis inside words and emoji without character references or placeholders', async () => {
    const created = await site.ok('jira_create_issue', { project: 'NOVA', type: 'Story', summary: 'Export orders' });
    const key = created.structured.key as string;
    const description = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'As a shop owne' },
            { type: 'text', text: 'r, I want', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' to export orders' },
            { type: 'text', text: ', so that', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' I can reconcile payouts ' },
            { type: 'emoji', attrs: { shortName: ':white_check_mark:', id: '2705', text: '✅', localId: 'em-1' } },
          ],
        },
      ],
    };
    const put = await site.sandbox.fetch(`${site.sandbox.url}/rest/api/3/issue/${key}`, {
      method: 'PUT',
      headers: { authorization: site.sandbox.basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { description } }),
    });
    expect(put.status).toBe(204);
    const stored = await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}?fields=description`);
    expect(find(stored.fields.description.content, 'emoji')[0]!.attrs?.localId).toBe('em-1');
    const read = await site.ok('jira_get_issue', { issueKey: key });
    expect(read.text).not.toMatch(/&#x?[0-9a-f]+;/i);
    expect(read.text).toContain('I can reconcile payouts ✅');
    // Edited and written back through the tool, the emoji is the same node, localId included.
    const markdown = (read.structured.description as string).replace('export orders', 'export all orders');
    await site.ok('jira_update_issue', { issueKey: key, description: markdown });
    const after = await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}?fields=description`);
    expect(find(after.fields.description.content, 'emoji')).toEqual([description.content[0]!.content[5]]);
    expect(JSON.stringify(after.fields.description)).toContain('export all orders');
  });
});

describe('jira_get_issue without noise fields', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite();
  });
  afterAll(() => site.close());

  it('shows no rank (machine data) and no empty objects, but keeps the fields a reader needs', async () => {
    const raw = await site.rest<{ fields: Record<string, unknown> }>('/rest/api/3/issue/NOVA-9');
    const rank = raw.fields.customfield_10019;
    expect(typeof rank).toBe('string');
    const read = await site.ok('jira_get_issue', { issueKey: 'NOVA-9', include: ['worklogs'] });
    expect(read.text).not.toContain('Rank');
    expect(read.text).not.toContain(rank as string);
    expect(read.text).not.toMatch(/: \{\}|: \[\]|: null/);
    expect(read.text).toContain('Story Points: ');
    expect(read.text).toMatch(/Worklogs \(\d+\):\n\[\d+\] \d{4}-\d{2}-\d{2} /);
    // The worklog comments a reader needs (what the time was spent on).
    const logs = await site.rest<{
      worklogs: Array<{ comment?: { content?: Array<{ content?: Array<{ text?: string }> }> } }>;
    }>('/rest/api/3/issue/NOVA-9/worklog');
    const said = logs.worklogs.map((w) => w.comment?.content?.[0]?.content?.[0]?.text).filter((t) => t !== undefined);
    expect(said.length).toBeGreaterThan(0);
    for (const text of said) expect(read.text).toContain(text);
  });
});
