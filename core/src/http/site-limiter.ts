import PQueue from 'p-queue';

/** Minimum spacing of writes to one target (Jira allows 20 writes per 2 s per issue). */
export const WRITE_SPACING_MS = 100;
const VERSION_PARENTS = new Set(['api', 'agile', 'devinfo', 'latest']);
/** Per-endpoint and per-target entries older than this are forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

/** A snapshot of one site's limiter, for `doctor` and tests. */
export interface SiteLimiterStats {
  /** Requests running now. */
  running: number;
  /** Requests waiting for a slot. */
  waiting: number;
  /** Most requests that ever ran at once. */
  maxRunning: number;
  /** Epoch ms until which some product's quota on this site is paused (0 when none is). */
  pausedUntil: number;
  /** Per quota (product), epoch ms until which it is paused. */
  paused: Record<string, number>;
}

/**
 * The rate-limit state of one site as the pipeline uses it: this process's {@link SiteLimiter}
 * (the default), or one shared by every replica of a hosted server.
 */
export interface SiteLimits {
  /** See {@link SiteLimiter.reserve}; a shared implementation answers asynchronously. */
  reserve(endpoint: string, quota: string, writeKey?: string): number | Promise<number>;
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  pauseQuota(quota: string, until: number): void;
  slowEndpoint(endpoint: string, until: number): void;
  spaceWrites(writeKey: string, until: number): void;
  stats(): SiteLimiterStats;
}

/** Makes the limits of one site (`siteKey`: its cloud id or URL) with `concurrency` requests in flight. */
export type SiteLimitsFactory = (siteKey: string, concurrency: number) => SiteLimits;

/** One {@link SiteLimiter} per site in this process. */
export const localSiteLimits: SiteLimitsFactory = (_siteKey, concurrency) => new SiteLimiter(concurrency);

/**
 * Rate-limit state of one Atlassian site: a concurrency queue (p-queue) for the site, a pause per
 * product quota for quota 429s (a Jira quota pause never delays Confluence), per-endpoint
 * slow-downs for burst 429s, and spacing of writes to one target (an issue, a page).
 */
export class SiteLimiter implements SiteLimits {
  private readonly queue: PQueue;
  private readonly quotaUntil = new Map<string, number>();
  private readonly endpointUntil = new Map<string, number>();
  private readonly writeNext = new Map<string, number>();
  private maxRunning = 0;

  constructor(
    concurrency: number,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  /**
   * Epoch ms at which a request to `endpoint` under `quota` (a product's rate-limit quota) may
   * start. A write to `writeKey` also reserves its slot in that target's spacing, so call this
   * once per attempt.
   */
  reserve(endpoint: string, quota: string, writeKey?: string): number {
    const now = this.now();
    let at = Math.max(now, this.quotaUntil.get(quota) ?? 0, this.endpointUntil.get(endpoint) ?? 0);
    if (writeKey) {
      at = Math.max(at, this.writeNext.get(writeKey) ?? 0);
      this.writeNext.set(writeKey, at + WRITE_SPACING_MS);
    }
    this.forgetOld(now);
    return at;
  }

  /** Runs `task` when one of the site's concurrency slots is free. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queue.add(
      async () => {
        this.maxRunning = Math.max(this.maxRunning, this.queue.pending);
        return task();
      },
      { signal },
    ) as Promise<T>;
  }

  /** Pauses every request under one product quota on this site until `until` (quota exhausted). */
  pauseQuota(quota: string, until: number): void {
    if (until > (this.quotaUntil.get(quota) ?? 0)) this.quotaUntil.set(quota, until);
  }

  /** Holds back requests to one endpoint until `until` (burst limit). */
  slowEndpoint(endpoint: string, until: number): void {
    this.endpointUntil.set(endpoint, Math.max(until, this.endpointUntil.get(endpoint) ?? 0));
  }

  /** Holds back writes to one target until `until` (per-target write limit). */
  spaceWrites(writeKey: string, until: number): void {
    this.writeNext.set(writeKey, Math.max(until, this.writeNext.get(writeKey) ?? 0));
  }

  stats(): SiteLimiterStats {
    const now = this.now();
    const paused = Object.fromEntries([...this.quotaUntil].filter(([, until]) => until > now));
    return {
      running: this.queue.pending,
      waiting: this.queue.size,
      maxRunning: this.maxRunning,
      pausedUntil: Math.max(0, ...Object.values(paused)),
      paused,
    };
  }

  private forgetOld(now: number): void {
    for (const map of [this.endpointUntil, this.writeNext]) {
      if (map.size < 256) continue;
      for (const [k, until] of map) if (until < now - FORGET_AFTER_MS) map.delete(k);
    }
  }
}

/**
 * The endpoint key burst limits are tracked under: method plus the path with ids and keys
 * replaced by `{}` (Atlassian counts burst limits per endpoint per method).
 */
export function endpointKey(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  const segments = bare.split('/');
  // A segment with a digit is an id or key, except the API version after `api`/`agile` (`/rest/api/3`).
  const template = segments
    .map((seg, i) => (/\d/.test(seg) && !VERSION_PARENTS.has(segments[i - 1] ?? '') ? '{}' : seg))
    .join('/');
  return `${method} ${template}`;
}
