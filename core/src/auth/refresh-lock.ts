import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Serializes token refreshes across processes that share one credential store. */
export interface RefreshLock {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** No cross-process lock (in-memory stores: nothing is shared). */
export const noRefreshLock: RefreshLock = { run: (fn) => fn() };

const POLL_MS = 50;

/**
 * A lock file (`open(..., 'wx')`) next to the credentials: two servers sharing a session never
 * refresh with the same token at once. A lock older than `staleMs` (a crashed holder) is taken
 * over; waiting longer than `waitMs` goes ahead without it rather than blocking a tool call.
 */
export class FileRefreshLock implements RefreshLock {
  readonly file: string;

  constructor(
    dir: string,
    private readonly staleMs = 30_000,
    private readonly waitMs = 15_000,
  ) {
    this.file = join(dir, 'refresh.lock');
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const held = await this.acquire();
    try {
      return await fn();
    } finally {
      if (held) await rm(this.file, { force: true });
    }
  }

  private async acquire(): Promise<boolean> {
    const dir = join(this.file, '..');
    await mkdir(dir, { recursive: true, mode: 0o700 }).catch(() => undefined);
    const until = Date.now() + this.waitMs;
    for (;;) {
      try {
        const handle = await open(this.file, 'wx', 0o600);
        await handle.writeFile(String(process.pid));
        await handle.close();
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return false;
      }
      const age = await stat(this.file).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > this.staleMs) await rm(this.file, { force: true });
      else if (Date.now() > until) return false;
      else await sleep(POLL_MS);
    }
  }
}
