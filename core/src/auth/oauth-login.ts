import { AuthenticationError } from '../plugin-api/errors.js';
import type { Logger } from '../logging/logger.js';
import type { FetchLike } from '../http/types.js';
import { OAuthClient } from './oauth-client.js';
import { listenForCallback } from './oauth-callback-server.js';
import { chooseResource, fetchAccessibleResources } from './site-resolver.js';
import type { StoredOAuthSession } from './oauth-session.js';
import type { AuthSettings } from './auth-settings.js';
import type { BrowserOpener, NoticeWriter } from './tokens.js';

/** Options of an interactive OAuth login. */
export interface LoginOptions {
  /** Scopes to request instead of the configured / required ones (`offline_access` is always added). */
  scopes?: string[];
  /** Cancels the wait for the browser. */
  signal?: AbortSignal;
  /** How long to wait for the browser (default 5 minutes). */
  timeoutMs?: number;
  /** Also receives the sign-in URL (e.g. an MCP progress message); it is always printed to stderr too. */
  notify?: (message: string) => void;
  /** Skip opening the browser (the URL is still printed). */
  noBrowser?: boolean;
}

/** Everything the login flow needs from its caller. */
export interface LoginDeps {
  settings: AuthSettings;
  fetch: FetchLike;
  openBrowser: BrowserOpener;
  notice: NoticeWriter;
  logger: Logger;
}

/** The scopes a login requests: configured (`auth.oauth.scopes`), else explicit, else the enabled tools' — plus `offline_access`. */
export function loginScopes(settings: AuthSettings, required: string[], explicit?: string[]): string[] {
  const base = settings.configuredScopes ?? explicit ?? required;
  return [...new Set([...base, 'offline_access'])];
}

/** Requires the OAuth client id and secret, explaining where they come from. */
export function requireOAuthClient(settings: AuthSettings, fetchFn: FetchLike): OAuthClient {
  if (!settings.clientId || !settings.clientSecret) {
    throw new AuthenticationError('OAuth is not configured: the client id or secret is missing', {
      hint: `Set ATLASSIAN_CLIENT_ID and ${settings.clientSecretVar} from your app at https://developer.atlassian.com/console/myapps/ (callback ${settings.redirectUri}), or use ATLASSIAN_EMAIL + ATLASSIAN_API_TOKEN instead.`,
    });
  }
  return new OAuthClient({
    authUrl: settings.authUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri: settings.redirectUri,
    fetch: fetchFn,
    timeoutMs: settings.tokenTimeoutMs,
  });
}

/**
 * The OAuth 2.0 (3LO) authorization-code flow: PKCE S256 + state, a loopback callback server on
 * the redirect URI, browser opened and the URL printed to stderr, code exchanged for tokens, and
 * the site chosen from `accessible-resources`. Returns the session to persist.
 */
export async function runOAuthLogin(
  deps: LoginDeps,
  scopes: string[],
  options: LoginOptions = {},
): Promise<StoredOAuthSession> {
  const { settings } = deps;
  const client = requireOAuthClient(settings, deps.fetch);
  const secrets = await OAuthClient.newLoginSecrets();
  const listener = await listenForCallback(settings.redirectUri, {
    timeoutMs: options.timeoutMs ?? 5 * 60_000,
    signal: options.signal,
  });
  let callbackUrl: URL;
  try {
    const url = client.authorizationUrl({ state: secrets.state, codeChallenge: secrets.codeChallenge, scopes });
    const wait = Math.round((options.timeoutMs ?? 5 * 60_000) / 60_000);
    const message =
      `To sign in to Atlassian, open this URL in a browser:\n  ${url}\n` +
      `Waiting for the browser to come back to ${settings.redirectUri} (up to ${wait} min; Ctrl-C cancels).`;
    deps.notice(message);
    options.notify?.(message);
    if (!options.noBrowser) {
      deps
        .openBrowser(url)
        .catch((e: unknown) =>
          deps.logger.debug({ reason: e instanceof Error ? e.message : String(e) }, 'could not open a browser'),
        );
    }
    callbackUrl = await listener.callback;
  } finally {
    await listener.close();
  }
  const tokens = await client.exchangeCode(callbackUrl, secrets.state, secrets.codeVerifier);
  const resources = await fetchAccessibleResources(settings.gatewayUrl, tokens.accessToken, deps.fetch, options.signal);
  const site = chooseResource(resources, { siteUrl: settings.siteUrl, cloudId: settings.cloudId });
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    issuedAt: tokens.issuedAt,
    scopes: tokens.scopes.length ? tokens.scopes : site.scopes,
    cloudId: site.id,
    siteUrl: site.url,
    siteName: site.name,
    clientId: settings.clientId!,
  };
}
