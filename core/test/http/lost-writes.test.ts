import { randomUUID } from 'node:crypto';
import { startSandbox, type FaultSpec, type Sandbox } from '@atlassian-mcp/sandbox';
import { configSchema } from '@atlassian-mcp/config';
import { AuthService } from '../../src/auth/auth-service.js';
import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { OutcomeUnknownError } from '../../src/http/call-errors.js';
import { globalFetch } from '../../src/http/tokens.js';
import type { AtlassianRequest } from '../../src/http/types.js';
import { UpstreamError } from '../../src/plugin-api/errors.js';
import { captureLogger } from './helpers.js';

// Issue 11, finding 6: a write whose answer was lost (timeout after sending, answer cut short,
// reset after the response) was reported as a failure with "Retry"; following it duplicated the
// write. Core now reconciles through the request's `reconcile` hook before answering.

let sb: Sandbox;
let key: string;
beforeAll(async () => {
  sb = await startSandbox();
  key = [...sb.site.jira.issues.values()][0]!.key;
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());

function pipeline() {
  const config = configSchema.parse({
    site: { url: sb.url },
    auth: { type: 'apiToken', email: sb.credentials.email },
    rateLimit: { concurrency: 4, maxRetries: 2, baseDelayMs: 5, maxDelayMs: 20, maxWaitMs: 10_000 },
    http: { timeoutMs: 400, connectTimeoutMs: 1000 },
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
  return { http: new AtlassianHttp(config, log.logger, auth, globalFetch), log };
}

type Comment = { id: string; body: { content: Array<{ content: Array<{ text: string }> }> } };
const textOf = (c: Comment) => c.body.content[0]?.content[0]?.text;

/** Adds a comment whose text is a unique marker; the lookup finds it by that text. */
function addComment(http: AtlassianHttp, opts: { reconcile?: boolean; lookupFails?: boolean } = {}) {
  const marker = `marker-${randomUUID()}`;
  const req: AtlassianRequest = {
    product: 'jira',
    method: 'POST',
    path: `/rest/api/3/issue/${key}/comment`,
    body: {
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: marker }] }] },
    },
    reconcile:
      opts.reconcile === false
        ? undefined
        : {
            check: `jira_list_comments ${key}: look for "${marker}"`,
            find: async () => {
              if (opts.lookupFails) throw new UpstreamError('lookup failed');
              const page = await http.request<{ comments: Comment[] }>({
                product: 'jira',
                method: 'GET',
                path: `/rest/api/3/issue/${key}/comment`,
                query: { orderBy: '-created', maxResults: 50 },
              });
              const hit = page.data.comments.find((c) => textOf(c) === marker);
              return hit ? { found: true, data: hit } : { found: false };
            },
          },
  };
  return { marker, send: () => http.request<Comment>(req) };
}

const written = (marker: string) =>
  (sb.site.jira.commentsByIssue.get(sb.site.jira.issuesByKey.get(key)!.id) ?? []).filter((c) =>
    JSON.stringify(c.body).includes(marker),
  ).length;
const onPost = (type: FaultSpec['type']): FaultSpec =>
  ({ type, times: 1, match: { method: 'POST', path: '/rest/api/3/issue/' } }) as FaultSpec;

describe('a write whose answer is lost is reconciled, never blindly retried', () => {
  it.each<FaultSpec['type']>(['timeoutAfterSend', 'truncatedBody', 'resetAfterResponse'])(
    '%s: the write is found and reported as done, exactly once',
    async (type) => {
      const { http } = pipeline();
      const { marker, send } = addComment(http);
      sb.faults.set(onPost(type));
      const res = await send();
      expect(textOf(res.data)).toBe(marker);
      expect(written(marker)).toBe(1);
      expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    },
  );

  it('a write that provably did not happen (no answer, nothing processed) is sent once more', async () => {
    const { http } = pipeline();
    const { marker, send } = addComment(http);
    sb.faults.set({ type: 'hang', times: 1, match: { method: 'POST' } });
    await expect(send()).resolves.toMatchObject({ data: { id: expect.any(String) } });
    expect(written(marker)).toBe(1);
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('if it is lost again and still absent, says nothing was written (no third send)', async () => {
    const { http } = pipeline();
    const { marker, send } = addComment(http);
    sb.faults.set({ type: 'hang', times: 2, match: { method: 'POST' } });
    const err = (await send().catch((e: unknown) => e)) as UpstreamError;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err.message).toMatch(/nothing was written/);
    expect(written(marker)).toBe(0);
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('without a way to look it up, the answer is "outcome unknown" with the check to make, never "Retry"', async () => {
    const { http } = pipeline();
    const { marker, send } = addComment(http, { reconcile: false });
    sb.faults.set(onPost('resetAfterResponse'));
    const err = (await send().catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.code).toBe('outcome_unknown');
    expect(err.hint).toMatch(/^Do not repeat the call blindly/);
    expect(`${err.message} ${err.hint}`).not.toMatch(/\bRetry\b/);
    expect(written(marker)).toBe(1);
  });

  it('when the lookup itself fails, the answer names the exact check', async () => {
    const { http } = pipeline();
    const { marker, send } = addComment(http, { lookupFails: true });
    sb.faults.set(onPost('timeoutAfterSend'));
    const err = (await send().catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(err.hint).toContain(`look for "${marker}"`);
    expect(sb.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('a 500 on a write is looked up: absent → the error (safe to retry later), nothing written twice', async () => {
    const { http } = pipeline();
    const { marker, send } = addComment(http);
    sb.faults.set({ type: 'status', status: 500, times: 1, match: { method: 'POST' } });
    const err = (await send().catch((e: unknown) => e)) as UpstreamError;
    expect(err.status).toBe(500);
    expect(written(marker)).toBe(0);
  });

  it('a DELETE whose answer was lost is sent again, and the 404 it then gets means done', async () => {
    const { http } = pipeline();
    const added = await addComment(http).send();
    sb.faults.set({ type: 'timeoutAfterSend', times: 1, match: { method: 'DELETE' } });
    await expect(
      http.request({
        product: 'jira',
        method: 'DELETE',
        path: `/rest/api/3/issue/${key}/comment/${added.data.id}`,
      }),
    ).resolves.toMatchObject({ status: 204 });
    expect(sb.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([204, 404]);
  });
});
