import type { AsyncEntry as AsyncEntryType } from '@napi-rs/keyring';
import type { CredentialStore, CredentialStoreKind } from './credential-store.js';

const SERVICE = 'atlassian-mcp';

/**
 * The OS keychain via `@napi-rs/keyring`: macOS Keychain, Windows Credential Manager, and on
 * Linux the Secret Service — pinned, because the library's silent fallback to the kernel keyring
 * loses tokens on reboot.
 */
export class KeychainCredentialStore implements CredentialStore {
  private entryCtor: typeof AsyncEntryType | undefined;

  async kind(): Promise<CredentialStoreKind> {
    return 'keychain';
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.entry(key).getPassword()) ?? undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.entry(key).setPassword(value);
  }

  async delete(key: string): Promise<void> {
    await this.entry(key).deleteCredential();
  }

  async describe(): Promise<string> {
    return process.platform === 'linux' ? 'OS keychain (Secret Service)' : 'OS keychain';
  }

  /** Throws when the keychain cannot be used (no D-Bus session, locked collection …). */
  async probe(): Promise<void> {
    await this.entry('probe').getPassword();
  }

  private entry(key: string): AsyncEntryType {
    // Loaded lazily: the native module is only needed when the keychain is actually used.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.entryCtor ??= (require('@napi-rs/keyring') as typeof import('@napi-rs/keyring')).AsyncEntry;
    return new this.entryCtor(SERVICE, key, { linux: { store: 'secret-service' } });
  }
}
