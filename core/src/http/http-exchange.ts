import { UpstreamError } from '../plugin-api/errors.js';
import type { FetchLike, HttpMethod, QueryValue } from './types.js';

/** A request ready to send: absolute URL, headers, encoded body. */
export interface PreparedRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: BodyInit;
}

/** A response read to the end inside the concurrency slot. */
export interface ReceivedResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Why a send failed without a usable answer. `truncated`: the status and headers arrived, the body
 * did not (cut short, or it stalled past the timeout).
 */
export type SendFailure =
  | { kind: 'aborted'; reason: unknown }
  | { kind: 'timeout' }
  | { kind: 'network'; code?: string }
  | { kind: 'truncated'; status: number; headers: Headers; code?: string };

/** Network errors raised before the request could reach the server: resending is safe. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** True when the request certainly did not reach Atlassian (nothing can have happened). */
export function certainlyNotSent(failure: SendFailure): boolean {
  return failure.kind === 'network' && failure.code !== undefined && NOT_SENT_CODES.has(failure.code);
}

/** A success status whose body could not be decoded (cut short, or not what was announced). */
export class MalformedAnswerError extends UpstreamError {}

/** Thrown by {@link sendOnce} when no response arrived. */
export class SendFailedError extends Error {
  constructor(
    readonly failure: SendFailure,
    cause: unknown,
  ) {
    super(`send failed: ${failure.kind}`, { cause });
  }
}

/** Joins base URL, path (which may carry its own query, e.g. a `_links.next`) and query. */
export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, v);
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Encodes a request body: FormData as multipart (with Atlassian's XSRF opt-out), anything else as JSON. */
export function encodeBody(body: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    headers['X-Atlassian-Token'] = 'no-check';
    return body;
  }
  headers['Content-Type'] ??= 'application/json';
  return JSON.stringify(body);
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);

function causeCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Sends one request and reads the whole body, bounded by `timeoutMs`; `signal` (the tool call's)
 * cancels it. Failures without a status become a {@link SendFailedError} saying which kind.
 */
export async function sendOnce(
  fetchFn: FetchLike,
  req: PreparedRequest,
  opts: { timeoutMs: number; signal?: AbortSignal; dispatcher?: unknown },
): Promise<ReceivedResponse> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetchFn(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal,
      dispatcher: opts.dispatcher,
      redirect: 'follow',
    });
  } catch (e) {
    if (opts.signal?.aborted) throw new SendFailedError({ kind: 'aborted', reason: opts.signal.reason }, e);
    const code = causeCode(e);
    if (timeout.aborted || (code && TIMEOUT_CODES.has(code))) throw new SendFailedError({ kind: 'timeout' }, e);
    throw new SendFailedError({ kind: 'network', code }, e);
  }
  try {
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes };
  } catch (e) {
    if (opts.signal?.aborted) throw new SendFailedError({ kind: 'aborted', reason: opts.signal.reason }, e);
    throw new SendFailedError({ kind: 'truncated', status: res.status, headers: res.headers, code: causeCode(e) }, e);
  }
}

/** Decodes a successful body as the caller asked. */
export function decodeBody(bytes: Uint8Array, type: 'json' | 'text' | 'bytes', what: string): unknown {
  if (type === 'bytes') return bytes;
  const text = new TextDecoder().decode(bytes);
  if (type === 'text') return text;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new MalformedAnswerError(`Atlassian sent a malformed JSON answer to ${what}`, {
      cause: e,
      hint: 'Retry; if it persists, the site may be behind a proxy or login page.',
    });
  }
}

/** Parses an error body for the error mapper: JSON when it is JSON, else the text. */
export function decodeErrorBody(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
