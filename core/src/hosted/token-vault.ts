import type { Logger } from '../logging/logger.js';
import type { CredentialStore, CredentialStoreKind } from '../auth/credential-store.js';
import { OAUTH_SESSION_KEY, type StoredOAuthSession } from '../auth/oauth-session.js';
import type { RefreshLock } from '../auth/refresh-lock.js';
import { UpstreamError } from '../plugin-api/errors.js';
import type { StateStore } from '../state/state-store.js';
import type { VaultCipher } from './vault-cipher.js';

/** The state-store key of a user's sealed Atlassian session. */
export const vaultKey = (userId: string): string => `vault:${userId}`;

/** What the vault keeps per user: the Atlassian session (tokens rotate) and who it belongs to. */
export interface VaultRecord extends StoredOAuthSession {
  accountId: string;
  displayName?: string;
}

/**
 * The per-user token vault: Atlassian sessions sealed with AES-GCM (the plaintext never reaches
 * the store), bound to their user. Writes after a refresh are compare-and-set against the value
 * this replica last saw, so a rotation never overwrites another replica's newer one.
 */
export class TokenVault {
  constructor(
    readonly store: StateStore,
    private readonly cipher: VaultCipher,
    private readonly logger: Logger,
  ) {}

  /** The sealed value as stored (compared to tell whether another replica wrote). */
  sealed(userId: string): Promise<string | undefined> {
    return this.store.get(vaultKey(userId));
  }

  /** Stores a new sign-in (replacing any earlier session of the user). */
  async save(userId: string, record: VaultRecord): Promise<void> {
    await this.store.set(vaultKey(userId), this.seal(userId, record));
  }

  /** Forgets a user's session. */
  async forget(userId: string): Promise<void> {
    await this.store.delete(vaultKey(userId));
  }

  open(userId: string, sealed: string): { record: VaultRecord; stale: boolean } {
    const { plaintext, stale } = this.cipher.decrypt(sealed, vaultKey(userId));
    return { record: JSON.parse(plaintext) as VaultRecord, stale };
  }

  seal(userId: string, record: VaultRecord): string {
    return this.cipher.encrypt(JSON.stringify(record), vaultKey(userId));
  }

  /** One user's slot as the credential store an {@link OAuthSession} persists into. */
  slot(userId: string): VaultSlot {
    return new VaultSlot(this, userId, this.logger);
  }

  /** A refresh lock per user across replicas. */
  lock(userId: string): RefreshLock {
    return new StoreRefreshLock(this.store, `lock:refresh:${userId}`);
  }
}

/**
 * One user's vault record seen through the `CredentialStore` interface core's OAuth session
 * uses. Only the session key is kept; `seen` is the sealed value last read or written here.
 */
export class VaultSlot implements CredentialStore {
  seen: string | undefined;
  private identity: { accountId: string; displayName?: string } | undefined;

  constructor(
    private readonly vault: TokenVault,
    private readonly userId: string,
    private readonly logger: Logger,
  ) {}

  async kind(): Promise<CredentialStoreKind> {
    return 'memory';
  }

  async describe(): Promise<string> {
    return `token vault (${this.vault.store.kind}, AES-256-GCM)`;
  }

  async get(key: string): Promise<string | undefined> {
    if (key !== OAUTH_SESSION_KEY) return undefined;
    const sealed = await this.vault.sealed(this.userId);
    this.seen = sealed;
    if (sealed === undefined) return undefined;
    const { record, stale } = this.vault.open(this.userId, sealed);
    this.identity = { accountId: record.accountId, displayName: record.displayName };
    // Key rotation: a record sealed with an older key is sealed again with the current one.
    if (stale) await this.write(record).catch(() => undefined);
    return JSON.stringify(record);
  }

  async set(key: string, value: string): Promise<void> {
    if (key !== OAUTH_SESSION_KEY) return;
    await this.write({ ...(JSON.parse(value) as StoredOAuthSession), ...this.identity } as VaultRecord);
  }

  async delete(key: string): Promise<void> {
    if (key !== OAUTH_SESSION_KEY) return;
    // Only the session this replica saw: a newer sign-in stored meanwhile stays.
    if (await this.vault.store.compareAndSet(vaultKey(this.userId), this.seen, undefined)) this.seen = undefined;
  }

  private async write(record: VaultRecord): Promise<void> {
    const sealed = this.vault.seal(this.userId, record);
    if (await this.vault.store.compareAndSet(vaultKey(this.userId), this.seen, sealed)) {
      this.seen = sealed;
      return;
    }
    // Another replica wrote first (its rotation or a new sign-in): keep theirs; ours is adopted
    // from the store on the next refresh.
    this.logger.info('another replica updated this user’s Atlassian session first; keeping its copy');
  }
}

const LOCK_TTL_MS = 60_000;
const LOCK_WAIT_MS = 30_000;
const POLL_MS = 25;

/**
 * The single flight of a user's refresh across replicas: a lock key taken with set-if-absent
 * (lapsing after a minute if its holder dies) and released with compare-and-delete. A caller that
 * cannot get it in time fails rather than refreshing without it: a rotated refresh token is never
 * sent twice.
 */
export class StoreRefreshLock implements RefreshLock {
  constructor(
    private readonly store: StateStore,
    private readonly key: string,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const token = `${process.pid}:${Math.random().toString(36).slice(2)}`;
    const until = Date.now() + LOCK_WAIT_MS;
    while (!(await this.store.set(this.key, token, { onlyIfAbsent: true, ttlMs: LOCK_TTL_MS }))) {
      if (Date.now() > until)
        throw new UpstreamError('Another server replica has been refreshing the Atlassian session for too long', {
          hint: 'Retry in a moment.',
        });
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    try {
      return await fn();
    } finally {
      await this.store.compareAndSet(this.key, token, undefined).catch(() => undefined);
    }
  }
}
