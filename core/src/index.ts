import 'reflect-metadata';

// Plugin-authoring API
export * from './plugin-api/index.js';
export type { RenderKit } from './render/render-kit.js';
export { createLogger, type Logger } from './logging/logger.js';
export { currentCall, type CallScope } from './pipeline/call-scope.js';
// Core services plugins use
export * from './http/index.js';
export * from './auth/index.js';
export * from './content/index.js';
// Embedding the host
export { AtlassianMcpHost, type HostOptions } from './host/host.js';
export { createMcpServer } from './host/server-factory.js';
export { StartupError, type StartupProblem } from './host/startup-error.js';
export { CORE_VERSION } from './version.js';
