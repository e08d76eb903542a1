import { createHash, randomBytes } from 'node:crypto';
import { OAuthError, OAuthErrorCode, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import type { StateStore } from '../../state/state-store.js';
import { vaultKey } from '../token-vault.js';

/** What one of this server's tokens grants: a user, through one client, for one resource. */
export interface Grant {
  userId: string;
  /** Who, for audit records (Atlassian display name or account id). */
  label: string;
  clientId: string;
  /** Atlassian scopes the user granted (the tools' step-up challenges compare with these). */
  scopes: string[];
  /** The audience: the resource the token was issued for. */
  resource: string;
}

interface StoredToken extends Grant {
  /** Epoch seconds. */
  expiresAt: number;
}

/** The token response of the token endpoint. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

/** Tokens are kept by their SHA-256 only: the store never holds one a client could present. */
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
const mint = (kind: string) => `amcp_${kind}_${randomBytes(32).toString('base64url')}`;

/**
 * The server's own short-lived access tokens and rotating refresh tokens, bound to one user and
 * one audience. Opaque: each is looked up in the state store (so any replica verifies it, and a
 * revoked sign-in stops working at once). Atlassian's tokens never leave the vault.
 */
export class AccessTokens implements OAuthTokenVerifier {
  constructor(
    private readonly store: StateStore,
    private readonly accessTtlSeconds: number,
    private readonly refreshTtlSeconds: number,
  ) {}

  async issue(grant: Grant): Promise<TokenResponse> {
    const access = mint('at');
    const refresh = mint('rt');
    const now = Math.floor(Date.now() / 1000);
    await this.store.set(
      `oauth:at:${tokenHash(access)}`,
      JSON.stringify({ ...grant, expiresAt: now + this.accessTtlSeconds }),
      {
        ttlMs: this.accessTtlSeconds * 1000,
      },
    );
    await this.store.set(
      `oauth:rt:${tokenHash(refresh)}`,
      JSON.stringify({ ...grant, expiresAt: now + this.refreshTtlSeconds }),
      {
        ttlMs: this.refreshTtlSeconds * 1000,
      },
    );
    return {
      access_token: access,
      token_type: 'Bearer',
      expires_in: this.accessTtlSeconds,
      refresh_token: refresh,
      scope: grant.scopes.join(' '),
    };
  }

  /** Spends a refresh token (once: a second use finds nothing) and returns its grant. */
  async redeemRefreshToken(token: string): Promise<Grant | undefined> {
    const raw = await this.store.take(`oauth:rt:${tokenHash(token)}`);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredToken;
    return stored.expiresAt > Date.now() / 1000 ? stored : undefined;
  }

  /** The bearer check of every MCP request (the SDK then compares the audience and expiry). */
  async verifyAccessToken(token: string): Promise<AuthInfo> {
    const raw = await this.store.get(`oauth:at:${tokenHash(token)}`);
    if (!raw) throw new OAuthError(OAuthErrorCode.InvalidToken, 'Unknown or expired token');
    const stored = JSON.parse(raw) as StoredToken;
    // The user's Atlassian session is gone (refused refresh token): the client must sign in again.
    if ((await this.store.get(vaultKey(stored.userId))) === undefined)
      throw new OAuthError(OAuthErrorCode.InvalidToken, 'The Atlassian sign-in behind this token has ended');
    return {
      token,
      clientId: stored.clientId,
      scopes: stored.scopes,
      expiresAt: stored.expiresAt,
      resource: new URL(stored.resource),
      extra: { userId: stored.userId, label: stored.label },
    };
  }
}
