import type * as z from 'zod';
import type { ServiceToken } from './tokens.js';

/** The plugin API version this core implements. A plugin built for another major is refused. */
export const PLUGIN_API_VERSION = 1;

const PLUGIN_BRAND = 'atlassian-mcp.plugin';

type Ctor = new (...args: never[]) => object;

/** A service a plugin registers in its own container (invisible to other plugins). */
export type ServiceRegistration =
  | Ctor
  | { token: ServiceToken<unknown> | Ctor; useClass: Ctor }
  | { token: ServiceToken<unknown> | Ctor; useValue: unknown }
  | {
      token: ServiceToken<unknown> | Ctor;
      useFactory: (resolve: <T>(token: ServiceToken<T> | (new (...args: never[]) => T)) => T) => unknown;
    };

/** What a plugin declares. */
export interface PluginOptions<C extends z.ZodType = z.ZodType> {
  /** Lower-case id (`jira`, `acme-assets`); also the config key for first-party plugins. */
  id: string;
  /** The plugin API version it was written for: {@link PLUGIN_API_VERSION}. */
  apiVersion: number;
  /** Tool name prefix including the trailing `_` (default: the id without dashes, plus `_`). */
  toolPrefix?: string;
  /** One line for `doctor` and docs; the part before a colon names the product in server instructions. */
  description?: string;
  /**
   * What the model should know about this plugin's tools as a whole, added to the server
   * instructions (keep it to a line or two: it is sent to every client).
   */
  instructions?: string;
  /**
   * The Atlassian products the plugin calls (`jira`, `confluence`, `jsm`, `assets`): sign-in and
   * `doctor` check these, so a grant covering only this plugin's product works.
   */
  products?: string[];
  /**
   * How the plugin's allowlist is enforced: which list of the configuration applies
   * (`allow.projects`, `allow.spaces`) and the service (implementing `ContainerResolver`) that says
   * which container a reference lives in. Tools, resources and prompts then declare `targets`.
   */
  scope?: { allow: 'projects' | 'spaces'; resolver: Ctor };
  /** zod schema of the plugin's config slice (`plugins.<id>` in the config file). */
  config?: C;
  /** Toolsets on when the user names none. */
  defaultToolsets?: string[];
  /** Every toolset the plugin has, with a one-line description each. */
  toolsets?: Record<string, string>;
  /** Services private to the plugin. */
  services?: ServiceRegistration[];
  /** Classes decorated with `@ToolProvider`. */
  toolProviders?: Ctor[];
  /** Classes decorated with `@ResourceProvider`. */
  resourceProviders?: Ctor[];
  /** Classes decorated with `@PromptProvider`. */
  promptProviders?: Ctor[];
  /**
   * Absolute path of a folder of skills (`<name>/SKILL.md`, see `prompts/README.md`), served as
   * prompts and through the skills extension while the tools they name are enabled; e.g.
   * `join(__dirname, '..', 'skills')`.
   */
  skills?: string;
}

/** A branded plugin definition: what a plugin module default-exports. */
export interface AtlassianMcpPlugin<C extends z.ZodType = z.ZodType> extends Readonly<PluginOptions<C>> {
  readonly $$type: typeof PLUGIN_BRAND;
  readonly toolPrefix: string;
}

/**
 * Declares a plugin. The result is a branded value: core checks the brand and `apiVersion`
 * rather than `instanceof`, because a plugin may carry its own copy of core.
 */
export function definePlugin<C extends z.ZodType = z.ZodType>(options: PluginOptions<C>): AtlassianMcpPlugin<C> {
  return Object.freeze({
    ...options,
    toolPrefix: options.toolPrefix ?? `${options.id.replace(/-/g, '')}_`,
    $$type: PLUGIN_BRAND,
  });
}

/** True when `value` looks like a plugin made by `definePlugin` (any copy of core). */
export function isPlugin(value: unknown): value is AtlassianMcpPlugin {
  return typeof value === 'object' && value !== null && (value as { $$type?: unknown }).$$type === PLUGIN_BRAND;
}
