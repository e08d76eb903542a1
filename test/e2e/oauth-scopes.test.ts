import { createTestHarness } from '@atlassian-mcp/core/testing';
import { MemoryCredentialStore, OAUTH_SESSION_KEY, type StoredOAuthSession } from '@atlassian-mcp/core/host';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// An OAuth session granted only some scopes: tools needing others are not offered, and a call
// that still meets "scope does not match" says which scope to add.
describe('OAuth scopes decide what is offered', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
  });
  afterAll(() => sandbox.close());

  /** A stored session whose token Atlassian granted `scopes`; the session may claim more (`claimed`). */
  async function signedIn(scopes: string[], claimed = scopes) {
    const tokens = sandbox.oauth.issueTokens({ scopes });
    const store = new MemoryCredentialStore();
    const session: StoredOAuthSession = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
      scopes: claimed,
      cloudId: sandbox.credentials.cloudId,
      siteUrl: sandbox.url!,
      clientId: sandbox.credentials.oauth.clientId,
    };
    await store.set(OAUTH_SESSION_KEY, JSON.stringify(session));
    return createTestHarness({
      plugins: [jiraPlugin],
      services: { credentialStore: store, env: { ATLASSIAN_CLIENT_SECRET: sandbox.credentials.oauth.clientSecret } },
      config: {
        site: { url: sandbox.url, apiGatewayUrl: sandbox.url, authUrl: sandbox.url },
        auth: { type: 'oauth', oauth: { clientId: sandbox.credentials.oauth.clientId } },
      },
    });
  }

  it('offers read tools only when only read scopes were granted, and the read tools work through the gateway', async () => {
    const h = await signedIn(['read:jira-work', 'read:jira-user', 'offline_access']);
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['jira_get_issue', 'jira_search', 'authenticate_atlassian']));
    expect(names).not.toContain('jira_create_issue');
    expect(names).not.toContain('jira_add_worklog');
    const r = await h.call('jira_get_issue', { issueKey: 'NOVA-1' });
    expect(r.isError).toBe(false);
    expect(sandbox.requests.at(-1)).toMatchObject({ via: 'gateway', auth: 'bearer' });
    await h.close();
  });

  it('names the scope to add when Atlassian answers "scope does not match"', async () => {
    // The session says write access was granted; the token Atlassian knows was only granted read.
    const h = await signedIn(
      ['read:jira-work', 'read:jira-user'],
      ['read:jira-work', 'read:jira-user', 'write:jira-work', 'offline_access'],
    );
    const r = await h.call('jira_add_comment', { issueKey: 'NOVA-1', body: 'hello' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/Error \(authentication\)/);
    expect(r.text).toMatch(/write:jira-work/);
    await h.close();
  });
});
