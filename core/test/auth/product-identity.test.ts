import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { configSchema } from '@atlassian-mcp/config';
import { AuthService } from '../../src/auth/auth-service.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { OAUTH_SESSION_KEY, type StoredOAuthSession } from '../../src/auth/oauth-session.js';
import { globalFetch } from '../../src/http/tokens.js';
import { captureLogger } from '../http/helpers.js';

// Sign-in and doctor ask each product the loaded plugins use who the credentials belong to, so a
// grant that covers one product only is a working sign-in.
describe('identity per product', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ listen: true });
  });
  afterAll(() => sb.close());

  async function oauthService(scopes: string[]) {
    const tokens = sb.oauth.issueTokens({ scopes });
    const store = new MemoryCredentialStore();
    const session: StoredOAuthSession = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
      scopes,
      cloudId: sb.credentials.cloudId,
      siteUrl: sb.url!,
      clientId: sb.credentials.oauth.clientId,
    };
    await store.set(OAUTH_SESSION_KEY, JSON.stringify(session));
    const config = configSchema.parse({
      site: { url: sb.url, apiGatewayUrl: sb.url, authUrl: sb.url },
      auth: { type: 'oauth', oauth: { clientId: sb.credentials.oauth.clientId } },
    });
    return new AuthService(
      config,
      captureLogger().logger,
      store,
      globalFetch,
      async () => undefined,
      () => undefined,
      { ATLASSIAN_CLIENT_SECRET: sb.credentials.oauth.clientSecret },
    );
  }

  const confluenceOnly = ['read:confluence-user', 'read:confluence-content.all', 'search:confluence', 'offline_access'];

  it('a Confluence-only grant is a working sign-in when the Confluence plugin is what is loaded', async () => {
    const auth = await oauthService(confluenceOnly);
    auth.setProducts(['confluence']);
    const status = await auth.status();
    expect(status).toMatchObject({ ok: true, user: { accountId: sb.credentials.accountId } });
    expect(status.reach).toEqual([{ product: 'confluence', ok: true }]);
    expect(sb.requests.at(-1)).toMatchObject({ route: '/wiki/rest/api/user/current', via: 'gateway' });
  });

  it('with Jira and Confluence loaded, reports which product the grant does not reach', async () => {
    const auth = await oauthService(confluenceOnly);
    auth.setProducts(['jira', 'confluence']);
    const status = await auth.status();
    expect(status.ok).toBe(true);
    expect(status.reach).toEqual([
      { product: 'jira', ok: false, problem: expect.any(String) },
      { product: 'confluence', ok: true },
    ]);
  });

  it('a Jira-only grant with only the Confluence plugin loaded is a problem, named', async () => {
    const auth = await oauthService(['read:jira-user', 'read:jira-work', 'offline_access']);
    auth.setProducts(['confluence']);
    const status = await auth.status();
    expect(status.ok).toBe(false);
    expect(status.problem).toBeDefined();
  });
});
