import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import { MemoryCredentialStore, OAUTH_SESSION_KEY, type StoredOAuthSession } from '@atlassian-mcp/core/host';
import type { AtlassianMcpPlugin } from '@atlassian-mcp/core';
import type { AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import type { Sandbox } from '@atlassian-mcp/sandbox';

export interface OAuthHarnessOptions {
  plugins: AtlassianMcpPlugin[];
  /** What the sandbox's authorization server granted the token. */
  granted: string[];
  /** What the stored session says was granted (default: `granted`); more than granted tests a stale session. */
  claimed?: string[];
  /** Further config (toolsets, allowDestructive…) beside the sandbox's site and OAuth app. */
  config?: Omit<AtlassianMcpConfigInput, 'site' | 'auth'>;
}

/**
 * A real MCP client over a host signed in with OAuth 2.0 (3LO) to the sandbox: a stored session
 * holding a token the sandbox issued for exactly `granted`, as `atlassian-mcp login` leaves it.
 */
export async function oauthHarness(sandbox: Sandbox, options: OAuthHarnessOptions): Promise<TestHarness> {
  const { oauth, cloudId } = sandbox.credentials;
  const tokens = sandbox.oauth.issueTokens({ scopes: options.granted });
  const session: StoredOAuthSession = {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    scopes: options.claimed ?? options.granted,
    cloudId,
    siteUrl: sandbox.url!,
    clientId: oauth.clientId,
  };
  const store = new MemoryCredentialStore();
  await store.set(OAUTH_SESSION_KEY, JSON.stringify(session));
  return createTestHarness({
    plugins: options.plugins,
    services: { credentialStore: store, env: { ATLASSIAN_CLIENT_SECRET: oauth.clientSecret } },
    config: {
      site: { url: sandbox.url, apiGatewayUrl: sandbox.url, authUrl: sandbox.url },
      auth: { type: 'oauth', oauth: { clientId: oauth.clientId } },
      ...options.config,
    },
  });
}
