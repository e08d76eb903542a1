import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const exec = promisify(execFile);
const bin = join(resolve(__dirname, '../..'), 'bin/atlassian-mcp.js');

/** A fresh directory with the given config file (name → contents). */
function workdir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-first-run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs the CLI as a user would; never throws, returns the exit code and both streams. */
async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  try {
    const r = await exec(process.execPath, [bin, ...args], { cwd, env, timeout: 25000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('a first run without surprises (the CLI, spawned as a user runs it)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
  });
  afterAll(() => sandbox.close());
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
    const clean: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ATLASSIAN_')) clean[k] = v;
    return {
      ...clean,
      ATLASSIAN_SITE_URL: sandbox.url!,
      ATLASSIAN_EMAIL: sandbox.credentials.email,
      ATLASSIAN_API_TOKEN: sandbox.credentials.apiToken,
      ATLASSIAN_CREDENTIAL_STORE: 'memory',
      ...extra,
    };
  };
  const json = (config: unknown) => ({ 'atlassian-mcp.config.json': JSON.stringify(config) });

  it('an unknown option is named, with the option meant and where the help is', async () => {
    const r = await cli(['tools', '--jsno'], workdir(), env());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'atlassian-mcp: unknown option --jsno (did you mean "--json"?)\nRun `atlassian-mcp --help` to see the commands and options.\n',
    );
  });

  it('an unknown command suggests the command meant', async () => {
    const r = await cli(['doctr'], workdir(), env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^atlassian-mcp: unknown command "doctr" \(did you mean "doctor"\?\)/);
  });

  it('`--config` without a path says it needs one', async () => {
    const r = await cli(['tools', '--config'], workdir(), env());
    expect(r.stderr).toMatch(/option --config needs a value/);
  });

  it('counts one tool as "1 enabled tool"', async () => {
    const cwd = workdir(json({ plugins: { jira: {} }, toolsets: ['jira:history'], audit: { enabled: false } }));
    const r = await cli(['tools'], cwd, env());
    expect(r.stdout).toMatch(/^1 enabled tool, \d+ tokens in tools\/list/m);
  });

  it('a typo in a toolset or a tool name stops start-up with "did you mean"', async () => {
    const cwd = workdir(json({ plugins: { jira: {} }, toolsets: ['jira:agil'], enabledTools: ['jira_serch'] }));
    const r = await cli(['tools'], cwd, env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/toolsets: unknown toolset "jira:agil" \(did you mean "jira:agile"\?\)/);
    expect(r.stderr).toMatch(/enabledTools: unknown tool "jira_serch" \(did you mean "jira_search"\?\)/);
  });

  it('the same typo from the environment (ATLASSIAN_TOOLSETS) is refused too', async () => {
    const r = await cli(['tools'], workdir(), env({ ATLASSIAN_TOOLSETS: 'jira:agil' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/did you mean "jira:agile"/);
  });

  it('asking for the destructive toolset without allowDestructive says so', async () => {
    const cwd = workdir(json({ plugins: { jira: {} }, toolsets: ['default', 'jira:admin-destructive'] }));
    const r = await cli(['tools'], cwd, env({ ATLASSIAN_AUDIT_FILE: join(cwd, 'audit.jsonl') }));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /atlassian-mcp: warning: toolsets: "jira:admin-destructive" holds destructive tools, which stay off without allowDestructive: true/,
    );
  });

  it('doctor fails when no tool is enabled', async () => {
    const cwd = workdir(
      json({
        plugins: { jira: {} },
        toolsets: ['jira:history'],
        disabledTools: ['jira_get_changelog'],
        audit: { enabled: false },
      }),
    );
    const r = await cli(['doctor'], cwd, env());
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ Policy/);
    expect(r.stdout).toMatch(/enabled tools: 0: no tool is offered/);
  });

  it('a misspelled plugin suggests the first-party id, never an npm install', async () => {
    const r = await cli(['tools'], workdir(json({ plugins: { jiraa: {} } })), env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown plugin "jiraa" \(did you mean "jira"\?\)/);
    expect(r.stderr).not.toMatch(/npm install/);
  });

  it('an unknown third-party package is named without an install command', async () => {
    const r = await cli(['tools'], workdir(json({ plugins: { '@someone/atlassian-mcp-x': {} } })), env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /plugin package "@someone\/atlassian-mcp-x" is not installed where atlassian-mcp can load it/,
    );
    expect(r.stderr).not.toMatch(/npm install/);
  });

  it('a JSON config error shows the line, the column and the offending text', async () => {
    const cwd = workdir({ 'atlassian-mcp.config.json': '{\n  "readOnly": true,\n  "toolsets": ["jira:agile",]\n}\n' });
    const r = await cli(['tools'], cwd, env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /is not valid JSON \(ValueExpected\) at line 3, column 29:\n\s+"toolsets": \["jira:agile",\]\n\s+\^/,
    );
  });

  it('a YAML config error shows the line and column', async () => {
    const cwd = workdir({ 'atlassian-mcp.config.yaml': 'readOnly: true\ntoolsets: [jira:agile\nauth: x\n' });
    const r = await cli(['tools'], cwd, env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /is not valid YAML: missed comma between flow collection entries \(3:1\)[\s\S]*2 \| toolsets: \[jira:agile/,
    );
  });

  it('unknown config keys get "did you mean"', async () => {
    const r = await cli(['tools'], workdir(json({ readonly: true, site: { urll: 'x' } })), env());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\(root\): unknown key "readonly" \(did you mean "readOnly"\?\)/);
    expect(r.stderr).toMatch(/site: unknown key "urll" \(did you mean "url"\?\)/);
  });

  it('an invalid ATLASSIAN_SITE_URL is blamed on the variable, not on the config file', async () => {
    const cwd = workdir(json({ readOnly: true }));
    const r = await cli(['tools'], cwd, env({ ATLASSIAN_SITE_URL: 'https://bad host' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration in the environment:\n\s+- ATLASSIAN_SITE_URL \(site\.url\): /);
    expect(r.stderr).not.toMatch(/atlassian-mcp\.config\.json/);
  });

  it('a site without a scheme gets https://', async () => {
    const r = await cli(['doctor', '--json'], workdir(), env({ ATLASSIAN_SITE_URL: 'acme.atlassian.net' }));
    const sections = JSON.parse(r.stdout) as { title: string; lines: [string, string][] }[];
    expect(sections[0]!.lines).toContainEqual(['site', 'https://acme.atlassian.net']);
  });

  it('doctor puts ✗, not ✓, on the documentation placeholder site', async () => {
    const r = await cli(['doctor'], workdir(), env({ ATLASSIAN_SITE_URL: 'https://your-domain.atlassian.net' }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /✗ Configuration\n\s+file: .*\n\s+site: https:\/\/your-domain\.atlassian\.net is the example/,
    );
  });

  it('CLI commands log readable lines, not pino JSON', async () => {
    const cwd = workdir(json({ plugins: { jira: {}, confluence: {} }, audit: { enabled: false } }));
    const r = await cli(['tools'], cwd, env());
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/\{"level"/);
  });

  it('logout says so when there was nothing to remove', async () => {
    const r = await cli(
      ['logout'],
      workdir(json({ audit: { enabled: false } })),
      env({ ATLASSIAN_AUTH_TYPE: 'oauth' }),
    );
    expect(r.stdout).toBe('Not signed in: there were no stored tokens to remove.\n');
  });
});
