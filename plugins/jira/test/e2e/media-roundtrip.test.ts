import { startJiraSite, type JiraSite } from './jira-site.js';

type AdfNode = { type: string; attrs?: Record<string, unknown>; content?: AdfNode[] };
const mediaBlocks = (doc: AdfNode) => (doc.content ?? []).filter((b) => b.type === 'mediaSingle');

// A description showing one of the issue's attachments reads as a Markdown image of that
// attachment; editing another part of it, whole or by section, brings the media block back
// exactly as it was (media id, collection, size).
describe('rich text with media survives edits', () => {
  let site: JiraSite;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['default', 'jira:attachments'] });
  });
  afterAll(() => site.close());

  it('keeps a media block byte-identical through a whole rewrite and a section edit', async () => {
    const key = (await site.ok('jira_create_issue', { project: 'NOVA', type: 'Task', summary: 'Media target' }))
      .structured.key as string;
    await site.ok('jira_add_attachment', {
      issueKey: key,
      base64: Buffer.from('png-bytes').toString('base64'),
      filename: 'shot.png',
    });
    const description: AdfNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Evidence' } as AdfNode] },
        {
          type: 'mediaSingle',
          attrs: { layout: 'center' },
          content: [
            {
              type: 'media',
              attrs: {
                type: 'file',
                id: '0b3e1c52-7a0d-4f3e-9b1a-5c8d2e4f6a70',
                collection: 'jira-attachments',
                alt: 'shot.png',
                width: 640,
                height: 480,
              },
            },
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Notes' } as AdfNode] },
        { type: 'paragraph', content: [{ type: 'text', text: 'First take.' } as AdfNode] },
      ],
    };
    const put = await site.sandbox.fetch(`${site.sandbox.url}/rest/api/3/issue/${key}`, {
      method: 'PUT',
      headers: { authorization: site.sandbox.basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { description } }),
    });
    expect(put.status).toBe(204);

    const read = await site.ok('jira_get_issue', { issueKey: key });
    const markdown = read.structured.description as string;
    expect(markdown).toMatch(/shot\.png/);
    expect(markdown).toMatch(/jira:\/\/attachment\//);

    await site.ok('jira_update_issue', { issueKey: key, description: `${markdown}\n\nSecond take.` });
    const rewritten = await site.rest<{ fields: { description: AdfNode } }>(
      `/rest/api/3/issue/${key}?fields=description`,
    );
    expect(mediaBlocks(rewritten.fields.description)).toEqual(mediaBlocks(description));

    await site.ok('jira_update_issue', { issueKey: key, section: 'Notes', description: 'Third take.' });
    const edited = await site.rest<{ fields: { description: AdfNode } }>(`/rest/api/3/issue/${key}?fields=description`);
    expect(mediaBlocks(edited.fields.description)).toEqual(mediaBlocks(description));
    expect(JSON.stringify(edited.fields.description)).toContain('Third take.');
  });
});
