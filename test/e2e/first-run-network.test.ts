import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const bin = join(resolve(__dirname, '../..'), 'bin/atlassian-mcp.js');

/** `atlassian-mcp doctor` as a user runs it, against `site`, with an API token. */
async function doctor(site: string, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-network-'));
  writeFileSync(join(dir, 'atlassian-mcp.config.json'), JSON.stringify({ audit: { enabled: false } }));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(ATLASSIAN_|HTTPS?_PROXY$|NO_PROXY$)/i.test(k)) env[k] = v;
  Object.assign(env, {
    HOME: dir,
    ATLASSIAN_SITE_URL: site,
    ATLASSIAN_EMAIL: 'me@acme.test',
    ATLASSIAN_API_TOKEN: 'not-a-real-token',
    ...extra,
  });
  try {
    const r = await exec(process.execPath, [bin, 'doctor'], { cwd: dir, env, timeout: 60000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

describe('an unreachable site: doctor names the cause and the next step, never a bare "fetch failed"', () => {
  let plain: Server;
  let plainPort: number;
  beforeAll(async () => {
    plain = createServer((_req, res) => res.end('not TLS'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    plainPort = (plain.address() as { port: number }).port;
  });
  afterAll(() => new Promise((r) => plain.close(r)));

  it('DNS: a host that does not resolve', async () => {
    const r = await doctor('https://no-such-site.invalid');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /Could not reach Atlassian: DNS: no-such-site\.invalid could not be resolved \((ENOTFOUND|EAI_AGAIN)\)/,
    );
    expect(r.out).toMatch(/next step: Check ATLASSIAN_SITE_URL/);
    expect(r.out).not.toMatch(/fetch failed/);
  });

  it('refused: nothing listens at the port', async () => {
    const port = await closedPort();
    const r = await doctor(`https://127.0.0.1:${port}`);
    expect(r.out).toMatch(new RegExp(`127\\.0\\.0\\.1:${port} refused the connection \\(ECONNREFUSED\\)`));
    expect(r.out).toMatch(new RegExp(`nothing listens at 127\\.0\\.0\\.1:${port}`));
  });

  it('TLS: an https:// URL that leads to a server without TLS', async () => {
    const r = await doctor(`https://127.0.0.1:${plainPort}`);
    expect(r.out).toMatch(new RegExp(`TLS: no secure connection to 127\\.0\\.0\\.1:${plainPort} \\(\\w+\\)`));
    expect(r.out).toMatch(/NODE_EXTRA_CA_CERTS/);
  });

  it('a configured proxy is named in the next step', async () => {
    const r = await doctor('https://no-such-site.invalid', { HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` });
    expect(r.out).toMatch(/A proxy is configured \(HTTPS_PROXY\/HTTP_PROXY\)/);
  });

  it('goes through HTTPS_PROXY (as tool calls do) and names a proxy that refuses the tunnel', async () => {
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      tunnels.push(req.url ?? '');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (proxy.address() as { port: number }).port;
      const r = await doctor('https://acme-behind-proxy.atlassian.net', { HTTPS_PROXY: `http://127.0.0.1:${port}` });
      expect(tunnels).toContain('acme-behind-proxy.atlassian.net:443');
      expect(r.out).toMatch(/the proxy refused to connect to acme-behind-proxy\.atlassian\.net \(HTTP 403\)/);
      expect(r.out).toMatch(/next step: Check the proxy address and credentials in HTTPS_PROXY/);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it('API-token mode says nothing about the OS keychain', async () => {
    const r = await doctor('https://no-such-site.invalid');
    expect(r.out).toMatch(/credentials: not used \(the API token comes from ATLASSIAN_API_TOKEN\)/);
    expect(r.out).not.toMatch(/keychain|Secret Service|DBus/i);
  });
});
