import 'reflect-metadata';

export * from './plugin-api/index.js';
export type { RenderKit } from './render/render-kit.js';
export { createLogger, type Logger } from './logging/logger.js';
export { currentCall, type CallScope } from './pipeline/call-scope.js';
export { AtlassianMcpHost, type HostOptions } from './host/host.js';
export { createMcpServer } from './host/server-factory.js';
export { StartupError, type StartupProblem } from './host/startup-error.js';
export { CORE_VERSION } from './version.js';
export { AtlassianHttp } from './http/atlassian-http.js';
export { AuthService } from './auth/auth-service.js';
export { RichText } from './content/rich-text.js';
