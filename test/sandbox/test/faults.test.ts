import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

describe('fault injection', () => {
  let sb: Sandbox;
  let clock = Date.parse('2026-11-02T10:00:00Z');
  beforeAll(async () => {
    sb = await startSandbox({ now: () => clock });
  });
  afterAll(() => sb.close());
  beforeEach(() => sb.reset());

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${sb.url}${path}`, {
      ...init,
      headers: { authorization: sb.basicAuth(), ...(init.headers as Record<string, string>) },
    });

  it('429 every Nth request with Retry-After, X-RateLimit-Reset and RateLimit-Reason', async () => {
    sb.faults.set({ type: 'rateLimit', every: 3, retryAfter: 1, reason: 'jira-burst-based' });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 9; i++) {
      const r = await get('/rest/api/3/myself');
      statuses.push(r.status);
      if (r.status === 429) limited = r;
      await r.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429, 200, 200, 429]);
    expect(limited!.headers.get('retry-after')).toBe('1');
    expect(limited!.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited!.headers.get('x-ratelimit-reset')).toBe(new Date(clock + 1000).toISOString());
    expect(sb.requests.filter((r) => r.status === 429)).toHaveLength(3);
    expect(sb.requests.every((r) => r.operationId === 'getCurrentUser')).toBe(true);
  });

  it('a storm for N seconds (quota reason), set through the admin endpoint', async () => {
    const r = await fetch(`${sb.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'rateLimit', forSeconds: 5, retryAfter: 5, reason: 'jira-quota-global-based' }),
    });
    expect(r.status).toBe(200);
    const a = await get('/rest/api/3/issue/NOVA-1');
    expect(a.status).toBe(429);
    expect(a.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(a.headers.get('ratelimit-policy')).toContain('global-app-quota');
    expect((await get('/rest/agile/1.0/board')).status).toBe(429);
    clock += 5_001;
    expect((await get('/rest/api/3/issue/NOVA-1')).status).toBe(200);
    expect(sb.faults.list()).toHaveLength(0);
  });

  it('per-issue write limit on one operation only', async () => {
    sb.faults.set({
      type: 'rateLimit',
      reason: 'jira-per-issue-on-write',
      match: { method: 'PUT', operationId: 'editIssue' },
    });
    expect((await get('/rest/api/3/issue/NOVA-1')).status).toBe(200);
    const w = await get('/rest/api/3/issue/NOVA-1', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { summary: 'x' } }),
    });
    expect(w.status).toBe(429);
    expect(w.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
  });

  it('503 with Retry-After, 500 on POSTs only, limited by times', async () => {
    sb.faults.set([
      { type: 'status', status: 503, retryAfter: 2, times: 1, match: { method: 'GET' } },
      { type: 'status', status: 500, match: { method: 'POST' } },
    ]);
    const a = await get('/rest/api/3/myself');
    expect(a.status).toBe(503);
    expect(a.headers.get('retry-after')).toBe('2');
    expect((await get('/rest/api/3/myself')).status).toBe(200);
    const p = await get('/rest/api/3/search/approximate-count', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql: 'project = NOVA' }),
    });
    expect(p.status).toBe(500);
    expect(await p.json()).toEqual({ errorMessages: ['Internal server error'], errors: {} });
  });

  it('latency, malformed JSON', async () => {
    sb.faults.set({ type: 'latency', ms: 60, times: 1 });
    const t0 = performance.now();
    expect((await get('/rest/api/3/myself')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
    sb.faults.set({ type: 'malformedJson', times: 1 });
    const bad = await get('/rest/api/3/myself');
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow();
  });

  it('lost answers: the write happens, then the answer hangs, is cut short or the connection resets', async () => {
    const key = [...sb.site.jira.issues.values()][0]!.key;
    const comments = () => sb.site.jira.commentsByIssue.get(sb.site.jira.issuesByKey.get(key)!.id)?.length ?? 0;
    const body = JSON.stringify({
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] },
    });
    const post = (f: typeof fetch, url: string, signal?: AbortSignal) =>
      f(url, {
        method: 'POST',
        headers: { authorization: sb.basicAuth(), 'content-type': 'application/json' },
        body,
        signal,
      }).then((r) => r.json());
    for (const [f, base] of [
      [fetch, sb.url!],
      [sb.fetch, ''],
    ] as const) {
      const url = `${base}/rest/api/3/issue/${key}/comment`;
      const before = comments();
      sb.faults.set({ type: 'timeoutAfterSend', times: 1 });
      await expect(post(f, url, AbortSignal.timeout(150))).rejects.toThrow();
      sb.faults.set({ type: 'truncatedBody', times: 1 });
      await expect(post(f, url)).rejects.toThrow(/terminated/);
      sb.faults.set({ type: 'resetAfterResponse', times: 1 });
      await expect(post(f, url)).rejects.toThrow(/fetch failed/);
      expect(comments()).toBe(before + 3);
      expect(sb.requests.slice(-3).map((r) => [r.status, r.faults?.length])).toEqual([
        [201, 1],
        [201, 1],
        [201, 1],
      ]);
    }
  });

  it('hanging responses: the client times out; close() releases them', async () => {
    sb.faults.set({ type: 'hang', times: 2 });
    await expect(get('/rest/api/3/myself', { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await expect(
      sb.fetch('/rest/api/3/myself', { headers: { authorization: sb.basicAuth() }, signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect((await get('/rest/api/3/myself')).status).toBe(200);
  });

  it('expired access token on demand', async () => {
    const t = sb.oauth.issueTokens({ scopes: ['read:jira-user', 'offline_access'] });
    sb.faults.set({ type: 'expiredToken', times: 1 });
    const call = () =>
      fetch(`${sb.gatewayUrl}/rest/api/3/myself`, { headers: { authorization: `Bearer ${t.access_token}` } });
    const r = await call();
    expect(r.status).toBe(401);
    expect(await r.json()).toEqual({ code: 401, message: 'Unauthorized' });
    expect((await call()).status).toBe(401); // stays expired
  });

  it('tracks max in-flight concurrency', async () => {
    // Long enough that all eight overlap even on a loaded machine (40 ms did not under CI load).
    sb.faults.set({ type: 'latency', ms: 1500 });
    await Promise.all(Array.from({ length: 8 }, () => get('/rest/api/3/myself').then((r) => r.arrayBuffer())));
    expect(sb.requests.maxInFlight).toBe(8);
    expect(sb.requests.inFlight).toBe(0);
    sb.requests.clear();
    expect(sb.requests).toHaveLength(0);
    const log = await (await fetch(`${sb.url}/__sandbox/requests`)).json();
    expect(log).toMatchObject({ inFlight: 0, requests: [] });
  });

  it('OAuth endpoints are only faulted when named', async () => {
    sb.faults.set({ type: 'status', status: 500 });
    expect((await fetch(`${sb.url}/_edge/tenant_info`)).status).toBe(200);
    sb.faults.clear();
    sb.faults.set({ type: 'status', status: 503, match: { path: '/oauth/token' } });
    expect(
      (
        await fetch(`${sb.url}/oauth/token`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(503);
  });

  it('per-endpoint burst limits (Atlassian defaults), refilled by the clock', async () => {
    let t = Date.parse('2026-11-02T10:00:00Z');
    const limited = await startSandbox({ listen: false, now: () => t, burstLimits: { PUT: 2 } });
    try {
      const put = () =>
        limited.fetch('/rest/api/3/issue/NOVA-2', {
          method: 'PUT',
          headers: { authorization: limited.basicAuth(), 'content-type': 'application/json' },
          body: JSON.stringify({ fields: { summary: 'x' } }),
        });
      expect((await put()).status).toBe(204);
      expect((await put()).status).toBe(204);
      const r = await put();
      expect(r.status).toBe(429);
      expect(r.headers.get('ratelimit-reason')).toBe('jira-burst-based');
      expect(r.headers.get('x-ratelimit-limit')).toBe('2');
      // Other endpoints have their own bucket.
      expect(
        (await limited.fetch('/rest/api/3/issue/NOVA-2', { headers: { authorization: limited.basicAuth() } })).status,
      ).toBe(200);
      t += 500;
      expect((await put()).status).toBe(204);
    } finally {
      await limited.close();
    }
  });
});
