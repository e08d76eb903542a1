import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Client } from 'openapi-fetch';
import type { Dispatcher } from 'undici';
import { inject, Service } from '../plugin-api/decorators.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { HttpService } from '../plugin-api/services.js';
import { RateLimitedError, UpstreamError } from '../plugin-api/errors.js';
import { currentCall } from '../pipeline/call-scope.js';
import type { Logger } from '../logging/logger.js';
import type { AtlassianRequest, AtlassianResponse, FetchLike, HttpMethod, Product, QueryValue } from './types.js';
import type { RequestAuthorizer } from './request-auth.js';
import { httpServices } from './tokens.js';
import { createDispatcher } from './dispatcher.js';
import { backoffDelay, isIdempotentMethod } from './backoff.js';
import { endpointKey, SiteLimiter, type SiteLimiterStats } from './site-limiter.js';
import { readRateLimitSignal, scopeOfReason, type RateLimitSignal } from './rate-limit-headers.js';
import { mapErrorResponse } from './error-mapping.js';
import {
  buildUrl,
  decodeBody,
  decodeErrorBody,
  encodeBody,
  sendOnce,
  SendFailedError,
  type ReceivedResponse,
  type SendFailure,
} from './http-exchange.js';
import { createTypedClient } from './typed-client.js';
import { productDefinition } from './products.js';
import { assertSafePath } from './path.js';
import { cancelledBy } from './call-errors.js';

/** One request as the pipeline runs it (body already encoded). */
export interface Exchange {
  product: Product;
  method: HttpMethod;
  path: string;
  query?: Record<string, QueryValue>;
  headers: Record<string, string>;
  body?: BodyInit;
  idempotent?: boolean;
  writeKey?: string;
  issueKey?: string;
  scopes?: string[];
  signal?: AbortSignal;
}

/** Per-call state of {@link AtlassianHttp.execute}. */
interface AttemptContext {
  ex: Exchange;
  signal: AbortSignal | undefined;
  /** Epoch ms past which rate-limit waits give up. */
  deadline: number;
  idempotent: boolean;
  log: Logger;
  endpoint: string;
  /** `METHOD /path` for messages and logs (no query). */
  what: string;
  scopes: string[] | undefined;
  /** Retries so far. */
  attempt: number;
}

const NEAR_LIMIT_LOG_EVERY_MS = 60_000;
const MAX_REAUTHORIZATIONS = 2;

/**
 * The one request path for every plugin. Around a single send it runs, in order: auth header →
 * per-site concurrency queue → timeout/abort (the tool call's signal cancels) → rate-limit
 * handling → retry → status→error mapping. A failed call always throws a core error; it never
 * returns an empty success.
 */
@Service()
export class AtlassianHttp implements HttpService {
  private readonly limiters = new Map<string, SiteLimiter>();
  private dispatcher: Dispatcher | undefined;
  private lastNearLimitLog = 0;

  constructor(
    @inject(coreServices.rootConfig) private readonly config: Readonly<AtlassianMcpConfig>,
    @inject(coreServices.logger) private readonly logger: Logger,
    @inject(coreServices.auth) private readonly auth: RequestAuthorizer,
    @inject(httpServices.fetch) private readonly fetchFn: FetchLike,
  ) {}

  /** Sends a request and decodes the answer; throws a core error for every failure. */
  async request<T = unknown>(req: AtlassianRequest): Promise<AtlassianResponse<T>> {
    const headers: Record<string, string> = {
      Accept: (req.responseType ?? 'json') === 'json' ? 'application/json' : '*/*',
      ...req.headers,
    };
    const body = encodeBody(req.body, headers);
    const res = await this.execute({ ...req, headers, body });
    return {
      status: res.status,
      headers: res.headers,
      data: decodeBody(res.bytes, req.responseType ?? 'json', `${req.method} ${req.path}`) as T,
    };
  }

  /**
   * A typed `openapi-fetch` client for a product whose `fetch` runs through this pipeline, so
   * auth, limits, retries and error mapping all apply (errors are thrown, `error` is never set).
   * Per call, header `X-Mcp-Idempotent: true` marks a POST safe to retry and `X-Mcp-Issue-Key`
   * names the issue a write targets.
   */
  client<Paths extends {}>(product: Product): Client<Paths> {
    return createTypedClient<Paths>(product, (exchange) => this.execute(exchange));
  }

  /** Per-site limiter snapshots, keyed by site. */
  stats(): Record<string, SiteLimiterStats> {
    return Object.fromEntries([...this.limiters].map(([k, l]) => [k, l.stats()]));
  }

  /** Closes pooled connections (on shutdown). */
  async close(): Promise<void> {
    const dispatcher = this.dispatcher;
    this.dispatcher = undefined;
    await dispatcher?.close();
  }

  /** tsyringe calls this when the root container is disposed (`host.close()`). */
  dispose(): Promise<void> {
    return this.close();
  }

  /** Runs one exchange through the whole pipeline and returns the successful raw response. */
  async execute(ex: Exchange): Promise<ReceivedResponse> {
    assertSafePath(ex.path);
    const call = currentCall();
    const signals = [call?.signal, ex.signal].filter((s): s is AbortSignal => s !== undefined);
    const ctx: AttemptContext = {
      ex,
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      deadline: call?.waitDeadline ?? Date.now() + this.config.rateLimit.maxWaitMs,
      idempotent: ex.idempotent ?? isIdempotentMethod(ex.method),
      log: (call?.logger ?? this.logger).child({ reqId: call?.requestId ?? randomUUID().slice(0, 8) }),
      endpoint: endpointKey(ex.method, ex.path),
      what: `${ex.method} ${ex.path.split('?')[0]}`,
      scopes: ex.scopes ?? (call as { scopes?: string[] } | undefined)?.scopes,
      attempt: 0,
    };
    let reauthorizations = 0;
    for (;;) {
      throwIfAborted(ctx.signal);
      const auth = await this.auth.authorize(ex.product);
      const site = this.limiter(auth.siteKey);
      await this.waitForTurn(
        site.reserve(
          ctx.endpoint,
          productDefinition(ex.product).quota,
          ex.method !== 'GET' ? writeKeyOf(ex) : undefined,
        ),
        ctx.deadline,
        ctx.signal,
      );
      const url = buildUrl(auth.baseUrl, ex.path, ex.query);
      const started = Date.now();
      let res: ReceivedResponse;
      try {
        res = await site.run(
          () =>
            sendOnce(
              this.fetchFn,
              { method: ex.method, url, headers: { ...ex.headers, ...auth.headers }, body: ex.body },
              { timeoutMs: this.config.http.timeoutMs, signal: ctx.signal, dispatcher: this.getDispatcher() },
            ),
          ctx.signal,
        );
      } catch (e) {
        await this.retryAfterSendFailure(e, ctx, url, started);
        continue;
      }
      if (this.config.http.debug)
        ctx.log.info(
          { method: ex.method, path: ctx.what, status: res.status, ms: Date.now() - started, attempt: ctx.attempt },
          'atlassian request',
        );
      const rl = readRateLimitSignal(res.headers, Date.now());
      this.noteNearLimit(rl.nearLimit, ctx.log);
      if (res.status < 400) return res;
      // Twice: a token adopted from another process may itself have expired meanwhile.
      // A missing scope is not an expired token: refreshing cannot help, the mapped error names the scope.
      if (res.status === 401 && reauthorizations < MAX_REAUTHORIZATIONS && !isScopeMismatch(res.bytes)) {
        reauthorizations++;
        if (await this.auth.onUnauthorized(auth.credentialId)) continue;
      }
      await this.retryAfterErrorStatus(res, rl, ctx, site);
    }
  }

  /** After a send without a status: waits and returns to retry, or throws the error to show. */
  private async retryAfterSendFailure(e: unknown, ctx: AttemptContext, url: string, started: number): Promise<void> {
    throwIfAborted(ctx.signal);
    const failure: SendFailure = e instanceof SendFailedError ? e.failure : { kind: 'network' };
    const { timeoutMs } = this.config.http;
    if (failure.kind === 'timeout') {
      ctx.log.warn({ method: ctx.ex.method, path: ctx.what, ms: Date.now() - started }, 'atlassian request timed out');
      throw new UpstreamError(
        `Atlassian did not answer ${ctx.what} within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`,
        {
          cause: e,
          hint: 'Retry later; if it keeps happening, check the site status or raise http.timeoutMs.',
        },
      );
    }
    const code = failure.kind === 'network' ? failure.code : undefined;
    const delay = backoffDelay(ctx.attempt, this.config.rateLimit);
    if (ctx.idempotent && ctx.attempt < this.config.rateLimit.maxRetries && Date.now() + delay <= ctx.deadline) {
      ctx.log.warn(
        { method: ctx.ex.method, path: ctx.what, attempt: ctx.attempt, delayMs: delay, code },
        'network error, retrying',
      );
      await this.pause(delay, ctx.signal);
      ctx.attempt++;
      return;
    }
    throw new UpstreamError(`Could not reach Atlassian at ${new URL(url).host}${code ? ` (${code})` : ''}`, {
      cause: e,
      hint: 'Check the network, the site URL and any HTTPS_PROXY/NO_PROXY settings.',
    });
  }

  /**
   * After an error status: 429 (any method) and, for idempotent calls, 5xx are retried with
   * backoff that never undercuts the server's wait; past the call's ceiling a 429/503 becomes a
   * RateLimitedError; everything else is mapped to its core error.
   */
  private async retryAfterErrorStatus(
    res: ReceivedResponse,
    rl: RateLimitSignal,
    ctx: AttemptContext,
    site: SiteLimiter,
  ): Promise<void> {
    const { rateLimit } = this.config;
    const limited = res.status === 429 || res.status === 503;
    const retryable = res.status === 429 || (ctx.idempotent && res.status >= 500 && res.status !== 501);
    // "Come back later" answers are bounded by the call's wait budget, not by a count (a busy
    // site can answer 429 more often than maxRetries within a budget that has room left);
    // other server errors also by maxRetries, so a failing server is not hammered.
    if (retryable && (limited || ctx.attempt < rateLimit.maxRetries)) {
      const serverDelay = backoffDelay(ctx.attempt, rateLimit, rl.retryAfterMs);
      // Past maxRetries, never faster than our own backoff, even if the server says "now".
      const delay =
        ctx.attempt < rateLimit.maxRetries ? serverDelay : Math.max(serverDelay, backoffDelay(ctx.attempt, rateLimit));
      if (res.status === 429) this.applyRateLimit(site, rl.reason, ctx.endpoint, ctx.ex, Date.now() + delay);
      if (Date.now() + delay <= ctx.deadline) {
        ctx.log.warn(
          {
            method: ctx.ex.method,
            path: ctx.what,
            status: res.status,
            reason: rl.reason,
            attempt: ctx.attempt,
            delayMs: delay,
          },
          'atlassian asked us to back off, retrying',
        );
        await this.pause(delay, ctx.signal);
        ctx.attempt++;
        return;
      }
      if (limited) throw tooLongError(delay);
    }
    throw mapErrorResponse({
      method: ctx.ex.method,
      path: ctx.ex.path.split('?')[0]!,
      status: res.status,
      body: decodeErrorBody(res.bytes),
      scopes: ctx.scopes,
      retryAfterMs: rl.retryAfterMs,
    });
  }

  private limiter(siteKey: string): SiteLimiter {
    let l = this.limiters.get(siteKey);
    if (!l) this.limiters.set(siteKey, (l = new SiteLimiter(this.config.rateLimit.concurrency)));
    return l;
  }

  private getDispatcher(): Dispatcher {
    return (this.dispatcher ??= createDispatcher(this.config.http));
  }

  private applyRateLimit(
    site: SiteLimiter,
    reason: string | undefined,
    endpoint: string,
    ex: Exchange,
    until: number,
  ): void {
    const scope = scopeOfReason(reason);
    const writeKey = writeKeyOf(ex);
    // A quota 429 pauses that product's quota on the site, not the other products.
    if (scope === 'site') site.pauseQuota(productDefinition(ex.product).quota, until);
    else if (scope === 'issue' && writeKey) site.spaceWrites(writeKey, until);
    else site.slowEndpoint(endpoint, until);
  }

  /** Waits until `at`, or fails fast when that is past the call's wait ceiling. */
  private async waitForTurn(at: number, deadline: number, signal: AbortSignal | undefined): Promise<void> {
    const wait = at - Date.now();
    if (wait <= 0) return;
    if (at > deadline) throw tooLongError(wait);
    await this.pause(wait, signal);
  }

  private async pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await sleep(ms, undefined, { signal });
    } catch (e) {
      throwIfAborted(signal);
      throw e;
    }
  }

  private noteNearLimit(near: boolean, log: Logger): void {
    if (!near || Date.now() - this.lastNearLimitLog < NEAR_LIMIT_LOG_EVERY_MS) return;
    this.lastNearLimitLog = Date.now();
    log.warn('less than 20% of the Atlassian rate-limit quota remains');
  }
}

/** The target a write is spaced by (`issueKey` is the older name of `writeKey`). */
function writeKeyOf(ex: { writeKey?: string; issueKey?: string }): string | undefined {
  return ex.writeKey ?? ex.issueKey;
}

function tooLongError(waitMs: number): RateLimitedError {
  const s = Math.max(1, Math.ceil(waitMs / 1000));
  return new RateLimitedError(
    `Atlassian is rate limiting this site; waiting ${s} s would exceed this call's wait limit`,
    {
      retryAfterMs: waitMs,
      hint: `Retry in about ${s} s.`,
    },
  );
}

/** Throws a CancelledError when the tool call was cancelled. */
function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledBy(signal);
}

function isScopeMismatch(bytes: Uint8Array): boolean {
  return /scope does not match/i.test(Buffer.from(bytes).toString('utf8'));
}
