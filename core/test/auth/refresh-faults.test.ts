import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type FaultSpec, type Sandbox } from '@atlassian-mcp/sandbox';
import { AuthService, type AuthChange } from '../../src/auth/auth-service.js';
import { CLIENT_SECRET_KEY } from '../../src/auth/oauth-client-secret.js';
import { FileCredentialStore } from '../../src/auth/file-credential-store.js';
import { OAuthSession, OAUTH_SESSION_KEY, type StoredOAuthSession } from '../../src/auth/oauth-session.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import type { IssuedTokens, OAuthClient } from '../../src/auth/oauth-client.js';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { globalFetch } from '../../src/http/tokens.js';
import { AuthenticationError, UpstreamError } from '../../src/plugin-api/errors.js';
import { captureLogger } from '../http/helpers.js';
import { consentingBrowser, freePort, sandboxOAuthConfig } from './sandbox-helpers.js';

// Issue 11, findings 7, 8 and 9: a lost refresh answer ended the session, a token-endpoint 500
// failed every waiting call, a hung token endpoint held every call for minutes, and the client
// secret outlived a revoked session.

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'empty' });
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.reset();
  dir = await mkdtemp(join(tmpdir(), 'amcp-refresh-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const TOKEN_ENDPOINT = '^/oauth/token$';

async function signedIn(http: { timeoutMs?: number } = {}) {
  const config = sandboxOAuthConfig(sb, `http://127.0.0.1:${await freePort()}/callback`, {
    http: { timeoutMs: http.timeoutMs ?? 5_000, connectTimeoutMs: 1_000 },
  });
  const log = captureLogger();
  const store = new FileCredentialStore(dir);
  const env = { ATLASSIAN_CLIENT_SECRET: sb.credentials.oauth.clientSecret };
  const auth = new AuthService(config, log.logger, store, globalFetch, consentingBrowser, () => undefined, env);
  const changes: AuthChange['kind'][] = [];
  auth.onChange((c) => changes.push(c.kind));
  auth.setRequiredScopes(['read:jira-work', 'read:jira-user']);
  await auth.login();
  const client = new AtlassianHttp(config, log.logger, auth, globalFetch);
  const myself = () => client.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' });
  return { auth, store, changes, myself, log };
}

describe('a refresh whose answer is lost is retried once with the same token (reuse leeway)', () => {
  it.each<[string, FaultSpec['type']]>([
    ['connection reset after Atlassian answered', 'resetAfterResponse'],
    ['answer cut short', 'truncatedBody'],
    ['no answer before the timeout', 'timeoutAfterSend'],
  ])('%s: the call succeeds and the session lives on', async (_, type) => {
    const { myself, changes } = await signedIn({ timeoutMs: 1_000 });
    sb.oauth.expireAccessTokens();
    sb.faults.set({ type, match: { path: TOKEN_ENDPOINT }, times: 1 } as FaultSpec);
    await expect(myself()).resolves.toMatchObject({ status: 200 });
    // The token was rotated twice: once for the lost answer, once for the retry with the same token.
    expect(sb.oauth.stats).toMatchObject({ refreshes: 2, refreshReuse: 1, refreshReuseInLeeway: 1 });
    // The family was not revoked: the next refresh works from the token we kept.
    sb.oauth.expireAccessTokens();
    await expect(myself()).resolves.toMatchObject({ status: 200 });
    expect(sb.oauth.stats.refreshes).toBe(3);
    expect(changes).toEqual(['login']);
  });
});

it('a token-endpoint 500 is retried instead of failing every call waiting on that refresh', async () => {
  const { myself } = await signedIn();
  sb.oauth.expireAccessTokens();
  sb.faults.set({ type: 'status', status: 500, match: { path: TOKEN_ENDPOINT }, times: 1 });
  const results = await Promise.allSettled(Array.from({ length: 10 }, () => myself()));
  expect(results.map((r) => r.status)).toEqual(Array(10).fill('fulfilled'));
  expect(sb.oauth.stats.refreshes).toBe(1);
});

it('a hung token endpoint fails the waiting calls with a clear error instead of holding them', async () => {
  const { myself } = await signedIn({ timeoutMs: 300 });
  sb.oauth.expireAccessTokens();
  sb.faults.set({ type: 'hang', match: { path: TOKEN_ENDPOINT } });
  const results = await Promise.allSettled(Array.from({ length: 5 }, () => myself()));
  for (const r of results) {
    expect(r.status).toBe('rejected');
    const e = (r as PromiseRejectedResult).reason as UpstreamError;
    expect(e).toBeInstanceOf(UpstreamError);
    expect(e.message).toMatch(/token endpoint did not answer in time/);
  }
  // Two token requests (the first and its one retry), each abandoned at the timeout.
  expect(sb.requests.filter((r) => r.path === '/oauth/token' && r.faults)).toHaveLength(2);
  sb.faults.clear();
});

it('waiters on a refresh in flight give up after their bound, while the refresh itself goes on', async () => {
  const store = new MemoryCredentialStore();
  const expired: StoredOAuthSession = {
    accessToken: 'at-0',
    refreshToken: 'rt-0',
    expiresAt: Date.now() - 1000,
    scopes: [],
    cloudId: 'c1',
    siteUrl: 'https://acme.atlassian.net',
    clientId: 'cid',
  };
  await store.set(OAUTH_SESSION_KEY, JSON.stringify(expired));
  let finish!: (t: IssuedTokens) => void;
  const endpoint = { refresh: () => new Promise<IssuedTokens>((r) => (finish = r)) };
  const session = new OAuthSession(
    store,
    async () => endpoint as unknown as OAuthClient,
    captureLogger().logger,
    () => undefined,
    undefined,
    50,
  );
  const waiters = await Promise.allSettled([session.current(), session.current()]);
  expect(waiters.map((w) => w.status)).toEqual(['rejected', 'rejected']);
  expect(((waiters[0] as PromiseRejectedResult).reason as Error).message).toMatch(/took longer than/);
  finish({
    accessToken: 'at-1',
    refreshToken: 'rt-1',
    issuedAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
    scopes: [],
  });
  await expect(session.current()).resolves.toMatchObject({ session: { accessToken: 'at-1' } });
});

it('a revoked session takes the stored client secret with it', async () => {
  const { myself, store, changes } = await signedIn();
  expect(await store.get(CLIENT_SECRET_KEY)).toEqual(expect.any(String));
  sb.oauth.revokeRefreshTokens();
  sb.oauth.expireAccessTokens();
  await expect(myself()).rejects.toBeInstanceOf(AuthenticationError);
  expect(changes).toEqual(['login', 'session-lost']);
  expect(await store.get(OAUTH_SESSION_KEY)).toBeUndefined();
  expect(await store.get(CLIENT_SECRET_KEY)).toBeUndefined();
});
