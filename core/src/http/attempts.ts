import { setTimeout as sleep } from 'node:timers/promises';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { RateLimitedError, UpstreamError } from '../plugin-api/errors.js';
import type { Logger } from '../logging/logger.js';
import { backoffDelay } from './backoff.js';
import { cancelledBy } from './call-errors.js';
import { mapErrorResponse } from './error-mapping.js';
import {
  certainlyNotSent,
  decodeErrorBody,
  MalformedAnswerError,
  type ReceivedResponse,
  type SendFailure,
} from './http-exchange.js';
import { AnswerLostError } from './lost-answer.js';
import type { RateLimitSignal } from './rate-limit-headers.js';
import type { HttpMethod } from './types.js';
import { networkProblem } from './network-problem.js';

/** Server errors after which a write may or may not have been applied (503/429 mean "not processed"). */
const UNCERTAIN_WRITE_STATUSES = new Set([500, 502, 504]);

/** What the retry decisions need to know about the exchange. */
export interface AttemptsOf {
  method: HttpMethod;
  path: string;
  /** `METHOD /path` for messages and logs (no query). */
  what: string;
  idempotent: boolean;
  /** The request can be reconciled after a lost answer (see `AtlassianRequest.reconcile`). */
  reconcilable: boolean;
  scopes: string[] | undefined;
  signal: AbortSignal | undefined;
  /** Epoch ms past which waits give up. */
  deadline: number;
  log: Logger;
}

/**
 * The retry decisions of one exchange in {@link AtlassianHttp.execute}: after a send that failed,
 * an answer that was lost, or an error status, either wait and return (the caller sends again) or
 * throw the error to show. A write that may have been applied is never resent here: it throws
 * AnswerLostError for `AtlassianHttp.request` to reconcile.
 */
export class Attempts {
  /** Retries so far. */
  count = 0;
  /** An earlier attempt may have been applied (its answer was lost). */
  lost = false;

  constructor(
    readonly of: AttemptsOf,
    private readonly config: Pick<Readonly<AtlassianMcpConfig>, 'rateLimit' | 'http'>,
  ) {}

  /** Throws a CancelledError when the tool call was cancelled. */
  throwIfAborted(): void {
    throwIfAborted(this.of.signal);
  }

  /** Waits until `at`, or fails fast when that is past the call's wait ceiling. */
  async waitUntil(at: number): Promise<void> {
    const wait = at - Date.now();
    if (wait <= 0) return;
    if (at > this.of.deadline) throw tooLongError(wait);
    await this.pause(wait);
  }

  /** After a send without a usable answer: waits and returns to retry, or throws the error to show. */
  async afterSendFailure(e: unknown, failure: SendFailure, url: string, started: number): Promise<void> {
    this.throwIfAborted();
    const { timeoutMs } = this.config.http;
    const within = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    const { log, what } = this.of;
    if (failure.kind === 'timeout')
      log.warn({ method: this.of.method, path: what, ms: Date.now() - started }, 'atlassian request timed out');
    const code = 'code' in failure ? failure.code : undefined;
    if (certainlyNotSent(failure)) {
      if (await this.backOff('network error, retrying', { code })) return;
      const net = networkProblem(e, url);
      throw new UpstreamError(`Could not reach Atlassian at ${new URL(url).host}${code ? ` (${code})` : ''}`, {
        cause: e,
        hint: net
          ? `${net.problem}. ${net.hint}`
          : 'Check the network, the site URL and any HTTPS_PROXY/NO_PROXY settings.',
      });
    }
    if (failure.kind === 'timeout' && this.of.idempotent && !this.canBackOff()) {
      throw new UpstreamError(`Atlassian did not answer ${what} within ${within}`, {
        cause: e,
        hint: 'Retry later; if it keeps happening, check the site status or raise http.timeoutMs.',
      });
    }
    const how =
      failure.kind === 'timeout'
        ? `no answer came within ${within}`
        : failure.kind === 'truncated'
          ? `its answer (HTTP ${failure.status}) was cut short`
          : `the connection dropped before the answer${code ? ` (${code})` : ''}`;
    await this.afterLostAnswer(how, e, failure.kind === 'truncated' ? failure.status : undefined);
  }

  /**
   * The request went out but its answer was lost. Safe to repeat → waits and returns to retry (or
   * throws once the budget is spent); a write that may have been applied → AnswerLostError.
   */
  async afterLostAnswer(how: string, cause: unknown, status?: number): Promise<void> {
    if (!this.of.idempotent) throw new AnswerLostError(this.of.what, how, { cause, status });
    this.lost = true;
    if (await this.backOff('the answer was lost, retrying', { how })) return;
    if (cause instanceof MalformedAnswerError) throw cause;
    throw new UpstreamError(`Atlassian's answer to ${this.of.what} was lost: ${how}`, {
      cause,
      hint: 'Retry later; if it keeps happening, check the site status or raise http.timeoutMs.',
    });
  }

  /**
   * After an error status: 429 (any method) and, for idempotent calls, 5xx are retried with
   * backoff that never undercuts the server's wait (`onRateLimited` hears of each 429's wait);
   * past the call's ceiling a 429/503 becomes a RateLimitedError; a 5xx on a reconcilable write
   * is an AnswerLostError (it may have been applied); everything else is mapped to its core error.
   */
  async afterErrorStatus(
    res: ReceivedResponse,
    rl: RateLimitSignal,
    onRateLimited: (until: number) => void,
  ): Promise<void> {
    const { rateLimit } = this.config;
    const { idempotent, log } = this.of;
    const limited = res.status === 429 || res.status === 503;
    const retryable = res.status === 429 || (idempotent && res.status >= 500 && res.status !== 501);
    // "Come back later" answers are bounded by the call's wait budget, not by a count (a busy
    // site can answer 429 more often than maxRetries within a budget that has room left);
    // other server errors also by maxRetries, so a failing server is not hammered.
    if (retryable && (limited || this.count < rateLimit.maxRetries)) {
      const serverDelay = backoffDelay(this.count, rateLimit, rl.retryAfterMs);
      // Past maxRetries, never faster than our own backoff, even if the server says "now".
      const delay =
        this.count < rateLimit.maxRetries ? serverDelay : Math.max(serverDelay, backoffDelay(this.count, rateLimit));
      if (res.status === 429) onRateLimited(Date.now() + delay);
      if (Date.now() + delay <= this.of.deadline) {
        log.warn(
          {
            method: this.of.method,
            path: this.of.what,
            status: res.status,
            reason: rl.reason,
            attempt: this.count,
            delayMs: delay,
          },
          'atlassian asked us to back off, retrying',
        );
        await this.pause(delay);
        this.count++;
        return;
      }
      if (limited) throw tooLongError(delay);
    }
    const mapped = mapErrorResponse({
      method: this.of.method,
      path: this.of.path.split('?')[0]!,
      status: res.status,
      body: decodeErrorBody(res.bytes),
      scopes: this.of.scopes,
      retryAfterMs: rl.retryAfterMs,
    });
    // A server error on a write may come after the write was applied: look before answering.
    if (!idempotent && this.of.reconcilable && UNCERTAIN_WRITE_STATUSES.has(res.status))
      throw new AnswerLostError(this.of.what, `Atlassian answered HTTP ${res.status}`, {
        status: res.status,
        ifAbsent: mapped,
      });
    throw mapped;
  }

  /** True when another attempt fits in maxRetries and the call's wait budget. */
  private canBackOff(): boolean {
    return (
      this.count < this.config.rateLimit.maxRetries &&
      Date.now() + backoffDelay(this.count, this.config.rateLimit) <= this.of.deadline
    );
  }

  /** Waits a backoff and counts the attempt; false when no attempt is left. */
  private async backOff(msg: string, extra: Record<string, unknown>): Promise<boolean> {
    const delay = backoffDelay(this.count, this.config.rateLimit);
    if (this.count >= this.config.rateLimit.maxRetries || Date.now() + delay > this.of.deadline) return false;
    this.of.log.warn(
      { method: this.of.method, path: this.of.what, attempt: this.count, delayMs: delay, ...extra },
      msg,
    );
    await this.pause(delay);
    this.count++;
    return true;
  }

  private async pause(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.of.signal });
    } catch (e) {
      this.throwIfAborted();
      throw e;
    }
  }
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
