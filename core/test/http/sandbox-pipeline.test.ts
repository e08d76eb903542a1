import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { configSchema } from '@atlassian-mcp/config';
import { AuthService } from '../../src/auth/auth-service.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { globalFetch } from '../../src/http/tokens.js';
import { runInCallScope } from '../../src/pipeline/call-scope.js';
import { RateLimitedError, UpstreamError } from '../../src/plugin-api/errors.js';
import { captureLogger } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ seed: 'empty' });
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => sb.reset());

/** A pipeline signed in with the sandbox admin's classic API token, against its loopback URL. */
function apiTokenPipeline(overrides: Record<string, unknown> = {}) {
  const config = configSchema.parse({
    site: { url: sb.url },
    auth: { type: 'apiToken', email: sb.credentials.email },
    rateLimit: { concurrency: 4, maxRetries: 4, baseDelayMs: 20, maxDelayMs: 200, maxWaitMs: 30_000 },
    ...overrides,
  });
  const log = captureLogger();
  const auth = new AuthService(
    config,
    log.logger,
    new MemoryCredentialStore(),
    globalFetch,
    async () => undefined,
    () => undefined,
    { ATLASSIAN_API_TOKEN: sb.credentials.apiToken },
  );
  const http = new AtlassianHttp(config, log.logger, auth, globalFetch);
  return { http, auth, log };
}

const myself = { product: 'jira', method: 'GET', path: '/rest/api/3/myself' } as const;

describe('the pipeline against the sandbox site', () => {
  it('classic API token: Basic auth against the site URL', async () => {
    const { http } = apiTokenPipeline();
    const res = await http.request<{ emailAddress: string }>(myself);
    expect(res.data.emailAddress).toBe(sb.credentials.email);
    expect(sb.requests.at(-1)).toMatchObject({ via: 'site' });
  });

  it('doctor status with an API token: who am I, or why not', async () => {
    const { auth } = apiTokenPipeline();
    const ok = await auth.status();
    expect(ok).toMatchObject({
      ok: true,
      method: 'apiToken',
      user: { accountId: sb.credentials.accountId, email: sb.credentials.email },
    });
    expect(ok.scopes.granted).toBeUndefined();
    const config = configSchema.parse({
      site: { url: sb.url },
      auth: { type: 'apiToken', email: sb.credentials.email },
    });
    const wrong = new AuthService(
      config,
      captureLogger().logger,
      new MemoryCredentialStore(),
      globalFetch,
      async () => undefined,
      () => undefined,
      { ATLASSIAN_API_TOKEN: 'wrong-token' },
    );
    const bad = await wrong.status();
    expect(bad).toMatchObject({ ok: false, method: 'apiToken' });
    expect(bad.problem).toMatch(/rejected the credentials/);
    expect(bad.hint).toMatch(/ATLASSIAN_API_TOKEN/);
  });

  it("works over the sandbox's in-process fetch too (what plugin tests inject)", async () => {
    const config = configSchema.parse({
      site: { url: sb.siteUrl },
      auth: { type: 'apiToken', email: sb.credentials.email },
    });
    const log = captureLogger();
    const env = { ATLASSIAN_API_TOKEN: sb.credentials.apiToken };
    const auth = new AuthService(
      config,
      log.logger,
      new MemoryCredentialStore(),
      sb.fetch,
      async () => undefined,
      () => undefined,
      env,
    );
    const http = new AtlassianHttp(config, log.logger, auth, sb.fetch);
    await expect(http.request<{ accountId: string }>(myself)).resolves.toMatchObject({
      data: { accountId: sb.credentials.accountId },
    });
    sb.faults.set({ type: 'status', status: 404, times: 1 });
    await expect(http.request(myself)).rejects.toThrow(/Not found/);
  });

  it('scoped API token: cloud id from /_edge/tenant_info, calls through the gateway', async () => {
    const { http } = apiTokenPipeline({
      auth: { type: 'apiToken', email: sb.credentials.email, scopedToken: true },
      site: { url: sb.url, apiGatewayUrl: sb.url },
    });
    const res = await http.request<{ accountId: string }>(myself);
    expect(res.data.accountId).toBe(sb.credentials.accountId);
    expect(sb.requests.map((r) => r.via)).toEqual(['edge', 'gateway']);
    expect(sb.requests.at(-1)!.path).toContain(`/ex/jira/${sb.credentials.cloudId}/`);
  });

  it('a 429 storm (every 3rd request, Retry-After: 1): 40 parallel reads all complete within the site concurrency', async () => {
    const { http } = apiTokenPipeline();
    sb.faults.set({ type: 'rateLimit', every: 3, retryAfter: 1 });
    const results = await Promise.allSettled(Array.from({ length: 40 }, () => http.request(myself)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(sb.requests.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(sb.requests.maxInFlight).toBeLessThanOrEqual(4);
    expect(Object.values(http.stats())[0]!.maxRunning).toBeLessThanOrEqual(4);
  });

  it('a quota-reason 429 pauses every call to the site', async () => {
    const { http, log } = apiTokenPipeline();
    sb.faults.set({
      type: 'rateLimit',
      reason: 'jira-quota-tenant-based',
      retryAfter: 1,
      times: 1,
      match: { path: '/rest/api/3/myself' },
    });
    const first = http.request(myself);
    // Wait until the quota 429 has been answered, then try another endpoint with a short wait ceiling.
    while (!sb.requests.some((r) => r.status === 429)) await new Promise((r) => setImmediate(r));
    while (!log.text().includes('retrying')) await new Promise((r) => setImmediate(r));
    const seen = sb.requests.length;
    const ac = new AbortController();
    const other = await runInCallScope(
      { requestId: 'q', tool: 't', signal: ac.signal, logger: log.logger, waitDeadline: Date.now() + 100 },
      () => http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/project/search' }),
    ).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(RateLimitedError);
    expect(sb.requests.slice(seen).some((r) => r.route.startsWith('/rest/api/3/project'))).toBe(false);
    await expect(first).resolves.toMatchObject({ status: 200 });
  });

  it('a Jira quota 429 pauses Jira only: a Confluence call on the same site goes straight through', async () => {
    const { http, log } = apiTokenPipeline();
    sb.faults.set({
      type: 'rateLimit',
      reason: 'jira-quota-tenant-based',
      retryAfter: 20,
      times: 1,
      match: { path: '/rest/api/3/myself' },
    });
    const ac = new AbortController();
    const scope = (waitMs: number) => ({
      requestId: 'q',
      tool: 't',
      signal: ac.signal,
      logger: log.logger,
      waitDeadline: Date.now() + waitMs,
    });
    // The Jira call meets the quota and is told to wait 20 s: past its 100 ms ceiling.
    const jira = await runInCallScope(scope(100), () => http.request(myself)).catch((e: unknown) => e);
    expect(jira).toBeInstanceOf(RateLimitedError);
    expect(Object.values(http.stats())[0]!.paused).toHaveProperty('jira');
    // Confluence shares the site but not Jira's quota: answered at once, nothing paused for it.
    const seen = sb.requests.length;
    const wiki = await runInCallScope(scope(100), () =>
      http.request({ product: 'confluence', method: 'GET', path: '/wiki/rest/api/user/current' }),
    );
    expect(wiki.status).toBe(200);
    expect(sb.requests.slice(seen).map((r) => r.route)).toEqual(['/wiki/rest/api/user/current']);
    // Another Jira call is still held back by the quota pause, without reaching the site.
    const again = await runInCallScope(scope(100), () =>
      http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/project/search' }),
    ).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(RateLimitedError);
  });

  it('a non-idempotent POST is not retried on 500; a GET is', async () => {
    const { http } = apiTokenPipeline();
    sb.faults.set({ type: 'status', status: 500, times: 1, match: { method: 'POST' } });
    const err = await http
      .request({ product: 'jira', method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = NOPE' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).status).toBe(500);
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    sb.faults.set({ type: 'status', status: 502, times: 1, match: { method: 'GET' } });
    await expect(http.request(myself)).resolves.toMatchObject({ status: 200 });
    expect(sb.requests.filter((r) => r.method === 'GET').map((r) => r.status)).toEqual([502, 200]);
  });

  it('a hanging upstream times out with a clear error', async () => {
    const { http } = apiTokenPipeline({ http: { timeoutMs: 300 } });
    sb.faults.set({ type: 'hang' });
    await expect(http.request(myself)).rejects.toThrow('Atlassian did not answer GET /rest/api/3/myself within 300 ms');
    await http.close();
  });

  it('a read that timed out once is sent again (issue 11)', async () => {
    const { http } = apiTokenPipeline({ http: { timeoutMs: 300 } });
    sb.faults.set({ type: 'hang', times: 1 });
    await expect(http.request(myself)).resolves.toMatchObject({ status: 200 });
    await http.close();
  });

  it('aborting the tool call cancels the HTTP request', async () => {
    const { http, log } = apiTokenPipeline();
    sb.faults.set({ type: 'hang', times: 1 });
    const ac = new AbortController();
    const pending = runInCallScope(
      { requestId: 'a', tool: 't', signal: ac.signal, logger: log.logger, waitDeadline: Date.now() + 60_000 },
      () => http.request(myself),
    );
    while (sb.requests.inFlight === 0) await new Promise((r) => setImmediate(r));
    ac.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await http.close();
  });
});
