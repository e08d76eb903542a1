import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { didYouMean, FIRST_PARTY_PLUGINS, isFirstParty } from '@atlassian-mcp/config';
import { isPlugin, PLUGIN_API_VERSION, type AtlassianMcpPlugin } from '../plugin-api/plugin.js';
import type { StartupProblem } from './startup-error.js';

/** A plugin module that was found, imported and brand-checked. */
export interface LoadedPluginModule {
  /** What the config named it (`jira`, `@acme/x`, `./local.js`). */
  specifier: string;
  plugin: AtlassianMcpPlugin;
  dir?: string;
}

const isPath = (spec: string) => spec.startsWith('.') || isAbsolute(spec);

/** First-party ids map to their package names. */
export function packageNameFor(spec: string): string {
  return isFirstParty(spec) ? `@atlassian-mcp/plugin-${spec}` : spec;
}

function resolveModule(spec: string, baseDir: string): string | undefined {
  if (isPath(spec)) {
    const p = resolve(baseDir, spec);
    return existsSync(p) ? p : undefined;
  }
  try {
    return require.resolve(packageNameFor(spec), { paths: [baseDir, process.cwd(), __dirname] });
  } catch {
    return undefined;
  }
}

/**
 * A plugin package that is not there. Never an install command: a typo such as "jiraa" would
 * send the user to install whatever a squatter published under that name.
 */
function notInstalled(specifier: string, baseDir: string): string {
  const hint = didYouMean(specifier, FIRST_PARTY_PLUGINS);
  if (hint) return `unknown plugin "${specifier}"${hint}`;
  return `plugin package "${specifier}" is not installed where atlassian-mcp can load it (beside atlassian-mcp, or in ${join(baseDir, 'node_modules')}); check the name`;
}

let jiti: ReturnType<typeof import('jiti').createJiti> | undefined;

async function importModule(file: string): Promise<unknown> {
  if (/\.(c?js|json)$/.test(file)) {
    // Node 20.19+ require()s ESM too; one module cache keeps one copy of core.
    return require(file);
  }
  jiti ??= (require('jiti') as typeof import('jiti')).createJiti(__filename, { interopDefault: true });
  return jiti.import(file);
}

function pickPlugin(mod: unknown): unknown {
  if (isPlugin(mod)) return mod;
  const m = mod as { default?: unknown; plugin?: unknown } | undefined;
  if (isPlugin(m?.default)) return m!.default;
  if (isPlugin((m?.default as { default?: unknown } | undefined)?.default))
    return (m!.default as { default: unknown }).default;
  if (isPlugin(m?.plugin)) return m!.plugin;
  return undefined;
}

/**
 * Plugins compiled into a distribution (the bundled CLI), by config specifier. Each is a thunk, so
 * a plugin the configuration does not name is never evaluated.
 */
export type BundledPlugins = Readonly<Record<string, () => unknown>>;

/**
 * Finds and imports each configured plugin and checks its brand and API version.
 * Collects problems instead of throwing, so start-up reports all of them at once.
 */
export async function loadPluginModules(
  specs: { specifier: string; optional: boolean }[],
  baseDir: string,
  problems: StartupProblem[],
  bundled: BundledPlugins = {},
): Promise<LoadedPluginModule[]> {
  const loaded: LoadedPluginModule[] = [];
  for (const { specifier, optional } of specs) {
    const builtIn = Object.hasOwn(bundled, specifier) ? bundled[specifier] : undefined;
    const file = builtIn ? specifier : resolveModule(specifier, baseDir);
    if (!file) {
      if (!optional) {
        problems.push({
          source: specifier,
          message: isPath(specifier)
            ? `plugin file not found: ${resolve(baseDir, specifier)}`
            : notInstalled(specifier, baseDir),
        });
      }
      continue;
    }
    let mod: unknown;
    try {
      mod = builtIn ? builtIn() : await importModule(file);
    } catch (e) {
      problems.push({ source: specifier, message: `failed to load ${file}: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    const plugin = pickPlugin(mod);
    if (!plugin || !isPlugin(plugin)) {
      problems.push({
        source: specifier,
        message: 'is not an atlassian-mcp plugin: its default export must be definePlugin({...})',
      });
      continue;
    }
    if (plugin.apiVersion !== PLUGIN_API_VERSION) {
      problems.push({
        source: specifier,
        message: `was written for plugin API version ${String(plugin.apiVersion)}; this core implements version ${PLUGIN_API_VERSION}`,
      });
      continue;
    }
    loaded.push({ specifier, plugin, dir: builtIn ? undefined : dirname(file) });
  }
  return loaded;
}
