import { mkdtemp, readFile, readdir, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCredentialStore, defaultConfigDir } from '../../src/auth/file-credential-store.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { AutoCredentialStore, createCredentialStore } from '../../src/auth/create-credential-store.js';
import { KeychainCredentialStore } from '../../src/auth/keychain-credential-store.js';
import { configSchema } from '@atlassian-mcp/config';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'amcp-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileCredentialStore', () => {
  it('stores, reads and deletes values in a 0600 file inside a 0700 directory', async () => {
    const store = new FileCredentialStore(join(dir, 'nested'));
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', 'v1');
    await store.set('other', 'v2');
    expect(await store.get('k')).toBe('v1');
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    await store.delete('k');
    expect(await store.get('k')).toBeUndefined();
    expect(await store.get('other')).toBe('v2');
    expect(await store.kind()).toBe('file');
    expect(await store.describe()).toContain(store.file);
  });

  it('tightens a loosened file back to 0600 on write', async () => {
    const store = new FileCredentialStore(dir);
    await store.set('k', 'v');
    await chmod(store.file, 0o644);
    await store.set('k', 'v2');
    expect((await stat(store.file)).mode & 0o777).toBe(0o600);
  });

  it('serializes concurrent writes: none is lost, no temp files are left', async () => {
    const store = new FileCredentialStore(dir);
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    const all = JSON.parse(await readFile(store.file, 'utf8')) as Record<string, string>;
    expect(Object.keys(all)).toHaveLength(25);
    expect(await readdir(dir)).toEqual(['credentials.json']);
  });

  it('explains a corrupt file instead of silently dropping credentials', async () => {
    const store = new FileCredentialStore(dir);
    await writeFile(store.file, '{not json', { mode: 0o600 });
    await expect(store.get('k')).rejects.toThrow(/corrupt.*atlassian-mcp login/);
  });

  it('lives in the per-user config directory by default', () => {
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/atlassian-mcp');
    expect(defaultConfigDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('atlassian-mcp');
  });
});

class BrokenKeychain extends KeychainCredentialStore {
  override async probe(): Promise<void> {
    throw new Error('DBus error: no session bus');
  }
}
class WorkingKeychain extends KeychainCredentialStore {
  readonly values = new Map<string, string>();
  override async probe(): Promise<void> {}
  override async get(key: string) {
    return this.values.get(key);
  }
  override async set(key: string, value: string) {
    this.values.set(key, value);
  }
}

describe('AutoCredentialStore', () => {
  it('falls back to the 0600 file when the keychain is unavailable, and says so', async () => {
    const file = new FileCredentialStore(dir);
    const store = new AutoCredentialStore(new BrokenKeychain(), file);
    await store.set('k', 'v');
    expect(await file.get('k')).toBe('v');
    expect(await store.kind()).toBe('file');
    expect(await store.describe()).toMatch(/mode 0600.*keychain is not available/);
  });

  it('uses the keychain when it works', async () => {
    const keychain = new WorkingKeychain();
    const store = new AutoCredentialStore(keychain, new FileCredentialStore(dir));
    await store.set('k', 'v');
    expect(keychain.values.get('k')).toBe('v');
    expect(await store.kind()).toBe('keychain');
  });
});

describe('createCredentialStore', () => {
  const auth = (store: string) => configSchema.parse({ auth: { store, storeDir: dir } }).auth;
  it('builds the store the config names', async () => {
    expect(await createCredentialStore(auth('memory')).kind()).toBe('memory');
    expect(await createCredentialStore(auth('file')).kind()).toBe('file');
    expect(createCredentialStore(auth('keychain'))).toBeInstanceOf(KeychainCredentialStore);
    expect(createCredentialStore(auth('auto'))).toBeInstanceOf(AutoCredentialStore);
  });
  it('memory store records writes for rotation checks', async () => {
    const m = new MemoryCredentialStore();
    await m.set('a', '1');
    await m.delete('a');
    expect(m.writes).toEqual([
      { key: 'a', value: '1' },
      { key: 'a', value: undefined },
    ]);
  });
});
