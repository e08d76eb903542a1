// The hosted endpoint (one replica, in-memory state: the single-process default) speaks the 2025
// protocol revisions clients still use next to the current one, narrows policy per request from
// the path and headers (never widening it), and never reads a local file for a user.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { callTool, signIn, type SignedIn } from './support/mcp-sign-in';
import { startHostedFixture, type HostedFixture } from './support/hosted-fixture';

const MAYA = 'maya.chen@nimbus-works.example';

let f: HostedFixture;
let maya: SignedIn;
const extra: Client[] = [];

beforeAll(async () => {
  // The server's own policy: everything but the destructive toolset.
  f = await startHostedFixture({ config: { toolsets: ['all'], allowDestructive: false } });
  maya = await signIn(f.mcpUrl, MAYA);
});

afterAll(async () => {
  for (const c of extra) await c.close().catch(() => undefined);
  await maya?.close().catch(() => undefined);
  await f?.close();
});

/** One JSON-RPC request with Maya's token; the JSON or SSE answer parsed. */
async function rpc(body: object, headers: Record<string, string> = {}, path = '/mcp') {
  const res = await fetch(`${f.server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${maya.provider.tokens()!.access_token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, ...body }),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('text/event-stream')
    ? text
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => JSON.parse(l.slice(5)) as Record<string, unknown>)
        .find((m) => 'result' in m || 'error' in m)
    : text
      ? (JSON.parse(text) as Record<string, unknown>)
      : undefined;
  return { status: res.status, json: json as { result?: Record<string, unknown>; error?: { message: string } } };
}

async function connect(path: string, headers?: Record<string, string>): Promise<Client> {
  const client = new Client({ name: 'policy-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${f.server.url}${path}`), {
      authProvider: maya.provider,
      requestInit: headers ? { headers } : undefined,
    }),
  );
  extra.push(client);
  return client;
}

const names = async (client: Client) => (await client.listTools()).tools.map((t) => t.name);

describe('protocol revisions', () => {
  it.each(['2025-03-26', '2025-06-18', '2025-11-25'])(
    'a %s client initializes and lists tools (stateless)',
    async (version) => {
      const init = await rpc({
        method: 'initialize',
        params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'old-client', version: '1' } },
      });
      expect(init.status).toBe(200);
      expect(init.json.result?.protocolVersion).toBe(version);
      const list = await rpc({ method: 'tools/list', params: {} }, { 'mcp-protocol-version': version });
      expect(list.status).toBe(200);
      const tools = (list.json.result?.tools ?? []) as { name: string }[];
      expect(tools.map((t) => t.name)).toContain('jira_get_issue');
    },
  );

  it('the current SDK client (2026-07-28) calls tools as the signed-in user', async () => {
    const me = await callTool(maya.client, 'jira_get_current_user');
    expect(me.text).toContain('Maya Chen');
  });
});

describe('per-request policy', () => {
  it('/mcp/readonly and X-MCP-Readonly offer read tools only, and refuse a write', async () => {
    const all = await names(maya.client);
    expect(all).toContain('jira_add_comment');
    for (const client of [await connect('/mcp/readonly'), await connect('/mcp', { 'x-mcp-readonly': 'true' })]) {
      const offered = await names(client);
      expect(offered).toContain('jira_get_issue');
      expect(offered).not.toContain('jira_add_comment');
      const sent = f.sandbox.requests.length;
      const write = await callTool(client, 'jira_add_comment', { issueKey: 'NOVA-1', body: 'should not land' });
      expect(write.isError).toBe(true);
      expect(write.text).toMatch(/read-only/);
      expect(f.sandbox.requests.slice(sent).filter((r) => r.method !== 'GET')).toEqual([]);
    }
  });

  it("skills follow the request's policy: /mcp/readonly hides a skill that writes, and prompts/get refuses it", async () => {
    const prompts = async (client: Client) => (await client.listPrompts()).prompts.map((p) => p.name);
    expect(await prompts(maya.client)).toEqual(expect.arrayContaining(['log-work', 'standup']));
    const readonly = await connect('/mcp/readonly');
    const offered = await prompts(readonly);
    expect(offered).toContain('standup');
    expect(offered).not.toContain('log-work');
    await expect(
      readonly.getPrompt({ name: 'log-work', arguments: { issue: 'NOVA-1', time: '1h' } }),
    ).rejects.toThrow();
  });

  it('X-MCP-Toolsets and /mcp/x/<toolsets> narrow to those toolsets', async () => {
    const header = await names(await connect('/mcp', { 'x-mcp-toolsets': 'jira:worklogs' }));
    const path = await names(await connect('/mcp/x/jira:worklogs'));
    for (const offered of [header, path]) {
      expect(offered).toEqual(expect.arrayContaining(['jira_add_worklog', 'jira_list_worklogs']));
      expect(offered).not.toContain('jira_search');
      expect(offered).not.toContain('jira_add_comment');
    }
  });

  it('never widens the server policy: asking for the destructive toolset adds nothing', async () => {
    const all = await names(maya.client);
    expect(all).not.toContain('jira_delete_issue');
    const asked = await names(await connect('/mcp', { 'x-mcp-toolsets': 'all,jira:admin-destructive' }));
    expect(asked).not.toContain('jira_delete_issue');
    expect(asked.length).toBeLessThanOrEqual(all.length);
    const call = await callTool(await connect('/mcp/x/jira:admin-destructive'), 'jira_delete_issue', {
      issueKey: 'NOVA-2',
    });
    expect(call.isError).toBe(true);
    expect(f.sandbox.site.jira.issue('NOVA-2')).toBeDefined();
  });
});

describe('local files', () => {
  it('a hosted server never reads a local file for a user (attachments by base64 only)', async () => {
    const sent = f.sandbox.requests.length;
    const byPath = await callTool(maya.client, 'jira_add_attachment', { issueKey: 'NOVA-1', path: '/etc/hostname' });
    expect(byPath.isError).toBe(true);
    expect(f.sandbox.requests.slice(sent).filter((r) => r.method === 'POST')).toEqual([]);
    const inline = await callTool(maya.client, 'jira_add_attachment', {
      issueKey: 'NOVA-1',
      filename: 'note.txt',
      base64: Buffer.from('hello').toString('base64'),
    });
    expect(inline.isError).toBe(false);
  });
});

describe('resources, listings and completions', () => {
  it("run as the calling user: the site sees that user's own token, never another's", async () => {
    const jonas = await signIn(f.mcpUrl, 'jonas.weber@nimbus-works.example');
    extra.push(jonas.client);
    const accountOf = (email: string) => f.sandbox.credentials.users.find((u) => u.email === email)!.accountId;
    for (const [who, email] of [
      [maya, MAYA],
      [jonas, 'jonas.weber@nimbus-works.example'],
    ] as const) {
      const sent = f.sandbox.requests.length;
      const read = await who.client.readResource({ uri: 'jira://issue/NOVA-1' });
      expect((read.contents[0] as { text: string }).text).toContain('NOVA-1');
      const listed = await who.client.listResources();
      expect(listed.resources.some((r) => r.uri.startsWith('jira://issue/'))).toBe(true);
      const completed = await who.client.complete({
        ref: { type: 'ref/prompt', name: 'standup' },
        argument: { name: 'project', value: 'NO' },
      });
      expect(completed.completion.values).toContain('NOVA');
      const accounts = new Set(
        f.sandbox.requests
          .slice(sent)
          .filter((r) => r.via === 'gateway')
          .map((r) => r.accountId),
      );
      expect([...accounts]).toEqual([accountOf(email)]);
    }
  });
});
