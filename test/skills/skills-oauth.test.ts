import { createTestHarness } from '@atlassian-mcp/core/testing';
import { MemoryCredentialStore, OAUTH_SESSION_KEY, type StoredOAuthSession } from '@atlassian-mcp/core/host';
import { SkillsClient } from '@modelcontextprotocol/client/ext/skills';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// With OAuth a skill is offered once the scopes of every tool it needs are granted, and the client
// is told when that changes (sign-out hides them again without a restart).
describe('skills follow what the OAuth grant offers', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ listen: true });
  });
  afterAll(() => sandbox.close());

  it('offers the read-only skills on a read grant, and hides them after sign-out with prompts/list_changed', async () => {
    const tokens = sandbox.oauth.issueTokens({ scopes: ['read:jira-work', 'read:jira-user', 'offline_access'] });
    const store = new MemoryCredentialStore();
    const session: StoredOAuthSession = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
      scopes: ['read:jira-work', 'read:jira-user', 'offline_access'],
      cloudId: sandbox.credentials.cloudId,
      siteUrl: sandbox.url!,
      clientId: sandbox.credentials.oauth.clientId,
    };
    await store.set(OAUTH_SESSION_KEY, JSON.stringify(session));
    const h = await createTestHarness({
      plugins: [jiraPlugin],
      services: { credentialStore: store, env: { ATLASSIAN_CLIENT_SECRET: sandbox.credentials.oauth.clientSecret } },
      config: {
        site: { url: sandbox.url, apiGatewayUrl: sandbox.url, authUrl: sandbox.url },
        auth: { type: 'oauth', oauth: { clientId: sandbox.credentials.oauth.clientId } },
      },
    });
    try {
      let changes = 0;
      let changed: () => void = () => {};
      h.client.setNotificationHandler('notifications/prompts/list_changed', () => {
        changes++;
        changed();
      });
      const names = async () => (await h.client.listPrompts()).prompts.map((p) => p.name);
      const offered = await names();
      expect(offered).toEqual(expect.arrayContaining(['standup', 'status-report']));
      expect(offered).not.toContain('log-work');
      expect(offered).not.toContain('triage-issue');
      expect((await new SkillsClient(h.client).list()).skills.map((s) => s.frontmatter.name)).not.toContain('log-work');

      const before = changes;
      const hidden = new Promise<void>((resolve) => (changed = resolve));
      await h.host.auth().logout();
      await hidden;
      expect(changes).toBe(before + 1);
      expect((await names()).filter((n) => ['standup', 'status-report', 'log-work'].includes(n))).toEqual([]);
      expect((await new SkillsClient(h.client).list()).skills).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
