import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@modelcontextprotocol/node';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { AtlassianMcpHost, type HostOptions } from '../host/host.js';
import { MemoryCredentialStore } from '../auth/credential-store.js';
import { httpServices } from '../http/tokens.js';
import type { FetchLike } from '../http/types.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { MemoryStateStore } from '../state/memory-state-store.js';
import { RedisStateStore } from '../state/redis-state-store.js';
import type { StateStore } from '../state/state-store.js';
import { stateServices } from '../state/tokens.js';
import { resolveHostedSettings, type HostedSettings, type ListenOptions } from './hosted-settings.js';
import { HostedApp } from './http-app.js';
import { AccessTokens } from './oauth/access-tokens.js';
import { AuthorizationServer } from './oauth/authorization-server.js';
import { OAuthClients } from './oauth/clients.js';
import { sharedSiteLimits } from './shared-site-limits.js';
import { TokenVault } from './token-vault.js';
import { UserDirectory } from './user-credentials.js';

/** How to start a hosted server. */
export interface HostedServerOptions extends Omit<HostOptions, 'config'> {
  config: AtlassianMcpConfig;
  listen: ListenOptions;
  /** Where secrets are read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/** A running hosted server. */
export interface HostedServer {
  /** Where it listens (`http://127.0.0.1:PORT`). */
  readonly url: string;
  readonly settings: HostedSettings;
  readonly host: AtlassianMcpHost;
  readonly store: StateStore;
  readonly app: HostedApp;
  /** Graceful stop: readiness turns false, calls in flight finish (up to the grace period), then everything closes. */
  close(): Promise<void>;
}

/**
 * Starts `serve --http`: a host with local files off, no local sign-in, and per-site limits and
 * metadata caches shared through the state store; the hosted app on a Node HTTP server.
 */
export async function startHostedServer(options: HostedServerOptions): Promise<HostedServer> {
  const env = options.env ?? process.env;
  const logger: Logger = options.logger ?? createLogger({ level: options.config.logLevel });
  // A shared server never touches its own disk for a user: the one switch for local files.
  const config: AtlassianMcpConfig = { ...options.config, files: { ...options.config.files, enabled: false } };
  resolveHostedSettings(config, env, options.listen); // a bad configuration stops start-up before anything binds
  const ready: { app?: HostedApp } = {}; // requests before the app exists get 503
  const { server, requests } = await listen(options.listen, config.hosted.maxBodyBytes, (request) =>
    ready.app
      ? ready.app.fetch(request)
      : Promise.resolve(new Response('starting', { status: 503, headers: { 'retry-after': '1' } })),
  );
  const address = server.address() as AddressInfo;
  // Port 0 (tests): the public URL default names the port actually bound.
  const settings = resolveHostedSettings(config, env, { ...options.listen, port: address.port });
  if (settings.ephemeralVaultKey)
    logger.warn(
      'ATLASSIAN_MCP_VAULT_KEYS is not set: the token vault key lives only in this process (users sign in again after a restart)',
    );
  const store: StateStore = settings.redisUrl
    ? RedisStateStore.connect({ url: settings.redisUrl, logger })
    : new MemoryStateStore();
  let host: AtlassianMcpHost;
  try {
    host = await AtlassianMcpHost.start({
      ...options,
      config,
      logger,
      // No single signed-in user: a request without a user finds no credentials at all.
      services: { ...options.services, env, credentialStore: new MemoryCredentialStore() },
      configureContainer: (root) => {
        root.register(httpServices.siteLimits, { useValue: sharedSiteLimits(store, logger) });
        // Metadata caches (fields, spaces, allowlist resolutions…) shared by every replica.
        root.register(stateServices.store, { useValue: store });
        options.configureContainer?.(root);
      },
    });
  } catch (e) {
    await store.close();
    await new Promise((r) => server.close(r));
    throw e;
  }
  const fetchFn = host.root.resolve<FetchLike>(httpServices.fetch);
  const vault = new TokenVault(store, settings.cipher, logger);
  const tokens = new AccessTokens(store, settings.accessTokenTtlSeconds, settings.refreshTokenTtlSeconds);
  const authorizationServer = new AuthorizationServer({
    settings,
    store,
    clients: new OAuthClients(store, fetchFn, settings.loopbackOnly),
    tokens,
    vault,
    fetchFn,
    defaultScopes: () => host.auth().requiredScopes(),
    products: () => [...new Set(host.registry.plugins.flatMap((p) => p.plugin.products ?? []))],
    logger,
  });
  const users = new UserDirectory(
    vault,
    async () => authorizationServer.atlassian,
    settings.atlassian.gatewayUrl,
    logger,
  );
  const hosted = new HostedApp({ host, settings, store, authorizationServer, tokens, users, logger });
  ready.app = hosted;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info(
    { url, publicUrl: settings.publicUrl, store: store.kind, tools: host.enabledTools().length },
    'serving MCP over HTTP',
  );
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      hosted.drain();
      await stopServer(server, requests, settings.shutdownGraceMs);
      await hosted.mcp.close();
      await host.close();
      await store.close();
    })());
  return { url, settings, host, store, app: hosted, close };
}

async function listen(
  at: ListenOptions,
  maxBodyBytes: number,
  fetch: (request: Request) => Promise<Response>,
): Promise<{ server: Server; requests: Set<unknown> }> {
  const handle = toNodeHandler({ fetch }, { maxRequestBodySize: maxBodyBytes });
  const requests = new Set<unknown>();
  const server = createServer((req, res) => {
    requests.add(res);
    res.on('close', () => requests.delete(res));
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => resolve());
  });
  return { server, requests };
}

/** Stops accepting, lets requests in flight finish within `graceMs`, then drops what is left. */
async function stopServer(server: Server, requests: Set<unknown>, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const until = Date.now() + graceMs;
  while (requests.size > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 25));
    server.closeIdleConnections();
  }
  server.closeAllConnections();
  await closed;
}
