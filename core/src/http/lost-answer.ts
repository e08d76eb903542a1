import { UpstreamError, type AtlassianMcpError } from '../plugin-api/errors.js';
import type { Logger } from '../logging/logger.js';
import { OutcomeUnknownError } from './call-errors.js';
import type { AtlassianRequest } from './types.js';

/**
 * A write that may have been applied, but whose answer never arrived intact. Thrown inside the
 * pipeline to {@link AtlassianHttp.request}, which reconciles; never shown to the model as is.
 */
export class AnswerLostError extends UpstreamError {
  constructor(
    /** `METHOD /path`. */
    readonly what: string,
    /** How it was lost, for messages: "no answer within 30 s", "connection reset", … */
    readonly how: string,
    options: {
      cause?: unknown;
      /** The status that did arrive (a 2xx whose body was cut short, or a 5xx). */
      status?: number;
      /** What to report when the write is proven absent (a 5xx: the error Atlassian sent). */
      ifAbsent?: AtlassianMcpError;
    } = {},
  ) {
    super(`${what}: ${how}`, { cause: options.cause, status: options.status });
    this.ifAbsent = options.ifAbsent;
  }
  readonly ifAbsent?: AtlassianMcpError;
}

/** What to do after a lost answer: the write was found (answer with it), or send it once more. */
export type LostWriteDecision = { found: true; data?: unknown } | { found: false };

/**
 * Settles a write whose answer was lost: looks for it (the request's `reconcile`), and decides.
 * Found → its data. Provably absent → resend (once; `resent` says how often already), or the
 * error Atlassian sent when it was a 5xx. Anything else → OutcomeUnknownError with the check.
 */
export async function settleLostWrite(
  req: AtlassianRequest,
  lost: AnswerLostError,
  resent: number,
  log: Logger,
): Promise<LostWriteDecision> {
  const happened = `${lost.what} was sent, but ${lost.how}`;
  const reconcile = req.reconcile;
  if (!reconcile) {
    throw new OutcomeUnknownError(`${happened}; whether it was applied is unknown`, {
      cause: lost,
      check: `read the item ${lost.what.split(' ')[1] ?? ''} changes and see whether the change is there.`,
    });
  }
  let result: LostWriteDecision;
  try {
    result = await reconcile.find();
  } catch (e) {
    throw new OutcomeUnknownError(
      `${happened}, and looking it up afterwards failed; whether it was applied is unknown`,
      {
        cause: e,
        check: reconcile.check,
      },
    );
  }
  if (result.found) {
    log.warn({ what: lost.what, how: lost.how }, 'the answer to a write was lost; the write was found and is reported');
    return result;
  }
  if (lost.ifAbsent) throw lost.ifAbsent;
  if (lost.status !== undefined && lost.status < 300) {
    // Atlassian said it succeeded, yet the lookup cannot see it: never write again.
    throw new OutcomeUnknownError(`${happened} (HTTP ${lost.status}), and it could not be found afterwards`, {
      cause: lost,
      check: reconcile.check,
    });
  }
  if (resent >= 1) {
    throw new UpstreamError(`${happened} twice; checked afterwards: nothing was written`, {
      cause: lost,
      hint: 'Nothing was changed. Retry later; if it keeps happening, check the site status or raise http.timeoutMs.',
    });
  }
  log.warn(
    { what: lost.what, how: lost.how },
    'the answer to a write was lost; it is provably absent, sending it once more',
  );
  return result;
}
