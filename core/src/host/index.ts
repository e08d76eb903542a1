/**
 * `@atlassian-mcp/core/host` — embedding the host: start it, build MCP servers, and the core
 * services' concrete classes (CLI, tests, benchmarks). Plugins never import this entry.
 * @packageDocumentation
 */
import 'reflect-metadata';

export { AtlassianMcpHost, type HostOptions } from './host.js';
export type { BundledPlugins } from './plugin-loader.js';
export { createMcpServer } from './server-factory.js';
export { StartupError, type StartupProblem } from './startup-error.js';
export { internalServices } from './internal-services.js';
export { CORE_VERSION } from '../version.js';
export { createLogger, type Logger, type LoggerOptions } from '../logging/logger.js';
export { currentCall, runInCallScope, type CallScope } from '../pipeline/call-scope.js';

// Skills (prompts/<name>/SKILL.md): the lint and the reader, for `npm run lint:skills`, tests and the bench
export { DEFAULT_SKILL_DIR, readSkillDir, renderSkill, type Skill, type SkillArgument } from '../skills/skill-file.js';
export {
  lintSkillDirs,
  lintSkill,
  lintCatalog,
  toolCalls,
  SKILL_TOKEN_BUDGET,
  type SkillLintReport,
} from '../skills/skill-lint.js';

// HTTP
export { AtlassianHttp } from '../http/atlassian-http.js';
export { httpServices, globalFetch } from '../http/tokens.js';
export { registerHttpAndAuth, type HttpAndAuthOverrides } from '../http/register.js';
export type { FetchLike } from '../http/types.js';
export type { SiteLimiterStats } from '../http/site-limiter.js';

// Auth and credential stores
export { AuthService, type AuthChange, type LoginResult } from '../auth/auth-service.js';
export { authServices } from '../auth/tokens.js';
export { MemoryCredentialStore, type CredentialStore } from '../auth/credential-store.js';
export { FileCredentialStore, defaultConfigDir } from '../auth/file-credential-store.js';
export { createCredentialStore } from '../auth/create-credential-store.js';
export { OAUTH_SESSION_KEY, type StoredOAuthSession } from '../auth/oauth-session.js';
export { formatAuthStatus, type AuthStatus } from '../auth/auth-status.js';

// Rich text (the concrete converter, for benchmarks and tools outside a plugin)
export { RichText } from '../content/rich-text.js';
export { ConfluenceStorage } from '../content/confluence-storage.js';
export { canonicalStorage } from '../content/storage-xml.js';
export { normaliseAdf } from '../content/adf-normalise.js';
export { PLACEHOLDER_SYNTAX } from '../content/placeholder-syntax.js';
