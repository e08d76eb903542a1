/** What a response says about rate limiting (Atlassian's headers, `research/atlassian-api.md` §3.2). */
export interface RateLimitSignal {
  /** How long to wait, from `Retry-After` (seconds or HTTP date) or else `X-RateLimit-Reset`. */
  retryAfterMs?: number;
  /** `RateLimit-Reason`, e.g. `jira-quota-global-based`, `jira-burst-based`, `jira-per-issue-on-write`. */
  reason?: string;
  /** `X-RateLimit-NearLimit` (or its `Beta-` twin) said less than 20 % of the quota remains. */
  nearLimit: boolean;
}

/** The scope a 429 applies to, from its reason. */
export type RateLimitScope = 'site' | 'endpoint' | 'issue';

/** Parses `Retry-After`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Parses `X-RateLimit-Reset`: an ISO-8601 timestamp (Jira sends `yyyy-MM-ddTHH:mmZ`). */
export function parseReset(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const date = Date.parse(value.trim());
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Seconds to reset from the structured `RateLimit` header (`"global-app-quota";r=0;t=600`), the
 * largest when several policies are listed.
 */
export function parseStructuredReset(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = [...value.matchAll(/;\s*t=(\d+)/g)].map((m) => Number(m[1]));
  return seconds.length ? Math.max(...seconds) * 1000 : undefined;
}

/** Reads the rate-limit headers of a response. */
export function readRateLimitSignal(headers: Headers, now: number): RateLimitSignal {
  const retryAfterMs =
    parseRetryAfter(headers.get('retry-after'), now) ??
    parseReset(headers.get('x-ratelimit-reset'), now) ??
    parseStructuredReset(headers.get('ratelimit'));
  const reason = headers.get('ratelimit-reason') ?? headers.get('x-ratelimit-reason') ?? undefined;
  const near = (name: string) => headers.get(name)?.trim().toLowerCase() === 'true';
  return { retryAfterMs, reason, nearLimit: near('x-ratelimit-nearlimit') || near('x-beta-ratelimit-nearlimit') };
}

/**
 * Which requests a 429 should slow: quota reasons pause the whole site until reset, per-issue
 * write limits space that issue, and burst (or unknown) reasons slow only that endpoint.
 */
export function scopeOfReason(reason: string | undefined): RateLimitScope {
  if (!reason) return 'endpoint';
  if (/quota|cost-based|concurrent/i.test(reason)) return 'site';
  if (/per-issue/i.test(reason)) return 'issue';
  return 'endpoint';
}
