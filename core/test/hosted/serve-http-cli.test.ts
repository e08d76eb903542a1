// `atlassian-mcp serve --http` from the built CLI: the hosted mode against the embedded sandbox
// (its OAuth included), health, discovery, a token demanded on /mcp, a clean stop on SIGTERM; and
// the flags' usage errors.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = join(resolve(__dirname, '../../..'), 'bin/atlassian-mcp.js');
const env = { ...process.env, ATLASSIAN_CREDENTIAL_STORE: 'memory', ATLASSIAN_LOG_LEVEL: 'warn' };

function serving(child: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /serving MCP at (http:\/\/\S+)\/mcp/.exec(err);
      if (m) resolvePromise(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before serving:\n${err}`)));
  });
}

describe('serve --http (CLI)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the hosted mode against the sandbox: health, discovery, 401 without a token, clean SIGTERM', async () => {
    child = spawn(process.execPath, [bin, 'serve', '--http', '--sandbox', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    const base = await serving(child);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const prm = (await (await fetch(`${base}/.well-known/oauth-protected-resource/mcp`)).json()) as {
      resource: string;
      authorization_servers: string[];
    };
    expect(prm.resource).toBe(`${base}/mcp`);
    expect(prm.authorization_servers).toEqual([base]);
    const as = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()) as {
      authorization_endpoint: string;
    };
    expect(as.authorization_endpoint.startsWith(base)).toBe(true);
    const mcp = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(mcp.status).toBe(401);
    expect(mcp.headers.get('www-authenticate')).toContain('resource_metadata=');
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toBe(''); // stdout is not the protocol over HTTP either: nothing lands there
  });

  it.each([
    [['serve', '--port', '3000'], /--port and --host go with serve --http/],
    [['tools', '--http'], /--http goes with the serve command/],
    [['serve', '--http', '--port', 'eighty'], /--port must be a port number/],
  ])('`%s` is a usage error', async (argv, message) => {
    const failed = await run(process.execPath, [bin, ...argv], { env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(message);
  });

  it('refuses to start with a shared API token: each user signs in', async () => {
    const failed = await run(process.execPath, [bin, 'serve', '--http', '--port', '0'], {
      env: {
        ...env,
        ATLASSIAN_SITE_URL: 'https://nimbus.atlassian.net',
        ATLASSIAN_EMAIL: 'a@b.example',
        ATLASSIAN_API_TOKEN: 'x',
        ATLASSIAN_AUTH_TYPE: 'apiToken',
      },
    }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toMatch(/the hosted server cannot start:\n\s+- hosted mode signs each user in with OAuth/);
  });
});
