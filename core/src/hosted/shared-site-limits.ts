import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import type { Logger } from '../logging/logger.js';
import {
  WRITE_SPACING_MS,
  type SiteLimits,
  type SiteLimitsFactory,
  type SiteLimiterStats,
} from '../http/site-limiter.js';
import { cancelledBy } from '../http/call-errors.js';
import type { StateStore } from '../state/state-store.js';

/** A lease lapses this long after its last renewal (a replica that dies frees its slots this fast). */
const LEASE_MS = 5000;
const RENEW_EVERY_MS = 1500;
/** Pauses and spacing are kept this long past their moment. */
const KEEP_MS = 10 * 60_000;
const MIN_POLL_MS = 5;
const MAX_POLL_MS = 50;

/** Per-site limits shared by every replica through the state store. */
export function sharedSiteLimits(store: StateStore, logger: Logger): SiteLimitsFactory {
  return (siteKey, concurrency) => new SharedSiteLimits(store, siteKey, concurrency, logger);
}

/**
 * One Atlassian site's rate-limit state across replicas: at most `concurrency` requests in flight
 * on the site in total (leases in the store, renewed while a request runs), quota pauses and
 * endpoint slow-downs from 429s seen by any replica, and write spacing per target. In front, a
 * local queue of the same size, so a replica never polls for more slots than it could use.
 */
export class SharedSiteLimits implements SiteLimits {
  private readonly local: PQueue;
  private readonly key: (kind: string, name: string) => string;
  private maxRunning = 0;

  constructor(
    private readonly store: StateStore,
    siteKey: string,
    private readonly concurrency: number,
    private readonly logger: Logger,
  ) {
    this.local = new PQueue({ concurrency });
    this.key = (kind, name) => `rl:${siteKey}:${kind}:${name}`;
  }

  reserve(endpoint: string, quota: string, writeKey?: string): Promise<number> {
    const spacing = writeKey ? { key: this.key('write', writeKey), ms: WRITE_SPACING_MS, ttlMs: KEEP_MS } : undefined;
    return this.store.reserveAt(Date.now(), [this.key('quota', quota), this.key('endpoint', endpoint)], spacing);
  }

  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.local.add(
      async () => {
        const holder = randomUUID();
        const slots = this.key('slots', 'all');
        await this.acquire(slots, holder, signal);
        this.maxRunning = Math.max(this.maxRunning, this.local.pending);
        const renew = setInterval(() => {
          this.store.renewLease(slots, holder, LEASE_MS).catch(() => undefined);
        }, RENEW_EVERY_MS);
        renew.unref();
        try {
          return await task();
        } finally {
          clearInterval(renew);
          // A lost release only costs the slot until its lease lapses; the answer is never lost for it.
          await this.store.releaseLease(slots, holder).catch(() => undefined);
        }
      },
      { signal },
    ) as Promise<T>;
  }

  pauseQuota(quota: string, until: number): void {
    this.raise(this.key('quota', quota), until);
  }

  slowEndpoint(endpoint: string, until: number): void {
    this.raise(this.key('endpoint', endpoint), until);
  }

  spaceWrites(writeKey: string, until: number): void {
    this.raise(this.key('write', writeKey), until);
  }

  stats(): SiteLimiterStats {
    return {
      running: this.local.pending,
      waiting: this.local.size,
      maxRunning: this.maxRunning,
      pausedUntil: 0,
      paused: {},
    };
  }

  private raise(key: string, until: number): void {
    this.store
      .raise(key, until, until - Date.now() + KEEP_MS)
      .catch((e: Error) =>
        this.logger.warn({ reason: e.message }, 'could not share a rate-limit pause with the other replicas'),
      );
  }

  /** Waits for a site-wide slot (polling with a growing, jittered pause); the call's signal cancels. */
  private async acquire(key: string, holder: string, signal?: AbortSignal): Promise<void> {
    let pause = MIN_POLL_MS;
    while (!(await this.store.acquireLease(key, holder, this.concurrency, LEASE_MS))) {
      if (signal?.aborted) throw cancelledBy(signal);
      await new Promise((r) => setTimeout(r, pause * (0.5 + Math.random())));
      pause = Math.min(MAX_POLL_MS, pause * 2);
    }
  }
}
