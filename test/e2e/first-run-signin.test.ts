import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { SIGN_IN } from '../../core/src/host/instructions';

const exec = promisify(execFile);
const bin = join(resolve(__dirname, '../..'), 'bin/atlassian-mcp.js');

/** A new user: a site, no credentials at all, an empty HOME and working directory. */
function newUser() {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-signin-'));
  writeFileSync(
    join(dir, 'atlassian-mcp.config.json'),
    JSON.stringify({ plugins: { jira: {} }, audit: { enabled: false } }),
  );
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('ATLASSIAN_')) env[k] = v;
  Object.assign(env, {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, '.config'),
    ATLASSIAN_SITE_URL: 'https://acme-first-run.atlassian.net',
    ATLASSIAN_CREDENTIAL_STORE: 'memory',
  });
  return { dir, env };
}

async function tools(args: string[]) {
  const { dir, env } = newUser();
  const r = await exec(process.execPath, [bin, 'tools', ...args], { cwd: dir, env, timeout: 25000 });
  return r.stdout;
}

describe('before sign-in (no credentials), a new user sees what sign-in brings and how to do it', () => {
  it('`tools` lists every enabled tool, marked [needs sign-in], and says how to sign in', async () => {
    const out = await tools([]);
    expect(out).toMatch(/^jira_search\s+\d+\s+jira:issues \[needs sign-in\]$/m);
    expect(out).toMatch(/^authenticate_atlassian\s+\d+\s+core:auth \(write\)$/m);
    expect(out).toMatch(/^18 enabled tools, \d+ tokens in tools\/list \(o200k\)$/m);
    expect(out).toMatch(
      /^17 of them need sign-in first: set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN, or run `atlassian-mcp login`/m,
    );
  });

  it('`tools --all` lists every tool of every toolset, not just the sign-in tool', async () => {
    const out = await tools(['--all']);
    expect(out).toMatch(/^jira_delete_issue\s+\d+\s+jira:admin-destructive \(write\) \[off\] \[needs sign-in\]$/m);
    expect(out.split('\n').filter((l) => l.includes('[needs sign-in]')).length).toBeGreaterThanOrEqual(48);
  });

  it('an MCP client connecting unauthenticated gets authenticate_atlassian and an instruction that explains it', async () => {
    const { dir, env } = newUser();
    const client = new Client({ name: 'first-run', version: '1' });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [bin], cwd: dir, env, stderr: 'pipe' }),
    );
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['authenticate_atlassian']);
      expect(client.getInstructions()).toContain(SIGN_IN);
    } finally {
      await client.close();
    }
  });

  it('with an API token the instructions say nothing about signing in', async () => {
    const { dir, env } = newUser();
    Object.assign(env, { ATLASSIAN_EMAIL: 'me@acme.test', ATLASSIAN_API_TOKEN: 'a-token' });
    const client = new Client({ name: 'first-run', version: '1' });
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [bin], cwd: dir, env, stderr: 'pipe' }),
    );
    try {
      expect(client.getInstructions()).not.toContain('authenticate_atlassian');
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('jira_search');
    } finally {
      await client.close();
    }
  });
});
