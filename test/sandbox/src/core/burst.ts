// Per-endpoint burst limits modelled on Atlassian's published defaults: a token bucket per
// endpoint (route template) per HTTP method, refilled continuously at the steady-state rate
// (GET 100/s, POST 100/s, PUT 50/s, DELETE 50/s), holding at most one second's worth.
import { JSON_TYPE, type SandboxResponse } from './http.js';

export type BurstRates = Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', number>>;

export const ATLASSIAN_BURST_RATES: Required<BurstRates> = { GET: 100, POST: 100, PUT: 50, DELETE: 50, PATCH: 50 };

export class BurstLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly rates: Required<BurstRates>;

  constructor(
    rates: BurstRates,
    private readonly now: () => number,
  ) {
    this.rates = { ...ATLASSIAN_BURST_RATES, ...rates };
  }

  reset(): void {
    this.buckets.clear();
  }

  /** A 429 when the endpoint's bucket is empty, otherwise undefined (and a token is taken). */
  take(method: string, template: string): SandboxResponse | undefined {
    const rate = this.rates[method as keyof BurstRates] ?? 100;
    const key = `${method} ${template}`;
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = { tokens: rate, at: t }));
    b.tokens = Math.min(rate, b.tokens + ((t - b.at) / 1000) * rate);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    const waitMs = Math.ceil(((1 - b.tokens) / rate) * 1000);
    return {
      status: 429,
      headers: {
        'content-type': JSON_TYPE,
        'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
        'x-ratelimit-limit': String(rate),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': new Date(t + waitMs).toISOString(),
        'ratelimit-reason': 'jira-burst-based',
        'ratelimit-policy': `"jira-burst-based";q=${rate};w=1`,
      },
      body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }),
    };
  }
}
