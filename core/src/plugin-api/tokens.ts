import type * as z from 'zod';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { Logger } from '../logging/logger.js';
import type {
  AuthStatusService,
  HttpService,
  LocalFilesService,
  MetadataCacheService,
  RichTextService,
  ScopeService,
  SiteService,
} from './services.js';

/**
 * A typed DI token. At run time it is a global symbol (`Symbol.for`), so every module that names
 * the same id gets the same token.
 * @public
 */
export type ServiceToken<T> = symbol & { readonly __service?: T };

/**
 * Creates a typed service token; `id` must be globally unique (prefix it with your plugin id).
 * @public
 */
export function createServiceToken<T>(id: string): ServiceToken<T> {
  return Symbol.for(`atlassian-mcp:${id}`) as ServiceToken<T>;
}

/**
 * The ambient identity of the plugin a service was resolved for.
 * @public
 */
export interface PluginInfo {
  readonly id: string;
  readonly toolPrefix: string;
  /** Directory the plugin was loaded from. */
  readonly dir?: string;
}

/**
 * Tokens of the services core provides to every plugin's container. Each is typed by a narrow
 * interface: inject them with `@inject(coreServices.http) http: HttpService` and so on.
 * @public
 */
export const coreServices = {
  /** The whole validated configuration (read-only). */
  rootConfig: createServiceToken<Readonly<AtlassianMcpConfig>>('core.rootConfig'),
  /** This plugin's own config slice, parsed once by the plugin's schema. Prefer {@link pluginConfigToken}. */
  pluginConfig: createServiceToken<unknown>('core.pluginConfig'),
  /** This plugin's id and tool prefix. */
  plugin: createServiceToken<PluginInfo>('core.plugin'),
  /** A pino child logger bound to the plugin (stderr only). */
  logger: createServiceToken<Logger>('core.logger'),
  /** The one Atlassian HTTP pipeline. */
  http: createServiceToken<HttpService>('core.http'),
  /** Who is signed in (read-only). */
  auth: createServiceToken<AuthStatusService>('core.auth'),
  /** Rich text: ADF / storage ⇄ Markdown, lossless, schema-checked. */
  content: createServiceToken<RichTextService>('core.content'),
  /** The site: URL and a per-site cache key. */
  site: createServiceToken<SiteService>('core.site'),
  /** Local files: read and written only inside the configured allowed directories, with consent. */
  files: createServiceToken<LocalFilesService>('core.files'),
  /** Metadata caches per site (or per user on it), with TTLs, shared by a hosted server's replicas. */
  cache: createServiceToken<MetadataCacheService>('core.cache'),
  /** This plugin's allowlist, enforced on what a call touches (see `definePlugin({ scope })`). */
  scope: createServiceToken<ScopeService>('core.scope'),
} as const;

/**
 * The token of a plugin's config slice, typed by the plugin's own schema. The host parses the
 * slice once, with the schema given to `definePlugin({ config })`; inject the result:
 * `const settings = pluginConfigToken(mySchema)` … `@inject(settings) config: z.output<typeof mySchema>`.
 * @public
 */
export function pluginConfigToken<S extends z.ZodType>(_schema: S): ServiceToken<z.output<S>> {
  return coreServices.pluginConfig as ServiceToken<z.output<S>>;
}
