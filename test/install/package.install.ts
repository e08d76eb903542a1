import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { cleanEnv, manifest, pack, repo, run, scratch, version } from './support';

/**
 * What a user gets from `npm install -g atlassian-mcp` and `npx atlassian-mcp`: the packed tarball,
 * installed into a temporary global prefix outside the repository, with an empty HOME.
 */
describe('the installed package', () => {
  const { dir, home } = scratch();
  const prefix = join(dir, 'prefix');
  const work = join(dir, 'work');
  const binDir = process.platform === 'win32' ? prefix : join(prefix, 'bin');
  const bin = join(binDir, 'atlassian-mcp');
  const env = cleanEnv(home, { PATH: `${binDir}:${process.env.PATH ?? ''}` });
  let packed: Awaited<ReturnType<typeof pack>>;
  // What the built clone lists: the installed package must list exactly the same tools.
  let fromClone: string;
  const expectSameTools = (stdout: string) => {
    expect(stdout).toMatch(/^jira_search\s+\d+\s+jira:issues$/m);
    expect(stdout).toMatch(/\d+ enabled tools, \d+ tokens in tools\/list/);
    expect(stdout).toBe(fromClone);
  };

  beforeAll(async () => {
    mkdirSync(work);
    const clone = await run(process.execPath, [join(repo, 'bin/atlassian-mcp.js'), '--sandbox', 'tools'], {
      cwd: work,
      env,
    });
    expect(clone.code).toBe(0);
    fromClone = clone.stdout;
    packed = await pack(repo, dir, { ...process.env, npm_config_loglevel: 'warn' });
    // A third-party plugin, packed as its author would publish it. Its peer dependency on
    // @atlassian-mcp/core is not installed: the host's own instance must be what it imports.
    const plugin = await pack(join(repo, 'test/fixtures/notes-plugin'), dir, process.env);
    const r = await run(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        '--legacy-peer-deps',
        packed.tarball,
        plugin.tarball,
      ],
      { cwd: work, env, timeout: 600000 },
    );
    if (r.code !== 0) throw new Error(`npm install -g failed:\n${r.stderr}`);
  }, 900000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships built output only: no sources, tests, fixtures, bench or OpenAPI sources', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['bin/atlassian-mcp.js', 'dist/atlassian-mcp.js', 'package.json']));
    const unexpected = paths.filter(
      (p) =>
        /(^|\/)(test|tests|bench|fixtures|src|scripts|coverage)\//.test(p) ||
        /\.(ts|map|tsbuildinfo)$/.test(p) ||
        (p.includes('specs/') && !p.startsWith('dist/sandbox/specs/')),
    );
    expect(unexpected).toEqual([]);
    const skills = readdirSync(join(repo, 'prompts'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(skills.length).toBeGreaterThan(0);
    for (const d of skills) expect(paths).toContain(`prompts/${d.name}/SKILL.md`);
    process.stderr.write(
      `atlassian-mcp-${version}.tgz: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked\n`,
    );
  });

  it('has an SBOM (sbom.cdx.json, CycloneDX) of a project that installs it, each pinned dependency at its pin', async () => {
    const consumer = join(dir, 'consumer');
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    );
    const installed = await run('npm', ['install', '--no-audit', '--no-fund', packed.tarball], { cwd: consumer, env });
    expect(installed.code).toBe(0);
    const r = await run('npm', ['sbom', '--omit=dev', '--sbom-format', 'cyclonedx'], { cwd: consumer, env });
    expect(r.stderr).toBe('');
    writeFileSync(join(repo, 'sbom.cdx.json'), r.stdout);
    const sbom = JSON.parse(r.stdout) as { bomFormat: string; components: { name: string; version: string }[] };
    const listed = new Set(sbom.components.map((c) => `${c.name}@${c.version}`));
    expect(listed).toContain(`atlassian-mcp@${version}`);
    for (const [name, pin] of Object.entries(manifest.dependencies)) expect(listed).toContain(`${name}@${pin}`);
  });

  it('`atlassian-mcp --version` prints the version', async () => {
    const r = await run(bin, ['--version'], { cwd: work, env });
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('`atlassian-mcp --sandbox tools` lists the default tools against the embedded sandbox', async () => {
    const r = await run(bin, ['--sandbox', 'tools'], { cwd: work, env });
    expect(r.stderr).toMatch(/using the sandbox site at http:\/\/127\.0\.0\.1:\d+/);
    expectSameTools(r.stdout);
    expect(r.code).toBe(0);
  });

  it('serves an MCP client over stdio: tools/list, then jira_search', async () => {
    const transport = new StdioClientTransport({ command: bin, args: ['--sandbox'], cwd: work, env, stderr: 'pipe' });
    const client = new Client({ name: 'install-check', version: '1' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['jira_search', 'jira_get_issue']));
      const r = await client.callTool({ name: 'jira_search', arguments: { jql: 'project = NOVA ORDER BY key' } });
      expect(r.isError).toBeFalsy();
      expect(JSON.stringify(r.content)).toMatch(/NOVA-1\b/);
      // The skills ship in the package and are served from it: as prompts and through the skills extension.
      const { prompts } = await client.listPrompts();
      // Default toolsets: the skills that need only issues, context and worklogs tools.
      expect(prompts.map((p) => p.name)).toEqual(
        expect.arrayContaining(['log-work', 'standup', 'status-report', 'triage-issue']),
      );
      const got = await client.getPrompt({ name: 'log-work', arguments: { issue: 'NOVA-9', time: '1h' } });
      expect(JSON.stringify(got.messages)).toContain('jira_add_worklog(issueKey: \\"NOVA-9\\"');
      const listing = await new SkillsClient(client).list();
      expect(listing.skills.map((x) => x.uri)).toContain('skill://log-work/SKILL.md');
    } finally {
      await client.close();
    }
  });

  it('loads a third-party plugin installed beside it, configured by package name, on its own core', async () => {
    const pluginDir = join(
      prefix,
      process.platform === 'win32' ? '' : 'lib',
      'node_modules',
      '@acme/atlassian-mcp-plugin-notes',
    );
    expect(existsSync(pluginDir)).toBe(true);
    expect(existsSync(join(pluginDir, 'node_modules/@atlassian-mcp/core'))).toBe(false);
    expect(existsSync(join(prefix, 'lib/node_modules/@atlassian-mcp/core'))).toBe(false);
    const cwd = join(dir, 'with-plugin');
    mkdirSync(cwd);
    writeFileSync(
      join(cwd, 'atlassian-mcp.config.json'),
      JSON.stringify({ plugins: { jira: {}, '@acme/atlassian-mcp-plugin-notes': {} } }),
    );
    const transport = new StdioClientTransport({ command: bin, args: ['--sandbox'], cwd, env, stderr: 'pipe' });
    const client = new Client({ name: 'install-check', version: '1' });
    await client.connect(transport);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['notes_add_note', 'jira_search']));
      const r = await client.callTool({ name: 'notes_add_note', arguments: { title: 'hello', body: 'from a plugin' } });
      expect(r.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it('`npx --package <tarball> atlassian-mcp --sandbox tools` works', async () => {
    const r = await run('npx', ['--yes', '--package', packed.tarball, 'atlassian-mcp', '--sandbox', 'tools'], {
      cwd: work,
      env,
      timeout: 600000,
    });
    expectSameTools(r.stdout);
    expect(r.code).toBe(0);
  });

  it('`npx -y file:<tarball> --sandbox tools` works', async () => {
    // A bare path with a slash is run as a file by npx: a tarball is named with file:.
    const r = await run('npx', ['-y', `file:${packed.tarball}`, '--sandbox', 'tools'], {
      cwd: work,
      env,
      timeout: 600000,
    });
    expectSameTools(r.stdout);
    expect(r.code).toBe(0);
  });
});
