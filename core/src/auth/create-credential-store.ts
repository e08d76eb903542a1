import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Logger } from '../logging/logger.js';
import { MemoryCredentialStore, type CredentialStore, type CredentialStoreKind } from './credential-store.js';
import { defaultConfigDir, FileCredentialStore } from './file-credential-store.js';
import { KeychainCredentialStore } from './keychain-credential-store.js';

/**
 * The keychain when it works, else the 0600 file. Decided once, on first use, so start-up never
 * waits on D-Bus and `doctor` can say which one was picked.
 */
export class AutoCredentialStore implements CredentialStore {
  private chosen: Promise<CredentialStore> | undefined;

  constructor(
    private readonly keychain: KeychainCredentialStore,
    private readonly file: FileCredentialStore,
    private readonly logger?: Logger,
  ) {}

  async kind(): Promise<CredentialStoreKind> {
    return (await this.store()).kind();
  }
  async get(key: string): Promise<string | undefined> {
    return (await this.store()).get(key);
  }
  async set(key: string, value: string): Promise<void> {
    return (await this.store()).set(key, value);
  }
  async delete(key: string): Promise<void> {
    return (await this.store()).delete(key);
  }
  async describe(): Promise<string> {
    const store = await this.store();
    const text = await store.describe();
    return store === this.file ? `${text} — the OS keychain is not available` : text;
  }

  private store(): Promise<CredentialStore> {
    return (this.chosen ??= this.keychain.probe().then(
      () => this.keychain,
      (e: unknown) => {
        this.logger?.info(
          { reason: e instanceof Error ? e.message : String(e) },
          'OS keychain unavailable; using the 0600 credential file',
        );
        return this.file;
      },
    ));
  }
}

/** Builds the credential store the config asks for (`auth.store`, `auth.storeDir`). */
export function createCredentialStore(
  auth: AtlassianMcpConfig['auth'],
  logger?: Logger,
  env: NodeJS.ProcessEnv = process.env,
): CredentialStore {
  const file = () => new FileCredentialStore(auth.storeDir ?? defaultConfigDir(env));
  switch (auth.store) {
    case 'memory':
      return new MemoryCredentialStore();
    case 'file':
      return file();
    case 'keychain':
      return new KeychainCredentialStore();
    default:
      return new AutoCredentialStore(new KeychainCredentialStore(), file(), logger);
  }
}
