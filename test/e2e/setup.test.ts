import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseJsonc } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { load as loadYaml } from 'js-yaml';

const exec = promisify(execFile);
const bin = join(resolve(__dirname, '../..'), 'bin/atlassian-mcp.js');
const SECRET_IN_ENV = 'token-from-the-environment-never-written';

/** A user: an empty HOME and a project directory, and the CLI run as they would run it. */
function user() {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-setup-'));
  const home = join(dir, 'home');
  const cwd = join(dir, 'project');
  mkdirSync(home);
  mkdirSync(cwd);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(ATLASSIAN_|XDG_|APPDATA$|CODEX_HOME$)/.test(k)) env[k] = v;
  Object.assign(env, { HOME: home, USERPROFILE: home, ATLASSIAN_API_TOKEN: SECRET_IN_ENV });
  const cli = async (args: string[]) => {
    try {
      const r = await exec(process.execPath, [bin, 'setup', ...args], { cwd, env, timeout: 25000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
  return { home, cwd, cli };
}

type Json = Record<string, unknown>;

/** Where each client keeps its config (on Linux), and how to find our server in it. */
const CLIENT_FILES: Record<string, { file: (home: string, cwd: string) => string; server: (text: string) => Json }> = {
  'claude-desktop': {
    file: (h) => join(h, '.config/Claude/claude_desktop_config.json'),
    server: (t) => (parseJsonc(t) as Json & { mcpServers: Json }).mcpServers.atlassian as Json,
  },
  'claude-code': {
    file: (_h, c) => join(c, '.mcp.json'),
    server: (t) => (parseJsonc(t) as { mcpServers: Json }).mcpServers.atlassian as Json,
  },
  vscode: {
    file: (_h, c) => join(c, '.vscode/mcp.json'),
    server: (t) => (parseJsonc(t) as { servers: Json }).servers.atlassian as Json,
  },
  cursor: {
    file: (h) => join(h, '.cursor/mcp.json'),
    server: (t) => (parseJsonc(t) as { mcpServers: Json }).mcpServers.atlassian as Json,
  },
  windsurf: {
    file: (h) => join(h, '.codeium/windsurf/mcp_config.json'),
    server: (t) => (parseJsonc(t) as { mcpServers: Json }).mcpServers.atlassian as Json,
  },
  'amazon-q': {
    file: (h) => join(h, '.aws/amazonq/mcp.json'),
    server: (t) => (parseJsonc(t) as { mcpServers: Json }).mcpServers.atlassian as Json,
  },
  continue: {
    file: (_h, c) => join(c, '.continue/mcpServers/atlassian.yaml'),
    server: (t) =>
      ((loadYaml(t) as { mcpServers: Json[] }).mcpServers.find((s) => s.name === 'atlassian') ?? {}) as Json,
  },
  cline: {
    file: (h) => join(h, '.config/Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json'),
    server: (t) => (parseJsonc(t) as { mcpServers: Json }).mcpServers.atlassian as Json,
  },
  codex: {
    file: (h) => join(h, '.codex/config.toml'),
    server: (t) => (parseToml(t) as { mcp_servers: Json }).mcp_servers.atlassian as Json,
  },
};

/** How each client is given the API token without the file holding it (undefined: a placeholder). */
const TOKEN_IN_FILE: Record<string, string | undefined> = {
  'claude-desktop': '<your-api-token>',
  'claude-code': '${ATLASSIAN_API_TOKEN}',
  vscode: '${input:atlassian-api-token}',
  cursor: '${env:ATLASSIAN_API_TOKEN}',
  windsurf: '${env:ATLASSIAN_API_TOKEN}',
  'amazon-q': '<your-api-token>',
  continue: '${{ secrets.ATLASSIAN_API_TOKEN }}',
  cline: '<your-api-token>',
  codex: undefined,
};

describe('atlassian-mcp setup (spawned with a temporary HOME for each client)', () => {
  it.each(Object.keys(CLIENT_FILES))('--client %s --write creates the config file the client reads', async (client) => {
    const { home, cwd, cli } = user();
    const r = await cli([
      '--client',
      client,
      '--write',
      '--site',
      'https://acme.atlassian.net',
      '--email',
      'me@acme.test',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = CLIENT_FILES[client]!.file(home, cwd);
    expect(r.stdout).toContain(`Wrote ${file}`);
    expect(r.stdout).toMatch(/^\+\+\+ /m); // the diff was shown
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(SECRET_IN_ENV);
    const server = CLIENT_FILES[client]!.server(text);
    expect(server).toMatchObject({ command: 'npx', args: ['-y', 'atlassian-mcp'] });
    const env = server.env as Record<string, string>;
    expect(env).toMatchObject({ ATLASSIAN_SITE_URL: 'https://acme.atlassian.net', ATLASSIAN_EMAIL: 'me@acme.test' });
    if (client === 'codex') {
      expect(server.env_vars).toEqual(['ATLASSIAN_API_TOKEN']);
      expect(env.ATLASSIAN_API_TOKEN).toBeUndefined();
    } else expect(env.ATLASSIAN_API_TOKEN).toBe(TOKEN_IN_FILE[client]);
    if (client === 'vscode')
      expect((parseJsonc(text) as { inputs: Json[] }).inputs).toEqual([
        expect.objectContaining({ id: 'atlassian-api-token', type: 'promptString', password: true }),
      ]);
    if (TOKEN_IN_FILE[client]?.startsWith('<'))
      expect(r.stdout).toMatch(/Replace <your-api-token> \(ATLASSIAN_API_TOKEN\)/);

    // Running it again changes nothing and keeps no backup of an identical file.
    const again = await cli([
      '--client',
      client,
      '--write',
      '--site',
      'https://acme.atlassian.net',
      '--email',
      'me@acme.test',
    ]);
    expect(again.stdout).toMatch(/already starts "atlassian" this way; nothing to change/);
    expect(readdirSync(dirname(file)).filter((f) => f.includes('.bak-'))).toEqual([]);
  });

  it('merges into an existing JSONC file: other servers and comments stay, a backup is kept', async () => {
    const { home, cli } = user();
    const file = join(home, '.cursor/mcp.json');
    mkdirSync(dirname(file), { recursive: true });
    const before = '{\n  // my servers\n  "mcpServers": {\n    "github": { "command": "gh-mcp" },\n  },\n}\n';
    writeFileSync(file, before);
    const r = await cli(['--client', 'cursor', '--write']);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('// my servers');
    const servers = (parseJsonc(text, [], { allowTrailingComma: true }) as { mcpServers: Json }).mcpServers;
    expect(Object.keys(servers)).toEqual(['github', 'atlassian']);
    const backups = readdirSync(dirname(file)).filter((f) => f.startsWith('mcp.json.bak-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dirname(file), backups[0]!), 'utf8')).toBe(before);
    expect(r.stdout).toContain(`the previous version is ${join(dirname(file), backups[0]!)}`);
  });

  it('replaces its own Codex table and keeps the rest of config.toml', async () => {
    const { home, cli } = user();
    const file = join(home, '.codex/config.toml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      'model = "o4"  # keep me\n\n[mcp_servers.atlassian]\ncommand = "old"\n\n[mcp_servers.atlassian.env]\nX = "1"\n\n[mcp_servers.other]\ncommand = "other"\n',
    );
    const r = await cli(['--client', 'codex', '--write']);
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('model = "o4"  # keep me');
    const doc = parseToml(text) as { mcp_servers: Record<string, Json> };
    expect(doc.mcp_servers.other).toEqual({ command: 'other' });
    expect(doc.mcp_servers.atlassian).toMatchObject({ command: 'npx', env_vars: ['ATLASSIAN_API_TOKEN'] });
    expect((doc.mcp_servers.atlassian!.env as Json).X).toBeUndefined();
  });

  it.each([
    ['cursor', '.cursor/mcp.json', '{ "mcpServers": { "a": 1 '],
    ['codex', '.codex/config.toml', '[mcp_servers\ncommand = 1'],
  ])('refuses to clobber an unparsable %s file and leaves it as it was', async (client, rel, broken) => {
    const { home, cli } = user();
    const file = join(home, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, broken);
    const r = await cli(['--client', client, '--write']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`refusing to change ${file.replace(/[.]/g, '\\.')} is not valid (JSON|TOML)`));
    expect(r.stderr).toMatch(/at line 1, column \d+/);
    expect(r.stderr).toMatch(/Nothing was written/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(readdirSync(dirname(file))).toHaveLength(1);
  });

  it('writes a secret only when passed, and then makes the file private (0600)', async () => {
    const { home, cli } = user();
    const r = await cli(['--client', 'claude-desktop', '--write', '--api-token', 'passed-on-purpose']);
    expect(r.code).toBe(0);
    const file = join(home, '.config/Claude/claude_desktop_config.json');
    const server = CLIENT_FILES['claude-desktop']!.server(readFileSync(file, 'utf8'));
    expect((server.env as Json).ATLASSIAN_API_TOKEN).toBe('passed-on-purpose');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('OAuth: the client id is written, the client secret is referenced, never read from the environment', async () => {
    const { cwd, cli } = user();
    const r = await cli(['--client', 'claude-code', '--write', '--auth', 'oauth', '--client-id', 'my-app']);
    expect(r.code).toBe(0);
    const env = CLIENT_FILES['claude-code']!.server(readFileSync(join(cwd, '.mcp.json'), 'utf8')).env;
    expect(env).toEqual({
      ATLASSIAN_SITE_URL: 'https://your-domain.atlassian.net',
      ATLASSIAN_CLIENT_ID: 'my-app',
      ATLASSIAN_CLIENT_SECRET: '${ATLASSIAN_CLIENT_SECRET}',
    });
  });

  it('prints without writing: Claude Code gets its `claude mcp add` line', async () => {
    const { cwd, cli } = user();
    const r = await cli(['--client', 'claude-code', '--modules', 'jira,confluence']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "claude mcp add atlassian -e ATLASSIAN_SITE_URL=https://your-domain.atlassian.net -e ATLASSIAN_EMAIL=you@example.com -e 'ATLASSIAN_API_TOKEN=<your-api-token>' -e ATLASSIAN_MODULES=jira,confluence -- npx -y atlassian-mcp",
    );
    expect(r.stdout).not.toContain(SECRET_IN_ENV);
    expect(existsSync(join(cwd, '.mcp.json'))).toBe(false);
  });

  it('an unknown client gets "did you mean", --write needs a client, setup options belong to setup', async () => {
    const { cli } = user();
    const r = await cli(['--client', 'vs-code']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown client "vs-code" \(did you mean "vscode"\?\)/);
    const other = await exec(process.execPath, [bin, 'tools', '--site', 'https://acme.atlassian.net']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(other).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--site is an option of `setup`, not of `tools`'),
    });
    const w = await cli(['--write']);
    expect(w.code).toBe(1);
    expect(w.stdout).toMatch(/^Usage: atlassian-mcp setup --client/);
  });
});
