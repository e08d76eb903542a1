import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const repo = resolve(__dirname, '../..');

/** The files of the README's "Writing a plugin" example: each `<!-- file: path -->` and the block after it. */
function readmeFiles(): Map<string, string> {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const files = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)\n```/g)) files.set(m[1]!, `${m[2]}\n`);
  return files;
}

// The README is the only documentation an outside author gets: its example must build with its
// own package.json and tsconfig, outside the repository, and answer a call against a real site.
describe('the README plugin example, built as an outside author would', () => {
  let sandbox: Sandbox;
  let client: Client | undefined;
  afterAll(async () => {
    await client?.close();
    await sandbox?.close();
  });

  it('compiles in a temporary folder and serves its tool over stdio against the sandbox', async () => {
    const files = readmeFiles();
    expect([...files.keys()].sort()).toEqual([
      'package.json',
      'src/index.ts',
      'src/releases-client.ts',
      'tsconfig.json',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'amcp-readme-plugin-'));
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // What `npm install` would give it: the host's core as a peer, and zod.
    mkdirSync(join(dir, 'node_modules', '@atlassian-mcp'), { recursive: true });
    symlinkSync(join(repo, 'core'), join(dir, 'node_modules', '@atlassian-mcp', 'core'));
    symlinkSync(join(repo, 'node_modules', 'zod'), join(dir, 'node_modules', 'zod'));
    execFileSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', dir], { stdio: 'pipe' });

    sandbox = await startSandbox();
    writeFileSync(
      join(dir, 'atlassian-mcp.config.json'),
      JSON.stringify({ plugins: { './dist/index.js': { max: 5 } }, audit: { enabled: false } }),
    );
    client = new Client({ name: 'readme-e2e', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(repo, 'bin/atlassian-mcp.js')],
        cwd: dir,
        env: {
          ...process.env,
          ATLASSIAN_SITE_URL: sandbox.url!,
          ATLASSIAN_EMAIL: sandbox.credentials.email,
          ATLASSIAN_API_TOKEN: sandbox.credentials.apiToken,
          ATLASSIAN_AUTH_TYPE: 'apiToken',
        },
        stderr: 'pipe',
      }),
    );
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['releases_list_upcoming']);
    const result = (await client.callTool({ name: 'releases_list_upcoming', arguments: { project: 'NOVA' } })) as {
      isError?: boolean;
      structuredContent: { versions: Array<{ name: string; date?: string }> };
      content: Array<{ text: string }>;
    };
    expect(result.isError).toBeFalsy();
    const res = await sandbox.fetch(`${sandbox.url}/rest/api/3/project/NOVA/versions`, {
      headers: { authorization: sandbox.basicAuth() },
    });
    const unreleased = ((await res.json()) as Array<{ name: string; released?: boolean }>)
      .filter((v) => !v.released)
      .map((v) => v.name);
    expect(unreleased.length).toBeGreaterThan(0);
    expect(result.structuredContent.versions.map((v) => v.name).sort()).toEqual(unreleased.slice(0, 5).sort());
    expect(result.content[0]!.text).toMatch(/<untrusted [0-9a-f]+ versions>/);
    // Bad input is an isError result with the field named, before any HTTP.
    const bad = (await client.callTool({ name: 'releases_list_upcoming', arguments: { project: '../x' } })) as {
      isError?: boolean;
    };
    expect(bad.isError).toBe(true);
  });
});
