import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { cleanEnv, repo, run, scratch, version } from './support';

const mcpbCli = join(repo, 'node_modules/@anthropic-ai/mcpb/dist/cli/cli.js');
const bundleFile = join(repo, `atlassian-mcp-${version}.mcpb`);

interface Manifest {
  server: { entry_point: string; mcp_config: { command: string; args: string[]; env: Record<string, string> } };
  user_config: Record<string, { type: string; required?: boolean; sensitive?: boolean; default?: string }>;
  tools: { name: string }[];
  prompts: { name: string; text: string }[];
}

/**
 * The server command an MCPB host (Claude Desktop) runs for this manifest and these settings,
 * computed by the mcpb library's own getMcpConfigForManifest (an ES module: asked of a child node).
 */
async function hostConfig(dir: string, userConfig: Record<string, string>) {
  const script = `import { getMcpConfigForManifest } from '@anthropic-ai/mcpb';
import { readFileSync } from 'node:fs';
const [dir, user] = process.argv.slice(1);
const manifest = JSON.parse(readFileSync(dir + '/manifest.json', 'utf8'));
const config = await getMcpConfigForManifest({ manifest, extensionPath: dir, systemDirs: {}, userConfig: JSON.parse(user), pathSeparator: '/' });
process.stdout.write(JSON.stringify(config ?? null));`;
  const r = await run(process.execPath, ['--input-type=module', '-e', script, dir, JSON.stringify(userConfig)], {
    cwd: repo,
    env: process.env,
  });
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { command: string; args: string[]; env: Record<string, string> } | null;
}

/** `npm run bundle` → the .mcpb a user double-clicks; unpacked and run as its host would run it. */
describe('the MCP Bundle (.mcpb)', () => {
  const { dir, home } = scratch();
  const unpacked = join(dir, 'extension');
  let manifest: Manifest;
  let sandbox: Sandbox;

  beforeAll(async () => {
    const built = await run(process.execPath, [join(repo, 'distribution/bundle.mjs')], {
      cwd: repo,
      env: process.env,
      timeout: 600000,
    });
    if (built.code !== 0) throw new Error(`npm run bundle failed:\n${built.stderr}`);
    process.stderr.write(`${built.stderr.trim().split('\n').pop()}\n`);
    mkdirSync(unpacked);
    const r = await run(process.execPath, [mcpbCli, 'unpack', bundleFile, unpacked], { cwd: dir, env: process.env });
    if (r.code !== 0) throw new Error(`mcpb unpack failed:\n${r.stderr}${r.stdout}`);
    manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
    sandbox = await startSandbox({ listen: true });
  }, 900000);
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes `mcpb validate`', async () => {
    const r = await run(process.execPath, [mcpbCli, 'validate', join(unpacked, 'manifest.json')], {
      cwd: dir,
      env: process.env,
    });
    expect(r.stdout + r.stderr).toMatch(/Manifest (schema validation passes|is valid)/i);
    expect(r.code).toBe(0);
    process.stderr.write(`${bundleFile}: ${statSync(bundleFile).size} bytes\n`);
  });

  it('asks for the site, email, API token (sensitive), OAuth client id and secret (sensitive) and the products', () => {
    const u = manifest.user_config;
    expect(Object.keys(u)).toEqual(['site_url', 'email', 'api_token', 'client_id', 'client_secret', 'modules']);
    expect(u.site_url).toMatchObject({ type: 'string', required: true });
    expect(u.api_token).toMatchObject({ sensitive: true, required: false, default: '' });
    expect(u.client_secret).toMatchObject({ sensitive: true, required: false, default: '' });
    expect(u.email?.sensitive).toBeUndefined();
    expect(manifest.server.mcp_config.env).toMatchObject({
      ATLASSIAN_SITE_URL: '${user_config.site_url}',
      ATLASSIAN_API_TOKEN: '${user_config.api_token}',
      ATLASSIAN_CLIENT_SECRET: '${user_config.client_secret}',
    });
  });

  it('lists every tool and prompt the server offers (all toolsets), each prompt with its text', () => {
    const names = manifest.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['jira_search', 'jira_create_issue', 'jira_delete_issue']));
    expect(names.length).toBeGreaterThanOrEqual(48);
    expect(manifest.prompts.map((p) => p.name)).toEqual(expect.arrayContaining(['log-work', 'standup']));
    for (const p of manifest.prompts) expect(p.text.length).toBeGreaterThan(20);
  });

  it("serves over stdio as the host starts it: the user's settings in, tools/list and jira_search out", async () => {
    const config = await hostConfig(unpacked, {
      site_url: sandbox.url!,
      email: sandbox.credentials.email,
      api_token: sandbox.credentials.apiToken,
    });
    expect(config).not.toBeNull();
    expect(config!.args).toEqual([join(unpacked, manifest.server.entry_point)]);
    // Optional settings left empty reach the server empty, not as "${user_config.…}".
    expect(config!.env).toMatchObject({ ATLASSIAN_CLIENT_ID: '', ATLASSIAN_MODULES: 'jira' });
    const transport = new StdioClientTransport({
      command: config!.command === 'node' ? process.execPath : config!.command,
      args: config!.args,
      cwd: dir,
      env: { ...cleanEnv(home), ...config!.env },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'mcpb-check', version: '1' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['jira_search', 'jira_get_issue']));
      const r = await client.callTool({ name: 'jira_search', arguments: { jql: 'project = NOVA ORDER BY key' } });
      expect(r.isError).toBeFalsy();
      expect(JSON.stringify(r.content)).toMatch(/NOVA-1\b/);
    } finally {
      await client.close();
    }
  });

  it('without the required site, the host does not start it (mcpb reports missing configuration)', async () => {
    expect(await hostConfig(unpacked, {})).toBeNull();
  });
});
