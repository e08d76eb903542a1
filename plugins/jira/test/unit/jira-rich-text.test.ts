import { RichText } from '@atlassian-mcp/core/host';
import { JiraRichText } from '../../src/content/jira-rich-text.js';
import type { JiraUsers } from '../../src/client/jira-users.js';

const ACCOUNT = '712020:0b7f0e1a-4c93-4e6a-9c5b-2d7f0e1a4c93';
const doc = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'mention', attrs: { id: ACCOUNT, text: '@Jonas Weber' } },
        { type: 'text', text: ' saw it.' },
      ],
    },
    {
      type: 'panel',
      attrs: { panelType: 'warning' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'All Safari users.' }] }],
    },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Steps' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Old steps' }] },
    {
      type: 'mediaSingle',
      content: [{ type: 'media', attrs: { type: 'file', id: 'abc-123', collection: 'c', alt: 'screen.png' } }],
    },
  ],
};

describe('JiraRichText over core RichText', () => {
  // Jira's people search: one person named Jonas Weber.
  const users = {
    search: async (query: string) =>
      'jonas weber'.includes(query.toLowerCase()) ? [{ accountId: ACCOUNT, displayName: 'Jonas Weber' }] : [],
  };
  const text = new JiraRichText(new RichText(), users as unknown as JiraUsers);

  it('reads ADF as Markdown with mentions, panels as placeholders and media named after the attachment', () => {
    const md = text.toMarkdown(doc, [{ id: '10050', filename: 'screen.png' }])!;
    expect(md).toContain('⟦@Jonas Weber⟧');
    expect(md).toMatch(/⟦panel warning/);
    expect(md).toContain('screen.png');
    expect(text.toMarkdown(null)).toBeUndefined();
    expect(text.toMarkdown({ type: 'doc', version: 1, content: [] })).toBeUndefined();
  });

  it('replaces one section and leaves the mention and panel byte for byte', async () => {
    const out = (await text.replaceSection(doc, 'Steps', 'New steps')) as unknown as typeof doc;
    expect(out.content.slice(0, 4)).toEqual(doc.content.slice(0, 4));
    expect(JSON.stringify(out)).toContain('New steps');
    expect(JSON.stringify(out)).not.toContain('Old steps');
  });

  it('rewrites the whole text against the current document, so kept placeholders come back unchanged', async () => {
    const md = text.toMarkdown(doc)!.replace('Old steps', 'Edited steps');
    const out = (await text.rewrite(doc, md)) as unknown as typeof doc;
    const panel = out.content.find((b) => b.type === 'panel');
    expect(panel).toEqual(doc.content[2]);
    expect(JSON.stringify(out)).toContain('Edited steps');
    expect(JSON.stringify(out)).toContain(ACCOUNT);
  });

  it('turns Markdown into schema-valid ADF, and refuses an edit of a missing section', async () => {
    await expect(text.toAdf('**bold** and `code`')).resolves.toMatchObject({ type: 'doc', version: 1 });
    await expect(text.replaceSection(doc, 'Nope', 'x')).rejects.toThrow();
  });

  it('checks new mentions with the people search: by name, a made-up id corrected or refused', async () => {
    const byName = await text.toAdf('Ping ⟦@Jonas Weber⟧');
    expect(JSON.stringify(byName)).toContain(`"id":"${ACCOUNT}"`);
    const madeUp = await text.toAdf('Ping [@Jonas Weber](accountid:000000000000000000000000)');
    expect(JSON.stringify(madeUp)).toContain(`"id":"${ACCOUNT}"`);
    await expect(text.toAdf('Ping [@Nobody Here](accountid:000000000000000000000000)')).rejects.toThrow(
      /no user is named "Nobody Here"/,
    );
  });
});
