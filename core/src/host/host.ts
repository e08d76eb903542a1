import 'reflect-metadata';
import { container as globalContainer, type DependencyContainer } from 'tsyringe';
import { FIRST_PARTY_PLUGINS, isFirstParty, type AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { AtlassianMcpPlugin } from '../plugin-api/plugin.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { AuthService } from '../auth/auth-service.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { AuditLog, defaultAuditFile } from '../audit/audit-log.js';
import { ToolPolicy } from '../policy/tool-policy.js';
import { buildRegistry, type Registry, type ToolEntry } from '../registry/plugin-registry.js';
import { loadPluginModules, type BundledPlugins, type LoadedPluginModule } from './plugin-loader.js';
import { StartupError, type StartupProblem } from './startup-error.js';
import { registerCoreServices } from './core-services.js';
import { internalServices } from './internal-services.js';
import { composeInstructions } from './instructions.js';
import type { HttpAndAuthOverrides } from '../http/register.js';
import { builtinPlugin } from './builtin-plugin.js';
import { checkPolicyNames } from '../policy/policy-names.js';
import { DEFAULT_SKILL_DIR } from '../skills/skill-file.js';
import { SkillLibrary } from '../skills/skill-library.js';
import type { Principal } from '../auth/principal.js';

/** What one MCP server instance serves: everything (stdio), or one user's request (hosted mode). */
export interface ServerView {
  /** The user the instance serves: every call runs with their Atlassian credentials. */
  principal?: Principal;
  /** The policy for the instance (default: the host's); hosted requests may narrow it, never widen. */
  policy?: Pick<ToolPolicy, 'decide'>;
}

/** How to start a host. */
export interface HostOptions {
  config: AtlassianMcpConfig;
  /** Where relative plugin paths resolve from (the config file's directory). */
  baseDir?: string;
  /** Plugins as values (embedding, tests), in addition to those the config names. */
  plugins?: AtlassianMcpPlugin[];
  /** Plugins compiled into this distribution, by specifier: found without a module lookup. */
  bundledPlugins?: BundledPlugins;
  /** When false and the config names no plugins, the installed first-party plugins are loaded. */
  pluginsExplicit?: boolean;
  logger?: Logger;
  /** Folders of skill folders (`<name>/SKILL.md`), served as prompts and skills (default: the distribution's `prompts/`). */
  promptDirs?: string[];
  /** Replacements for core's HTTP/auth defaults (tests: the sandbox's in-process fetch, a memory credential store). */
  services?: HttpAndAuthOverrides;
  /** Last word on the root container before plugins resolve (tests: sandbox fetch, memory credential store). */
  configureContainer?: (root: DependencyContainer) => void;
}

/**
 * The plugin host: load → validate all → register all. Start-up either yields a complete
 * registry or throws one {@link StartupError} listing every problem; never a partial tool list.
 */
export class AtlassianMcpHost {
  private constructor(
    readonly config: AtlassianMcpConfig,
    readonly root: DependencyContainer,
    readonly registry: Registry,
    readonly policy: ToolPolicy,
    readonly logger: Logger,
    readonly audit: AuditLog,
    /** Plugins that were skipped (first-party defaults not installed). */
    readonly skipped: string[],
    /** Skills whose plugins are loaded (`prompts/` and the plugins' `skills` folders). */
    readonly skills: SkillLibrary,
  ) {
    this.instructions = composeInstructions(
      registry.plugins.map((p) => p.plugin),
      this.auth().method() === 'oauth',
    );
  }

  /** Server instructions, composed from core's and the loaded plugins' lines. */
  readonly instructions: string;

  static async start(options: HostOptions): Promise<AtlassianMcpHost> {
    const { config } = options;
    const logger = options.logger ?? createLogger({ level: config.logLevel });
    const problems: StartupProblem[] = [];
    const valueIds = new Set((options.plugins ?? []).map((p) => p.id));
    const specs = pluginSpecs(
      config,
      options.pluginsExplicit ?? config.plugins !== undefined,
      valueIds.size > 0,
    ).filter((s) => !valueIds.has(s.specifier));
    const modules: LoadedPluginModule[] = [
      { specifier: 'core', plugin: builtinPlugin },
      ...(options.plugins ?? []).map((plugin) => ({ specifier: plugin.id, plugin })),
      ...(await loadPluginModules(specs, options.baseDir ?? process.cwd(), problems, options.bundledPlugins)),
    ];
    const loadedIds = new Set(modules.map((m) => m.plugin.id));
    const skipped = specs
      .filter((s) => s.optional && !modules.some((m) => m.specifier === s.specifier))
      .map((s) => s.specifier);

    const root = globalContainer.createChildContainer();
    root.register(coreServices.rootConfig, { useValue: Object.freeze(config) });
    root.register(coreServices.logger, { useValue: logger });
    registerCoreServices(root, options.services);
    options.configureContainer?.(root);

    const registry = buildRegistry(modules, root, config, logger, problems);
    const skills =
      problems.length === 0
        ? await SkillLibrary.load(
            [
              ...(options.promptDirs ?? [DEFAULT_SKILL_DIR]).map((dir) => ({ dir })),
              ...registry.plugins.flatMap((p) =>
                p.plugin.skills ? [{ dir: p.plugin.skills, pluginId: p.plugin.id }] : [],
              ),
            ],
            registry,
            problems,
          )
        : SkillLibrary.empty;
    const names = problems.length === 0 ? checkPolicyNames(config, registry, skipped) : { problems: [], warnings: [] };
    problems.push(...names.problems);
    if (problems.length > 0) throw new StartupError(problems);
    for (const warning of names.warnings) logger.warn(warning);
    const policy = new ToolPolicy(
      config,
      Object.fromEntries(registry.plugins.map((p) => [p.plugin.id, p.plugin.defaultToolsets])),
    );
    const audit = new AuditLog(config.audit.enabled ? (config.audit.file ?? defaultAuditFile()) : undefined);
    warnAboutToolsOffByDefault(registry, logger);
    if (skipped.length > 0 && config.plugins !== undefined)
      logger.warn({ skipped }, 'first-party plugins named in the configuration are not installed; skipping them');
    logger.debug({ plugins: [...loadedIds], tools: registry.tools.length }, 'host started');
    const host = new AtlassianMcpHost(config, root, registry, policy, logger, audit, skipped, skills);
    host.auth().setRequiredScopes(host.enabledTools().flatMap((t) => t.meta.scopes));
    host.auth().setProducts(registry.plugins.flatMap((p) => p.plugin.products ?? []));
    return host;
  }

  /** Tools the policy (the host's, or one narrowed for a request) offers, in a deterministic order. */
  enabledTools(policy: Pick<ToolPolicy, 'decide'> = this.policy): ToolEntry[] {
    return this.registry.tools
      .filter(
        (t) =>
          policy.decide({
            name: t.meta.name,
            pluginId: t.pluginId,
            toolset: t.meta.toolset,
            readOnly: t.meta.readOnly,
            destructive: t.meta.destructive,
          }).enabled,
      )
      .sort((a, b) => a.meta.name.localeCompare(b.meta.name));
  }

  /** Core's auth service (credentials, granted scopes, login). */
  auth(): AuthService {
    return this.root.resolve(internalServices.auth);
  }

  /**
   * What `tools/list` offers right now: policy, then credentials. With OAuth, a tool is offered
   * only when its scopes were granted (before sign-in: only `authenticate_atlassian`); the sign-in
   * tool itself is offered only when OAuth is the auth method.
   *
   * For one user of a hosted server (`view.principal`): what the request's policy offers, without
   * the sign-in tool (users sign in through the MCP client's OAuth); a call needing scopes the user
   * did not grant is answered with a scope challenge (step-up) rather than hidden.
   */
  async offeredTools(view: ServerView = {}): Promise<ToolEntry[]> {
    if (view.principal)
      return this.enabledTools(view.policy).filter((t) => !(t.meta.toolset === 'auth' && t.pluginId === 'core'));
    const auth = this.auth();
    const oauth = auth.method() === 'oauth';
    const granted = oauth ? await auth.grantedScopes() : undefined;
    return this.enabledTools().filter((t) => {
      if (t.meta.toolset === 'auth' && t.pluginId === 'core') return oauth;
      return granted === undefined || t.meta.scopes.every((s) => granted.includes(s));
    });
  }

  /** The site label used in audit records. */
  siteLabel(): string | undefined {
    return this.config.site.url;
  }

  async close(): Promise<void> {
    await this.root.dispose();
  }
}

/** Which plugin modules to load: the config's list, or the installed first-party ones by default. */
function pluginSpecs(
  config: AtlassianMcpConfig,
  explicit: boolean,
  hasValuePlugins: boolean,
): { specifier: string; optional: boolean }[] {
  if (config.plugins !== undefined && explicit) {
    // A first-party plugin that is not installed is skipped with a warning rather than refused:
    // the seed's ATLASSIAN_MODULES=jira,confluence,service_desk must keep starting while only
    // some of them ship. Third-party plugins the user named must load.
    return Object.entries(config.plugins)
      .filter(([, v]) => v !== false)
      .map(([specifier]) => ({ specifier, optional: isFirstParty(specifier) }));
  }
  if (hasValuePlugins) return [];
  return FIRST_PARTY_PLUGINS.map((specifier) => ({ specifier, optional: true }));
}

/** A plugin whose tools are all off unless the user names a toolset is a silent "0 tools": say so. */
function warnAboutToolsOffByDefault(registry: Registry, logger: Logger): void {
  for (const { plugin } of registry.plugins) {
    if (plugin.id === 'core') continue;
    const tools = registry.tools.filter((t) => t.pluginId === plugin.id);
    const defaults = new Set(plugin.defaultToolsets ?? []);
    if (tools.length === 0 || tools.some((t) => defaults.has(t.meta.toolset))) continue;
    logger.warn(
      { plugin: plugin.id },
      `plugin "${plugin.id}" turns none of its ${tools.length} tools on by default (defaultToolsets); name a toolset in the config's toolsets, e.g. "${plugin.id}:${tools[0]!.meta.toolset}", or declare defaultToolsets`,
    );
  }
}
