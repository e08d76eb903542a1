'use strict';
// Hosted mode for the bench: replicas of our server spawned with `serve --http` against the
// sandbox's OAuth, Redis and nginx on loopback (Debian's packages), and MCP clients signed in the
// way a real client does it (the SDK's OAuth flow; the user's browser played here).
const { spawn } = require('node:child_process');
const { existsSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { createServer, connect } = require('node:net');
const { randomBytes } = require('node:crypto');
const { tmpdir } = require('node:os');
const { URLSearchParams } = require('node:url');
const { join } = require('node:path');
const { Client, StreamableHTTPClientTransport, UnauthorizedError } = require('@modelcontextprotocol/client');
const { OUR_BIN } = require('./stdio.js');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(port, child, what, output) {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited: ${output()}`);
    if (await listening(port)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} did not start on ${port}: ${output()}`);
}

/** The replica binds its port before its host has started (it answers 503 meanwhile): wait for /readyz. */
async function waitReady(port, child, output) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`hosted replica exited: ${output()}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`hosted replica on ${port} never became ready: ${output()}`);
}

/** A child process with its output kept for error messages, stopped by `stop()`. */
function managed(command, args, options, cleanup) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return {
    child,
    output: () => out.slice(-2000),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      cleanup?.();
    },
  };
}

async function startRedis() {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-bench-redis-'));
  const port = await freePort();
  const p = managed(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    {},
    () => rmSync(dir, { recursive: true, force: true }),
  );
  await waitFor(port, p.child, 'redis-server (apt-get install redis-server)', p.output);
  return { url: `redis://127.0.0.1:${port}`, stop: p.stop };
}

/** nginx round-robin in front of `upstreams`; `directives` are added to the proxied location. */
async function startNginx(port, upstreams, directives = '') {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-bench-nginx-'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off; master_process off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream atlassian_mcp { ${upstreams.map((u) => `server ${u};`).join(' ')} keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://atlassian_mcp; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $http_host; proxy_buffering off;
      ${directives}
    }
  }
}`,
  );
  const bin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((b) => existsSync(b)) ?? 'nginx';
  const p = managed(bin, ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf], {}, () =>
    rmSync(dir, { recursive: true, force: true }),
  );
  await waitFor(port, p.child, 'nginx (apt-get install nginx)', p.output);
  return { url: `http://127.0.0.1:${port}`, stop: p.stop };
}

/** One replica: `serve --http` of the clone's build, signing users in through the sandbox's OAuth. */
async function startReplica(sandbox, { publicUrl, redisUrl, vaultKeys, config = {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'amcp-bench-replica-'));
  writeFileSync(
    join(dir, 'atlassian-mcp.config.json'),
    JSON.stringify({ audit: { enabled: false }, logLevel: 'warn', toolsets: ['all'], ...config }),
  );
  const port = await freePort();
  const { oauth } = sandbox.credentials;
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    ATLASSIAN_SITE_URL: sandbox.url,
    ATLASSIAN_AUTH_TYPE: 'oauth',
    ATLASSIAN_AUTH_URL: sandbox.url,
    ATLASSIAN_API_GATEWAY_URL: sandbox.url,
    ATLASSIAN_CLIENT_ID: oauth.clientId,
    ATLASSIAN_CLIENT_SECRET: oauth.clientSecret,
    ATLASSIAN_CREDENTIAL_STORE: 'memory',
    ATLASSIAN_MCP_PUBLIC_URL: publicUrl ?? `http://127.0.0.1:${port}`,
    ATLASSIAN_MCP_VAULT_KEYS: vaultKeys ?? `k1:${randomBytes(32).toString('base64')}`,
    ...(redisUrl ? { ATLASSIAN_MCP_REDIS_URL: redisUrl } : {}),
  };
  const p = managed(
    process.execPath,
    [OUR_BIN, 'serve', '--http', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: dir, env },
    () => rmSync(dir, { recursive: true, force: true }),
  );
  await waitFor(port, p.child, 'hosted replica', p.output);
  await waitReady(port, p.child, p.output);
  return { address: `127.0.0.1:${port}`, url: env.ATLASSIAN_MCP_PUBLIC_URL, pid: p.child.pid, stop: p.stop };
}

/** The client's OAuth state, in memory. */
class MemoryOAuthProvider {
  constructor(name) {
    this.name = name;
    this.redirectUrl = 'http://127.0.0.1:7777/callback';
  }
  get clientMetadata() {
    return {
      client_name: this.name,
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(v) {
    this.verifier = v;
  }
  codeVerifier() {
    return this.verifier;
  }
  saveDiscoveryState(s) {
    this.discovery = s;
  }
  discoveryState() {
    return this.discovery;
  }
}

/** The user's browser: this server's consent page, then the sandbox's Atlassian consent as `email`. */
async function consent(authorizationUrl, email) {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page: HTTP ${page.status}`);
  const field = (name) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1] ?? '';
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
  const answer = await fetch(new URL('/authorize', authorizationUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: authorizationUrl.origin },
    body: new URLSearchParams({ txn: field('txn'), csrf: field('csrf'), decision: 'allow' }).toString(),
  });
  if (answer.status !== 302) throw new Error(`consent answer: HTTP ${answer.status}`);
  const atlassianUrl = new URL(answer.headers.get('location'));
  atlassianUrl.searchParams.set('login_hint', email);
  const atlassian = await fetch(atlassianUrl, { redirect: 'manual' });
  if (atlassian.status !== 302) throw new Error(`atlassian consent: HTTP ${atlassian.status}`);
  const back = await fetch(atlassian.headers.get('location'), { redirect: 'manual' });
  if (back.status !== 302) throw new Error(`callback: HTTP ${back.status}`);
  return new URL(back.headers.get('location'));
}

/** An SDK client signed in as `email` through the server's OAuth (`client.oauth` holds its tokens). */
async function signIn(mcpUrl, email) {
  const provider = new MemoryOAuthProvider(`bench client of ${email}`);
  const transport = () => new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  const first = transport();
  try {
    await new Client({ name: 'bench', version: '1.0.0' }).connect(first);
    throw new Error('the hosted server accepted a client without a token');
  } catch (e) {
    if (!(e instanceof UnauthorizedError)) throw e;
  }
  const callback = await consent(provider.authorizationUrl, email);
  await first.finishAuth(callback.searchParams);
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(transport());
  client.oauth = provider;
  return client;
}

module.exports = { freePort, startRedis, startNginx, startReplica, signIn };
