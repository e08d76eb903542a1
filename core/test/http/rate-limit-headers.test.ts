import { parseReset, parseRetryAfter, readRateLimitSignal, scopeOfReason } from '../../src/http/rate-limit-headers.js';
import { backoffDelay } from '../../src/http/backoff.js';
import { endpointKey } from '../../src/http/site-limiter.js';

const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('rate-limit headers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('5', NOW)).toBe(5000);
    expect(parseRetryAfter('0.5', NOW)).toBe(500);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
  it("parses X-RateLimit-Reset in Jira's ISO form", () => {
    expect(parseReset('2026-11-25T10:01Z', NOW)).toBe(60_000);
    expect(parseReset('nonsense', NOW)).toBeUndefined();
  });
  it('reads reason, near-limit (enforced or beta) and falls back to the reset time', () => {
    const s = readRateLimitSignal(
      new Headers({
        'X-RateLimit-Reset': '2026-11-25T10:02Z',
        'RateLimit-Reason': 'jira-quota-global-based',
        'X-Beta-RateLimit-NearLimit': 'true',
      }),
      NOW,
    );
    expect(s).toEqual({ retryAfterMs: 120_000, reason: 'jira-quota-global-based', nearLimit: true });
    expect(
      readRateLimitSignal(new Headers({ 'Retry-After': '3', 'X-RateLimit-Reset': '2026-11-25T10:02Z' }), NOW)
        .retryAfterMs,
    ).toBe(3000);
  });
  it('falls back to the structured RateLimit header (largest t=) when nothing else says', () => {
    expect(
      readRateLimitSignal(new Headers({ RateLimit: '"global-app-quota";r=0;t=600, "jira-burst-based";r=0;t=2' }), NOW)
        .retryAfterMs,
    ).toBe(600_000);
    expect(readRateLimitSignal(new Headers({}), NOW).retryAfterMs).toBeUndefined();
  });
  it.each([
    ['jira-quota-global-based', 'site'],
    ['jira-quota-tenant-based', 'site'],
    ['confluence-quota-tenant-based', 'site'],
    ['jira-burst-based', 'endpoint'],
    ['jira-per-issue-on-write', 'issue'],
    [undefined, 'endpoint'],
  ])('reason %s slows the %s', (reason, scope) => {
    expect(scopeOfReason(reason)).toBe(scope);
  });
});

describe('backoff', () => {
  const settings = { maxRetries: 4, baseDelayMs: 2000, maxDelayMs: 30_000 };
  it('doubles with jitter in [0.7, 1.3] and caps', () => {
    expect(backoffDelay(0, settings, undefined, () => 0)).toBe(1400);
    expect(backoffDelay(0, settings, undefined, () => 1)).toBe(2600);
    expect(backoffDelay(2, settings, undefined, () => 0.5)).toBe(8000);
    expect(backoffDelay(10, settings, undefined, () => 0.5)).toBe(30_000);
  });
  it('waits what the server asked, plus at most 10 % (≤ 1 s) of jitter, whatever the attempt', () => {
    expect(backoffDelay(0, settings, 10_000, () => 0)).toBe(10_000);
    expect(backoffDelay(3, settings, 1000, () => 1)).toBe(1100);
    expect(backoffDelay(0, settings, 60_000, () => 1)).toBe(61_000);
    expect(backoffDelay(2, settings, 0, () => 1)).toBe(0);
  });
});

describe('endpoint keys', () => {
  it('group ids and keys into one endpoint template per method', () => {
    expect(endpointKey('GET', '/rest/api/3/issue/PROJ-12?fields=x')).toBe('GET /rest/api/3/issue/{}');
    expect(endpointKey('GET', '/rest/api/3/issue/ABC-9')).toBe(endpointKey('GET', '/rest/api/3/issue/PROJ-12'));
    expect(endpointKey('PUT', '/rest/api/3/issue/ABC-9')).not.toBe(endpointKey('GET', '/rest/api/3/issue/ABC-9'));
  });
});
