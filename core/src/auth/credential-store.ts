/** Where credentials are kept; `doctor` reports it. */
export type CredentialStoreKind = 'keychain' | 'file' | 'memory';

/**
 * A small key → secret store. Values are opaque strings (JSON for token sets). Implementations
 * must make each `set` atomic: a crash never leaves a half-written refresh token.
 */
export interface CredentialStore {
  /** Resolves which store is in use (the auto store probes the keychain on first use). */
  kind(): Promise<CredentialStoreKind>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** One line for `doctor`, e.g. "OS keychain (Secret Service)" or "file ~/.config/atlassian-mcp/credentials.json (0600)". */
  describe(): Promise<string>;
}

/** Keeps credentials in memory only (tests, `auth.store: memory`). */
export class MemoryCredentialStore implements CredentialStore {
  private readonly values = new Map<string, string>();
  /** Every value ever written, in order (tests check rotations). */
  readonly writes: Array<{ key: string; value: string | undefined }> = [];

  async kind(): Promise<CredentialStoreKind> {
    return 'memory';
  }
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.writes.push({ key, value });
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.writes.push({ key, value: undefined });
  }
  async describe(): Promise<string> {
    return 'in memory (not persisted)';
  }
}
