/**
 * The errors a plugin may throw (or that core's HTTP pipeline throws for it). Core maps each one
 * once, in the call pipeline, to an `isError` tool result with a user-safe message and a next step.
 * Anything else is an internal error: logged with a correlation id, never shown raw to the model.
 */

/** Base class of every error core knows how to show the model. */
const ERROR_BRAND = Symbol.for('atlassian-mcp.error');

export abstract class AtlassianMcpError extends Error {
  /** Brand checked instead of `instanceof`: a plugin may carry its own copy of core. */
  readonly [ERROR_BRAND] = true;
  /** A stable machine-readable code (`input`, `not_found`, …). */
  abstract readonly code: string;
  /** What the model (or user) can do next, in one sentence. */
  readonly hint?: string;

  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options?.hint;
  }
}

/** Field-level problems, keyed by field name (Atlassian's `errors{field:msg}`). */
export type FieldErrors = Record<string, string>;

/** The request was invalid: bad arguments, JQL errors, missing required fields (HTTP 400). */
export class InputError extends AtlassianMcpError {
  readonly code = 'input';
  readonly fieldErrors: FieldErrors;
  constructor(message: string, options?: { hint?: string; cause?: unknown; fieldErrors?: FieldErrors }) {
    super(message, options);
    this.fieldErrors = options?.fieldErrors ?? {};
  }
}

/** The thing asked for does not exist, or the user cannot see it (HTTP 404). */
export class NotFoundError extends AtlassianMcpError {
  readonly code = 'not_found';
}

/** The user or the token lacks a permission, or policy forbids the call (HTTP 403). */
export class NotAllowedError extends AtlassianMcpError {
  readonly code = 'not_allowed';
}

/** No usable credentials, an expired session, or a missing OAuth scope (HTTP 401). */
export class AuthenticationError extends AtlassianMcpError {
  readonly code = 'authentication';
  /** OAuth scopes that would make the call succeed, when known. */
  readonly missingScopes: string[];
  constructor(message: string, options?: { hint?: string; cause?: unknown; missingScopes?: string[] }) {
    super(message, options);
    this.missingScopes = options?.missingScopes ?? [];
  }
}

/** The target changed underneath the call, or the write conflicts with current state (HTTP 409). */
export class ConflictError extends AtlassianMcpError {
  readonly code = 'conflict';
}

/** Atlassian is rate limiting us past the per-call wait ceiling (HTTP 429 / 503). */
export class RateLimitedError extends AtlassianMcpError {
  readonly code = 'rate_limited';
  /** Milliseconds after which a retry is expected to succeed, when known. */
  readonly retryAfterMs?: number;
  constructor(message: string, options?: { hint?: string; cause?: unknown; retryAfterMs?: number }) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/** Atlassian failed (5xx, malformed answers, timeouts, removed APIs). */
export class UpstreamError extends AtlassianMcpError {
  readonly code = 'upstream';
  /** The HTTP status Atlassian answered with, if any. */
  readonly status?: number;
  constructor(message: string, options?: { hint?: string; cause?: unknown; status?: number }) {
    super(message, options);
    this.status = options?.status;
  }
}

/** True for errors core renders as a known, user-safe failure (works across copies of core). */
export function isAtlassianMcpError(e: unknown): e is AtlassianMcpError {
  return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[ERROR_BRAND] === true;
}
