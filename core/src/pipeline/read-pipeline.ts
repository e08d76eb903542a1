import { randomUUID } from 'node:crypto';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import { lazyChild } from '../logging/logger.js';
import { AuthenticationError } from '../plugin-api/errors.js';
import { inlineText } from '../render/neutralise.js';
import { runInCallScope } from './call-scope.js';
import { ERROR_TEXT_MAX_CHARS, mapError } from './error-mapping.js';
import type { PipelineDeps } from './tool-call-pipeline.js';
import { applyBudget } from '../render/compact-text.js';

/** What a resource read, listing, completion or prompt declares. */
export interface ReadSubject {
  /** `resource jira-issue`, `prompt standup`: for logs and call scopes. */
  name: string;
  pluginId: string;
  targets?: Record<string, string>;
  scopes?: string[];
  /** The URI being read, echoed in a not-found error as the spec asks. */
  uri?: string;
}

/** What a read needs besides the tool pipeline's dependencies. */
export interface ReadDeps extends PipelineDeps {
  /** Granted OAuth scopes; undefined when the credentials are not scoped (API tokens). */
  grantedScopes(): Promise<string[] | undefined>;
}

/**
 * Runs a resource read (or listing, completion, prompt) the way tools run: in a call scope (signal,
 * wait ceiling, scopes for error messages), with the plugin's allowlist checked on what the
 * variables name, OAuth scopes checked, and any failure mapped once to a user-safe message with a
 * next step and a correlation id — a JSON-RPC error, since these requests have no `isError` result.
 */
export async function runRead<T>(
  subject: ReadSubject,
  deps: ReadDeps,
  signal: AbortSignal,
  vars: Record<string, unknown>,
  read: (vars: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  const requestId = randomUUID().slice(-12);
  const logger = lazyChild(deps.logger, { read: subject.name, requestId });
  const started = Date.now();
  const scope = {
    requestId,
    tool: subject.name,
    signal,
    logger,
    waitDeadline: started + deps.config.rateLimit.maxWaitMs,
    scopes: subject.scopes,
    // Hosted mode: the read runs with the user's credentials; what they read is kept per user.
    ...(deps.principal ? { connection: `user:${deps.principal.id}`, principal: deps.principal } : {}),
  };
  try {
    return await runInCallScope(scope, async () => {
      const granted = await deps.grantedScopes();
      const missing = (subject.scopes ?? []).filter((s) => granted !== undefined && !granted.includes(s));
      if (missing.length > 0)
        throw new AuthenticationError(`${subject.name} needs OAuth scopes that were not granted.`, {
          missingScopes: missing,
          hint: 'Sign in again granting them (authenticate_atlassian or `atlassian-mcp login`).',
        });
      const checked = (await deps.scopeOf(subject.pluginId)?.apply(vars, subject.targets)) ?? vars;
      return read(checked);
    });
  } catch (e) {
    const mapped = mapError(e, requestId, logger);
    const text = applyBudget(`${mapped.text}\nReference: ${requestId}`, ERROR_TEXT_MAX_CHARS, 'the error text was cut');
    const code =
      mapped.code === 'not_found' || mapped.code === 'input' || mapped.code === 'not_allowed'
        ? ProtocolErrorCode.InvalidParams
        : ProtocolErrorCode.InternalError;
    throw new ProtocolError(code, text, mapped.code === 'not_found' && subject.uri ? { uri: subject.uri } : undefined);
  }
}

/** Listed resources carry user-authored titles (issue summaries): one neutralised line each. */
export function neutralListing<R extends { name: string; title?: string; description?: string }>(r: R): R {
  return {
    ...r,
    name: inlineText(r.name),
    ...(r.title !== undefined && { title: inlineText(r.title) }),
    ...(r.description !== undefined && { description: inlineText(r.description, 500) }),
  };
}
