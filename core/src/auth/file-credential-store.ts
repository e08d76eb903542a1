import { chmod, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { CredentialStore, CredentialStoreKind } from './credential-store.js';

/** The per-user config directory (XDG on Linux, Library/Preferences on macOS, APPDATA on Windows). */
export function defaultConfigDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'atlassian-mcp');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Preferences', 'atlassian-mcp');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'atlassian-mcp');
}

/**
 * Credentials in one JSON file, mode 0600 in a 0700 directory, replaced atomically on every write
 * (write-file-atomic: temp file, fsync, rename). Writes are serialized within the process.
 */
export class FileCredentialStore implements CredentialStore {
  readonly file: string;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    this.file = join(dir, 'credentials.json');
  }

  async kind(): Promise<CredentialStoreKind> {
    return 'file';
  }

  async get(key: string): Promise<string | undefined> {
    await this.chain;
    return (await this.readAll())[key];
  }

  set(key: string, value: string): Promise<void> {
    return this.update((all) => {
      all[key] = value;
    });
  }

  delete(key: string): Promise<void> {
    return this.update((all) => {
      delete all[key];
    });
  }

  async describe(): Promise<string> {
    return `file ${this.file} (mode 0600)`;
  }

  private update(change: (all: Record<string, string>) => void): Promise<void> {
    const next = this.chain.then(async () => {
      const all = await this.readAll();
      change(all);
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, JSON.stringify(all), { mode: 0o600 });
      // write-file-atomic keeps an existing file's mode; force 0600 in case it was loosened.
      await chmod(this.file, 0o600);
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async readAll(): Promise<Record<string, string>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
    } catch {
      throw new Error(`The credential file ${this.file} is corrupt; delete it and run \`atlassian-mcp login\` again.`);
    }
  }
}
