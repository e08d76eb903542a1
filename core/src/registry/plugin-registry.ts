import type { DependencyContainer } from 'tsyringe';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { zodProblems } from '@atlassian-mcp/config';
import { metadata, type PromptMetadata, type ResourceMetadata, type ToolMetadata } from '../plugin-api/decorators.js';
import type { AtlassianMcpPlugin, ServiceRegistration } from '../plugin-api/plugin.js';
import { coreServices } from '../plugin-api/tokens.js';
import { createScope } from '../policy/container-scope.js';
import type { Logger } from '../logging/logger.js';
import type { StartupProblem } from '../host/startup-error.js';
import type { LoadedPluginModule } from '../host/plugin-loader.js';
import { construct, injectionProblems, registerClass } from './construct.js';
import { PRODUCT_IDS } from '../http/products.js';

/** A tool ready to serve: its metadata, the instance that handles it and the plugin it belongs to. */
export interface ToolEntry {
  readonly meta: ToolMetadata;
  readonly provider: object;
  readonly pluginId: string;
}
export interface ResourceEntry {
  readonly meta: ResourceMetadata;
  readonly provider: object;
  readonly pluginId: string;
}
export interface PromptEntry {
  readonly meta: PromptMetadata;
  readonly provider: object;
  readonly pluginId: string;
}

/** A plugin after start-up: its definition, container and contributions. */
export interface ActivePlugin {
  readonly plugin: AtlassianMcpPlugin;
  readonly specifier: string;
  readonly container: DependencyContainer;
  readonly config: unknown;
}

export interface Registry {
  plugins: ActivePlugin[];
  tools: ToolEntry[];
  resources: ResourceEntry[];
  prompts: PromptEntry[];
}

export const TOOL_NAME_PATTERN = /^[a-z0-9_]{1,64}$/;
export const MAX_DESCRIPTION_CHARS = 1024;

type Ctor = new (...args: never[]) => object;

function register(container: DependencyContainer, s: ServiceRegistration): void {
  if (typeof s === 'function') {
    registerClass(container, s, s);
  } else if ('useClass' in s) {
    registerClass(container, s.token, s.useClass);
  } else if ('useValue' in s) {
    container.register(s.token as never, { useValue: s.useValue });
  } else {
    let made = false;
    let value: unknown;
    container.register(s.token as never, {
      useFactory: (c) => {
        if (!made) {
          value = s.useFactory((t) => c.resolve(t as never));
          made = true;
        }
        return value;
      },
    });
  }
}

/**
 * Gives each plugin a child container (core services + its own config slice and logger + its
 * private services), resolves its providers and collects their tools, resources and prompts.
 * Problems are collected, never thrown one at a time.
 */
export function buildRegistry(
  modules: LoadedPluginModule[],
  root: DependencyContainer,
  config: AtlassianMcpConfig,
  logger: Logger,
  problems: StartupProblem[],
): Registry {
  const registry: Registry = { plugins: [], tools: [], resources: [], prompts: [] };
  const seenIds = new Map<string, string>();
  for (const { specifier, plugin, dir } of modules) {
    const src = plugin.id ?? specifier;
    if (!/^[a-z][a-z0-9-]{0,30}$/.test(plugin.id ?? '')) {
      problems.push({
        source: specifier,
        message: `plugin id "${String(plugin.id)}" must be lower-case letters, digits and dashes`,
      });
      continue;
    }
    if (seenIds.has(plugin.id)) {
      problems.push({
        source: specifier,
        message: `plugin id "${plugin.id}" is already used by ${seenIds.get(plugin.id)}`,
      });
      continue;
    }
    seenIds.set(plugin.id, specifier);
    const rawSlice = config.plugins?.[specifier] ?? config.plugins?.[plugin.id];
    const slice = typeof rawSlice === 'object' && rawSlice !== null ? rawSlice : {};
    let parsed: unknown = slice;
    if (plugin.config) {
      const r = plugin.config.safeParse(slice);
      if (!r.success) {
        for (const p of zodProblems(r.error, ['plugins', specifier]))
          problems.push({ source: src, message: `${p.path}: ${p.message}` });
        continue;
      }
      parsed = r.data;
    }
    const classes = [
      ...(plugin.services ?? []).map((r) => (typeof r === 'function' ? r : 'useClass' in r ? r.useClass : undefined)),
      ...(plugin.toolProviders ?? []),
      ...(plugin.resourceProviders ?? []),
      ...(plugin.promptProviders ?? []),
    ].filter((c): c is Ctor => c !== undefined);
    const injection = classes.flatMap((c) => injectionProblems(c));
    if (injection.length > 0) {
      for (const message of injection) problems.push({ source: src, message });
      continue;
    }
    const container = root.createChildContainer();
    container.register(coreServices.pluginConfig, { useValue: parsed });
    container.register(coreServices.plugin, { useValue: { id: plugin.id, toolPrefix: plugin.toolPrefix, dir } });
    container.register(coreServices.logger, { useValue: logger.child({ plugin: plugin.id }) });
    // The plugin's allowlist; its resolver is resolved on first use (it depends on plugin services).
    const scope = plugin.scope;
    container.register(coreServices.scope, {
      useValue: createScope(
        scope && {
          allow: scope.allow,
          resolver: () => container.resolve(scope.resolver as never),
          caches: { service: () => container.resolve(coreServices.cache), name: plugin.id },
        },
        config,
      ),
    });
    for (const s of plugin.services ?? []) register(container, s);
    registry.plugins.push({ plugin, specifier, container, config: parsed });

    const instantiate = (ctor: Ctor, kind: string): object | undefined => {
      if (metadata.kind(ctor) !== kind) {
        problems.push({
          source: src,
          message: `${ctor.name} is listed as a ${kind} provider but is not decorated with @${kind[0]!.toUpperCase()}${kind.slice(1)}Provider()`,
        });
        return undefined;
      }
      try {
        return construct(container, ctor);
      } catch (e) {
        problems.push({
          source: src,
          message: `cannot construct ${ctor.name}: ${(e as Error).message.replace(/\s+/g, ' ').trim()}`,
        });
        return undefined;
      }
    };
    for (const ctor of plugin.toolProviders ?? []) {
      const provider = instantiate(ctor, 'tool');
      if (!provider) continue;
      for (const meta of metadata.tools(ctor)) registry.tools.push({ meta, provider, pluginId: plugin.id });
    }
    for (const ctor of plugin.resourceProviders ?? []) {
      const provider = instantiate(ctor, 'resource');
      if (!provider) continue;
      for (const meta of metadata.resources(ctor)) registry.resources.push({ meta, provider, pluginId: plugin.id });
    }
    for (const ctor of plugin.promptProviders ?? []) {
      const provider = instantiate(ctor, 'prompt');
      if (!provider) continue;
      for (const meta of metadata.prompts(ctor)) registry.prompts.push({ meta, provider, pluginId: plugin.id });
    }
  }
  validateContributions(registry, problems);
  return registry;
}

/** Names, prefixes, duplicates, descriptions, required flags: all checked before anything is served. */
export function validateContributions(registry: Registry, problems: StartupProblem[]): void {
  const prefixes = new Map(registry.plugins.map((p) => [p.plugin.id, p.plugin.toolPrefix]));
  const declared = new Map(registry.plugins.map((p) => [p.plugin.id, new Set(Object.keys(p.plugin.toolsets ?? {}))]));
  for (const { plugin } of registry.plugins) {
    for (const product of plugin.products ?? [])
      if (!PRODUCT_IDS.includes(product))
        problems.push({
          source: plugin.id,
          message: `uses unknown Atlassian product "${product}" (known: ${PRODUCT_IDS.join(', ')})`,
        });
    for (const set of plugin.defaultToolsets ?? [])
      if (!declared.get(plugin.id)?.has(set))
        problems.push({
          source: plugin.id,
          message: `default toolset "${set}" is not among the plugin's declared toolsets (${[...(declared.get(plugin.id) ?? [])].join(', ') || 'none'})`,
        });
  }
  const names = new Map<string, string>();
  for (const { meta, pluginId } of registry.tools) {
    const where = `${pluginId}`;
    if (!TOOL_NAME_PATTERN.test(meta.name))
      problems.push({
        source: where,
        message: `tool name "${meta.name}" must match ${TOOL_NAME_PATTERN} (lower case, digits, _; at most 64 characters)`,
      });
    const prefix = prefixes.get(pluginId);
    if (prefix && pluginId !== 'core' && !meta.name.startsWith(prefix))
      problems.push({ source: where, message: `tool "${meta.name}" must start with the plugin's prefix "${prefix}"` });
    if (names.has(meta.name))
      problems.push({
        source: where,
        message: `duplicate tool name "${meta.name}" (also defined by ${names.get(meta.name)})`,
      });
    names.set(meta.name, pluginId);
    if (typeof meta.readOnly !== 'boolean')
      problems.push({ source: where, message: `tool "${meta.name}" must declare readOnly: true or false` });
    if (!meta.description || meta.description.length > MAX_DESCRIPTION_CHARS)
      problems.push({
        source: where,
        message: `tool "${meta.name}" needs a description of 1..${MAX_DESCRIPTION_CHARS} characters`,
      });
    if (!meta.toolset) problems.push({ source: where, message: `tool "${meta.name}" must declare a toolset` });
    else if (!declared.get(pluginId)?.has(meta.toolset))
      problems.push({
        source: where,
        message: `tool "${meta.name}" is in toolset "${meta.toolset}", which plugin "${pluginId}" does not declare (declared: ${[...(declared.get(pluginId) ?? [])].join(', ') || 'none'}); add it to definePlugin({ toolsets })`,
      });
    if (!Array.isArray(meta.scopes))
      problems.push({ source: where, message: `tool "${meta.name}" must declare scopes (an empty list when none)` });
  }
  const seen = new Set<string>();
  for (const { meta, pluginId } of registry.resources) {
    if (seen.has(meta.name)) problems.push({ source: pluginId, message: `duplicate resource name "${meta.name}"` });
    seen.add(meta.name);
  }
  const seenPrompts = new Set<string>();
  for (const { meta, pluginId } of registry.prompts) {
    if (seenPrompts.has(meta.name))
      problems.push({ source: pluginId, message: `duplicate prompt name "${meta.name}"` });
    if (!meta.description) problems.push({ source: pluginId, message: `prompt "${meta.name}" needs a description` });
    seenPrompts.add(meta.name);
  }
}
