import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { createMcpServer } from '@atlassian-mcp/core/host';
import { startJiraSite, type JiraSite } from './jira-site.js';

type AdfNode = { type: string; version?: number; attrs?: Record<string, unknown>; content?: AdfNode[]; text?: string };
type Issue = { fields: { description: AdfNode } };

const text = (t: string): AdfNode => ({ type: 'text', text: t });
const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });

/** A description shaped like one from Jira's editor: every rich node a model may want to copy. */
function richDescription(jonas: string, attachmentId: string): AdfNode {
  return {
    type: 'doc',
    version: 1,
    content: [
      { type: 'heading', attrs: { level: 2, localId: 'h-1' }, content: [text('Context')] },
      p(
        text('Raised by '),
        { type: 'mention', attrs: { id: jonas, text: '@Jonas Weber', accessLevel: '', localId: 'm-1' } },
        text(' on '),
        { type: 'date', attrs: { timestamp: '1767225600000', localId: 'd-1' } },
        text(', now '),
        { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue', localId: 's-1' } },
        text(' '),
        { type: 'emoji', attrs: { shortName: ':warning:', id: 'atlassian-warning', text: ':warning:' } },
      ),
      {
        type: 'panel',
        attrs: { panelType: 'warning', localId: 'p-1' },
        content: [p(text('Only Safari 17 is affected.'))],
      },
      {
        type: 'expand',
        attrs: { title: 'Logs', localId: 'e-1' },
        content: [{ type: 'codeBlock', attrs: { language: 'text' }, content: [text('ERR 302 loop at /sso')] }],
      },
      {
        type: 'taskList',
        attrs: { localId: 'tl-1' },
        content: [
          { type: 'taskItem', attrs: { localId: 't-1', state: 'DONE' }, content: [text('Reproduce')] },
          { type: 'taskItem', attrs: { localId: 't-2', state: 'TODO' }, content: [text('Fix the cookie flag')] },
        ],
      },
      {
        type: 'table',
        attrs: { isNumberColumnEnabled: false, layout: 'default', localId: 'tb-1' },
        content: [
          {
            type: 'tableRow',
            content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [p(text('Browsers'))] }],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', attrs: { background: '#ffebe6' }, content: [p(text('Safari'))] },
              { type: 'tableCell', content: [p(text('broken'))] },
            ],
          },
        ],
      },
      p(text('See '), { type: 'inlineCard', attrs: { url: 'https://status.example.com/incidents/42' } }),
      {
        type: 'mediaSingle',
        attrs: { layout: 'center', width: 60 },
        content: [
          {
            type: 'media',
            attrs: {
              type: 'file',
              id: attachmentId,
              collection: 'jira-attachments',
              alt: 'loop.png',
              width: 800,
              height: 600,
            },
          },
        ],
      },
    ],
  };
}

describe('copying rich text between issues (through a real MCP client)', () => {
  let site: JiraSite;
  let jonas: string;
  beforeAll(async () => {
    site = await startJiraSite({ toolsets: ['default', 'jira:attachments'] });
    const users = await site.rest<Array<{ accountId: string; displayName: string }>>(
      '/rest/api/3/user/search?query=Jonas',
    );
    jonas = users.find((u) => u.displayName === 'Jonas Weber')!.accountId;
  });
  afterAll(() => site.close());

  const create = async (summary: string, description?: string) =>
    (
      await site.ok('jira_create_issue', {
        project: 'NOVA',
        type: 'Task',
        summary,
        ...(description && { description }),
      })
    ).structured.key as string;
  const description = async (key: string) =>
    (await site.rest<Issue>(`/rest/api/3/issue/${key}?fields=description`)).fields.description;
  async function putDescription(key: string, doc: AdfNode): Promise<void> {
    const put = await site.sandbox.fetch(`${site.sandbox.url}/rest/api/3/issue/${key}`, {
      method: 'PUT',
      headers: { authorization: site.sandbox.basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { description: doc } }),
    });
    expect(put.status).toBe(204);
  }

  it("copies an issue's description into a new issue: the same ADF, every rich node kept", async () => {
    const source = await create('Login loops on Safari');
    const attachment = await site.ok('jira_add_attachment', {
      issueKey: source,
      base64: Buffer.from('png-bytes').toString('base64'),
      filename: 'loop.png',
    });
    const attachmentId = String(
      (attachment.structured.attachments as Array<{ id: string }> | undefined)?.[0]?.id ?? 'a-1',
    );
    const original = richDescription(jonas, attachmentId);
    await putDescription(source, original);

    const read = await site.ok('jira_get_issue', { issueKey: source });
    const markdown = read.structured.description as string;
    expect(markdown).toContain('⟦@Jonas Weber⟧');
    expect(markdown).not.toContain('accountid:');

    const copy = await create('Copy of the Safari bug', markdown);
    expect(await description(copy)).toEqual(await description(source));
  });

  it('every document of the rich-text corpus, read from one issue, creates an issue with the same ADF', async () => {
    const dir = join(__dirname, '../../../../core/test/fixtures/content/adf');
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(44);
    const source = await create('Corpus source');
    for (const name of names) {
      const doc = JSON.parse(readFileSync(join(dir, name), 'utf8')) as AdfNode;
      await putDescription(source, doc);
      const markdown = (await site.ok('jira_get_issue', { issueKey: source })).structured.description as string;
      const copy = await create(`Copy of ${name}`, markdown);
      expect({ name, doc: await description(copy) }).toEqual({ name, doc });
    }
  }, 120_000);

  it('quotes a comment of one issue into another, and appends a copied block to an existing description', async () => {
    const a = await create('Quoted issue');
    const b = await create('Quoting issue', 'Existing text.');
    const comment = {
      type: 'doc',
      version: 1,
      content: [
        p(
          text('Ship it once '),
          { type: 'status', attrs: { text: 'QA PASSED', color: 'green', localId: 'q-1' } },
          text(' holds.'),
        ),
        { type: 'panel', attrs: { panelType: 'note' }, content: [p(text('Release notes pending.'))] },
      ],
    };
    const posted = await site.sandbox.fetch(`${site.sandbox.url}/rest/api/3/issue/${a}/comment`, {
      method: 'POST',
      headers: { authorization: site.sandbox.basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ body: comment }),
    });
    expect(posted.status).toBe(201);
    const listed = await site.ok('jira_list_comments', { issueKey: a });
    const body = (listed.structured.comments as Array<{ body: string }>)[0]!.body;
    await site.ok('jira_add_comment', { issueKey: b, body });
    const comments = await site.rest<{ comments: Array<{ body: AdfNode }> }>(`/rest/api/3/issue/${b}/comment`);
    expect(comments.comments[comments.comments.length - 1]!.body.content).toEqual(comment.content);

    const current = (await site.ok('jira_get_issue', { issueKey: b })).structured.description as string;
    await site.ok('jira_update_issue', { issueKey: b, description: `${current}\n\n${body}` });
    expect((await description(b)).content).toEqual([p(text('Existing text.')), ...comment.content]);
  });

  it('another connection has read nothing: readable placeholders rebuild, the rest are refused by name', async () => {
    const source = await create('Source for another session');
    await putDescription(source, richDescription(jonas, 'a-2'));
    const markdown = (await site.ok('jira_get_issue', { issueKey: source })).structured.description as string;

    const server = createMcpServer(site.mcp.host);
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const other = new Client({ name: 'second-session', version: '1.0.0' });
    await other.connect(clientSide);
    try {
      const call = async (args: Record<string, unknown>) =>
        (await other.callTool({ name: 'jira_create_issue', arguments: args })) as {
          isError?: boolean;
          content: Array<{ text?: string }>;
        };
      const refused = await call({ project: 'NOVA', summary: 'Copy elsewhere', description: markdown });
      expect(refused.isError).toBe(true);
      expect(refused.content[0]!.text).toMatch(
        /⟦image loop\.png[^⟧]*\^[0-9a-z]{5}⟧ comes from a document this session has not read/,
      );
      // Without the media, the copy goes through: status, date, panel, mention are what they say.
      const withoutMedia = markdown.replace(/\n\n⟦image [^\n]*⟧$/, '');
      const ok = await call({ project: 'NOVA', summary: 'Copy elsewhere', description: withoutMedia });
      expect(ok.isError).not.toBe(true);
    } finally {
      await other.close();
      await server.close();
    }
  });

  it('a mention with a made-up account id is resolved by name, or refused with the candidates', async () => {
    const key = await create('Mentions');
    await site.ok('jira_add_comment', {
      issueKey: key,
      body: 'Ping [@Jonas Weber](accountid:5b10ac8d82e05b22cc7d4ef5)',
    });
    const comments = await site.rest<{ comments: Array<{ body: AdfNode }> }>(`/rest/api/3/issue/${key}/comment`);
    expect(JSON.stringify(comments.comments[comments.comments.length - 1]!.body)).toContain(`"id":"${jonas}"`);
    const refused = await site.fails('jira_add_comment', {
      issueKey: key,
      body: 'Ping [@Jonas Webber Nobody](accountid:5b10ac8d82e05b22cc7d4ef5)',
    });
    expect(refused).toMatch(/no user is named "Jonas Webber Nobody"/);
    await site.ok('jira_add_comment', { issueKey: key, body: 'Thanks ⟦@Jonas Weber⟧' });
  });
});
