import { SiteLimiter } from '../../src/http/site-limiter.js';

describe('SiteLimiter', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('spaces writes to one issue, not to others', () => {
    const l = new SiteLimiter(4, clock);
    const a1 = l.reserve('PUT /rest/api/3/issue/{}', 'A-1');
    const a2 = l.reserve('PUT /rest/api/3/issue/{}', 'A-1');
    const b1 = l.reserve('PUT /rest/api/3/issue/{}', 'B-1');
    expect(a1).toBe(now);
    expect(a2).toBe(now + 100);
    expect(b1).toBe(now);
  });

  it('holds an issue, an endpoint or the whole site until the given time', () => {
    const l = new SiteLimiter(4, clock);
    l.spaceIssue('A-1', now + 5000);
    expect(l.reserve('POST /rest/api/3/issue/{}/comment', 'A-1')).toBe(now + 5000);
    l.slowEndpoint('GET /rest/api/3/search/jql', now + 2000);
    expect(l.reserve('GET /rest/api/3/search/jql')).toBe(now + 2000);
    expect(l.reserve('GET /rest/api/3/myself')).toBe(now);
    l.pauseSite(now + 9000);
    expect(l.reserve('GET /rest/api/3/myself')).toBe(now + 9000);
    expect(l.stats().pausedUntil).toBe(now + 9000);
    now += 10_000;
    expect(l.reserve('GET /rest/api/3/myself')).toBe(now);
    expect(l.stats().pausedUntil).toBe(0);
  });

  it('a paused queue starts nothing until the pause ends', async () => {
    const l = new SiteLimiter(2);
    l.pauseSite(Date.now() + 50);
    let started = false;
    const task = l.run(async () => {
      started = true;
    });
    expect(started).toBe(false);
    expect(l.stats().waiting).toBe(1);
    await task;
    expect(started).toBe(true);
  });
});
