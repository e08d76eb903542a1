import { randomUUID } from 'node:crypto';
import { inputRequired, type CallToolResult, type McpServer, type ServerContext } from '@modelcontextprotocol/server';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { lazyChild, type Logger } from '../logging/logger.js';
import type { ToolEntry } from '../registry/plugin-registry.js';
import type { ToolPolicy } from '../policy/tool-policy.js';
import { NotAllowedError } from '../plugin-api/errors.js';
import { AuditLog, auditTarget } from '../audit/audit-log.js';
import type { ScopeService } from '../plugin-api/services.js';
import { applyBudget } from '../render/compact-text.js';
import { neutralise } from '../render/neutralise.js';
import { toolResult } from '../render/tool-result.js';
import { runInCallScope } from './call-scope.js';
import { ERROR_TEXT_MAX_CHARS, mapError } from './error-mapping.js';
import { ConfirmationRequired, CONFIRM_KEY, CONFIRM_SCHEMA, createToolContext } from './tool-context.js';
import type { Principal } from '../auth/principal.js';

/** What every call shares. */
export interface PipelineDeps {
  config: AtlassianMcpConfig;
  logger: Logger;
  audit: AuditLog;
  /** The server's policy, or (hosted mode) that policy narrowed for one request. */
  policy: Pick<ToolPolicy, 'decide'>;
  /** The site label for audit records. */
  site(): string | undefined;
  /** A plugin's allowlist, enforced on what its calls touch. */
  scopeOf(pluginId: string): ScopeService | undefined;
  /** Hosted mode: the user this server instance serves; every call runs with their credentials. */
  principal?: Principal;
}

type Handler = (input: unknown, ctx: unknown) => Promise<unknown>;

/**
 * One tool call: (SDK-validated arguments) → policy → audit → handler → error mapping → render.
 * The handler runs inside a call scope so core's HTTP pipeline sees its signal and wait ceiling.
 */
export function createToolCallback(entry: ToolEntry, deps: PipelineDeps, server: McpServer) {
  const { meta } = entry;
  const handler = (entry.provider as Record<string | symbol, Handler>)[meta.method]!.bind(entry.provider);
  const budget = deps.config.output.perTool[meta.name] ?? meta.maxOutputChars ?? deps.config.output.maxChars;

  return async (args: unknown, sdk: ServerContext): Promise<CallToolResult> => {
    const requestId = randomUUID().slice(-12);
    const logger = lazyChild(deps.logger, { tool: meta.name, requestId });
    const started = Date.now();
    const audited = !meta.readOnly && deps.config.audit.enabled;
    const target = auditTarget(meta, args);
    const audit = (outcome: 'ok' | 'error' | 'refused', error?: string) => {
      if (audited)
        deps.audit.write({
          time: new Date(started).toISOString(),
          requestId,
          tool: meta.name,
          site: deps.site(),
          user: deps.principal?.label,
          target,
          outcome,
          error,
          durationMs: Date.now() - started,
        });
    };
    try {
      const decision = deps.policy.decide({
        name: meta.name,
        pluginId: entry.pluginId,
        toolset: meta.toolset,
        readOnly: meta.readOnly,
        destructive: meta.destructive,
      });
      if (!decision.enabled) throw new NotAllowedError(decision.reason, { hint: decision.hint });
      const ctx = createToolContext(meta.name, requestId, sdk, server, logger);
      const scope = {
        requestId,
        tool: meta.name,
        signal: sdk.mcpReq.signal,
        logger,
        waitDeadline: started + deps.config.rateLimit.maxWaitMs,
        scopes: meta.scopes,
        // Hosted requests are stateless (a server per request): what a user read is kept per user.
        connection: deps.principal ? `user:${deps.principal.id}` : connectionId(server, sdk.sessionId),
        principal: deps.principal,
      };
      const output = (await runInCallScope(scope, async () => {
        // What the call touches is checked (ids resolved to their container, queries confined)
        // before the handler runs, inside the call scope: resolving may itself ask Atlassian.
        const allowed = (await deps.scopeOf(entry.pluginId)?.apply(args, meta.targets)) ?? args;
        return handler(allowed, ctx);
      })) as Record<string, unknown>;

      const result = toolResult(meta, output, budget);
      audit('ok');
      logger.debug({ durationMs: Date.now() - started }, 'tool call done');
      return result;
    } catch (e) {
      if (e instanceof ConfirmationRequired) {
        return inputRequired({
          inputRequests: {
            [CONFIRM_KEY]: inputRequired.elicit({ message: e.prompt, requestedSchema: CONFIRM_SCHEMA }),
          },
        }) as unknown as CallToolResult;
      }
      const mapped = mapError(e, requestId, logger);
      audit(mapped.code === 'not_allowed' && !(e as { status?: number }).status ? 'refused' : 'error', mapped.code);
      // Error messages can carry user-authored text (names, Jira's own messages): neutralised too.
      const text = applyBudget(
        neutralise(mapped.text),
        Math.min(budget, ERROR_TEXT_MAX_CHARS),
        'the error text was cut',
      );
      return { isError: true, content: [{ type: 'text', text }] };
    }
  };
}

const connections = new WeakMap<object, string>();

/** One id per server instance (one per connection), refined by the transport's session id. */
function connectionId(server: McpServer, sessionId: string | undefined): string {
  let id = connections.get(server);
  if (id === undefined) {
    id = randomUUID();
    connections.set(server, id);
  }
  return sessionId === undefined ? id : `${id}:${sessionId}`;
}
