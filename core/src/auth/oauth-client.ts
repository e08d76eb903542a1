import * as oauth from 'oauth4webapi';
import { AuthenticationError, UpstreamError } from '../plugin-api/errors.js';
import type { FetchLike } from '../http/types.js';

/** What the OAuth client needs (secrets come from env or the credential store, never the config file). */
export interface OAuthClientSettings {
  /** Authorization server, e.g. `https://auth.atlassian.com` (the sandbox's URL in tests). */
  authUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  fetch: FetchLike;
  /** Each token request gives up after this long (a hung token endpoint must not hang every tool call). */
  timeoutMs?: number;
}

/** An access token (and its rotating refresh token) as Atlassian issued it. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms. */
  issuedAt: number;
  scopes: string[];
}

/** The refresh token is unknown, expired, reused or revoked: only a new login helps. */
export class InvalidGrantError extends AuthenticationError {
  constructor(cause?: unknown) {
    super('The Atlassian session has expired or was revoked', {
      cause,
      hint: 'Run `atlassian-mcp login` (or call the authenticate_atlassian tool) to sign in again.',
    });
  }
}

/**
 * The token endpoint failed without saying the grant is bad. `transient` when trying again can
 * help: a 5xx or 429, a timeout, a dropped connection, or an answer cut short — in the last cases
 * Atlassian may have rotated the refresh token already, and only its reuse leeway saves the session.
 */
export class TokenEndpointError extends UpstreamError {
  constructor(
    message: string,
    readonly transient: boolean,
    options: { cause?: unknown; status?: number },
  ) {
    super(message, { ...options, hint: 'Retry in a moment; check https://status.atlassian.com if it persists.' });
  }
}

const DEFAULT_LIFETIME_S = 3600;
const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

/**
 * Atlassian's OAuth 2.0 (3LO) endpoints through `oauth4webapi`: a confidential client
 * (`client_secret` in the body) that also sends PKCE S256 and `state`.
 */
export class OAuthClient {
  private readonly as: oauth.AuthorizationServer;
  private readonly client: oauth.Client;
  private readonly clientAuth: oauth.ClientAuth;
  private readonly options: oauth.HttpRequestOptions<'POST', URLSearchParams>;

  constructor(private readonly settings: OAuthClientSettings) {
    const base = settings.authUrl.replace(/\/+$/, '');
    this.as = { issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/oauth/token` };
    this.client = { client_id: settings.clientId };
    this.clientAuth = oauth.ClientSecretPost(settings.clientSecret);
    this.options = {
      [oauth.customFetch]: (url, init) => settings.fetch(url, init as RequestInit),
      signal: () => AbortSignal.timeout(settings.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS),
      // Plain http only for loopback test servers (the sandbox); real Atlassian is https.
      [oauth.allowInsecureRequests]: base.startsWith('http://'),
    };
  }

  /** The URL the user opens to consent (`audience=api.atlassian.com`, `prompt=consent`). */
  authorizationUrl(params: { state: string; codeChallenge: string; scopes: string[] }): string {
    const url = new URL(this.as.authorization_endpoint!);
    url.search = new URLSearchParams({
      audience: 'api.atlassian.com',
      client_id: this.settings.clientId,
      scope: params.scopes.join(' '),
      redirect_uri: this.settings.redirectUri,
      state: params.state,
      response_type: 'code',
      prompt: 'consent',
      code_challenge: params.codeChallenge,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  /** Checks the callback (`state`, `error`) and trades its code for tokens. */
  async exchangeCode(callbackUrl: URL, expectedState: string, codeVerifier: string): Promise<IssuedTokens> {
    let params: URLSearchParams;
    try {
      params = oauth.validateAuthResponse(this.as, this.client, callbackUrl, expectedState);
    } catch (e) {
      const detail =
        e instanceof oauth.AuthorizationResponseError
          ? (e.error_description ?? e.error)
          : 'the callback did not match this login';
      throw new AuthenticationError(`Atlassian sign-in failed: ${detail}`, {
        cause: e,
        hint: 'Run `atlassian-mcp login` again.',
      });
    }
    return this.tokenCall(async () => {
      const res = await oauth.authorizationCodeGrantRequest(
        this.as,
        this.client,
        this.clientAuth,
        params,
        this.settings.redirectUri,
        codeVerifier,
        this.options,
      );
      return oauth.processAuthorizationCodeResponse(this.as, this.client, res);
    });
  }

  /** Trades a refresh token for new tokens; Atlassian rotates the refresh token each time. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    return this.tokenCall(async () => {
      const res = await oauth.refreshTokenGrantRequest(
        this.as,
        this.client,
        this.clientAuth,
        refreshToken,
        this.options,
      );
      return oauth.processRefreshTokenResponse(this.as, this.client, res);
    });
  }

  private async tokenCall(call: () => Promise<oauth.TokenEndpointResponse>): Promise<IssuedTokens> {
    let tokens: oauth.TokenEndpointResponse;
    try {
      tokens = await call();
    } catch (e) {
      if (e instanceof oauth.ResponseBodyError && (e.error === 'invalid_grant' || e.error === 'unauthorized_client'))
        throw new InvalidGrantError(e);
      if (e instanceof oauth.ResponseBodyError && e.error === 'invalid_client') {
        throw new AuthenticationError('Atlassian rejected the OAuth client id or secret', {
          cause: e,
          hint: 'Check ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET against the app in the developer console.',
        });
      }
      throw tokenEndpointError(e);
    }
    const issuedAt = Date.now();
    return {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      issuedAt,
      expiresAt: issuedAt + (tokens.expires_in ?? DEFAULT_LIFETIME_S) * 1000,
      scopes: (tokens.scope ?? '').split(/\s+/).filter(Boolean),
    };
  }

  /** A fresh PKCE verifier/challenge pair and state. */
  static async newLoginSecrets(): Promise<{ state: string; codeVerifier: string; codeChallenge: string }> {
    const codeVerifier = oauth.generateRandomCodeVerifier();
    return {
      state: oauth.generateRandomState(),
      codeVerifier,
      codeChallenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    };
  }
}

const LOST_ANSWER_CODES = new Set([oauth.PARSE_ERROR, oauth.RESPONSE_IS_NOT_JSON]);

/** Classifies a token-endpoint failure; never puts raw error text in the message (servers echo parameters). */
function tokenEndpointError(e: unknown): TokenEndpointError {
  if (e instanceof oauth.ResponseBodyError) {
    const transient = e.status >= 500 || e.status === 429;
    return new TokenEndpointError(`The Atlassian token endpoint failed (${e.error}, HTTP ${e.status})`, transient, {
      cause: e,
      status: e.status,
    });
  }
  if (e instanceof oauth.OperationProcessingError) {
    const status = e.cause instanceof Response ? e.cause.status : undefined;
    const transient =
      (e.code !== undefined && LOST_ANSWER_CODES.has(e.code)) ||
      (status !== undefined && (status >= 500 || status === 429));
    return new TokenEndpointError(
      `The Atlassian token endpoint sent an unusable answer${status ? ` (HTTP ${status})` : ''}`,
      transient,
      { cause: e, status },
    );
  }
  // By name, not instanceof: undici's DOMException may come from another realm.
  const timedOut = causes(e).some((c) => ['TimeoutError', 'AbortError'].includes((c as { name?: string }).name ?? ''));
  return new TokenEndpointError(
    timedOut ? 'The Atlassian token endpoint did not answer in time' : 'Could not reach the Atlassian token endpoint',
    true,
    { cause: e },
  );
}

/** `e` and its chain of causes (a few levels). */
function causes(e: unknown): unknown[] {
  const out: unknown[] = [];
  for (let cur = e, i = 0; cur !== undefined && cur !== null && i < 5; i++) {
    out.push(cur);
    cur = (cur as { cause?: unknown }).cause;
  }
  return out;
}
