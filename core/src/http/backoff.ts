/** Retry/backoff settings (the config's `rateLimit` section). */
export interface BackoffSettings {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before retry number `attempt` (0-based): `base · 2^attempt`, capped, times a random
 * jitter in [0.7, 1.3] (Atlassian's recipe). A server-given wait is the minimum, never shortened.
 */
export function backoffDelay(attempt: number, settings: BackoffSettings, serverWaitMs?: number, random: () => number = Math.random): number {
  const exp = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  const jittered = Math.round(exp * (0.7 + 0.6 * random()));
  return Math.max(serverWaitMs ?? 0, jittered);
}

/** Methods that are safe to repeat by default. */
export function isIdempotentMethod(method: string): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE' || method === 'HEAD' || method === 'OPTIONS';
}
