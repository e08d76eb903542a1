import type { RedisClientType } from 'redis';
import type { Logger } from '../logging/logger.js';
import { StateUnavailableError, type SetOptions, type Spacing, type StateStore } from './state-store.js';
import { ACQUIRE_LEASE, COMPARE_AND_SET, COUNT_LEASES, RAISE, RENEW_LEASE, RESERVE_AT } from './redis-scripts.js';

/** Options of {@link RedisStateStore.connect}. */
export interface RedisStateStoreOptions {
  /** `redis://[user:password@]host:port[/db]` (or `rediss://`). */
  url: string;
  /** Prepended to every key, so several deployments can share one Redis. */
  prefix?: string;
  logger: Logger;
  /** A command waiting longer than this to be sent fails (default 2000 ms). */
  commandTimeoutMs?: number;
}

/** Longest pause between reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * The store for several replicas: node-redis with the offline queue off, so while Redis is away
 * every operation fails at once with {@link StateUnavailableError} instead of queueing — a tool
 * call then fails before anything is sent to Atlassian — and the client reconnects by itself.
 */
export class RedisStateStore implements StateStore {
  readonly kind = 'redis' as const;

  private constructor(
    private readonly client: RedisClientType,
    private readonly prefix: string,
  ) {}

  /** Creates the client and starts connecting; never throws for an unreachable server (readiness says so). */
  static connect(options: RedisStateStoreOptions): RedisStateStore {
    // Loaded only in hosted mode: the stdio server never pays for the client.
    const { createClient } = require('redis') as typeof import('redis');
    const client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: options.commandTimeoutMs ?? 2000 },
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 6), MAX_RECONNECT_DELAY_MS),
      },
    }) as unknown as RedisClientType;
    let down = false;
    client.on('error', (e: Error) => {
      if (!down) options.logger.warn({ reason: e.message }, 'lost the connection to Redis; reconnecting');
      down = true;
    });
    client.on('ready', () => {
      if (down) options.logger.info('reconnected to Redis');
      down = false;
    });
    client.connect().catch(() => undefined);
    return new RedisStateStore(client, options.prefix ?? 'atlassian-mcp:');
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.run(() => this.client.get(this.k(key)))) ?? undefined;
  }

  async set(key: string, value: string, options: SetOptions = {}): Promise<boolean> {
    const reply = await this.run(() =>
      this.client.set(this.k(key), value, {
        ...(options.ttlMs !== undefined ? { expiration: { type: 'PX' as const, value: ttl(options.ttlMs) } } : {}),
        ...(options.onlyIfAbsent ? { condition: 'NX' as const } : {}),
      }),
    );
    return reply === 'OK';
  }

  async compareAndSet(
    key: string,
    expected: string | undefined,
    next: string | undefined,
    options: { ttlMs?: number } = {},
  ): Promise<boolean> {
    const args = [
      expected ?? '',
      next ?? '',
      expected === undefined ? '0' : '1',
      next === undefined ? '0' : '1',
      String(options.ttlMs === undefined ? 0 : ttl(options.ttlMs)),
    ];
    return Number(await this.eval(COMPARE_AND_SET, [key], args)) === 1;
  }

  async take(key: string): Promise<string | undefined> {
    return (await this.run(() => this.client.getDel(this.k(key)))) ?? undefined;
  }

  async delete(key: string): Promise<void> {
    await this.run(() => this.client.del(this.k(key)));
  }

  async raise(key: string, value: number, ttlMs: number): Promise<number> {
    return Number(await this.eval(RAISE, [key], [String(Math.ceil(value)), String(ttl(ttlMs))]));
  }

  async reserveAt(now: number, waitKeys: string[], spacing?: Spacing): Promise<number> {
    const keys = spacing ? [...waitKeys, spacing.key] : waitKeys;
    const args = [String(now), spacing ? '1' : '0', String(spacing?.ms ?? 0), String(ttl(spacing?.ttlMs ?? 1))];
    return Number(await this.eval(RESERVE_AT, keys, args));
  }

  async acquireLease(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    return Number(await this.eval(ACQUIRE_LEASE, [key], [holder, String(limit), String(ttl(leaseMs))])) === 1;
  }

  async renewLease(key: string, holder: string, leaseMs: number): Promise<boolean> {
    return Number(await this.eval(RENEW_LEASE, [key], [holder, String(ttl(leaseMs))])) === 1;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    await this.run(() => this.client.zRem(this.k(key), holder));
  }

  async leases(key: string): Promise<number> {
    return Number(await this.eval(COUNT_LEASES, [key], []));
  }

  async ping(): Promise<void> {
    await this.run(() => this.client.ping());
  }

  async close(): Promise<void> {
    try {
      if (this.client.isOpen) await this.client.close();
    } catch {
      this.client.destroy();
    }
  }

  private k(key: string): string {
    return this.prefix + key;
  }

  private eval(script: string, keys: string[], args: string[]): Promise<unknown> {
    return this.run(() => this.client.eval(script, { keys: keys.map((k) => this.k(k)), arguments: args }));
  }

  /** One command; anything but a reply (closed, reconnecting, timed out) is "unavailable". */
  private async run<T>(command: () => Promise<T>): Promise<T> {
    if (!this.client.isReady) throw new StateUnavailableError();
    try {
      return await command();
    } catch (e) {
      // A script error is a bug, not an outage: let it through as is.
      if ((e as Error).constructor?.name === 'ErrorReply') throw e;
      throw new StateUnavailableError(e);
    }
  }
}

/** Redis wants a positive whole number of milliseconds. */
function ttl(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
