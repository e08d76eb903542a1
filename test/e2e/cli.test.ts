import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const run = promisify(execFile);
const bin = join(resolve(__dirname, '../..'), 'bin/atlassian-mcp.js');

function workdir(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-cli-'));
  writeFileSync(join(dir, 'atlassian-mcp.config.json'), JSON.stringify(config));
  return dir;
}

describe('atlassian-mcp CLI', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
  });
  afterAll(() => sandbox.close());
  const env = () => ({
    ...process.env,
    ATLASSIAN_SITE_URL: sandbox.url!,
    ATLASSIAN_EMAIL: sandbox.credentials.email,
    ATLASSIAN_API_TOKEN: sandbox.credentials.apiToken,
    ATLASSIAN_CREDENTIAL_STORE: 'memory',
  });

  it('`tools --json` lists the enabled tools with their tools/list cost in tokens', async () => {
    const cwd = workdir({ plugins: { jira: {}, '@acme/atlassian-mcp-plugin-notes': {} }, audit: { enabled: false } });
    const { stdout } = await run(process.execPath, [bin, 'tools', '--json'], { cwd, env: env() });
    const result = JSON.parse(stdout) as {
      tools: { name: string; tokens: number; enabled: boolean }[];
      totalTokens: number;
    };
    const names = result.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['jira_search', 'jira_get_issue', 'notes_add_note']));
    expect(names).not.toContain('jira_delete_issue');
    for (const t of result.tools) expect(t.tokens).toBeGreaterThan(10);
    expect(result.totalTokens).toBe(result.tools.reduce((s, t) => s + t.tokens, 0));
  });

  it('`tools --all` also sizes the tools policy hides, marked off', async () => {
    const cwd = workdir({ plugins: { jira: {} }, audit: { enabled: false } });
    const { stdout } = await run(process.execPath, [bin, 'tools', '--all'], { cwd, env: env() });
    expect(stdout).toMatch(/jira_delete_issue\s+\d+\s+jira:admin-destructive \(write\) \[off\]/);
    expect(stdout).toMatch(/\d+ enabled tools, \d+ tokens in tools\/list \(o200k\)/);
  });

  it('`doctor` reports config, plugins, policy and a live check of the site', async () => {
    const cwd = workdir({ plugins: { jira: {} }, readOnly: true, audit: { enabled: false } });
    const { stdout } = await run(process.execPath, [bin, 'doctor', '--json'], { cwd, env: env() });
    const sections = JSON.parse(stdout) as { title: string; ok: boolean; lines: [string, string][] }[];
    const byTitle = Object.fromEntries(sections.map((s) => [s.title, s]));
    expect(byTitle.Configuration!.lines).toEqual(expect.arrayContaining([['site', sandbox.url]]));
    expect(byTitle.Policy!.lines).toEqual(expect.arrayContaining([['read-only', 'true']]));
    expect(JSON.stringify(sections)).toMatch(/Maya Chen|maya\.chen/);
  });

  it('`--sandbox doctor` runs against the embedded sandbox site and exits', async () => {
    const cwd = workdir({ plugins: { jira: {} }, audit: { enabled: false } });
    const { stdout, stderr } = await run(process.execPath, [bin, '--sandbox', 'doctor'], {
      cwd,
      env: { ...process.env, ATLASSIAN_CREDENTIAL_STORE: 'memory' },
      timeout: 25000,
    });
    expect(stderr).toMatch(/using the sandbox site at http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/signed in as: Maya Chen/);
    expect(stdout).toMatch(/jira: jira — 17 of \d+ tools on/);
  });

  it('exits non-zero with the config problems, naming each path', async () => {
    const cwd = workdir({ readOnly: 'yes', rateLimit: { concurrency: 0 }, toolsets: 'all' });
    const err = await run(process.execPath, [bin, 'tools'], { cwd, env: env() }).catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stdout: string }).stdout).toBe('');
    const stderr = (err as { stderr: string }).stderr;
    expect(stderr).toMatch(/readOnly: /);
    expect(stderr).toMatch(/rateLimit\.concurrency: /);
    expect(stderr).toMatch(/toolsets: /);
  });
});
