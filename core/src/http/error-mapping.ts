import {
  AuthenticationError,
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  RateLimitedError,
  UpstreamError,
  type AtlassianMcpError,
  type FieldErrors,
} from '../plugin-api/errors.js';

/** What the mapper knows about the failed call (never the body we sent). */
export interface FailedCall {
  method: string;
  path: string;
  status: number;
  /** The response body, already parsed as JSON when it was JSON, else its text. */
  body: unknown;
  /** Scopes the call declared, for the "scope does not match" hint. */
  scopes?: string[];
  /** How long Atlassian asked us to wait, for 429/503. */
  retryAfterMs?: number;
}

/** Atlassian's error messages, extracted from the body shapes Jira, JSM and Confluence use. */
export interface UpstreamMessages {
  messages: string[];
  fieldErrors: FieldErrors;
}

const MAX_MESSAGE = 400;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/**
 * Pulls messages out of the error bodies Atlassian sends: Jira `{errorMessages[], errors{field:msg}}`,
 * JSM `{errorMessage}`, Confluence v2 `{errors:[{title, detail}]}`, Confluence v1 `{message, data:{errors:[{message:{translation}}]}}`.
 */
export function extractUpstreamMessages(body: unknown): UpstreamMessages {
  const messages: string[] = [];
  const fieldErrors: FieldErrors = {};
  const rec = asRecord(body);
  if (!rec) {
    // Plain-text bodies can be HTML error pages: keep them out of messages.
    if (typeof body === 'string' && body.trim() && !/^\s*</.test(body)) messages.push(clip(body));
    return { messages, fieldErrors };
  }
  if (Array.isArray(rec.errorMessages)) {
    for (const m of rec.errorMessages) if (typeof m === 'string' && m.trim()) messages.push(clip(m));
  }
  const errors = rec.errors;
  if (asRecord(errors)) {
    for (const [field, msg] of Object.entries(errors as Record<string, unknown>)) {
      if (typeof msg === 'string') fieldErrors[field] = clip(msg);
    }
  } else if (Array.isArray(errors)) {
    for (const e of errors) {
      const er = asRecord(e);
      const text = [er?.title, er?.detail]
        .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
        .join(': ');
      if (text) messages.push(clip(text));
    }
  }
  for (const key of ['errorMessage', 'message', 'error_description']) {
    if (typeof rec[key] === 'string' && (rec[key] as string).trim()) messages.push(clip(javaless(rec[key] as string)));
  }
  // Confluence v1 puts the reason (a CQL parse position, the invalid field) under data.errors.
  const data = asRecord(rec.data);
  if (Array.isArray(data?.errors)) {
    for (const e of data.errors) {
      const m = asRecord(e)?.message;
      const text = typeof m === 'string' ? m : asRecord(m)?.translation;
      if (typeof text === 'string' && text.trim()) messages.push(clip(text));
    }
  }
  return { messages: [...new Set(messages)], fieldErrors };
}

/** Confluence v1 prefixes messages with the Java exception class (`com.atlassian….BadRequestException: `). */
function javaless(message: string): string {
  return message.replace(/^(?:[a-z]\w*\.)+[A-Z]\w*(?:Exception|Error): /, '');
}

function describe(messages: UpstreamMessages): string {
  const parts = [...messages.messages];
  for (const [field, msg] of Object.entries(messages.fieldErrors)) parts.push(`${field}: ${msg}`);
  return parts.join('; ');
}

function withDetail(base: string, detail: string): string {
  return detail ? `${base}: ${detail}` : base;
}

/** Seconds, rounded up, for messages. */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Maps a failed Atlassian response to the core error the model sees — once, for every plugin.
 * Never returns a success: every status handed to it becomes an error.
 */
export function mapErrorResponse(call: FailedCall): AtlassianMcpError {
  const upstream = extractUpstreamMessages(call.body);
  const detail = describe(upstream);
  const what = `${call.method} ${call.path}`;
  const s = call.status;
  switch (true) {
    case s === 400 || s === 422 || s === 412:
      return new InputError(withDetail('Atlassian rejected the request', detail || `HTTP ${s}`), {
        fieldErrors: upstream.fieldErrors,
        hint: Object.keys(upstream.fieldErrors).length
          ? 'Fix the named fields and call again.'
          : 'Check the arguments and call again.',
      });
    case s === 401: {
      if (/scope does not match|scope/i.test(detail)) {
        const needed = call.scopes ?? [];
        return new AuthenticationError(withDetail('The Atlassian credentials lack a scope this call needs', detail), {
          missingScopes: needed,
          hint: needed.length
            ? `Grant the scope(s) ${needed.join(', ')} (add them to the OAuth app or the scoped token), then run \`atlassian-mcp login\`.`
            : 'Grant the missing scope to the OAuth app or the scoped token, then run `atlassian-mcp login`.',
        });
      }
      return new AuthenticationError('Atlassian rejected the credentials (HTTP 401)', {
        hint: 'Run `atlassian-mcp login` (OAuth) or check ATLASSIAN_EMAIL / ATLASSIAN_API_TOKEN.',
      });
    }
    case s === 403:
      return new NotAllowedError(withDetail('Atlassian refused the call: the account lacks permission', detail), {
        hint: 'Ask a site admin for the permission, or use an account that has it.',
      });
    case s === 404:
      return new NotFoundError(withDetail('Not found, or not visible to this account', detail), {
        hint: 'Check the key or id; search for it if unsure.',
      });
    case s === 409:
      return new ConflictError(withDetail('The change conflicts with the current state', detail), {
        hint: 'Read the item again and retry with its current state.',
      });
    case s === 410:
      return new UpstreamError(`This Atlassian API was removed (${what} answered 410 Gone)`, {
        status: s,
        hint: 'This tool uses a retired endpoint; update atlassian-mcp.',
      });
    case s === 413:
      return new InputError(withDetail('The request is too large for Atlassian (HTTP 413)', detail), {
        hint: 'Send less: a smaller file, a shorter body, or fewer items per call.',
      });
    case s === 405:
      return new InputError(`Atlassian does not accept ${call.method} on ${call.path} (HTTP 405)`, {
        hint: 'Check the ids and keys in the call: the path names a different kind of resource than intended.',
      });
    case s === 414 || s === 431:
      return new InputError(`The request is too large for Atlassian (HTTP ${s}: the URL or its query is too long)`, {
        hint: 'Send less: a shorter query (JQL/CQL), fewer ids or fields per call.',
      });
    case s === 429:
      return new RateLimitedError('Atlassian is rate limiting requests', {
        retryAfterMs: call.retryAfterMs,
        hint:
          call.retryAfterMs !== undefined ? `Retry in about ${seconds(call.retryAfterMs)} s.` : 'Retry in a minute.',
      });
    case s >= 500:
      return new UpstreamError(withDetail(`Atlassian failed (HTTP ${s}) on ${what}`, detail), {
        status: s,
        hint:
          call.retryAfterMs !== undefined
            ? `Retry in about ${seconds(call.retryAfterMs)} s.`
            : 'Retry later; check https://status.atlassian.com if it persists.',
      });
    default:
      return new UpstreamError(withDetail(`Unexpected answer from Atlassian (HTTP ${s}) on ${what}`, detail), {
        status: s,
        hint: 'Retry later; report it if it persists.',
      });
  }
}
