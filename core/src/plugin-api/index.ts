export * from './errors.js';
export * from './tokens.js';
export * from './plugin.js';
export * from './context.js';
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
  type ToolMetadata,
  type ToolHandler,
  type ResourceOptions,
  type ResourceMetadata,
  type ResourceHandler,
  type ResourceContent,
  type ListedResource,
  type PromptOptions,
  type PromptMetadata,
  type PromptHandler,
  type PromptMessageText,
  type ZodObjectSchema,
  type ResourceLinkSpec,
} from './decorators.js';
