import { createServer } from 'node:net';
import { configSchema, type AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Sandbox } from '@atlassian-mcp/sandbox';
import type { BrowserOpener } from '../../src/auth/tokens.js';

/** A free loopback port for the OAuth callback. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Config for OAuth against the sandbox: site, gateway and auth server all on its loopback URL. */
export function sandboxOAuthConfig(
  sb: Sandbox,
  redirectUri: string,
  extra: Record<string, unknown> = {},
): AtlassianMcpConfig {
  return configSchema.parse({
    site: { url: sb.url, apiGatewayUrl: sb.url, authUrl: sb.url },
    auth: { type: 'oauth', oauth: { clientId: sb.credentials.oauth.clientId, redirectUri } },
    rateLimit: { concurrency: 6, maxRetries: 4, baseDelayMs: 20, maxDelayMs: 200, maxWaitMs: 20_000 },
    ...extra,
  });
}

/** Plays the user in the browser: follows the auto-consenting authorize page back to the callback. */
export const consentingBrowser: BrowserOpener = async (url) => {
  const consent = await fetch(url, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (!location) throw new Error(`authorize did not redirect (HTTP ${consent.status})`);
  await (await fetch(location)).text();
};
