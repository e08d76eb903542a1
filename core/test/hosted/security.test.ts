// Security of the hosted endpoint, against a real Redis: tokens (missing, expired, another
// audience, an Atlassian token), Origin and Host checks, body limit, two users with different
// grants on one site, no plaintext Atlassian token in Redis, readiness and a Redis outage.
import { request as httpRequest } from 'node:http';
import { InsufficientScopeError } from '@modelcontextprotocol/client';
import { AccessTokens, tokenHash } from '../../src/hosted/oauth/access-tokens';
import { callTool, signIn, type SignedIn } from './support/mcp-sign-in';
import { startHostedFixture, type HostedFixture } from './support/hosted-fixture';
import { startRedis, type RedisServer } from './support/redis-server';

const MAYA = 'maya.chen@nimbus-works.example';
const JONAS = 'jonas.weber@nimbus-works.example';
const READ_ONLY_SCOPES = 'read:jira-work read:jira-user';

let redis: RedisServer;
let f: HostedFixture;
let maya: SignedIn;
let jonas: SignedIn;

beforeAll(async () => {
  redis = await startRedis();
  f = await startHostedFixture({ redisUrl: redis.url, config: { hosted: { maxBodyBytes: 64 * 1024 } } });
  maya = await signIn(f.mcpUrl, MAYA);
  // Jonas's client asks for read scopes only: the same site, a narrower grant.
  jonas = await signIn(f.mcpUrl, JONAS, { scope: READ_ONLY_SCOPES });
});

afterAll(async () => {
  await maya?.close().catch(() => undefined);
  await jonas?.close().catch(() => undefined);
  await f?.close();
  await redis?.stop();
});

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

function post(headers: Record<string, string>, body = initialize): Promise<Response> {
  return fetch(f.mcpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body,
  });
}

function challenge(res: Response): Record<string, string> {
  const header = res.headers.get('www-authenticate') ?? '';
  expect(header.startsWith('Bearer ')).toBe(true);
  return Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('hosted endpoint security', () => {
  it('answers a request without a token 401 with resource_metadata and the scopes to ask for', async () => {
    const res = await post({});
    expect(res.status).toBe(401);
    const c = challenge(res);
    expect(c.resource_metadata).toBe(`${f.server.url}/.well-known/oauth-protected-resource/mcp`);
    expect(c.scope?.split(' ')).toEqual(expect.arrayContaining(['read:jira-work', 'write:jira-work']));
    // No credentials at all: no error code (RFC 6750 §3.1); a bad token gets invalid_token below.
    expect(c.error).toBeUndefined();
  });

  it('refuses an expired token with 401 invalid_token', async () => {
    const token = 'amcp_at_expired-for-the-test';
    const grant = { userId: 'x@y', label: 'x', clientId: 'c', scopes: [], resource: f.mcpUrl };
    await f.server.store.set(
      `oauth:at:${tokenHash(token)}`,
      JSON.stringify({ ...grant, expiresAt: Math.floor(Date.now() / 1000) - 5 }),
      { ttlMs: 60_000 },
    );
    await f.server.store.set(`vault:x@y`, 'sealed', { ttlMs: 60_000 });
    const res = await post({ authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect(challenge(res)).toMatchObject({ error: 'invalid_token', error_description: 'Token has expired' });
  });

  it('refuses a token issued for another audience, even by this same authorization server', async () => {
    const mayaToken = maya.provider.tokens()!;
    const stored = JSON.parse((await f.server.store.get(`oauth:at:${tokenHash(mayaToken.access_token)}`))!) as {
      userId: string;
      label: string;
    };
    // Another deployment sharing the store (same user, same Atlassian grant), another resource.
    const other = new AccessTokens(f.server.store, 600, 600);
    const foreign = await other.issue({
      userId: stored.userId,
      label: stored.label,
      clientId: 'another-client',
      scopes: ['read:jira-work'],
      resource: 'https://another-mcp.example/mcp',
    });
    const before = f.sandbox.requests.length;
    const res = await post({ authorization: `Bearer ${foreign.access_token}` });
    expect(res.status).toBe(401);
    expect(challenge(res)).toMatchObject({
      error: 'invalid_token',
      error_description: 'Token was not issued for this resource',
    });
    expect(f.sandbox.requests.length).toBe(before);
  });

  it('never accepts (or passes on) an Atlassian token', async () => {
    const atlassian = f.sandbox.oauth.issueTokens({ scopes: ['read:jira-work', 'read:jira-user'] });
    const before = f.sandbox.requests.length;
    const res = await post({ authorization: `Bearer ${atlassian.access_token}` });
    expect(res.status).toBe(401);
    expect(challenge(res).error).toBe('invalid_token');
    expect(f.sandbox.requests.length).toBe(before);
  });

  it('answers a forbidden Origin 403, and a foreign Host header too (DNS rebinding)', async () => {
    const res = await post({ origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const own = await post({ origin: f.server.url });
    expect(own.status).toBe(401);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${f.mcpUrl}`, { method: 'POST', headers: { host: 'rebound.evil.example' } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(initialize);
    });
    expect(status).toBe(403);
  });

  it('refuses a body over the limit with 413 before reading it', async () => {
    const token = maya.provider.tokens()!.access_token;
    const huge = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { pad: 'x'.repeat(100_000) } });
    const res = await post({ authorization: `Bearer ${token}` }, huge);
    expect(res.status).toBe(413);
  });

  it('gives each user their own data and grant: a narrower grant gets a step-up challenge, not another user', async () => {
    const mine = await callTool(maya.client, 'jira_search', { jql: 'assignee = currentUser() ORDER BY key' });
    const theirs = await callTool(jonas.client, 'jira_search', { jql: 'assignee = currentUser() ORDER BY key' });
    expect(mine.isError).toBe(false);
    expect(theirs.isError).toBe(false);
    const keys = (r: { structured?: Record<string, unknown> }) =>
      ((r.structured?.issues ?? []) as { key: string }[]).map((i) => i.key);
    expect(keys(mine).length).toBeGreaterThan(0);
    expect(keys(theirs).length).toBeGreaterThan(0);
    expect(keys(mine).filter((k) => keys(theirs).includes(k))).toEqual([]);

    const write = callTool(jonas.client, 'jira_add_comment', { issueKey: 'NOVA-1', body: 'not allowed' });
    await expect(write).rejects.toBeInstanceOf(InsufficientScopeError);
    const error = (await write.catch((e: unknown) => e)) as InsufficientScopeError;
    expect(error.requiredScope?.split(' ')).toEqual(expect.arrayContaining(['write:jira-work', 'read:jira-work']));
    expect((await callTool(maya.client, 'jira_add_comment', { issueKey: 'NOVA-2', body: 'allowed' })).isError).toBe(
      false,
    );
  });

  it('keeps no plaintext Atlassian token (nor any token of its own) in Redis', async () => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = (await redis.command('SCAN', cursor, 'COUNT', '1000')) as [string, string[]];
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    expect(keys.some((k) => k.includes('vault:'))).toBe(true);
    const values: string[] = [];
    for (const key of keys) {
      const type = await redis.command('TYPE', key);
      if (type === 'string') values.push(String(await redis.command('GET', key)));
    }
    const everything = `${keys.join('\n')}\n${values.join('\n')}`;
    expect(everything).not.toMatch(/sbx-(at|rt)-/);
    for (const s of [maya, jonas]) {
      const own = s.provider.tokens()!;
      expect(everything).not.toContain(own.access_token);
      expect(everything).not.toContain(own.refresh_token!);
    }
  });
});

describe('hosted readiness and a Redis outage', () => {
  it('is ready with Redis; during an outage calls fail at once with 503 and readiness says why; then it recovers', async () => {
    expect((await fetch(`${f.server.url}/readyz`)).status).toBe(200);
    const token = maya.provider.tokens()!.access_token;
    await redis.kill();
    try {
      expect((await fetch(`${f.server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${f.server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { problems: string[] }).problems).toContain('state store (redis) unreachable');
      const res = await post({ authorization: `Bearer ${token}` });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error_description: string }).error_description).toMatch(/shared state store/);
    } finally {
      await redis.start();
    }
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await fetch(`${f.server.url}/readyz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(200);
  });
});
