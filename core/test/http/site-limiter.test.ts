import { SiteLimiter } from '../../src/http/site-limiter.js';

describe('SiteLimiter', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('spaces writes to one target, not to others', () => {
    const l = new SiteLimiter(4, clock);
    const a1 = l.reserve('PUT /rest/api/3/issue/{}', 'jira', 'A-1');
    const a2 = l.reserve('PUT /rest/api/3/issue/{}', 'jira', 'A-1');
    const b1 = l.reserve('PUT /rest/api/3/issue/{}', 'jira', 'B-1');
    expect(a1).toBe(now);
    expect(a2).toBe(now + 100);
    expect(b1).toBe(now);
  });

  it('holds a target, an endpoint or a product quota until the given time', () => {
    const l = new SiteLimiter(4, clock);
    l.spaceWrites('A-1', now + 5000);
    expect(l.reserve('POST /rest/api/3/issue/{}/comment', 'jira', 'A-1')).toBe(now + 5000);
    l.slowEndpoint('GET /rest/api/3/search/jql', now + 2000);
    expect(l.reserve('GET /rest/api/3/search/jql', 'jira')).toBe(now + 2000);
    expect(l.reserve('GET /rest/api/3/myself', 'jira')).toBe(now);
    l.pauseQuota('jira', now + 9000);
    expect(l.reserve('GET /rest/api/3/myself', 'jira')).toBe(now + 9000);
    expect(l.stats().pausedUntil).toBe(now + 9000);
    expect(l.stats().paused).toEqual({ jira: now + 9000 });
    now += 10_000;
    expect(l.reserve('GET /rest/api/3/myself', 'jira')).toBe(now);
    expect(l.stats().pausedUntil).toBe(0);
  });

  it("a product's quota pause does not hold back another product on the same site", () => {
    const l = new SiteLimiter(4, clock);
    l.pauseQuota('jira', now + 30_000);
    expect(l.reserve('GET /rest/api/3/myself', 'jira')).toBe(now + 30_000);
    expect(l.reserve('GET /wiki/api/v2/pages', 'confluence')).toBe(now);
  });
});
