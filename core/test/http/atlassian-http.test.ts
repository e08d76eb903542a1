import nock from 'nock';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { globalFetch } from '../../src/http/tokens.js';
import { runInCallScope } from '../../src/pipeline/call-scope.js';
import {
  InputError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  AuthenticationError,
} from '../../src/plugin-api/errors.js';
import { captureLogger, FakeAuthorizer, startServer, testConfig } from './helpers.js';

const SITE = 'https://acme.atlassian.net';

function makeHttp(config = testConfig(), authorizer = new FakeAuthorizer(SITE)) {
  const log = captureLogger();
  const http = new AtlassianHttp(config, log.logger, authorizer, globalFetch);
  return { http, log, authorizer };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => nock.enableNetConnect());
afterEach(() => nock.cleanAll());

describe('AtlassianHttp.request', () => {
  it('sends auth, query and JSON body and decodes the answer', async () => {
    const scope = nock(SITE, { reqheaders: { authorization: 'Bearer token-1', 'content-type': 'application/json' } })
      .post('/rest/api/3/search/jql', { jql: 'project = X' })
      .query({ fields: ['summary', 'status'], maxResults: '5', failFast: 'true' })
      .reply(200, { issues: [{ key: 'X-1' }] });
    const { http } = makeHttp();
    const res = await http.request<{ issues: Array<{ key: string }> }>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/search/jql',
      idempotent: true,
      query: { fields: ['summary', 'status'], maxResults: 5, failFast: true, skipped: undefined },
      body: { jql: 'project = X' },
    });
    expect(res.status).toBe(200);
    expect(res.data.issues[0]!.key).toBe('X-1');
    expect(scope.isDone()).toBe(true);
  });

  it('decodes an empty 204 as undefined and text/bytes on request', async () => {
    nock(SITE).put('/rest/api/3/issue/X-1').reply(204).get('/a').reply(200, 'plain');
    nock(SITE, { reqheaders: { accept: '*/*' } })
      .get('/b')
      .reply(200, Buffer.from([1, 2, 3]));
    const { http } = makeHttp();
    expect(
      (await http.request({ product: 'jira', method: 'PUT', path: '/rest/api/3/issue/X-1', body: { fields: {} } }))
        .data,
    ).toBeUndefined();
    expect((await http.request({ product: 'jira', method: 'GET', path: '/a', responseType: 'text' })).data).toBe(
      'plain',
    );
    expect(
      Array.from(
        (await http.request<Uint8Array>({ product: 'jira', method: 'GET', path: '/b', responseType: 'bytes' })).data,
      ),
    ).toEqual([1, 2, 3]);
  });

  it('adds the XSRF opt-out header to multipart uploads', async () => {
    const scope = nock(SITE, { reqheaders: { 'x-atlassian-token': 'no-check' } })
      .post('/rest/api/3/issue/X-1/attachments')
      .reply(200, [{ id: '1' }]);
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'a.txt');
    const { http } = makeHttp();
    await http.request({ product: 'jira', method: 'POST', path: '/rest/api/3/issue/X-1/attachments', body: form });
    expect(scope.isDone()).toBe(true);
  });

  it('never returns an empty success on an error: 404 → NotFoundError, 400 → InputError with fields', async () => {
    nock(SITE)
      .get('/rest/api/3/issue/NOPE-1')
      .reply(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} })
      .post('/rest/api/3/issue')
      .reply(400, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } });
    const { http } = makeHttp();
    await expect(
      http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/issue/NOPE-1' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const err = await http
      .request({ product: 'jira', method: 'POST', path: '/rest/api/3/issue', body: {} })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).fieldErrors.summary).toMatch(/summary/);
  });

  it('rejects a malformed JSON success body instead of returning nothing (after reading it again)', async () => {
    const scope = nock(SITE)
      .get('/rest/api/3/myself')
      .times(4)
      .reply(200, '<html>login</html>', { 'content-type': 'text/html' });
    const { http } = makeHttp();
    await expect(http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })).rejects.toThrow(
      /malformed JSON/,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('a read whose answer was cut short is read again (issue 11)', async () => {
    nock(SITE).get('/x').reply(200, '{"ok":tr').get('/x').reply(200, { ok: true });
    const { http } = makeHttp();
    expect((await http.request({ product: 'jira', method: 'GET', path: '/x' })).data).toEqual({ ok: true });
  });
});

describe('retries and rate limits', () => {
  it('retries an idempotent GET on 503 and 500, honouring Retry-After', async () => {
    const scope = nock(SITE)
      .get('/x')
      .reply(503, '', { 'Retry-After': '0' })
      .get('/x')
      .reply(500)
      .get('/x')
      .reply(200, { ok: true });
    const { http, log } = makeHttp();
    expect((await http.request({ product: 'jira', method: 'GET', path: '/x' })).data).toEqual({ ok: true });
    expect(scope.isDone()).toBe(true);
    expect(log.lines().filter((l) => l.msg === 'atlassian asked us to back off, retrying')).toHaveLength(2);
  });

  it('does not retry a non-idempotent POST on 500', async () => {
    const scope = nock(SITE)
      .post('/rest/api/3/issue')
      .reply(500, { errorMessages: ['boom'] });
    const again = nock(SITE).post('/rest/api/3/issue').reply(201, { key: 'DUP-1' });
    const { http } = makeHttp();
    const err = await http
      .request({ product: 'jira', method: 'POST', path: '/rest/api/3/issue', body: { fields: {} } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).status).toBe(500);
    expect(scope.isDone()).toBe(true);
    expect(again.isDone()).toBe(false);
  });

  it('retries a POST on 429 (the request was not processed)', async () => {
    nock(SITE)
      .post('/rest/api/3/issue')
      .reply(429, '', { 'Retry-After': '0' })
      .post('/rest/api/3/issue')
      .reply(201, { key: 'X-2' });
    const { http } = makeHttp();
    expect(
      (await http.request<{ key: string }>({ product: 'jira', method: 'POST', path: '/rest/api/3/issue', body: {} }))
        .data.key,
    ).toBe('X-2');
  });

  it("keeps retrying 429s past maxRetries while the call's wait budget has room (issue 11)", async () => {
    nock(SITE).get('/x').times(6).reply(429, '', { 'Retry-After': '0' }).get('/x').reply(200, { ok: true });
    const { http } = makeHttp(testConfig({ rateLimit: { maxRetries: 3 } }));
    expect((await http.request({ product: 'jira', method: 'GET', path: '/x' })).data).toEqual({ ok: true });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('gives up on 429s when the wait budget is spent, with a RateLimitedError that says when to retry', async () => {
    nock(SITE).get('/x').times(3).reply(429, '', { 'Retry-After': '1' });
    const { http, log } = makeHttp(testConfig({ rateLimit: { maxRetries: 0 } }));
    const err = await runInCallScope(
      {
        requestId: 'r1',
        tool: 't',
        signal: new AbortController().signal,
        logger: log.logger,
        waitDeadline: Date.now() + 1_500,
      },
      () => http.request({ product: 'jira', method: 'GET', path: '/x' }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).hint).toMatch(/Retry in about/);
  });

  it('still stops retrying 5xx after maxRetries (a failing server is not hammered)', async () => {
    const scope = nock(SITE).get('/x').times(3).reply(500);
    const { http } = makeHttp(testConfig({ rateLimit: { maxRetries: 2 } }));
    await expect(http.request({ product: 'jira', method: 'GET', path: '/x' })).rejects.toBeInstanceOf(UpstreamError);
    expect(scope.isDone()).toBe(true);
  });

  it('fails fast past the tool call wait ceiling, with retryAfterMs and a hint', async () => {
    nock(SITE).get('/x').reply(429, '', { 'Retry-After': '120' });
    const { http, log } = makeHttp();
    const ac = new AbortController();
    const err = await runInCallScope(
      { requestId: 'r1', tool: 't', signal: ac.signal, logger: log.logger, waitDeadline: Date.now() + 2_000 },
      () => http.request({ product: 'jira', method: 'GET', path: '/x' }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThanOrEqual(119_000);
    expect((err as RateLimitedError).hint).toMatch(/Retry in about 12\d s/);
  });

  it('honours X-RateLimit-Reset when Retry-After is missing', async () => {
    const reset = new Date(Date.now() + 600_000).toISOString();
    nock(SITE).get('/x').reply(429, '', { 'X-RateLimit-Reset': reset });
    const { http } = makeHttp(testConfig({ rateLimit: { maxWaitMs: 1_000 } }));
    const err = await http.request({ product: 'jira', method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect((err as RateLimitedError).retryAfterMs).toBeGreaterThan(500_000);
  });

  it('a quota 429 pauses every call to the site; a burst 429 only that endpoint', async () => {
    const { http } = makeHttp(testConfig({ rateLimit: { maxWaitMs: 1_000 } }));
    nock(SITE)
      .get('/rest/api/3/issue/A-1')
      .reply(429, '', { 'Retry-After': '60', 'RateLimit-Reason': 'jira-burst-based' });
    await expect(
      http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/issue/A-1' }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    // Same endpoint template is held back without a request; another endpoint still goes through.
    await expect(
      http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/issue/B-2' }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    nock(SITE).get('/rest/api/3/project/search').reply(200, { values: [] });
    await expect(
      http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/project/search' }),
    ).resolves.toMatchObject({ status: 200 });

    nock(SITE)
      .get('/rest/api/3/myself')
      .reply(429, '', { 'Retry-After': '60', 'RateLimit-Reason': 'jira-quota-tenant-based' });
    await expect(http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    // No interceptor is left: reaching the network would be a network error, not a RateLimitedError.
    const err = await http
      .request({ product: 'jira', method: 'GET', path: '/rest/api/3/field' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(http.stats()[SITE]!.pausedUntil).toBeGreaterThan(Date.now());
  });

  it('refreshes once on 401 and retries with the new credentials', async () => {
    nock(SITE, { reqheaders: { authorization: 'Bearer token-1' } })
      .get('/x')
      .reply(401);
    nock(SITE, { reqheaders: { authorization: 'Bearer token-2' } })
      .get('/x')
      .reply(200, { ok: 1 });
    const authorizer = new FakeAuthorizer(SITE, 'token-2');
    const { http } = makeHttp(testConfig(), authorizer);
    expect((await http.request({ product: 'jira', method: 'GET', path: '/x' })).data).toEqual({ ok: 1 });
    expect(authorizer.unauthorizedCalls).toBe(1);
  });

  it('maps a 401 that a refresh cannot fix to AuthenticationError', async () => {
    nock(SITE).get('/x').reply(401, { message: 'Unauthorized; scope does not match' });
    const { http } = makeHttp();
    const err = await http
      .request({ product: 'jira', method: 'GET', path: '/x', scopes: ['read:jira-work'] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).missingScopes).toEqual(['read:jira-work']);
  });
});

describe('transport failures (real loopback server)', () => {
  it('times out a hanging upstream with a clear error', async () => {
    const srv = await startServer(() => undefined);
    try {
      const { http } = makeHttp(testConfig({ http: { timeoutMs: 300 } }), new FakeAuthorizer(srv.url));
      const err = await http
        .request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamError);
      expect((err as Error).message).toBe('Atlassian did not answer GET /rest/api/3/myself within 300 ms');
      await http.close();
    } finally {
      await srv.close();
    }
  });

  it('the tool call abort cancels the HTTP request', async () => {
    let closed!: () => void;
    const upstreamClosed = new Promise<void>((r) => (closed = r));
    let arrived!: () => void;
    const requestArrived = new Promise<void>((r) => (arrived = r));
    const srv = await startServer((req) => {
      arrived();
      req.socket.on('close', () => closed());
    });
    try {
      const { http, log } = makeHttp(testConfig(), new FakeAuthorizer(srv.url));
      const ac = new AbortController();
      const pending = runInCallScope(
        { requestId: 'r2', tool: 't', signal: ac.signal, logger: log.logger, waitDeadline: Date.now() + 60_000 },
        () => http.request({ product: 'jira', method: 'GET', path: '/slow' }),
      );
      await requestArrived;
      ac.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      await upstreamClosed;
      await http.close();
    } finally {
      await srv.close();
    }
  });

  it('retries a GET after a dropped connection, and reports an unreachable site clearly', async () => {
    let n = 0;
    const srv = await startServer((req, res) => {
      if (n++ === 0) req.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    const { http } = makeHttp(testConfig(), new FakeAuthorizer(srv.url));
    expect((await http.request({ product: 'jira', method: 'GET', path: '/x' })).data).toEqual({ ok: true });
    await http.close();
    await srv.close();
    const dead = makeHttp(testConfig({ rateLimit: { maxRetries: 1 } }), new FakeAuthorizer(srv.url));
    await expect(dead.http.request({ product: 'jira', method: 'GET', path: '/x' })).rejects.toThrow(
      /Could not reach Atlassian at 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/,
    );
    await dead.http.close();
  });

  it('never runs more requests to one site at once than the configured concurrency', async () => {
    let inFlight = 0;
    let max = 0;
    const srv = await startServer((_req, res) => {
      inFlight++;
      max = Math.max(max, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }, 10);
    });
    try {
      const { http } = makeHttp(testConfig({ rateLimit: { concurrency: 3 } }), new FakeAuthorizer(srv.url));
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => http.request({ product: 'jira', method: 'GET', path: `/r/${i}` })),
      );
      expect(max).toBeLessThanOrEqual(3);
      expect(max).toBeGreaterThan(1);
      expect(http.stats()[srv.url]!.maxRunning).toBeLessThanOrEqual(3);
      await http.close();
    } finally {
      await srv.close();
    }
  });
});

describe('observability', () => {
  it('logs request lines behind http.debug — method, path, status, duration — never bodies or auth', async () => {
    nock(SITE).post('/rest/api/3/issue').query(true).reply(201, { key: 'S-1', secretish: 'response-body-value' });
    const { http, log } = makeHttp(testConfig({ http: { debug: true } }));
    await http.request({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/issue',
      query: { jql: 'text ~ "private"' },
      body: { fields: { summary: 'request-body-value' } },
    });
    const line = log.lines().find((l) => l.msg === 'atlassian request');
    expect(line).toMatchObject({ method: 'POST', path: 'POST /rest/api/3/issue', status: 201 });
    expect(typeof line!.ms).toBe('number');
    expect(log.text()).not.toMatch(/token-1|request-body-value|response-body-value|private/);
  });

  it('logs nothing per request without http.debug', async () => {
    nock(SITE).get('/x').reply(200, {});
    const { http, log } = makeHttp();
    await http.request({ product: 'jira', method: 'GET', path: '/x' });
    expect(log.lines().filter((l) => l.msg === 'atlassian request')).toEqual([]);
  });
});
