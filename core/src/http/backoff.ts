/** Retry/backoff settings (the config's `rateLimit` section). */
export interface BackoffSettings {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `attempt` (0-based). When the server said how long to wait
 * (`Retry-After`, `X-RateLimit-Reset`), that wait plus a little jitter (up to 10 %, at most 1 s,
 * so a crowd of callers does not return in lockstep): Atlassian's recipe, and never shorter.
 * Otherwise `base · 2^attempt`, capped, times a random jitter in [0.7, 1.3].
 */
export function backoffDelay(
  attempt: number,
  settings: BackoffSettings,
  serverWaitMs?: number,
  random: () => number = Math.random,
): number {
  if (serverWaitMs !== undefined) return Math.round(serverWaitMs + random() * Math.min(1000, serverWaitMs * 0.1));
  const exp = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  return Math.round(exp * (0.7 + 0.6 * random()));
}

/** Methods that are safe to repeat by default. */
export function isIdempotentMethod(method: string): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'HEAD' || method === 'OPTIONS';
}
