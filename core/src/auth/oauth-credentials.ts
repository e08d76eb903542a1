import { AuthenticationError } from '../plugin-api/errors.js';
import type { Product } from '../http/types.js';
import type { RequestAuthorization } from '../http/request-auth.js';
import { productDefinition } from '../http/products.js';
import type { AuthSettings } from './auth-settings.js';
import type { OAuthSession } from './oauth-session.js';

const OAUTH_PREFIX = 'oauth#';

/** Neither an API token nor a stored OAuth session: how to sign in. */
export function notSignedIn(): AuthenticationError {
  return new AuthenticationError('Not signed in to Atlassian', {
    hint: 'Run `atlassian-mcp login` or call the authenticate_atlassian tool; or set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN.',
  });
}

/**
 * OAuth 2.0 (3LO): a bearer token of the stored session, sent to the API gateway with the
 * session's cloud id. Each session generation is its own credential id, so a 401 refreshes the
 * session it was sent with, once.
 */
export class OAuthCredentials {
  constructor(
    private readonly settings: AuthSettings,
    private readonly session: OAuthSession,
  ) {}

  async authorize(product: Product): Promise<RequestAuthorization> {
    const current = await this.session.current();
    if (!current) throw notSignedIn();
    const { session, generation } = current;
    if (this.settings.siteUrl && !sameOrigin(this.settings.siteUrl, session.siteUrl)) {
      throw new AuthenticationError(
        `Signed in to ${session.siteUrl}, but the configured site is ${this.settings.siteUrl}`,
        { hint: 'Run `atlassian-mcp login` again for the configured site, or fix ATLASSIAN_SITE_URL.' },
      );
    }
    return {
      baseUrl: productDefinition(product).gateway(
        { siteUrl: session.siteUrl, gatewayUrl: this.settings.gatewayUrl },
        session.cloudId,
      ),
      headers: { Authorization: `Bearer ${session.accessToken}` },
      siteKey: session.cloudId,
      credentialId: `${OAUTH_PREFIX}${generation}`,
    };
  }

  /** A 401 with an OAuth credential: refresh its session (false for any other credential). */
  async onUnauthorized(credentialId: string): Promise<boolean> {
    if (!credentialId.startsWith(OAUTH_PREFIX)) return false;
    return this.session.onUnauthorized(Number(credentialId.slice(OAUTH_PREFIX.length)));
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin.toLowerCase() === new URL(b).origin.toLowerCase();
  } catch {
    return a === b;
  }
}
