// OAuth 2.0 (3LO) the way auth.atlassian.com / api.atlassian.com behave: auto-consenting
// `/authorize`, `/oauth/token` (authorization_code + refresh_token grants, JSON or form
// bodies, client secret checked, PKCE S256 verified when a challenge was sent, rotating
// refresh tokens), and `/oauth/token/accessible-resources`.
import { createHash, randomBytes } from 'node:crypto';
import { JSON_TYPE, json, parseFormOrJson, type SandboxRequest, type SandboxResponse } from '../core/http.js';
import type { AccessGrant, CodeGrant, OAuthOptions, RefreshGrant } from './oauth-model.js';

export type { AccessGrant, OAuthClient, OAuthOptions } from './oauth-model.js';

const INVALID_REFRESH = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };
const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

export class OAuthServer {
  private codes = new Map<string, CodeGrant>();
  private access = new Map<string, AccessGrant>();
  private refresh = new Map<string, RefreshGrant>();
  private revokedFamilies = new Set<string>();
  /** Counters tests can assert on. */
  /** `refreshReuse` counts every rotated token sent again; `refreshReuseInLeeway` those accepted. */
  readonly stats = { codesIssued: 0, tokensIssued: 0, refreshes: 0, refreshReuse: 0, refreshReuseInLeeway: 0 };

  constructor(private readonly opts: OAuthOptions) {}

  reset(): void {
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
    this.revokedFamilies.clear();
    Object.assign(this.stats, {
      codesIssued: 0,
      tokensIssued: 0,
      refreshes: 0,
      refreshReuse: 0,
      refreshReuseInLeeway: 0,
    });
  }

  set accessTokenTtl(seconds: number) {
    this.opts.accessTokenTtl = seconds;
  }
  get accessTokenTtl(): number {
    return this.opts.accessTokenTtl;
  }

  /** Marks every access token issued so far as expired (refresh tokens stay valid). */
  expireAccessTokens(): number {
    const now = this.opts.now();
    let n = 0;
    for (const g of this.access.values()) {
      if (g.expiresAt > now) n++;
      g.expiresAt = Math.min(g.expiresAt, now - 1);
    }
    return n;
  }

  expireAccessToken(token: string): void {
    const g = this.access.get(token);
    if (g) g.expiresAt = Math.min(g.expiresAt, this.opts.now() - 1);
  }

  /** Revokes every refresh token (as an admin revoking the app's consent would). */
  revokeRefreshTokens(): void {
    for (const g of this.refresh.values()) g.state = 'revoked';
  }

  /** Issues tokens directly (no browser round trip), for tests that only need a bearer. */
  issueTokens(opts: { scopes: string[]; accountId?: string }): {
    access_token: string;
    refresh_token?: string;
    expires_in: number;
    scope: string;
  } {
    const accountId = opts.accountId ?? this.opts.defaultAccountId();
    return this.mint(this.opts.client.clientId, accountId, opts.scopes, randomId());
  }

  verify(token: string): { grant: AccessGrant } | { error: 'unknown' | 'expired' } {
    const g = this.access.get(token);
    if (!g) return { error: 'unknown' };
    if (g.expiresAt <= this.opts.now()) return { error: 'expired' };
    return { grant: g };
  }

  // ---- endpoints -------------------------------------------------------------------------

  authorize(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!clientId || clientId !== this.opts.client.clientId) {
      return htmlError(400, 'invalid_request', 'Unknown client_id.');
    }
    if (!this.redirectAllowed(redirectUri)) {
      return htmlError(400, 'invalid_request', `The redirect_uri "${redirectUri}" is not registered for this app.`);
    }
    const state = q.get('state');
    const back = (params: Record<string, string>) => {
      const u = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
      if (state !== null) u.searchParams.set('state', state);
      return { status: 302, headers: { location: u.toString(), ...noStore } };
    };
    if (q.get('response_type') !== 'code') {
      return back({ error: 'unsupported_response_type', error_description: 'response_type must be "code".' });
    }
    if (q.get('audience') !== 'api.atlassian.com') {
      return back({ error: 'invalid_request', error_description: 'audience must be "api.atlassian.com".' });
    }
    const scopes = (q.get('scope') ?? '').split(/[ +]+/).filter(Boolean);
    if (scopes.length === 0) return back({ error: 'invalid_scope', error_description: 'scope is required.' });
    const challenge = q.get('code_challenge') ?? undefined;
    const method = q.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
    if (challenge && method !== 'S256' && method !== 'plain') {
      return back({ error: 'invalid_request', error_description: 'Unsupported code_challenge_method.' });
    }
    let accountId = this.opts.defaultAccountId();
    const hint = q.get('login_hint');
    if (hint) {
      const a = this.opts.accountIdForEmail(hint);
      if (!a) return back({ error: 'access_denied', error_description: `No sandbox user ${hint}.` });
      accountId = a;
    }
    const code = randomId();
    this.codes.set(code, {
      clientId,
      redirectUri,
      scopes,
      accountId,
      challenge,
      challengeMethod: method,
      expiresAt: this.opts.now() + 10 * 60_000,
    });
    this.stats.codesIssued++;
    return back({ code });
  }

  token(req: SandboxRequest): SandboxResponse {
    const body = parseFormOrJson(req);
    if (!body) return json(400, { error: 'invalid_request', error_description: 'Malformed request body.' }, noStore);
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    let clientId = str('client_id');
    let clientSecret = str('client_secret');
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const [id, secret] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
      clientId ??= id;
      clientSecret ??= secret;
    }
    if (clientId !== this.opts.client.clientId || clientSecret !== this.opts.client.clientSecret) {
      return json(401, { error: 'access_denied', error_description: 'Unauthorized' }, noStore);
    }
    const grantType = str('grant_type');
    if (grantType === 'authorization_code') return this.codeGrant(clientId, str);
    if (grantType === 'refresh_token') return this.refreshGrant(clientId, str('refresh_token'));
    return json(
      400,
      { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${grantType ?? '(none)'}` },
      noStore,
    );
  }

  accessibleResources(req: SandboxRequest): SandboxResponse {
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    const v = m ? this.verify(m[1]!.trim()) : ({ error: 'unknown' } as const);
    if ('error' in v) return json(401, { code: 401, message: 'Unauthorized' });
    return json(200, [
      {
        id: this.opts.cloudId,
        url: this.opts.siteUrl(),
        name: this.opts.siteName,
        scopes: [...v.grant.scopes].filter((s) => s !== 'offline_access'),
        avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png',
      },
    ]);
  }

  // ---- internals -------------------------------------------------------------------------

  private codeGrant(clientId: string, str: (k: string) => string | undefined): SandboxResponse {
    const code = str('code');
    const grant = code ? this.codes.get(code) : undefined;
    if (!code || !grant || grant.expiresAt <= this.opts.now() || grant.clientId !== clientId) {
      return json(403, { error: 'invalid_grant', error_description: 'Invalid authorization code' }, noStore);
    }
    this.codes.delete(code); // single use
    if ((str('redirect_uri') ?? '') !== grant.redirectUri) {
      return json(403, { error: 'invalid_grant', error_description: 'Unable to verify redirect_uri' }, noStore);
    }
    if (grant.challenge) {
      const verifier = str('code_verifier');
      const computed =
        verifier === undefined
          ? undefined
          : grant.challengeMethod === 'S256'
            ? createHash('sha256').update(verifier).digest('base64url')
            : verifier;
      if (computed !== grant.challenge) {
        return json(403, { error: 'invalid_grant', error_description: 'Failed to verify code verifier' }, noStore);
      }
    }
    return json(200, this.mint(clientId, grant.accountId, grant.scopes, randomId()), noStore);
  }

  private refreshGrant(clientId: string, token: string | undefined): SandboxResponse {
    const g = token ? this.refresh.get(token) : undefined;
    if (!token || !g || g.clientId !== clientId || this.revokedFamilies.has(g.family) || g.state === 'revoked') {
      return json(403, INVALID_REFRESH, noStore);
    }
    if (g.state === 'rotated') {
      this.stats.refreshReuse++;
      if (this.opts.now() - (g.rotatedAt ?? 0) <= this.opts.refreshReuseLeewaySeconds * 1000) {
        // Within the leeway the spent token still works (the client may have lost the answer).
        this.stats.refreshReuseInLeeway++;
        this.stats.refreshes++;
        return json(200, this.mint(clientId, g.accountId, g.scopes, g.family), noStore);
      }
      if (this.opts.refreshReuse === 'revoke-family') this.revokedFamilies.add(g.family);
      return json(403, INVALID_REFRESH, noStore);
    }
    g.state = 'rotated';
    g.rotatedAt = this.opts.now();
    this.stats.refreshes++;
    return json(200, this.mint(clientId, g.accountId, g.scopes, g.family), noStore);
  }

  private mint(clientId: string, accountId: string, scopes: string[], family: string) {
    const accessToken = `sbx-at-${randomId()}`;
    const ttl = this.opts.accessTokenTtl;
    this.access.set(accessToken, {
      accountId,
      scopes: new Set(scopes),
      clientId,
      expiresAt: this.opts.now() + ttl * 1000,
    });
    this.stats.tokensIssued++;
    const out: { access_token: string; expires_in: number; token_type: string; scope: string; refresh_token?: string } =
      {
        access_token: accessToken,
        expires_in: ttl,
        token_type: 'Bearer',
        scope: scopes.join(' '),
      };
    if (scopes.includes('offline_access')) {
      const refreshToken = `sbx-rt-${randomId()}`;
      this.refresh.set(refreshToken, { family, accountId, scopes, clientId, state: 'active' });
      out.refresh_token = refreshToken;
    }
    return out;
  }

  private redirectAllowed(uri: string): boolean {
    let u: URL;
    try {
      u = new URL(uri);
    } catch {
      return false;
    }
    const c = this.opts.client;
    if (uri === c.redirectUri) return true;
    if (c.redirectUris === 'loopback') {
      return (
        u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]')
      );
    }
    return c.redirectUris.includes(uri);
  }
}

function randomId(): string {
  return randomBytes(24).toString('base64url');
}

function htmlError(status: number, error: string, description: string): SandboxResponse {
  return {
    status,
    headers: { 'content-type': JSON_TYPE },
    body: JSON.stringify({ error, error_description: description }),
  };
}
