import { acceptedContent, CLIENT_CAPABILITIES_META_KEY } from '@modelcontextprotocol/server';
import type { McpServer, ServerContext } from '@modelcontextprotocol/server';
import type { ToolContext } from '../plugin-api/context.js';
import type { Logger } from '../logging/logger.js';
import { mapError } from './error-mapping.js';

/** Thrown by `confirm` on a 2026-07-28 request: the pipeline answers with an input-required result. */
export class ConfirmationRequired extends Error {
  constructor(readonly prompt: string) {
    super('confirmation required');
  }
}

export const CONFIRM_KEY = 'confirm';
export const CONFIRM_SCHEMA = {
  type: 'object' as const,
  properties: { confirm: { type: 'boolean' as const, title: 'Confirm', description: 'Go ahead?' } },
  required: ['confirm'],
};

/** Builds the `ToolContext` a handler sees from the SDK's request context. */
export function createToolContext(
  tool: string,
  requestId: string,
  sdk: ServerContext,
  server: McpServer,
  logger: Logger,
): ToolContext {
  const progressToken = sdk.mcpReq._meta?.progressToken;
  return {
    tool,
    requestId,
    signal: sdk.mcpReq.signal,
    logger,
    async progress(done, total, message) {
      if (progressToken === undefined) return;
      await sdk.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken, progress: done, total, message },
      });
    },
    describeError(error) {
      return mapError(error, requestId, logger).text.replace(/\s*\n\s*/g, ' ');
    },
    async confirm(message) {
      // A retried 2026-07-28 request carries the answer.
      const answered = acceptedContent<{ confirm?: boolean }>(sdk.mcpReq.inputResponses, CONFIRM_KEY);
      if (answered) return answered.confirm === true;
      if (sdk.mcpReq.inputResponses && CONFIRM_KEY in sdk.mcpReq.inputResponses) return false; // declined or cancelled
      if (!clientCanElicit(sdk, server)) return true; // cannot ask: destructive tools are opt-in already
      let result;
      try {
        result = await sdk.mcpReq.elicitInput({ mode: 'form', message, requestedSchema: CONFIRM_SCHEMA });
      } catch (e) {
        if (/2026-07-28|inputRequired/i.test((e as Error).message)) throw new ConfirmationRequired(message);
        // An accepted answer without a valid `confirm` is no confirmation (the SDK throws on it).
        if (/does not match requested schema/i.test((e as Error).message)) return false;
        throw e;
      }
      return result.action === 'accept' && (result.content as { confirm?: unknown } | undefined)?.confirm === true;
    },
  };
}

/** Whether the client can be asked: 2025 clients say so at initialize, 2026-07-28 ones on every request. */
function clientCanElicit(sdk: ServerContext, server: McpServer): boolean {
  const perRequest =
    (sdk.mcpReq.envelope as Record<string, unknown> | undefined)?.[CLIENT_CAPABILITIES_META_KEY] ??
    (sdk.mcpReq._meta as Record<string, unknown> | undefined)?.[CLIENT_CAPABILITIES_META_KEY];
  const caps = (perRequest ?? server.server.getClientCapabilities()) as { elicitation?: unknown } | undefined;
  return Boolean(caps?.elicitation);
}
