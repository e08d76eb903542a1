import { isAtlassianMcpError, type AtlassianMcpError } from '../plugin-api/errors.js';
import type { Logger } from '../logging/logger.js';
import { inlineText } from '../render/neutralise.js';

/** The text an `isError` result carries, and the short code for the audit log. */
export interface MappedError {
  text: string;
  code: string;
}

const DEFAULT_HINTS: Record<string, string> = {
  input: 'Fix the arguments and call again.',
  not_found: 'Check the key or id (search first if unsure).',
  not_allowed: 'Ask an Atlassian admin for the permission, or use another project.',
  authentication: 'Run `atlassian-mcp login` (or check ATLASSIAN_EMAIL / ATLASSIAN_API_TOKEN), then retry.',
  conflict: 'Read the current state again and retry with it.',
  rate_limited: 'Wait, then retry.',
  upstream: 'Atlassian had a problem; retry in a moment.',
};

/** One line per part: a message quoting user-authored text cannot start a line of its own. */
const line = (text: string) => inlineText(text, Number.MAX_SAFE_INTEGER);

function describeKnown(e: AtlassianMcpError): string {
  const lines = [`Error (${e.code}): ${line(e.message)}`];
  const fieldErrors = (e as { fieldErrors?: Record<string, string> }).fieldErrors;
  if (fieldErrors) for (const [field, msg] of Object.entries(fieldErrors)) lines.push(`- ${line(field)}: ${line(msg)}`);
  const missing = (e as { missingScopes?: string[] }).missingScopes;
  if (missing && missing.length) lines.push(`Missing OAuth scopes: ${missing.join(', ')}`);
  const retry = (e as { retryAfterMs?: number }).retryAfterMs;
  if (e.code === 'rate_limited' && retry !== undefined) lines.push(`Retry after ${Math.ceil(retry / 1000)} s.`);
  lines.push(`Next: ${line(e.hint ?? DEFAULT_HINTS[e.code] ?? 'Retry later.')}`);
  return lines.join('\n');
}

/** Ceiling on an error result's text, whatever the tool's output budget. */
export const ERROR_TEXT_MAX_CHARS = 1500;
const LONG_RUN = 120;

/**
 * Shortens any run of more than 120 non-space characters (a pasted id, a URL, a base64 blob echoed
 * by Atlassian) to its head and tail with its length, so the model still sees what it sent.
 */
export function elideLongRuns(text: string): string {
  return text.replace(new RegExp(`\\S{${LONG_RUN + 1},}`, 'g'), (run) => {
    return `${run.slice(0, 60)}…[${run.length} characters]…${run.slice(-20)}`;
  });
}

/**
 * Maps anything a handler threw, once. Known errors become a user-safe message with a next step;
 * anything else is logged with the correlation id and the model gets a generic message.
 */
export function mapError(e: unknown, requestId: string, logger: Logger): MappedError {
  if (isAtlassianMcpError(e)) {
    logger.info(
      { err: { code: e.code, message: elideLongRuns(e.message).slice(0, 2000) }, requestId },
      'tool call failed',
    );
    return { text: elideLongRuns(describeKnown(e)), code: e.code };
  }
  logger.error({ err: e, requestId }, 'unexpected error in tool call');
  return {
    text: `Error (internal): the tool failed unexpectedly (reference ${requestId}). This is a bug in the server, not in your request; retrying is unlikely to help. Report the reference to the server's operator.`,
    code: 'internal',
  };
}
