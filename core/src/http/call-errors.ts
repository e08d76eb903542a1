import { AtlassianMcpError } from '../plugin-api/errors.js';

/**
 * The tool call was cancelled (the client sent `notifications/cancelled`, or a sign-in was
 * abandoned). Named `AbortError` like every abort; its code keeps it out of the `internal` bucket.
 */
export class CancelledError extends AtlassianMcpError {
  readonly code = 'cancelled';
  constructor(message = 'The call was cancelled', options?: { cause?: unknown; hint?: string }) {
    super(message, { hint: 'Nothing more was done after the cancellation.', ...options });
    this.name = 'AbortError';
  }
}

/**
 * A write was sent but its answer was lost, and whether it happened could not be told. Never
 * "retry": the hint names the exact check to make first.
 */
export class OutcomeUnknownError extends AtlassianMcpError {
  readonly code = 'outcome_unknown';
  constructor(message: string, options: { check: string; cause?: unknown }) {
    super(message, {
      cause: options.cause,
      hint: `Do not repeat the call blindly: it may have been applied. First check: ${options.check}`,
    });
  }
}

/** The abort reason of `signal` as a {@link CancelledError} (kept as the cause). */
export function cancelledBy(signal: AbortSignal | undefined, what = 'The call was cancelled'): CancelledError {
  const reason: unknown = signal?.reason;
  return reason instanceof CancelledError ? reason : new CancelledError(what, { cause: reason });
}
