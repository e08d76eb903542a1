import { randomUUID } from 'node:crypto';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Client } from 'openapi-fetch';
import type { Dispatcher } from 'undici';
import { inject, Service } from '../plugin-api/decorators.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { HttpService } from '../plugin-api/services.js';
import { currentCall } from '../pipeline/call-scope.js';
import type { Logger } from '../logging/logger.js';
import type { AtlassianRequest, AtlassianResponse, FetchLike, HttpMethod, Product, QueryValue } from './types.js';
import type { RequestAuthorizer } from './request-auth.js';
import { httpServices } from './tokens.js';
import { createDispatcher } from './dispatcher.js';
import { isIdempotentMethod } from './backoff.js';
import {
  endpointKey,
  localSiteLimits,
  type SiteLimits,
  type SiteLimitsFactory,
  type SiteLimiterStats,
} from './site-limiter.js';
import { readRateLimitSignal, scopeOfReason } from './rate-limit-headers.js';
import {
  buildUrl,
  decodeBody,
  encodeBody,
  MalformedAnswerError,
  sendOnce,
  SendFailedError,
  type ReceivedResponse,
  type SendFailure,
} from './http-exchange.js';
import { AnswerLostError, settleLostWrite } from './lost-answer.js';
import { createTypedClient } from './typed-client.js';
import { productDefinition } from './products.js';
import { assertSafePath } from './path.js';
import { Attempts } from './attempts.js';

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
  scopes?: string[];
  signal?: AbortSignal;
  /** The request can be reconciled after a lost answer (see `AtlassianRequest.reconcile`). */
  reconcilable?: boolean;
}

const NO_BYTES = new Uint8Array(0);

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
  private readonly limiters = new Map<string, SiteLimits>();
  private dispatcher: Dispatcher | undefined;
  private lastNearLimitLog = 0;

  constructor(
    @inject(coreServices.rootConfig) private readonly config: Readonly<AtlassianMcpConfig>,
    @inject(coreServices.logger) private readonly logger: Logger,
    @inject(coreServices.auth) private readonly auth: RequestAuthorizer,
    @inject(httpServices.fetch) private readonly fetchFn: FetchLike,
    @inject(httpServices.siteLimits) private readonly newSiteLimits: SiteLimitsFactory = localSiteLimits,
  ) {}

  /** Sends a request and decodes the answer; throws a core error for every failure. */
  async request<T = unknown>(req: AtlassianRequest): Promise<AtlassianResponse<T>> {
    const headers: Record<string, string> = {
      Accept: (req.responseType ?? 'json') === 'json' ? 'application/json' : '*/*',
      ...req.headers,
    };
    const body = encodeBody(req.body, headers);
    const type = req.responseType ?? 'json';
    const ex: Exchange = { ...req, headers, body, reconcilable: req.reconcile !== undefined };
    for (let resent = 0; ; resent++) {
      try {
        let data: unknown;
        const res = await this.execute(ex, (r) => {
          data = decodeBody(r.bytes, type, `${req.method} ${req.path}`);
        });
        return { status: res.status, headers: res.headers, data: data as T };
      } catch (e) {
        if (!(e instanceof AnswerLostError)) throw e;
        const decision = await settleLostWrite(req, e, resent, currentCall()?.logger ?? this.logger);
        if (decision.found) return { status: 200, headers: new Headers(), data: decision.data as T };
      }
    }
  }

  /**
   * A typed `openapi-fetch` client for a product whose `fetch` runs through this pipeline, so
   * auth, limits, retries and error mapping all apply (errors are thrown, `error` is never set).
   * Per call, header `X-Mcp-Idempotent: true` marks a POST safe to retry and `X-Mcp-Write-Key`
   * names the target a write is spaced by (e.g. the issue key).
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

  /**
   * Runs one exchange through the whole pipeline and returns the successful raw response. `accept`
   * decodes a success; a MalformedAnswerError from it counts as a lost answer (reads are sent
   * again). A write that may have been applied but lost its answer throws AnswerLostError.
   */
  async execute(ex: Exchange, accept?: (res: ReceivedResponse) => void): Promise<ReceivedResponse> {
    assertSafePath(ex.path);
    const call = currentCall();
    const signals = [call?.signal, ex.signal].filter((s): s is AbortSignal => s !== undefined);
    const what = `${ex.method} ${ex.path.split('?')[0]}`;
    const endpoint = endpointKey(ex.method, ex.path);
    const log = (call?.logger ?? this.logger).child({ reqId: call?.requestId ?? randomUUID().slice(0, 8) });
    const attempts = new Attempts(
      {
        method: ex.method,
        path: ex.path,
        what,
        idempotent: ex.idempotent ?? isIdempotentMethod(ex.method),
        reconcilable: ex.reconcilable ?? false,
        scopes: ex.scopes ?? (call as { scopes?: string[] } | undefined)?.scopes,
        signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
        deadline: call?.waitDeadline ?? Date.now() + this.config.rateLimit.maxWaitMs,
        log,
      },
      this.config,
    );
    const signal = attempts.of.signal;
    let reauthorizations = 0;
    // Hosted mode: the calling user's own credentials, never the server's (see Principal).
    const authorizer = call?.principal?.authorizer ?? this.auth;
    for (;;) {
      attempts.throwIfAborted();
      const auth = await authorizer.authorize(ex.product);
      const site = this.limiter(auth.siteKey);
      await attempts.waitUntil(
        await site.reserve(
          endpoint,
          productDefinition(ex.product).quota,
          ex.method !== 'GET' ? writeKeyOf(ex) : undefined,
        ),
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
              { timeoutMs: this.config.http.timeoutMs, signal, dispatcher: this.getDispatcher() },
            ),
          signal,
        );
      } catch (e) {
        const failure: SendFailure = e instanceof SendFailedError ? e.failure : { kind: 'network' };
        // An error status whose body was cut short is still that error.
        if (failure.kind === 'truncated' && failure.status >= 400)
          res = { status: failure.status, headers: failure.headers, bytes: NO_BYTES };
        else {
          await attempts.afterSendFailure(e, failure, url, started);
          continue;
        }
      }
      if (this.config.http.debug)
        log.info(
          { method: ex.method, path: what, status: res.status, ms: Date.now() - started, attempt: attempts.count },
          'atlassian request',
        );
      const rl = readRateLimitSignal(res.headers, Date.now());
      this.noteNearLimit(rl.nearLimit, log);
      if (res.status < 400) {
        try {
          accept?.(res);
          return res;
        } catch (e) {
          if (!(e instanceof MalformedAnswerError)) throw e;
          await attempts.afterLostAnswer(`its answer (HTTP ${res.status}) was not valid JSON`, e, res.status);
          continue;
        }
      }
      if (res.status === 404 && ex.method === 'DELETE' && attempts.lost) {
        // The earlier attempt whose answer was lost did delete it.
        log.info({ path: what }, 'a lost DELETE had been applied: the target is gone');
        return { status: 204, headers: res.headers, bytes: NO_BYTES };
      }
      // Twice: a token adopted from another process may itself have expired meanwhile.
      // A missing scope is not an expired token: refreshing cannot help, the mapped error names the scope.
      if (res.status === 401 && reauthorizations < MAX_REAUTHORIZATIONS && !isScopeMismatch(res.bytes)) {
        reauthorizations++;
        if (await authorizer.onUnauthorized(auth.credentialId)) continue;
      }
      await attempts.afterErrorStatus(res, rl, (until) => this.applyRateLimit(site, rl.reason, endpoint, ex, until));
    }
  }

  private limiter(siteKey: string): SiteLimits {
    let l = this.limiters.get(siteKey);
    if (!l) this.limiters.set(siteKey, (l = this.newSiteLimits(siteKey, this.config.rateLimit.concurrency)));
    return l;
  }

  private getDispatcher(): Dispatcher {
    return (this.dispatcher ??= createDispatcher(this.config.http));
  }

  private applyRateLimit(
    site: SiteLimits,
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

  private noteNearLimit(near: boolean, log: Logger): void {
    if (!near || Date.now() - this.lastNearLimitLog < NEAR_LIMIT_LOG_EVERY_MS) return;
    this.lastNearLimitLog = Date.now();
    log.warn('less than 20% of the Atlassian rate-limit quota remains');
  }
}

/** The target a write is spaced by. */
function writeKeyOf(ex: { writeKey?: string }): string | undefined {
  return ex.writeKey;
}

function isScopeMismatch(bytes: Uint8Array): boolean {
  return /scope does not match/i.test(Buffer.from(bytes).toString('utf8'));
}
