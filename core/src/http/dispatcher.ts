import type { Dispatcher } from 'undici';
import { globalFetch } from './tokens.js';
import type { FetchLike } from './types.js';

/** Timeouts of the connection pool (the config's `http` section). */
export interface DispatcherSettings {
  timeoutMs: number;
  connectTimeoutMs: number;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

/** True when the environment asks for a proxy (Node 20's fetch ignores these variables on its own). */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARS.some((k) => (env[k] ?? '').trim() !== '');
}

/**
 * The undici dispatcher global `fetch` is given: `EnvHttpProxyAgent` when HTTP(S)_PROXY/NO_PROXY
 * are set, else a keep-alive `Agent`. Both carry connect/headers/body timeouts. Corporate proxies
 * that intercept TLS need `NODE_EXTRA_CA_CERTS=/path/to/ca.pem`.
 */
export function createDispatcher(settings: DispatcherSettings, env: NodeJS.ProcessEnv = process.env): Dispatcher {
  const options = {
    keepAliveTimeout: 10_000,
    connect: { timeout: settings.connectTimeoutMs },
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  };
  // Loaded on first use: undici costs ~0.3 s of start-up, and a server may never call Atlassian.
  const { Agent, EnvHttpProxyAgent } = require('undici') as typeof import('undici');
  return proxyConfigured(env) ? new EnvHttpProxyAgent(options) : new Agent(options);
}

/**
 * `fetch` for the calls that do not go through AtlassianHttp (sign-in, token refresh, the identity
 * check of `doctor`): through the proxy when HTTP(S)_PROXY/NO_PROXY are set, like every tool call.
 * A dispatcher the caller passes still wins.
 */
export function proxyAwareFetch(settings: DispatcherSettings, env: NodeJS.ProcessEnv = process.env): FetchLike {
  if (!proxyConfigured(env)) return globalFetch;
  let dispatcher: Dispatcher | undefined;
  return (input, init) =>
    globalFetch(input, { dispatcher: (dispatcher ??= createDispatcher(settings, env)), ...init } as RequestInit);
}
