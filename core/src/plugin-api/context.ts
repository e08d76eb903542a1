import type { Logger } from '../logging/logger.js';
import type { RenderKit } from '../render/render-kit.js';

/** What a tool handler gets besides its validated input. */
export interface ToolContext {
  /** The tool being called. */
  readonly tool: string;
  /** Correlation id of this call; appears in logs and the audit record. */
  readonly requestId: string;
  /** Aborted when the client cancels the call; core's HTTP pipeline honours it on its own. */
  readonly signal: AbortSignal;
  /** A child logger (stderr) bound to this call. */
  readonly logger: Logger;
  /** Reports progress to the client when it asked for it; a no-op otherwise. */
  progress(done: number, total?: number, message?: string): Promise<void>;
  /**
   * Asks the user to confirm, through elicitation where the client supports it. Resolves `true`
   * when the user accepted (or when the client cannot ask: destructive tools are opt-in already),
   * `false` when they declined.
   */
  confirm(message: string): Promise<boolean>;
  /**
   * One line saying what went wrong, as core would say it: a known error's message and next step;
   * for anything else a generic line with this call's reference (the details go to the log only).
   * For tools that report per-item outcomes (bulk) instead of failing as a whole.
   */
  describeError(error: unknown): string;
}

/** What a resource read, a listing, a completion or a prompt gets. */
export interface ResourceContext {
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /** Fences and inline values for user-authored text, exactly as tools render it. */
  readonly render: RenderKit;
}
