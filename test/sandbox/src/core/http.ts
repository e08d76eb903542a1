// Transport-neutral request/response types shared by the node:http adapter and the
// in-process fetch adapter, plus the error type handlers throw.

export interface SandboxRequest {
  method: string;
  /** Path as received, without the query string (e.g. `/ex/jira/<cloudId>/rest/api/3/myself`). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** Origin the client used (`http://127.0.0.1:1234`), for `self` links and redirects. */
  origin: string;
  /** Aborts when the client goes away (fetch signal or socket close). */
  signal?: AbortSignal;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Never answer (fault injection). The adapter keeps the connection open until close/abort. */
  hang?: boolean;
  /**
   * Lose an answer that was produced (fault injection): `truncate` sends status, headers and half
   * the body, then closes the connection; `reset` closes it before any byte.
   */
  drop?: 'truncate' | 'reset';
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function json(status: number, body: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function empty(status = 204, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers };
}

/** Jira's standard error collection: `{"errorMessages":[…],"errors":{field:msg}}`. */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown by handlers; rendered as Jira's error collection (or `body` verbatim when given). */
export class ApiError extends Error {
  readonly status: number;
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  constructor(
    status: number,
    errorMessages: string[] | string = [],
    errors: Record<string, string> = {},
    extra: { body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const msgs = typeof errorMessages === 'string' ? [errorMessages] : errorMessages;
    super(msgs[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.status = status;
    this.errorMessages = msgs;
    this.errors = errors;
    this.body = extra.body;
    this.headers = extra.headers;
  }
  toResponse(): SandboxResponse {
    const body = this.body !== undefined ? this.body : { errorMessages: this.errorMessages, errors: this.errors };
    return json(this.status, body, this.headers);
  }
}

export const badRequest = (msgs: string[] | string = [], errors: Record<string, string> = {}) =>
  new ApiError(400, msgs, errors);
export const notFound = (msg: string) => new ApiError(404, [msg]);
export const forbidden = (msg: string) => new ApiError(403, [msg]);

/** `a=1&b=2` and JSON bodies both parse to a plain object. */
export function parseFormOrJson(req: SandboxRequest): Record<string, unknown> | undefined {
  if (!req.body || req.body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  const text = req.body.toString('utf8');
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    const v = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    if (!type.includes('json')) return Object.fromEntries(new URLSearchParams(text));
    return undefined;
  }
}
