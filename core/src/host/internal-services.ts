import { createServiceToken } from '../plugin-api/tokens.js';
import type { AuthService } from '../auth/auth-service.js';
import type { AtlassianHttp } from '../http/atlassian-http.js';
import type { RichText } from '../content/rich-text.js';

/**
 * The same services as `coreServices`, typed by their concrete classes, for core's own use (host,
 * CLI, sign-in tool). The symbols are identical; plugins only ever see the narrow interfaces.
 */
export const internalServices = {
  auth: createServiceToken<AuthService>('core.auth'),
  http: createServiceToken<AtlassianHttp>('core.http'),
  content: createServiceToken<RichText>('core.content'),
} as const;
