import type { CredentialStore } from './credential-store.js';

/** Credential-store key of the OAuth client secret saved at login. */
export const CLIENT_SECRET_KEY = 'oauth-client';

/**
 * The OAuth client secret: from the environment, else the one kept with the tokens at login (so a
 * server started without ATLASSIAN_CLIENT_SECRET can still refresh), for the same client id only.
 */
export class OAuthClientSecret {
  constructor(
    private readonly store: CredentialStore,
    private readonly fromEnv: string | undefined,
  ) {}

  async get(clientId: string | undefined): Promise<string | undefined> {
    if (this.fromEnv) return this.fromEnv;
    const stored = await this.store.get(CLIENT_SECRET_KEY).catch(() => undefined);
    if (!stored || !clientId) return undefined;
    try {
      const parsed = JSON.parse(stored) as { clientId?: string; clientSecret?: string };
      return parsed.clientId === clientId ? parsed.clientSecret : undefined;
    } catch {
      return undefined;
    }
  }

  /** Kept with the tokens of a login. */
  async save(clientId: string, clientSecret: string | undefined): Promise<void> {
    await this.store.set(CLIENT_SECRET_KEY, JSON.stringify({ clientId, clientSecret }));
  }

  /** Goes with the session it was kept for (logout, a revoked session). */
  async forget(): Promise<void> {
    await this.store.delete(CLIENT_SECRET_KEY);
  }
}
