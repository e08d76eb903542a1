import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Logger } from '../logging/logger.js';

/**
 * A typed DI token. At run time it is a global symbol (`Symbol.for`), so two copies of core —
 * a plugin may bundle its own — still agree on every token.
 */
export type ServiceToken<T> = symbol & { readonly __service?: T };

/** Creates a typed service token; `id` must be globally unique (prefix it with your plugin id). */
export function createServiceToken<T>(id: string): ServiceToken<T> {
  return Symbol.for(`atlassian-mcp:${id}`) as ServiceToken<T>;
}

/** The ambient identity of the plugin a service was resolved for. */
export interface PluginInfo {
  readonly id: string;
  readonly toolPrefix: string;
  /** Directory the plugin was loaded from. */
  readonly dir?: string;
}

/**
 * Tokens of the services core provides to every plugin's container.
 * Resolve them with `@inject(coreServices.logger)` and so on.
 */
export const coreServices = {
  /** The whole validated configuration (read-only). */
  rootConfig: createServiceToken<Readonly<AtlassianMcpConfig>>('core.rootConfig'),
  /** This plugin's own config slice, parsed by the plugin's zod schema. */
  pluginConfig: createServiceToken<unknown>('core.pluginConfig'),
  /** This plugin's id and tool prefix. */
  plugin: createServiceToken<PluginInfo>('core.plugin'),
  /** A pino child logger bound to the plugin (stderr only). */
  logger: createServiceToken<Logger>('core.logger'),
  /** The one Atlassian HTTP pipeline (auth, queue, rate limits, retries, error mapping). */
  http: createServiceToken<import('../http/atlassian-http.js').AtlassianHttp>('core.http'),
  /** Credentials and the site they belong to. */
  auth: createServiceToken<import('../auth/auth-service.js').AuthService>('core.auth'),
  /** Rich text: ADF / storage ⇄ Markdown, lossless, schema-checked. */
  content: createServiceToken<import('../content/rich-text.js').RichText>('core.content'),
} as const;
