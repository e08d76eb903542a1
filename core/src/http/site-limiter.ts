import PQueue from 'p-queue';

/** Minimum spacing of writes to one issue: Jira allows 20 writes per 2 s per issue. */
const ISSUE_WRITE_SPACING_MS = 100;
const VERSION_PARENTS = new Set(['api', 'agile', 'devinfo', 'latest']);
/** Per-endpoint and per-issue entries older than this are forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

/** A snapshot of one site's limiter, for `doctor` and tests. */
export interface SiteLimiterStats {
  /** Requests running now. */
  running: number;
  /** Requests waiting for a slot. */
  waiting: number;
  /** Most requests that ever ran at once. */
  maxRunning: number;
  /** Epoch ms until which the whole site is paused (0 when not). */
  pausedUntil: number;
}

/**
 * Rate-limit state of one Atlassian site: a concurrency queue (p-queue), a site-wide pause for
 * quota 429s, per-endpoint slow-downs for burst 429s, and spacing of writes to one issue.
 */
export class SiteLimiter {
  private readonly queue: PQueue;
  private pausedUntil = 0;
  private resumeTimer: NodeJS.Timeout | undefined;
  private readonly endpointUntil = new Map<string, number>();
  private readonly issueNext = new Map<string, number>();
  private maxRunning = 0;

  constructor(
    concurrency: number,
    private readonly now: () => number = Date.now,
  ) {
    this.queue = new PQueue({ concurrency });
  }

  /**
   * Epoch ms at which a request to `endpoint` may start. A write to `issueKey` also reserves its
   * slot in that issue's spacing, so call this once per attempt.
   */
  reserve(endpoint: string, issueKey?: string): number {
    const now = this.now();
    let at = Math.max(now, this.pausedUntil, this.endpointUntil.get(endpoint) ?? 0);
    if (issueKey) {
      at = Math.max(at, this.issueNext.get(issueKey) ?? 0);
      this.issueNext.set(issueKey, at + ISSUE_WRITE_SPACING_MS);
    }
    this.forgetOld(now);
    return at;
  }

  /** Runs `task` when a concurrency slot is free (and the site is not paused). */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.queue.add(
      async () => {
        this.maxRunning = Math.max(this.maxRunning, this.queue.pending);
        return task();
      },
      { signal },
    ) as Promise<T>;
  }

  /** Pauses every request to this site until `until` (quota exhausted). */
  pauseSite(until: number): void {
    if (until <= this.pausedUntil) return;
    this.pausedUntil = until;
    this.queue.pause();
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => this.queue.start(), Math.max(0, until - this.now()));
    this.resumeTimer.unref();
  }

  /** Holds back requests to one endpoint until `until` (burst limit). */
  slowEndpoint(endpoint: string, until: number): void {
    this.endpointUntil.set(endpoint, Math.max(until, this.endpointUntil.get(endpoint) ?? 0));
  }

  /** Holds back writes to one issue until `until` (per-issue write limit). */
  spaceIssue(issueKey: string, until: number): void {
    this.issueNext.set(issueKey, Math.max(until, this.issueNext.get(issueKey) ?? 0));
  }

  stats(): SiteLimiterStats {
    return {
      running: this.queue.pending,
      waiting: this.queue.size,
      maxRunning: this.maxRunning,
      pausedUntil: this.pausedUntil > this.now() ? this.pausedUntil : 0,
    };
  }

  private forgetOld(now: number): void {
    for (const map of [this.endpointUntil, this.issueNext]) {
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
