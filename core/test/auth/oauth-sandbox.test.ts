import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { AuthService, type AuthChange } from '../../src/auth/auth-service.js';
import { CLIENT_SECRET_KEY } from '../../src/auth/oauth-client-secret.js';
import { FileCredentialStore } from '../../src/auth/file-credential-store.js';
import { OAUTH_SESSION_KEY, type StoredOAuthSession } from '../../src/auth/oauth-session.js';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { globalFetch } from '../../src/http/tokens.js';
import { AuthenticationError } from '../../src/plugin-api/errors.js';
import { captureLogger } from '../http/helpers.js';
import { consentingBrowser, freePort, sandboxOAuthConfig } from './sandbox-helpers.js';

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'empty' });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  sb.reset();
  dir = await mkdtemp(join(tmpdir(), 'amcp-oauth-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function signedIn() {
  const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
  const config = sandboxOAuthConfig(sb, redirectUri);
  const log = captureLogger();
  const notices: string[] = [];
  const store = new FileCredentialStore(dir);
  const env = { ATLASSIAN_CLIENT_SECRET: sb.credentials.oauth.clientSecret };
  const auth = new AuthService(config, log.logger, store, globalFetch, consentingBrowser, (m) => notices.push(m), env);
  const changes: AuthChange['kind'][] = [];
  auth.onChange((c) => changes.push(c.kind));
  auth.setRequiredScopes(['read:jira-work', 'read:jira-user']);
  const result = await auth.login();
  const http = new AtlassianHttp(config, log.logger, auth, globalFetch);
  const stored = async () => JSON.parse((await store.get(OAUTH_SESSION_KEY))!) as StoredOAuthSession;
  return { auth, http, store, log, notices, changes, result, stored };
}

describe('OAuth 2.0 (3LO) against the sandbox', () => {
  it('logs in, stores the session in a 0600 file and calls through the gateway', async () => {
    const { http, store, notices, changes, result, stored } = await signedIn();
    expect(result.site).toBe(sb.siteUrl);
    expect(result.cloudId).toBe(sb.credentials.cloudId);
    expect(result.account).toEqual(expect.any(String));
    expect(result.scopes).toEqual(expect.arrayContaining(['read:jira-work', 'read:jira-user']));
    expect(changes).toEqual(['login']);
    expect(notices[0]).toMatch(/open this URL/);
    const authorizeUrl = new URL(notices[0]!.split('\n')[1]!.trim());
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({
      audience: 'api.atlassian.com',
      prompt: 'consent',
      response_type: 'code',
      code_challenge_method: 'S256',
    });
    expect(authorizeUrl.searchParams.get('scope')!.split(' ')).toEqual(
      expect.arrayContaining(['offline_access', 'read:jira-work']),
    );
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await stored()).refreshToken).toEqual(expect.any(String));

    const me = await http.request<{ accountId: string }>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/myself',
    });
    expect(me.data.accountId).toBe(sb.credentials.accountId);
    expect(sb.requests.at(-1)).toMatchObject({ via: 'gateway', auth: expect.stringMatching(/oauth|bearer/i) });
  });

  it('an expired access token is refreshed once for 20 concurrent calls; the rotated token is persisted and never reused', async () => {
    const { http, stored, log } = await signedIn();
    const before = await stored();
    sb.oauth.expireAccessTokens();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(sb.oauth.stats.refreshes).toBe(1);
    expect(sb.oauth.stats.refreshReuse).toBe(0);
    const after = await stored();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(log.text()).toContain('refreshed the Atlassian access token');
    // A second expiry rotates again from the persisted token.
    sb.oauth.expireAccessTokens();
    await http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' });
    expect(sb.oauth.stats.refreshes).toBe(2);
    expect(sb.oauth.stats.refreshReuse).toBe(0);
  });

  it('a session persisted by one process is picked up by the next, which refreshes it without the secret in its env', async () => {
    const first = await signedIn();
    sb.oauth.expireAccessTokens();
    const config = sandboxOAuthConfig(sb, 'http://127.0.0.1:1/callback');
    // No ATLASSIAN_CLIENT_SECRET here: the secret saved at login (0600 / keychain) is used to refresh.
    const second = new AuthService(
      config,
      captureLogger().logger,
      new FileCredentialStore(dir),
      globalFetch,
      consentingBrowser,
      () => undefined,
      {},
    );
    const http = new AtlassianHttp(config, captureLogger().logger, second, globalFetch);
    await expect(http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })).resolves.toMatchObject({
      status: 200,
    });
    expect(sb.oauth.stats.refreshes).toBe(1);
    // The first process's refresh token is now spent: it adopts the stored one instead of reusing it.
    sb.oauth.expireAccessTokens();
    await expect(
      first.http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' }),
    ).resolves.toMatchObject({ status: 200 });
    expect(sb.oauth.stats.refreshReuse).toBe(0);
  });

  it('a revoked refresh token ends in a clear "run atlassian-mcp login" error and a session-lost change', async () => {
    const { http, store, changes } = await signedIn();
    sb.oauth.revokeRefreshTokens();
    sb.oauth.expireAccessTokens();
    const errors = await Promise.all(
      Array.from({ length: 5 }, () =>
        http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' }).catch((e: unknown) => e),
      ),
    );
    for (const e of errors) {
      expect(e).toBeInstanceOf(AuthenticationError);
      expect((e as AuthenticationError).hint).toMatch(/atlassian-mcp login/);
    }
    expect(changes).toEqual(['login', 'session-lost']);
    expect(await store.get(OAUTH_SESSION_KEY)).toBeUndefined();
    await expect(http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })).rejects.toThrow(
      /Not signed in/,
    );
  });

  it('status() reports who, which site and granted vs needed scopes; logout forgets the session', async () => {
    const { auth, changes, store } = await signedIn();
    auth.setRequiredScopes(['read:jira-work', 'write:jira-work']);
    const status = await auth.status();
    expect(status).toMatchObject({
      ok: true,
      method: 'oauth',
      site: { url: sb.siteUrl, cloudId: sb.credentials.cloudId },
    });
    expect(status.user!.accountId).toBe(sb.credentials.accountId);
    expect(status.scopes.missing).toEqual(['write:jira-work']);
    expect(status.store).toMatch(/mode 0600/);
    const section = await auth.doctor(['read:jira-work']);
    expect(section.ok).toBe(true);
    expect(await store.get(CLIENT_SECRET_KEY)).toContain(sb.credentials.oauth.clientId);
    await auth.logout();
    expect(changes).toEqual(['login', 'logout']);
    expect(await store.get(CLIENT_SECRET_KEY)).toBeUndefined();
    const after = await auth.status();
    expect(after).toMatchObject({ ok: false, method: 'none' });
    expect(after.hint).toMatch(/atlassian-mcp login/);
  });

  it('explains a missing client secret before opening any browser', async () => {
    const config = sandboxOAuthConfig(sb, 'http://127.0.0.1:1/callback');
    let opened = 0;
    const auth = new AuthService(
      config,
      captureLogger().logger,
      new FileCredentialStore(dir),
      globalFetch,
      async () => void opened++,
      () => undefined,
      {},
    );
    await expect(auth.login()).rejects.toThrow(/client id or secret is missing/);
    expect(opened).toBe(0);
  });

  it('a wrong state on the callback is refused', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const config = sandboxOAuthConfig(sb, redirectUri);
    const forger = async (url: string) => {
      const cb = new URL(redirectUri);
      cb.searchParams.set('code', 'stolen');
      cb.searchParams.set('state', 'not-the-state');
      expect(new URL(url).searchParams.get('state')).not.toBe('not-the-state');
      await (await fetch(cb)).text();
    };
    const auth = new AuthService(
      config,
      captureLogger().logger,
      new FileCredentialStore(dir),
      globalFetch,
      forger,
      () => undefined,
      { ATLASSIAN_CLIENT_SECRET: sb.credentials.oauth.clientSecret },
    );
    await expect(auth.login()).rejects.toThrow(/sign-in failed/);
    expect(sb.oauth.stats.tokensIssued).toBe(0);
  });
});
