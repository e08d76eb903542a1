import type { AtlassianMcpConfig } from '@atlassian-mcp/config';

/** Auth settings resolved from the validated config plus the secrets in the environment. */
export interface AuthSettings {
  /** The method the config asks for; `auto` picks API token when email and token are set. */
  mode: 'apiToken' | 'oauth';
  siteUrl?: string;
  cloudId?: string;
  gatewayUrl: string;
  authUrl: string;
  email?: string;
  apiToken?: string;
  scopedToken: boolean;
  clientId?: string;
  clientSecret?: string;
  redirectUri: string;
  /** Scopes forced by config; otherwise the enabled tools' scopes are requested. */
  configuredScopes?: string[];
  /** Names of the env variables the secrets come from, for messages. */
  apiTokenVar: string;
  clientSecretVar: string;
  /** Timeout of one OAuth token request. */
  tokenTimeoutMs: number;
}

/** A hung token endpoint must not hold every tool call for long: token requests get at most this. */
const MAX_TOKEN_TIMEOUT_MS = 15_000;

const trim = (url: string | undefined) => url?.replace(/\/+$/, '');
const nonEmpty = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

/**
 * Reads the auth settings from the validated config (the environment overlay has already been
 * applied by the loader); only secrets are read from the environment here (or the credential store).
 */
export function resolveAuthSettings(config: Readonly<AtlassianMcpConfig>, env: NodeJS.ProcessEnv): AuthSettings {
  const auth = config.auth;
  const apiTokenVar = auth.apiToken?.env ?? 'ATLASSIAN_API_TOKEN';
  const clientSecretVar = auth.oauth.clientSecret?.env ?? 'ATLASSIAN_CLIENT_SECRET';
  const email = nonEmpty(auth.email);
  const apiToken = nonEmpty(env[apiTokenVar]);
  const mode = auth.type === 'auto' ? (email && apiToken ? 'apiToken' : 'oauth') : auth.type;
  return {
    mode,
    siteUrl: trim(config.site.url),
    cloudId: config.site.cloudId,
    gatewayUrl: trim(config.site.apiGatewayUrl) ?? 'https://api.atlassian.com',
    authUrl: trim(config.site.authUrl) ?? 'https://auth.atlassian.com',
    email,
    apiToken,
    scopedToken: auth.scopedToken,
    clientId: nonEmpty(auth.oauth.clientId),
    clientSecret: nonEmpty(env[clientSecretVar]),
    redirectUri: auth.oauth.redirectUri,
    configuredScopes: auth.oauth.scopes,
    apiTokenVar,
    clientSecretVar,
    tokenTimeoutMs: Math.min(config.http.timeoutMs, MAX_TOKEN_TIMEOUT_MS),
  };
}
