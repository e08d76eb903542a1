import type { AtlassianMcpConfig } from '@atlassian-mcp/config';

/** What policy needs to know about a tool. */
export interface PolicySubject {
  name: string;
  pluginId: string;
  toolset: string;
  readOnly: boolean;
  destructive?: boolean;
}

/** Whether a tool is offered and callable, and if not, why (said to the model on a call). */
export type PolicyDecision = { enabled: true } | { enabled: false; reason: string; hint: string };

/** Core's toolsets that are always on (authentication). */
const ALWAYS_ON_TOOLSETS = new Set(['auth']);

/**
 * Toolsets, read-only mode, allow/deny lists and the destructive gate. One decision function,
 * used for `tools/list` and again for every `tools/call`.
 */
export class ToolPolicy {
  private readonly defaults: Map<string, Set<string>>;

  constructor(
    private readonly config: Pick<
      AtlassianMcpConfig,
      'readOnly' | 'toolsets' | 'enabledTools' | 'disabledTools' | 'allowDestructive'
    >,
    pluginDefaults: Record<string, string[] | undefined>,
  ) {
    this.defaults = new Map(Object.entries(pluginDefaults).map(([id, sets]) => [id, new Set(sets ?? [])]));
  }

  /** Is the tool's toolset switched on by config (or the plugin's defaults)? */
  toolsetEnabled(pluginId: string, toolset: string): boolean {
    // Only core's own toolsets (sign-in) are always on; a plugin naming one of them gets no favours.
    if (pluginId === 'core' && ALWAYS_ON_TOOLSETS.has(toolset)) return true;
    const entries = this.config.toolsets ?? ['default'];
    const isDefault = this.defaults.get(pluginId)?.has(toolset) ?? false;
    return entries.some((raw) => {
      const entry = raw.trim().toLowerCase();
      const [scope, set] = entry.includes(':') ? (entry.split(':', 2) as [string, string]) : [undefined, entry];
      if (scope !== undefined && scope !== pluginId) return false;
      if (set === 'all') return true;
      if (set === 'default') return isDefault;
      return set === toolset;
    });
  }

  decide(tool: PolicySubject): PolicyDecision {
    const explicit = this.config.enabledTools.includes(tool.name);
    if (this.config.disabledTools.includes(tool.name)) {
      return {
        enabled: false,
        reason: `${tool.name} is disabled by the disabledTools setting`,
        hint: 'Remove it from disabledTools (or ATLASSIAN_DISABLED_TOOLS) to use it.',
      };
    }
    // Core's sign-in writes nothing to Atlassian: read-only mode keeps it (issue 11).
    if (this.config.readOnly && !tool.readOnly && !(tool.pluginId === 'core' && tool.toolset === 'auth')) {
      return {
        enabled: false,
        reason: `${tool.name} writes to Atlassian and the server is in read-only mode`,
        hint: 'Turn off readOnly (ATLASSIAN_READ_ONLY) to allow writes.',
      };
    }
    if (explicit) return { enabled: true };
    if (!this.toolsetEnabled(tool.pluginId, tool.toolset)) {
      return {
        enabled: false,
        reason: `${tool.name} belongs to the "${tool.toolset}" toolset, which is not enabled`,
        hint: `Add "${tool.pluginId}:${tool.toolset}" to toolsets (or ATLASSIAN_TOOLSETS).`,
      };
    }
    if (tool.destructive && !this.config.allowDestructive) {
      return {
        enabled: false,
        reason: `${tool.name} is destructive and destructive tools are off`,
        hint: `Set allowDestructive: true or list ${tool.name} in enabledTools.`,
      };
    }
    return { enabled: true };
  }
}
