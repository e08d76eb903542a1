import { didYouMean, isFirstParty, type AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Registry } from '../registry/plugin-registry.js';
import type { StartupProblem } from '../host/startup-error.js';

/**
 * Every name the policy settings use must mean something: a typo in `toolsets`, `enabledTools`
 * or `disabledTools` would otherwise switch nothing on (or leave a tool on that the user meant
 * to switch off) and say nothing. Unknown names are start-up problems with a "did you mean".
 * Names of a first-party plugin that is not installed only warn (the seed's module list).
 */
export function checkPolicyNames(
  config: Pick<AtlassianMcpConfig, 'toolsets' | 'enabledTools' | 'disabledTools' | 'allowDestructive'>,
  registry: Registry,
  skipped: readonly string[],
): { problems: StartupProblem[]; warnings: string[] } {
  const problems: StartupProblem[] = [];
  const warnings: string[] = [];
  const plugins = new Map<string, Set<string>>();
  for (const t of registry.tools) {
    if (!plugins.has(t.pluginId)) plugins.set(t.pluginId, new Set());
    plugins.get(t.pluginId)!.add(t.meta.toolset);
  }
  for (const { plugin } of registry.plugins) {
    if (!plugins.has(plugin.id)) plugins.set(plugin.id, new Set());
    for (const set of Object.keys(plugin.toolsets ?? {})) plugins.get(plugin.id)!.add(set);
  }
  const bare = new Set(['default', 'all', ...[...plugins.values()].flatMap((s) => [...s])]);
  const scoped = [...plugins].flatMap(([id, sets]) => [
    `${id}:all`,
    `${id}:default`,
    ...[...sets].map((s) => `${id}:${s}`),
  ]);
  const names = [...bare, ...scoped];
  for (const raw of config.toolsets ?? []) {
    const entry = raw.trim().toLowerCase();
    const [scope, set] = entry.includes(':') ? (entry.split(':', 2) as [string, string]) : [undefined, entry];
    if (scope !== undefined && !plugins.has(scope)) {
      if (skipped.includes(scope) || isFirstParty(scope))
        warnings.push(`toolsets: "${raw}" names plugin "${scope}", which is not installed; ignoring it`);
      else
        problems.push({
          source: 'config',
          message: `toolsets: "${raw}" names no loaded plugin${didYouMean(entry, names)}`,
        });
      continue;
    }
    const known =
      scope === undefined ? bare.has(set) : set === 'all' || set === 'default' || plugins.get(scope)!.has(set);
    if (!known)
      problems.push({ source: 'config', message: `toolsets: unknown toolset "${raw}"${didYouMean(entry, names)}` });
    else if (/destructive/.test(set) && !config.allowDestructive)
      warnings.push(
        `toolsets: "${raw}" holds destructive tools, which stay off without allowDestructive: true (ATLASSIAN_ALLOW_DESTRUCTIVE) or naming them in enabledTools`,
      );
  }
  const tools = registry.tools.map((t) => t.meta.name);
  for (const key of ['enabledTools', 'disabledTools'] as const)
    for (const name of config[key])
      if (!tools.includes(name) && !(key === 'disabledTools' && firstPartyToolOfSkipped(name, skipped)))
        problems.push({ source: 'config', message: `${key}: unknown tool "${name}"${didYouMean(name, tools)}` });
  return { problems, warnings };
}

/** `confluence_get_page` in disabledTools while the Confluence plugin is not installed: harmless. */
function firstPartyToolOfSkipped(name: string, skipped: readonly string[]): boolean {
  return skipped.some((id) => name.startsWith(`${id.replace(/-/g, '')}_`));
}
