// `atlassian-mcp-sandbox` (the built bin): prints its URL and credentials, applies fault flags.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const bin = join(__dirname, '..', 'bin', 'atlassian-mcp-sandbox.js');
const built = existsSync(join(__dirname, '..', 'dist', 'cli.js'));
const maybe = built ? describe : describe.skip; // CI builds before testing

function start(args: string[]): Promise<{ child: ChildProcess; firstLine: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, firstLine: out.slice(0, nl) });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
  });
}

maybe('atlassian-mcp-sandbox CLI', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGTERM');
    child = undefined;
  });

  it('--port 0 --json prints the URL and credentials; fault flags apply', async () => {
    const s = await start(['--port', '0', '--json', '--rate-limit-every', '2', '--retry-after', '3']);
    child = s.child;
    const info = JSON.parse(s.firstLine) as {
      url: string;
      email: string;
      apiToken: string;
      cloudId: string;
      oauth: { clientId: string };
    };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.oauth.clientId).toBe('sandbox-client-id');
    const auth = `Basic ${Buffer.from(`${info.email}:${info.apiToken}`).toString('base64')}`;
    const a = await fetch(`${info.url}/rest/api/3/myself`, { headers: { authorization: auth } });
    const b = await fetch(`${info.url}/rest/api/3/myself`, { headers: { authorization: auth } });
    expect([a.status, b.status]).toEqual([200, 429]);
    expect(b.headers.get('retry-after')).toBe('3');
    expect(await (await fetch(`${info.url}/_edge/tenant_info`)).json()).toEqual({ cloudId: info.cloudId });
  });

  it('human output names the site, gateway and credentials', async () => {
    const s = await start(['--port', '0']);
    child = s.child;
    expect(s.firstLine).toMatch(/^Atlassian sandbox site running at http:\/\/127\.0\.0\.1:\d+$/);
  });
});
