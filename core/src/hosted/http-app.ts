import {
  bearerAuthChallengeResponse,
  buildOAuthProtectedResourceMetadata,
  createMcpHandler,
  hostHeaderValidationResponse,
  OAuthError,
  validateOriginHeader,
  verifyBearerToken,
  type AuthInfo,
  type McpHttpHandler,
  type McpRequestContext,
} from '@modelcontextprotocol/server';
import type { AtlassianMcpHost } from '../host/host.js';
import { createMcpServer } from '../host/server-factory.js';
import type { Logger } from '../logging/logger.js';
import { StateUnavailableError, type StateStore } from '../state/state-store.js';
import type { HostedSettings } from './hosted-settings.js';
import type { AccessTokens } from './oauth/access-tokens.js';
import type { AuthorizationServer } from './oauth/authorization-server.js';
import { OAuthFailure } from './oauth/oauth-errors.js';
import { NarrowedPolicy, readPolicyRequest } from './request-policy.js';
import type { UserDirectory } from './user-credentials.js';

export interface HostedAppDeps {
  host: AtlassianMcpHost;
  settings: HostedSettings;
  store: StateStore;
  authorizationServer: AuthorizationServer;
  tokens: AccessTokens;
  users: UserDirectory;
  logger: Logger;
}

const CORS_HEADERS =
  'authorization, content-type, accept, mcp-protocol-version, mcp-session-id, mcp-method, mcp-name, last-event-id, x-mcp-toolsets, x-mcp-readonly';

/**
 * The hosted server as one fetch handler: health and readiness, OAuth discovery and the
 * authorization server, and the MCP endpoint (bearer-protected, one server instance per request,
 * built for the calling user with the request's narrowed policy). Host and Origin are checked
 * first (DNS rebinding); bodies are bounded.
 */
export class HostedApp {
  readonly mcp: McpHttpHandler;
  private draining = false;
  private readonly pluginDefaults: Record<string, string[] | undefined>;

  constructor(private readonly d: HostedAppDeps) {
    this.pluginDefaults = Object.fromEntries(
      d.host.registry.plugins.map((p) => [p.plugin.id, p.plugin.defaultToolsets]),
    );
    this.mcp = createMcpHandler((ctx) => this.serverFor(ctx), {
      legacy: 'stateless',
      maxRequestBodySize: d.settings.maxBodyBytes,
      onerror: (e) => d.logger.debug({ reason: e.message }, 'an MCP request was refused'),
    });
  }

  /** New MCP requests are refused from now on (shutdown); readiness turns false. */
  drain(): void {
    this.draining = true;
  }

  fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === '/healthz') return Response.json({ status: 'ok' });
    if (path === '/readyz') return this.readiness();
    const badHost = hostHeaderValidationResponse(request, this.d.settings.allowedHosts);
    if (badHost) return badHost;
    const origin = request.headers.get('origin');
    if (origin !== null && !validateOriginHeader(origin, this.d.settings.allowedOrigins).ok)
      return Response.json(
        { error: 'forbidden_origin', error_description: 'This Origin is not allowed' },
        { status: 403 },
      );
    if (request.method === 'OPTIONS') return this.preflight(origin);
    try {
      return this.cors(await this.route(request, path), origin);
    } catch (e) {
      if (e instanceof OAuthFailure) return this.cors(e.response(), origin);
      if (e instanceof StateUnavailableError) return unavailable(e.message);
      this.d.logger.error({ err: e, path }, 'a hosted request failed');
      return Response.json({ error: 'server_error', error_description: 'Internal error' }, { status: 500 });
    }
  };

  private async route(request: Request, path: string): Promise<Response> {
    const as = this.d.authorizationServer;
    const method = request.method;
    if (path === '/.well-known/oauth-protected-resource' || path.startsWith('/.well-known/oauth-protected-resource/'))
      return method === 'GET' ? Response.json(this.resourceMetadata()) : notAllowed('GET');
    if (path === '/.well-known/oauth-authorization-server' || path === '/.well-known/openid-configuration')
      return method === 'GET' ? Response.json(as.metadata()) : notAllowed('GET');
    if (path === '/register') return method === 'POST' ? as.register(request) : notAllowed('POST');
    if (path === '/authorize') {
      if (method === 'GET') return as.authorize(request);
      return method === 'POST' ? as.decide(request) : notAllowed('GET, POST');
    }
    if (path === '/oauth/atlassian/callback')
      return method === 'GET' ? as.atlassianCallback(request) : notAllowed('GET');
    if (path === '/token') return method === 'POST' ? as.token(request) : notAllowed('POST');
    const policy = readPolicyRequest(path, request.headers);
    if (policy) return this.serveMcp(request);
    return Response.json({ error: 'not_found' }, { status: 404 });
  }

  private async serveMcp(request: Request): Promise<Response> {
    if (this.draining) return unavailable('The server is shutting down');
    if (!request.headers.has('authorization')) return this.signInNeeded();
    let authInfo: AuthInfo;
    try {
      authInfo = await verifyBearerToken(request.headers.get('authorization'), {
        verifier: this.d.tokens,
        resourceMetadataUrl: this.d.settings.resourceMetadataUrl,
        expectedResource: new URL(this.d.settings.resource),
      });
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      return bearerAuthChallengeResponse(e, {
        resourceMetadataUrl: this.d.settings.resourceMetadataUrl,
        requiredScopes: this.d.host.auth().requiredScopes(),
      });
    }
    return this.mcp.fetch(request, { authInfo });
  }

  /**
   * A request with no credentials at all: where to sign in, and with which scopes, but no error
   * code (RFC 6750 §3.1: the client may not have known that authentication is needed).
   */
  private signInNeeded(): Response {
    const scope = this.d.host.auth().requiredScopes().join(' ');
    return Response.json(
      { error: 'unauthorized', error_description: 'Sign in: this MCP server needs an access token' },
      {
        status: 401,
        headers: {
          'www-authenticate': `Bearer resource_metadata="${this.d.settings.resourceMetadataUrl}", scope="${scope}"`,
        },
      },
    );
  }

  private serverFor(ctx: McpRequestContext) {
    const extra = ctx.authInfo?.extra as { userId?: string; label?: string } | undefined;
    if (!ctx.authInfo || !extra?.userId) throw new Error('an MCP request reached the server without a verified user');
    const principal = this.d.users.principal({
      userId: extra.userId,
      label: extra.label ?? extra.userId,
      scopes: ctx.authInfo.scopes,
    });
    const request = ctx.requestInfo
      ? readPolicyRequest(new URL(ctx.requestInfo.url).pathname, ctx.requestInfo.headers)
      : undefined;
    const policy = new NarrowedPolicy(
      this.d.host.policy,
      request ?? { readOnly: false, toolsets: [] },
      this.pluginDefaults,
    );
    return createMcpServer(this.d.host, { principal, policy });
  }

  private resourceMetadata() {
    return buildOAuthProtectedResourceMetadata({
      oauthMetadata: this.d.authorizationServer.metadata(),
      resourceServerUrl: new URL(this.d.settings.resource),
      scopesSupported: this.d.host.auth().requiredScopes(),
      resourceName: 'Atlassian MCP',
      dangerouslyAllowInsecureIssuerUrl: this.d.settings.loopbackOnly,
    });
  }

  private async readiness(): Promise<Response> {
    const problems: string[] = [];
    if (this.draining) problems.push('shutting down');
    try {
      await this.d.store.ping();
    } catch {
      problems.push(`state store (${this.d.store.kind}) unreachable`);
    }
    const a = this.d.settings.atlassian;
    if (!a.clientId || !a.clientSecret || !a.authUrl) problems.push('Atlassian OAuth app not configured');
    if (problems.length) return Response.json({ status: 'unavailable', problems }, { status: 503 });
    return Response.json({ status: 'ready', store: this.d.store.kind });
  }

  private preflight(origin: string | null): Response {
    return this.cors(new Response(null, { status: 204 }), origin, true);
  }

  private cors(response: Response, origin: string | null, preflight = false): Response {
    if (origin === null) return response;
    const headers = new Headers(response.headers);
    headers.set('access-control-allow-origin', origin);
    headers.set('vary', 'Origin');
    headers.set('access-control-expose-headers', 'WWW-Authenticate, Mcp-Session-Id');
    if (preflight) {
      headers.set('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
      headers.set('access-control-allow-headers', CORS_HEADERS);
      headers.set('access-control-max-age', '600');
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

function notAllowed(allow: string): Response {
  return Response.json({ error: 'method_not_allowed' }, { status: 405, headers: { allow } });
}

function unavailable(message: string): Response {
  return Response.json(
    { error: 'temporarily_unavailable', error_description: message },
    { status: 503, headers: { 'retry-after': '1' } },
  );
}
