import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { resolveAuthSettings, type AuthSettings } from '../auth/auth-settings.js';
import { VaultCipher, VaultKeyError } from './vault-cipher.js';

/** Where `serve --http` listens (CLI flags). */
export interface ListenOptions {
  port: number;
  host: string;
}

/** Everything the hosted server needs, resolved once at start-up. */
export interface HostedSettings {
  listen: ListenOptions;
  /** Origin clients use, without a trailing slash (`https://mcp.example.com`). */
  publicUrl: string;
  /** The protected resource (RFC 8707 / 9728): `<publicUrl>/mcp`. Tokens carry exactly this audience. */
  resource: string;
  /** The authorization server's issuer (this server): `publicUrl`. */
  issuer: string;
  /** The Protected Resource Metadata document for {@link resource}. */
  resourceMetadataUrl: string;
  /** Where Atlassian sends the user back after consent (register it in the Atlassian app). */
  atlassianCallbackUrl: string;
  /** Host header names accepted (DNS-rebinding protection). */
  allowedHosts: string[];
  /** Browser origins (hostnames) accepted. */
  allowedOrigins: string[];
  redisUrl?: string;
  cipher: VaultCipher;
  /** True when the vault key is made up for this process (sandbox, single replica without keys). */
  ephemeralVaultKey: boolean;
  /** Plain http on loopback (tests, the sandbox demo): insecure issuer and client metadata URLs allowed. */
  loopbackOnly: boolean;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  maxBodyBytes: number;
  shutdownGraceMs: number;
  /** The Atlassian app (client id, secret, auth and gateway URLs, site) users sign in through. */
  atlassian: AuthSettings;
}

/** A hosted configuration that cannot work; start-up prints these lines. */
export class HostedConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`atlassian-mcp: the hosted server cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'HostedConfigError';
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Reads the hosted settings from the config (and the secrets from `env`); throws HostedConfigError. */
export function resolveHostedSettings(
  config: Readonly<AtlassianMcpConfig>,
  env: NodeJS.ProcessEnv,
  listen: ListenOptions,
): HostedSettings {
  const problems: string[] = [];
  const hosted = config.hosted;
  const atlassian = resolveAuthSettings(config, env);
  const listenHost = listen.host.includes(':') && !listen.host.startsWith('[') ? `[${listen.host}]` : listen.host;
  const publicUrl = (hosted.publicUrl ?? `http://${listenHost}:${listen.port}`).replace(/\/+$/, '');
  const url = new URL(publicUrl);
  const loopbackOnly = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackOnly)
    problems.push(`hosted.publicUrl must be https (${publicUrl}); plain http is only for loopback addresses`);
  if (atlassian.mode !== 'oauth')
    problems.push(
      'hosted mode signs each user in with OAuth 2.0 (3LO): unset ATLASSIAN_API_TOKEN / auth.type apiToken (a shared service account is not supported)',
    );
  // One site for the whole team: per-site state (allowlist resolutions, metadata) is keyed by it.
  if (!atlassian.siteUrl && !atlassian.cloudId)
    problems.push('ATLASSIAN_SITE_URL (site.url) is not set: a hosted server serves one Atlassian site');
  if (!atlassian.clientId) problems.push('ATLASSIAN_CLIENT_ID (auth.oauth.clientId) is not set');
  if (!atlassian.clientSecret) problems.push(`${atlassian.clientSecretVar} is not set`);
  const redisVar = hosted.redisUrl?.env ?? 'ATLASSIAN_MCP_REDIS_URL';
  const keysVar = hosted.vaultKeys?.env ?? 'ATLASSIAN_MCP_VAULT_KEYS';
  const redisUrl = env[redisVar]?.trim() || undefined;
  let cipher = VaultCipher.ephemeral();
  const keys = env[keysVar]?.trim();
  if (keys) {
    try {
      cipher = VaultCipher.fromKeyList(keys);
    } catch (e) {
      problems.push(`${keysVar}: ${(e as VaultKeyError).message}`);
    }
  } else if (redisUrl) {
    problems.push(`${keysVar} is not set: with Redis, every replica must encrypt the token vault with the same key`);
  }
  if (problems.length > 0) throw new HostedConfigError(problems);
  const hosts = new Set([url.hostname, ...hosted.allowedHosts.map((h) => h.toLowerCase())]);
  if (loopbackOnly) for (const h of ['localhost', '127.0.0.1', '[::1]']) hosts.add(h);
  const resource = `${publicUrl}/mcp`;
  return {
    listen,
    publicUrl,
    resource,
    issuer: publicUrl,
    resourceMetadataUrl: `${publicUrl}/.well-known/oauth-protected-resource/mcp`,
    atlassianCallbackUrl: `${publicUrl}/oauth/atlassian/callback`,
    allowedHosts: [...hosts],
    allowedOrigins: [url.hostname, ...hosted.allowedOrigins],
    redisUrl,
    cipher,
    ephemeralVaultKey: !keys,
    loopbackOnly,
    accessTokenTtlSeconds: hosted.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: hosted.refreshTokenTtlDays * 86_400,
    maxBodyBytes: hosted.maxBodyBytes,
    shutdownGraceMs: hosted.shutdownGraceMs,
    atlassian: { ...atlassian, redirectUri: `${publicUrl}/oauth/atlassian/callback` },
  };
}
