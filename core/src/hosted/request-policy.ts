import type { PolicyDecision, PolicySubject } from '../policy/tool-policy.js';
import { ToolPolicy } from '../policy/tool-policy.js';

/** What one request asks for, from its path (`/mcp/readonly`, `/mcp/x/<toolsets>[/readonly]`) and headers. */
export interface PolicyRequest {
  readOnly: boolean;
  /** Each list narrows on its own (path and header both apply). */
  toolsets: string[][];
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * Reads the per-request policy gateways use: `X-MCP-Readonly: true`, `X-MCP-Toolsets: a,b`, or
 * the path. Returns undefined for a path that is not an MCP endpoint.
 */
export function readPolicyRequest(path: string, headers: Headers): PolicyRequest | undefined {
  const m = /^\/mcp(?:\/x\/([^/]+))?(\/readonly)?\/?$/.exec(path);
  if (!m) return undefined;
  const toolsets: string[][] = [];
  if (m[1]) toolsets.push(list(decodeURIComponent(m[1])));
  const header = headers.get('x-mcp-toolsets');
  if (header !== null) toolsets.push(list(header));
  const readOnly = m[2] !== undefined || TRUE.has((headers.get('x-mcp-readonly') ?? '').trim().toLowerCase());
  return { readOnly, toolsets };
}

/**
 * The server's policy narrowed for one request: a tool must pass the server's own decision first
 * (so a request can never turn on what the configuration turned off), then the request's
 * read-only switch and toolset lists.
 */
export class NarrowedPolicy {
  private readonly narrowers: ToolPolicy[];

  constructor(
    private readonly base: Pick<ToolPolicy, 'decide'>,
    private readonly request: PolicyRequest,
    pluginDefaults: Record<string, string[] | undefined>,
  ) {
    this.narrowers = request.toolsets.map(
      (toolsets) =>
        new ToolPolicy(
          { readOnly: false, toolsets, enabledTools: [], disabledTools: [], allowDestructive: true },
          pluginDefaults,
        ),
    );
  }

  decide(tool: PolicySubject): PolicyDecision {
    const decision = this.base.decide(tool);
    if (!decision.enabled) return decision;
    const signIn = tool.pluginId === 'core' && tool.toolset === 'auth';
    if (this.request.readOnly && !tool.readOnly && !signIn)
      return {
        enabled: false,
        reason: `${tool.name} writes to Atlassian and this connection is read-only`,
        hint: 'Connect to /mcp without /readonly (and without X-MCP-Readonly) to use it.',
      };
    if (this.narrowers.some((n) => !n.toolsetEnabled(tool.pluginId, tool.toolset)))
      return {
        enabled: false,
        reason: `${tool.name} belongs to the "${tool.toolset}" toolset, which this connection does not include`,
        hint: `Add "${tool.pluginId}:${tool.toolset}" to X-MCP-Toolsets (or the /mcp/x/ path).`,
      };
    return decision;
  }
}
