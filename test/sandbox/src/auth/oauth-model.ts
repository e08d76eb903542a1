// The OAuth server's registration, options and grant records.

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /**
   * Allowed callback URLs. `'loopback'` (the default) accepts the registered `redirectUri`
   * and any `http://localhost:*` / `http://127.0.0.1:*` URL, so tests can use an ephemeral port.
   */
  redirectUris: string[] | 'loopback';
  redirectUri: string;
}

export interface OAuthOptions {
  client: OAuthClient;
  /** Lifetime of access tokens (`expires_in`), seconds. */
  accessTokenTtl: number;
  /** `revoke-family` (Atlassian: reusing a rotated token kills the whole chain) or `reject` (only that token). */
  refreshReuse: 'revoke-family' | 'reject';
  /**
   * Seconds after its rotation during which a rotated refresh token is still accepted (Atlassian:
   * about 10 minutes, so a client that lost the answer can retry). 0 refuses any reuse.
   */
  refreshReuseLeewaySeconds: number;
  now: () => number;
  cloudId: string;
  siteName: string;
  siteUrl: () => string;
  /** Account that consents when `/authorize` carries no `login_hint`. */
  defaultAccountId: () => string;
  accountIdForEmail: (email: string) => string | undefined;
}

export interface CodeGrant {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  accountId: string;
  challenge?: string;
  challengeMethod?: string;
  expiresAt: number;
}

export interface AccessGrant {
  accountId: string;
  scopes: Set<string>;
  clientId: string;
  expiresAt: number;
}

export interface RefreshGrant {
  family: string;
  accountId: string;
  scopes: string[];
  clientId: string;
  state: 'active' | 'rotated' | 'revoked';
  /** When it was rotated (ms), for the reuse leeway. */
  rotatedAt?: number;
}
