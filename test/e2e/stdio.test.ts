import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const repo = resolve(__dirname, '../..');
const bin = join(repo, 'bin/atlassian-mcp.js');
const notesDir = join(repo, 'test/fixtures/notes-plugin');

function configDir(plugins: (dir: string) => Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-e2e-'));
  writeFileSync(
    join(dir, 'atlassian-mcp.config.json'),
    JSON.stringify({ plugins: plugins(dir), audit: { enabled: false } }),
  );
  return dir;
}

const open: Client[] = [];
afterEach(async () => {
  // A failed assertion must not leave a server process behind (jest would never exit).
  await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
});

async function connect(cwd: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin],
    cwd,
    env: { ...process.env, ATLASSIAN_MCP_LOG_LEVEL: 'debug' },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'e2e', version: '1' });
  open.push(client);
  await client.connect(transport);
  return client;
}

describe('stdio server (spawned bin)', () => {
  it('loads a third-party plugin by package name and serves its tools', async () => {
    const client = await connect(configDir(() => ({ '@acme/atlassian-mcp-plugin-notes': {} })));
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    // No API token in the environment: OAuth mode, so the seed's sign-in tool is offered too.
    expect(names).toEqual(['authenticate_atlassian', 'notes_add_note', 'notes_get_note', 'notes_list_notes']);
    const r = (await client.callTool({ name: 'notes_add_note', arguments: { title: 'a', body: 'b' } })) as {
      structuredContent: unknown;
    };
    expect(r.structuredContent).toEqual({ id: 1, title: 'a', body: 'b' });
    await client.close();
  });

  it('loads the same plugin by relative path', async () => {
    const dir = configDir((d) => ({ [relative(d, join(notesDir, 'dist/index.js'))]: { titlePrefix: 'P:' } }));
    const client = await connect(dir);
    const r = (await client.callTool({ name: 'notes_add_note', arguments: { title: 'a', body: 'b' } })) as {
      structuredContent: { title: string };
    };
    expect(r.structuredContent.title).toBe('P:a');
    await client.close();
  });

  it('serves a plugin written in a folder outside the repository, configured by path', async () => {
    // Packaged as an outside author ships it: plain CommonJS, core and zod in its own node_modules.
    const dir = mkdtempSync(join(tmpdir(), 'amcp-outside-'));
    mkdirSync(join(dir, 'node_modules', '@atlassian-mcp'), { recursive: true });
    symlinkSync(join(repo, 'core'), join(dir, 'node_modules', '@atlassian-mcp', 'core'));
    symlinkSync(join(repo, 'node_modules', 'zod'), join(dir, 'node_modules', 'zod'));
    writeFileSync(
      join(dir, 'hello-plugin.js'),
      `
      const { definePlugin, PLUGIN_API_VERSION, Tool, ToolProvider } = require('@atlassian-mcp/core');
      const z = require('zod');
      class HelloTools { async greet({ name }) { return { greeting: 'hello ' + name }; } }
      Tool({ name: 'hello_greet', title: 'Greet', description: 'Greets someone.', input: z.object({ name: z.string() }),
        output: z.object({ greeting: z.string() }), readOnly: true, toolset: 'hello', scopes: [] })(HelloTools.prototype, 'greet', {});
      ToolProvider()(HelloTools);
      module.exports = definePlugin({ id: 'hello', apiVersion: PLUGIN_API_VERSION, defaultToolsets: ['hello'], toolsets: { hello: 'Hello' }, toolProviders: [HelloTools] });
    `,
    );
    writeFileSync(
      join(dir, 'atlassian-mcp.config.json'),
      JSON.stringify({ plugins: { './hello-plugin.js': {} }, audit: { enabled: false } }),
    );
    const client = await connect(dir);
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('hello_greet');
    const r = (await client.callTool({ name: 'hello_greet', arguments: { name: 'Ada' } })) as {
      structuredContent: unknown;
    };
    expect(r.structuredContent).toEqual({ greeting: 'hello Ada' });
  });

  it('writes nothing but JSON-RPC to stdout, even with debug logging on', async () => {
    const dir = configDir(() => ({ '@acme/atlassian-mcp-plugin-notes': {} }));
    const child = spawn(process.execPath, [bin], {
      cwd: dir,
      env: { ...process.env, ATLASSIAN_MCP_LOG_LEVEL: 'trace' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'notes_get_note', arguments: { id: 7 } } });
    send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'notes_add_note', arguments: { title: 1 } } });
    const deadline = Date.now() + 20000;
    while (out.split('\n').filter(Boolean).length < 4 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    child.stdin.end();
    const exited = new Promise((res) => child.on('exit', res));
    setTimeout(() => child.kill(), 5000).unref();
    await exited;
    const lines = out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(err).toMatch(/serving MCP over stdio/);
  });

  it('refuses to start with one message naming a broken plugin, an unknown plugin and a bad config slice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amcp-broken-'));
    writeFileSync(join(dir, 'broken.js'), 'module.exports = { hello: "not a plugin" };');
    writeFileSync(
      join(dir, 'atlassian-mcp.config.json'),
      JSON.stringify({
        plugins: { './broken.js': {}, '@acme/nope': {}, '@acme/atlassian-mcp-plugin-notes': { titlePrefix: 5 } },
      }),
    );
    const child = spawn(process.execPath, [bin], { cwd: dir, env: { ...process.env } });
    let err = '';
    let out = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => (out += d));
    const code = await new Promise((res) => child.on('exit', res));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/cannot start \(3 problems\)/);
    expect(err).toMatch(/\[\.\/broken\.js\] is not an atlassian-mcp plugin/);
    expect(err).toMatch(/\[@acme\/nope\] plugin package "@acme\/nope" is not installed/);
    expect(err).toMatch(/plugins\.@acme\/atlassian-mcp-plugin-notes\.titlePrefix: .*expected string/);
  });
});

describe('switching from the seed server', () => {
  it('starts with ATLASSIAN_MODULES naming first-party plugins that are not installed yet, serving the ones that are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amcp-modules-'));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin],
      cwd: dir,
      stderr: 'pipe',
      env: {
        ...process.env,
        ATLASSIAN_MODULES: 'jira,confluence,service_desk',
        ATLASSIAN_SITE_URL: 'https://example.atlassian.net',
        ATLASSIAN_EMAIL: 'a@example.com',
        ATLASSIAN_API_TOKEN: 'x',
      },
    });
    const client = new Client({ name: 'seed-user', version: '1' });
    open.push(client);
    await client.connect(transport);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['jira_search', 'confluence_search', 'confluence_get_page', 'servicedesk_get_request']),
    );
    expect(names.every((n) => /^(jira|confluence|servicedesk)_/.test(n))).toBe(true);
  });
});
