/**
 * `@atlassian-mcp/core` — the plugin API: everything a plugin author imports, and nothing else.
 * Embedding the host (CLI, tests, benchmarks) uses `@atlassian-mcp/core/host`; plugin tests use
 * `@atlassian-mcp/core/testing`.
 * @packageDocumentation
 */
import 'reflect-metadata';

// Defining a plugin
export { definePlugin, PLUGIN_API_VERSION, type AtlassianMcpPlugin, type PluginOptions } from './plugin-api/plugin.js';

// Contributions: tools, resources, prompts, services
export {
  Tool,
  ToolProvider,
  Resource,
  ResourceProvider,
  Prompt,
  PromptProvider,
  Service,
  inject,
  type ToolOptions,
  type ResourceOptions,
  type PromptOptions,
  type ResourceContent,
  type ListedResource,
  type ResourceLinkSpec,
  type PromptMessageText,
} from './plugin-api/decorators.js';
export type { ToolContext, ResourceContext } from './plugin-api/context.js';
export type { RenderKit } from './render/render-kit.js';
export { display } from './render/display.js';

// Core services, as narrow interfaces
export {
  coreServices,
  createServiceToken,
  pluginConfigToken,
  type ServiceToken,
  type PluginInfo,
} from './plugin-api/tokens.js';
export type {
  HttpService,
  RichTextService,
  AuthStatusService,
  SiteService,
  LocalFilesService,
  FileUpload,
  MetadataCacheService,
  SharedCache,
  MediaResolver,
  StorageUserNames,
  SectionEditInput,
} from './plugin-api/services.js';
export { apiPath } from './http/path.js';
export type { AtlassianRequest, AtlassianResponse, Product } from './http/types.js';
export { emptyAdfDoc, type AdfDoc, type AdfNode } from './content/adf-types.js';
export type { Logger } from './logging/logger.js';
export { pager, type Pager } from './http/pager.js';
export type { Page } from './http/pagination.js';

// Errors core maps to results the model can act on
export {
  AtlassianMcpError,
  InputError,
  NotFoundError,
  NotAllowedError,
  AuthenticationError,
  ConflictError,
  RateLimitedError,
  UpstreamError,
  isAtlassianMcpError,
} from './plugin-api/errors.js';
