import { createHash, randomBytes } from 'node:crypto';
import type { OAuthMetadata } from '@modelcontextprotocol/server';
import { OAuthClient } from '../../auth/oauth-client.js';
import type { Logger } from '../../logging/logger.js';
import type { FetchLike } from '../../http/types.js';
import type { StateStore } from '../../state/state-store.js';
import type { HostedSettings } from '../hosted-settings.js';
import type { TokenVault } from '../token-vault.js';
import type { AccessTokens } from './access-tokens.js';
import type { KnownClient, OAuthClients } from './clients.js';
import { OAuthFailure, readForm, singleValues } from './oauth-errors.js';
import { consentPage, PAGE_HEADERS, problemPage } from './consent-page.js';
import { completeAtlassianSignIn } from './atlassian-sign-in.js';

/** An authorization in progress: what the client asked for, kept while the user consents. */
interface Pending {
  clientId: string;
  clientName: string;
  redirectUri: string;
  state?: string;
  codeChallenge: string;
  scopes: string[];
  csrf: string;
  /** Set once the user allowed it: the server's own PKCE verifier for Atlassian. */
  verifier?: string;
}

/** An authorization code of this server: single use, one minute. */
interface IssuedCode {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  userId: string;
  label: string;
  scopes: string[];
}

const PENDING_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 60_000;
const CONSENT_COOKIE = 'amcp_consent';
const random = () => randomBytes(24).toString('base64url');
const hash = (s: string) => createHash('sha256').update(s).digest('base64url');

export interface AuthorizationServerDeps {
  settings: HostedSettings;
  store: StateStore;
  clients: OAuthClients;
  tokens: AccessTokens;
  vault: TokenVault;
  fetchFn: FetchLike;
  /** Scopes to ask Atlassian for when the client names none (what the enabled tools need). */
  defaultScopes: () => string[];
  /** Products whose identity endpoint tells who signed in. */
  products: () => string[];
  logger: Logger;
}

/**
 * The OAuth 2.1 authorization server MCP clients talk to, in front of Atlassian's 3LO: the client
 * registers (metadata document or dynamic registration), the user consents here and then at
 * Atlassian, the Atlassian tokens go into the vault, and the client gets this server's own
 * tokens for this server's resource only.
 */
export class AuthorizationServer {
  readonly atlassian: OAuthClient;

  constructor(private readonly d: AuthorizationServerDeps) {
    const a = d.settings.atlassian;
    this.atlassian = new OAuthClient({
      authUrl: a.authUrl,
      clientId: a.clientId!,
      clientSecret: a.clientSecret!,
      redirectUri: d.settings.atlassianCallbackUrl,
      fetch: d.fetchFn,
      timeoutMs: a.tokenTimeoutMs,
    });
  }

  /** RFC 8414 metadata. */
  metadata(): OAuthMetadata {
    const base = this.d.settings.issuer;
    return {
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      registration_endpoint: `${base}/register`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: this.d.defaultScopes(),
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
    } as OAuthMetadata;
  }

  register(request: Request): Promise<Response> {
    return this.d.clients.register(request);
  }

  /** GET /authorize: checks the request, then asks the user (the consent page). */
  async authorize(request: Request): Promise<Response> {
    const q = singleValues(new URL(request.url).searchParams);
    const clientId = q.get('client_id');
    if (!clientId) return problem('The sign-in request names no client.');
    let client: KnownClient;
    try {
      client = await this.d.clients.resolve(clientId);
    } catch (e) {
      return problem(e instanceof OAuthFailure ? e.description : 'Unknown client.');
    }
    const redirectUri =
      q.get('redirect_uri') ?? (client.redirect_uris.length === 1 ? client.redirect_uris[0] : undefined);
    if (!redirectUri || !client.redirect_uris.includes(redirectUri))
      return problem('The redirect URI is not registered for this client.');
    const back = (error: string, description: string) =>
      this.redirect(redirectUri, { error, error_description: description, state: q.get('state') });
    if (q.get('response_type') !== 'code') return back('unsupported_response_type', 'response_type must be code');
    const codeChallenge = q.get('code_challenge');
    if (!codeChallenge || q.get('code_challenge_method') !== 'S256')
      return back('invalid_request', 'PKCE with code_challenge_method S256 is required');
    const resource = q.get('resource');
    if (resource !== undefined && !this.isOurResource(resource))
      return back('invalid_target', `This server's resource is ${this.d.settings.resource}`);
    const asked = (q.get('scope') ?? '').split(' ').filter(Boolean);
    const pending: Pending = {
      clientId,
      clientName: client.client_name ?? new URL(redirectUri).host,
      redirectUri,
      state: q.get('state'),
      codeChallenge,
      scopes: asked.length ? asked : this.d.defaultScopes(),
      csrf: random(),
    };
    const txn = random();
    await this.d.store.set(`oauth:pending:${txn}`, JSON.stringify(pending), { ttlMs: PENDING_TTL_MS });
    const html = consentPage({
      clientName: pending.clientName,
      redirectHost: new URL(redirectUri).host,
      scopes: pending.scopes,
      txn,
      csrf: pending.csrf,
    });
    const secure = this.d.settings.publicUrl.startsWith('https:') ? '; Secure' : '';
    return new Response(html, {
      status: 200,
      headers: {
        ...PAGE_HEADERS,
        'set-cookie': `${CONSENT_COOKIE}=${pending.csrf}; Path=/authorize; HttpOnly; SameSite=Strict; Max-Age=600${secure}`,
      },
    });
  }

  /** POST /authorize: the user's answer; "allow" goes on to Atlassian's consent. */
  async decide(request: Request): Promise<Response> {
    const form = await readForm(request);
    const txn = form.get('txn') ?? '';
    const raw = await this.d.store.take(`oauth:pending:${txn}`);
    if (!raw) return problem('This sign-in has expired or was already answered.');
    const pending = JSON.parse(raw) as Pending;
    const cookie = cookies(request).get(CONSENT_COOKIE);
    // The answer must come from the browser that was shown the page (double-submit cookie).
    if (!cookie || cookie !== pending.csrf || form.get('csrf') !== pending.csrf)
      return problem('The answer did not come from the page this server showed.', 403);
    if (form.get('decision') !== 'allow')
      return this.redirect(pending.redirectUri, {
        error: 'access_denied',
        error_description: 'The user denied access',
        state: pending.state,
      });
    const secrets = await OAuthClient.newLoginSecrets();
    pending.verifier = secrets.codeVerifier;
    await this.d.store.set(`oauth:upstream:${secrets.state}`, JSON.stringify(pending), { ttlMs: PENDING_TTL_MS });
    const scopes = [...new Set([...pending.scopes, 'offline_access'])];
    const location = this.atlassian.authorizationUrl({
      state: secrets.state,
      codeChallenge: secrets.codeChallenge,
      scopes,
    });
    return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
  }

  /** GET /oauth/atlassian/callback: Atlassian's answer; the client gets this server's code. */
  async atlassianCallback(request: Request): Promise<Response> {
    const incoming = new URL(request.url);
    const state = incoming.searchParams.get('state') ?? '';
    const raw = await this.d.store.take(`oauth:upstream:${state}`);
    if (!raw) return problem('This sign-in has expired or was already completed.');
    const pending = JSON.parse(raw) as Pending;
    // Checked against the URL Atlassian was given, not the address this replica was reached at.
    const callback = new URL(this.d.settings.atlassianCallbackUrl);
    callback.search = incoming.search;
    if (incoming.searchParams.has('error'))
      return this.redirect(pending.redirectUri, {
        error: 'access_denied',
        error_description: 'Atlassian sign-in was declined',
        state: pending.state,
      });
    let user;
    try {
      user = await completeAtlassianSignIn(
        {
          atlassian: this.atlassian,
          settings: this.d.settings.atlassian,
          fetchFn: this.d.fetchFn,
          vault: this.d.vault,
          products: this.d.products(),
        },
        callback,
        state,
        pending.verifier!,
      );
    } catch (e) {
      this.d.logger.warn({ reason: (e as Error).message }, 'an Atlassian sign-in failed');
      return problem(`Atlassian sign-in failed: ${(e as Error).message}`, 502);
    }
    const code = random();
    const issued: IssuedCode = {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      codeChallenge: pending.codeChallenge,
      userId: user.userId,
      label: user.label,
      scopes: user.scopes,
    };
    await this.d.store.set(`oauth:code:${hash(code)}`, JSON.stringify(issued), { ttlMs: CODE_TTL_MS });
    this.d.logger.info({ user: user.label, client: pending.clientId }, 'a user signed in');
    return this.redirect(pending.redirectUri, { code, state: pending.state });
  }

  /** POST /token: authorization_code (with PKCE) and refresh_token grants. */
  async token(request: Request): Promise<Response> {
    const form = await readForm(request);
    const clientId = form.get('client_id');
    if (!clientId) throw new OAuthFailure('invalid_client', 'client_id is required', 401);
    const resource = form.get('resource');
    if (resource !== undefined && !this.isOurResource(resource))
      throw new OAuthFailure('invalid_target', `This server's resource is ${this.d.settings.resource}`);
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const raw = await this.d.store.take(`oauth:code:${hash(form.get('code') ?? '')}`);
      if (!raw) throw new OAuthFailure('invalid_grant', 'Unknown, used or expired authorization code');
      const code = JSON.parse(raw) as IssuedCode;
      if (code.clientId !== clientId) throw new OAuthFailure('invalid_grant', 'The code was issued to another client');
      if ((form.get('redirect_uri') ?? code.redirectUri) !== code.redirectUri)
        throw new OAuthFailure('invalid_grant', 'redirect_uri does not match the authorization request');
      const verifier = form.get('code_verifier') ?? '';
      if (hash(verifier) !== code.codeChallenge) throw new OAuthFailure('invalid_grant', 'PKCE verification failed');
      return tokenResponse(await this.d.tokens.issue({ ...code, clientId, resource: this.d.settings.resource }));
    }
    if (grantType === 'refresh_token') {
      const grant = await this.d.tokens.redeemRefreshToken(form.get('refresh_token') ?? '');
      if (!grant || grant.clientId !== clientId)
        throw new OAuthFailure('invalid_grant', 'Unknown, used or expired refresh token');
      if ((await this.d.vault.sealed(grant.userId)) === undefined)
        throw new OAuthFailure('invalid_grant', 'The Atlassian sign-in behind this token has ended; sign in again');
      const narrowed = (form.get('scope') ?? '').split(' ').filter(Boolean);
      if (narrowed.some((s) => !grant.scopes.includes(s)))
        throw new OAuthFailure('invalid_scope', 'A refresh cannot add scopes; sign in again for more');
      const scopes = narrowed.length ? narrowed : grant.scopes;
      return tokenResponse(await this.d.tokens.issue({ ...grant, scopes }));
    }
    throw new OAuthFailure('unsupported_grant_type', 'Use authorization_code or refresh_token');
  }

  /** The resource itself or a path under it (`/mcp/readonly` is the same resource). */
  private isOurResource(resource: string): boolean {
    const ours = this.d.settings.resource;
    const bare = resource.replace(/#.*$/, '').replace(/\/+$/, '');
    return bare === ours || bare.startsWith(`${ours}/`);
  }

  private redirect(uri: string, params: Record<string, string | undefined>): Response {
    const url = new URL(uri);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    url.searchParams.set('iss', this.d.settings.issuer);
    return new Response(null, { status: 302, headers: { location: url.toString(), 'cache-control': 'no-store' } });
  }
}

function problem(message: string, status = 400): Response {
  return new Response(problemPage(message), { status, headers: PAGE_HEADERS });
}

function tokenResponse(body: object): Response {
  return Response.json(body, { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } });
}

function cookies(request: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return out;
}
