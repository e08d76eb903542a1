import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logging/logger.js';
import type { Principal } from '../auth/principal.js';

/**
 * The ambient state of one tool call. The pipeline runs every handler inside it, so core's HTTP
 * pipeline sees the call's abort signal and wait ceiling without tools threading them through.
 */
export interface CallScope {
  readonly requestId: string;
  readonly tool: string;
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Epoch ms after which rate-limit waits give up with a RateLimitedError. */
  readonly waitDeadline: number;
  /** The OAuth scopes the tool declares: a "scope does not match" answer names them. */
  readonly scopes?: string[];
  /**
   * Which client connection (MCP session) the call came on. State kept between calls — the
   * documents a model read, for copying content between them — is kept per connection, never
   * across connections (the server may serve many users).
   */
  readonly connection?: string;
  /**
   * The user the call is for (hosted mode): core's HTTP pipeline authorizes every request of the
   * call with this user's credentials instead of the server's one signed-in user.
   */
  readonly principal?: Principal;
}

const storage = new AsyncLocalStorage<CallScope>();

/** Runs `fn` inside a call scope. */
export function runInCallScope<T>(scope: CallScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

/** The scope of the tool call in progress, if any. */
export function currentCall(): CallScope | undefined {
  return storage.getStore();
}
