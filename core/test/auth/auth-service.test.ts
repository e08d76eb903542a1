import nock from 'nock';
import { applyEnvOverlay, configSchema } from '@atlassian-mcp/config';
import { AuthService } from '../../src/auth/auth-service.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { OAUTH_SESSION_KEY } from '../../src/auth/oauth-session.js';
import { chooseResource, type AccessibleResource } from '../../src/auth/site-resolver.js';
import { listenForCallback } from '../../src/auth/oauth-callback-server.js';
import { AuthenticationTools } from '../../src/auth/authentication-tools.js';
import { globalFetch } from '../../src/http/tokens.js';
import { AuthenticationError } from '../../src/plugin-api/errors.js';
import type { ToolContext } from '../../src/plugin-api/context.js';
import { captureLogger } from '../http/helpers.js';
import { freePort } from './sandbox-helpers.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

function service(config: Record<string, unknown>, env: NodeJS.ProcessEnv, store = new MemoryCredentialStore()) {
  // As at start-up: the environment overlays the file, then the schema validates it.
  return new AuthService(
    configSchema.parse(applyEnvOverlay(config, env)),
    captureLogger().logger,
    store,
    globalFetch,
    async () => undefined,
    () => undefined,
    env,
  );
}

describe('AuthService with API tokens', () => {
  const env = { ATLASSIAN_API_TOKEN: 'tok-123', ATLASSIAN_EMAIL: 'me@acme.test' };

  it('auto mode picks the API token when email and token are set; classic tokens use the site URL', async () => {
    const auth = service({ site: { url: 'https://acme.atlassian.net/' } }, env);
    expect(auth.method()).toBe('apiToken');
    const a = await auth.authorize('confluence');
    expect(a.baseUrl).toBe('https://acme.atlassian.net');
    expect(a.headers.Authorization).toBe(`Basic ${Buffer.from('me@acme.test:tok-123').toString('base64')}`);
    expect(await auth.onUnauthorized(a.credentialId)).toBe(false);
    expect(await auth.grantedScopes()).toBeUndefined();
  });

  it('reads the token from the env variable the config names', async () => {
    const auth = service(
      {
        site: { url: 'https://acme.atlassian.net' },
        auth: { type: 'apiToken', email: 'x@y.z', apiToken: { env: 'MY_TOKEN' } },
      },
      { MY_TOKEN: 'abc' },
    );
    expect((await auth.authorize('jira')).headers.Authorization).toBe(
      `Basic ${Buffer.from('x@y.z:abc').toString('base64')}`,
    );
  });

  it('scoped tokens go through the gateway with the cloud id from tenant_info (fetched once)', async () => {
    const scope = nock('https://acme.atlassian.net')
      .get('/_edge/tenant_info')
      .once()
      .reply(200, { cloudId: 'cloud-9' });
    const auth = service({ site: { url: 'https://acme.atlassian.net' }, auth: { scopedToken: true } }, env);
    expect((await auth.authorize('jira')).baseUrl).toBe('https://api.atlassian.com/ex/jira/cloud-9');
    expect((await auth.authorize('confluence')).baseUrl).toBe('https://api.atlassian.com/ex/confluence/cloud-9');
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an OAuth login while an API token is configured, saying why', async () => {
    const auth = service({ site: { url: 'https://acme.atlassian.net' } }, env);
    await expect(auth.login()).rejects.toThrow(/API token is configured/);
  });

  it('explains what to set when the token or the site is missing', async () => {
    const noToken = service(
      { site: { url: 'https://acme.atlassian.net' }, auth: { type: 'apiToken' } },
      { ATLASSIAN_EMAIL: 'a@b.c' },
    );
    const e1 = await noToken.authorize('jira').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(AuthenticationError);
    expect((e1 as AuthenticationError).hint).toMatch(/ATLASSIAN_API_TOKEN/);
    const noSite = service({}, env);
    await expect(noSite.authorize('jira')).rejects.toThrow(/No Atlassian site/);
  });
});

describe('AuthService with OAuth', () => {
  it('is not signed in until a session is stored, and says how to sign in', async () => {
    const auth = service({ site: { url: 'https://acme.atlassian.net' } }, {});
    expect(auth.method()).toBe('oauth');
    expect(await auth.isAuthenticated()).toBe(false);
    const e = await auth.authorize('jira').catch((x: unknown) => x);
    expect((e as AuthenticationError).hint).toMatch(/atlassian-mcp login.*authenticate_atlassian/);
  });

  it('uses a stored session: Bearer token against the gateway', async () => {
    const store = new MemoryCredentialStore();
    await store.set(
      OAUTH_SESSION_KEY,
      JSON.stringify({
        accessToken: 'at',
        refreshToken: 'rt',
        expiresAt: Date.now() + 3_600_000,
        scopes: ['read:jira-work'],
        cloudId: 'c-1',
        siteUrl: 'https://acme.atlassian.net',
        clientId: 'id',
      }),
    );
    const auth = service({}, {}, store);
    const a = await auth.authorize('confluence');
    expect(a).toMatchObject({
      baseUrl: 'https://api.atlassian.com/ex/confluence/c-1',
      headers: { Authorization: 'Bearer at' },
      siteKey: 'c-1',
    });
    expect(await auth.grantedScopes()).toEqual(['read:jira-work']);
  });

  it('refuses a session for another site than the configured one', async () => {
    const store = new MemoryCredentialStore();
    await store.set(
      OAUTH_SESSION_KEY,
      JSON.stringify({
        accessToken: 'at',
        expiresAt: Date.now() + 3_600_000,
        scopes: [],
        cloudId: 'c-1',
        siteUrl: 'https://old.atlassian.net',
        clientId: 'id',
      }),
    );
    const auth = service({ site: { url: 'https://new.atlassian.net' } }, {}, store);
    await expect(auth.authorize('jira')).rejects.toThrow(
      'Signed in to https://old.atlassian.net, but the configured site is https://new.atlassian.net',
    );
  });

  it('the authenticate_atlassian tool reports API-token mode and an existing session without a browser', async () => {
    const ctx = { progress: async () => undefined, signal: new AbortController().signal } as unknown as ToolContext;
    const apiToken = new AuthenticationTools(
      service({ site: { url: 'https://a.atlassian.net' } }, { ATLASSIAN_API_TOKEN: 't', ATLASSIAN_EMAIL: 'e@x' }),
    );
    expect(await apiToken.authenticate({}, ctx)).toMatchObject({ status: 'api_token' });
    const store = new MemoryCredentialStore();
    await store.set(
      OAUTH_SESSION_KEY,
      JSON.stringify({
        accessToken: 'at',
        expiresAt: Date.now() + 3_600_000,
        scopes: ['s'],
        cloudId: 'c',
        siteUrl: 'u',
        clientId: 'i',
      }),
    );
    const signedIn = new AuthenticationTools(service({}, {}, store));
    expect(await signedIn.authenticate({}, ctx)).toMatchObject({ status: 'already_signed_in', scopes: ['s'] });
  });
});

describe('choosing the site from accessible-resources', () => {
  const sites: AccessibleResource[] = [
    { id: 'c1', name: 'acme', url: 'https://acme.atlassian.net', scopes: [] },
    { id: 'c2', name: 'beta', url: 'https://beta.atlassian.net', scopes: [] },
  ];
  it('matches the configured site URL or cloud id', () => {
    expect(chooseResource(sites, { siteUrl: 'https://BETA.atlassian.net/' }).id).toBe('c2');
    expect(chooseResource(sites, { cloudId: 'c1' }).id).toBe('c1');
    expect(chooseResource([sites[0]!], {}).id).toBe('c1');
  });
  it('lists the choices when several match or none does', () => {
    expect(() => chooseResource(sites, {})).toThrow(
      /several sites: https:\/\/acme.atlassian.net \(acme\), https:\/\/beta/,
    );
    expect(() => chooseResource(sites, { siteUrl: 'https://gamma.atlassian.net' })).toThrow(
      /does not cover https:\/\/gamma/,
    );
    expect(() => chooseResource([], {})).toThrow(/covers no site/);
  });
});

describe('the OAuth callback listener', () => {
  it('refuses a non-loopback redirect URI', async () => {
    await expect(listenForCallback('https://example.com/callback', { timeoutMs: 1000 })).rejects.toThrow(/loopback/);
  });
  it('says so when the callback port is taken', async () => {
    const port = await freePort();
    const first = await listenForCallback(`http://127.0.0.1:${port}/callback`, { timeoutMs: 5000 });
    try {
      await expect(listenForCallback(`http://127.0.0.1:${port}/callback`, { timeoutMs: 5000 })).rejects.toThrow(
        `Port ${port} for the OAuth callback is in use`,
      );
    } finally {
      await first.close();
    }
  });
  it('answers other paths with 404 and resolves on the callback path; gives up on abort', async () => {
    const port = await freePort();
    const l = await listenForCallback(`http://127.0.0.1:${port}/callback`, { timeoutMs: 5000 });
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    const page = await fetch(`http://127.0.0.1:${port}/callback?code=c&state=s`);
    expect(await page.text()).toContain('Signed in');
    expect((await l.callback).searchParams.get('code')).toBe('c');
    await l.close();
    const ac = new AbortController();
    const l2 = await listenForCallback(`http://127.0.0.1:${port}/callback`, { timeoutMs: 5000, signal: ac.signal });
    ac.abort();
    await expect(l2.callback).rejects.toMatchObject({ name: 'AbortError' });
    await l2.close();
  });
});
