import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import type { AuthStatusService } from '../plugin-api/services.js';
import { identify, type IdentityDeps } from './identity-check.js';
import { inject, Service } from '../plugin-api/decorators.js';
import { coreServices } from '../plugin-api/tokens.js';
import { AuthenticationError } from '../plugin-api/errors.js';
import type { Logger } from '../logging/logger.js';
import type { FetchLike, Product } from '../http/types.js';
import type { RequestAuthorization, RequestAuthorizer } from '../http/request-auth.js';
import { httpServices } from '../http/tokens.js';
import { MemoryCredentialStore, type CredentialStore } from './credential-store.js';
import { authServices, type BrowserOpener, type NoticeWriter } from './tokens.js';
import { resolveAuthSettings, type AuthSettings } from './auth-settings.js';
import { ApiTokenCredentials } from './api-token-credentials.js';
import { OAuthSession, type StoredOAuthSession } from './oauth-session.js';
import { notSignedIn, OAuthCredentials } from './oauth-credentials.js';
import { OAuthClientSecret } from './oauth-client-secret.js';
import { loginScopes, requireOAuthClient, runOAuthLogin, type LoginOptions } from './oauth-login.js';
import type { OAuthClient } from './oauth-client.js';
import { FileRefreshLock, noRefreshLock } from './refresh-lock.js';
import { defaultConfigDir, FileCredentialStore } from './file-credential-store.js';
import { authStatusLines, problemOf, type AuthStatus } from './auth-status.js';
import { networkProblem } from '../http/network-problem.js';

/** Why auth changed; the host re-lists tools (`notifications/tools/list_changed`) on each. */
export interface AuthChange {
  kind: 'login' | 'logout' | 'session-lost';
}

/** What a successful login reports (no secrets). */
export interface LoginResult {
  /** The site URL. */
  site: string;
  siteName?: string;
  cloudId: string;
  /** Who signed in (display name or account id), when the identity check worked. */
  account?: string;
  scopes: string[];
}

/** A section of the `doctor` report (the CLI's `DoctorSection` shape). */
export interface AuthDoctorSection {
  title: string;
  ok: boolean;
  lines: [string, string][];
}

/**
 * Credentials and the site they belong to: API tokens (classic and scoped) and OAuth 2.0 (3LO)
 * with rotating refresh tokens. The HTTP pipeline asks it for each request's base URL and
 * `Authorization` header; the CLI calls `login`, `logout` and `status`.
 */
@Service()
export class AuthService implements RequestAuthorizer, AuthStatusService {
  private readonly settings: AuthSettings;
  private readonly apiToken: ApiTokenCredentials;
  private readonly oauth: OAuthSession;
  private readonly oauthCredentials: OAuthCredentials;
  private readonly clientSecret: OAuthClientSecret;
  private required: string[] = [];
  private products: string[] = ['jira'];
  private readonly listeners = new Set<(change: AuthChange) => void>();
  private loginInFlight: Promise<LoginResult> | undefined;

  constructor(
    @inject(coreServices.rootConfig) config: Readonly<AtlassianMcpConfig>,
    @inject(coreServices.logger) private readonly logger: Logger,
    @inject(authServices.credentialStore) private readonly store: CredentialStore,
    @inject(httpServices.fetch) private readonly fetchFn: FetchLike,
    @inject(authServices.openBrowser) private readonly openBrowser: BrowserOpener,
    @inject(authServices.notice) private readonly notice: NoticeWriter,
    @inject(authServices.env) env: NodeJS.ProcessEnv,
  ) {
    this.settings = resolveAuthSettings(config, env);
    this.apiToken = new ApiTokenCredentials(this.settings, fetchFn);
    this.clientSecret = new OAuthClientSecret(store, this.settings.clientSecret);
    const lock =
      store instanceof MemoryCredentialStore
        ? noRefreshLock
        : new FileRefreshLock(
            store instanceof FileCredentialStore ? store.dir : (config.auth.storeDir ?? defaultConfigDir(env)),
          );
    this.oauth = new OAuthSession(
      store,
      (session) => this.oauthClient(session.clientId),
      logger,
      async () => {
        // The secret was kept only to refresh this session: it goes with it.
        await this.clientSecret.forget().catch(() => undefined);
        this.emit({ kind: 'session-lost' });
      },
      lock,
    );
    this.oauthCredentials = new OAuthCredentials(this.settings, this.oauth);
  }

  /** The auth method in use: API token (from env) or OAuth. */
  method(): 'apiToken' | 'oauth' {
    return this.settings.mode;
  }

  /** The scopes the enabled tools declare (the host sets them); an OAuth login requests these. */
  setRequiredScopes(scopes: string[]): void {
    this.required = [...new Set(scopes)].filter((s) => s !== 'offline_access').sort();
  }

  requiredScopes(): string[] {
    return [...this.required];
  }

  /** The products the loaded plugins use (the host sets them): identity checks ask these. */
  setProducts(products: readonly string[]): void {
    this.products = products.length > 0 ? [...new Set(products)] : ['jira'];
  }

  private identityDeps(): IdentityDeps {
    return {
      authorize: (product) => this.authorize(product),
      onUnauthorized: (id) => this.onUnauthorized(id),
      fetchFn: this.fetchFn,
    };
  }

  /** The products (of those the plugins use) that another user's credentials reach (hosted mode). */
  async reachableWith(authorizer: RequestAuthorizer, signal?: AbortSignal): Promise<string[]> {
    const deps = {
      authorize: (p: string) => authorizer.authorize(p),
      onUnauthorized: (id: string) => authorizer.onUnauthorized(id),
    };
    const { reach } = await identify(this.products, { ...deps, fetchFn: this.fetchFn }, signal);
    return reach.filter((r) => r.ok).map((r) => r.product);
  }

  /** Granted OAuth scopes; `undefined` for API tokens (all of the account's permissions apply). */
  async grantedScopes(): Promise<string[] | undefined> {
    if (this.settings.mode === 'apiToken') return undefined;
    return (await this.oauth.peek())?.scopes ?? [];
  }

  /** True when calls can be authorized without a login (a live check is {@link status}). */
  async isAuthenticated(): Promise<boolean> {
    if (this.settings.mode === 'apiToken')
      return Boolean(this.settings.email && this.settings.apiToken && this.settings.siteUrl);
    return (await this.oauth.peek()) !== undefined;
  }

  /** Subscribes to auth changes (login, logout, a revoked session); returns the unsubscribe function. */
  onChange(listener: (change: AuthChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  authorize(product: Product): Promise<RequestAuthorization> {
    if (this.settings.mode === 'apiToken') return this.apiToken.authorize(product);
    return this.oauthCredentials.authorize(product);
  }

  onUnauthorized(credentialId: string): Promise<boolean> {
    return this.oauthCredentials.onUnauthorized(credentialId);
  }

  /**
   * Runs the interactive OAuth login and stores the session. Concurrent calls share one login.
   * Emits a `login` change on success.
   */
  login(options: LoginOptions = {}): Promise<LoginResult> {
    return (this.loginInFlight ??= this.doLogin(options).finally(() => {
      this.loginInFlight = undefined;
    }));
  }

  /** Forgets the stored OAuth session and client secret (API tokens live in the environment and stay). */
  async logout(): Promise<void> {
    await this.oauth.clear();
    await this.clientSecret.forget();
    this.emit({ kind: 'logout' });
  }

  /** A live report for `doctor`: method, store, site, who am I, scopes granted vs needed. */
  async status(signal?: AbortSignal): Promise<AuthStatus> {
    // An API token is read from the environment: the keychain is not involved (and not probed).
    const store =
      this.settings.mode === 'apiToken'
        ? `not used (the API token comes from ${this.settings.apiTokenVar})`
        : await this.store.describe().catch((e: unknown) => `unavailable (${problemOf(e).problem})`);
    const needed = this.requiredScopes();
    const scoped = this.settings.mode === 'apiToken' && this.settings.scopedToken;
    const base: AuthStatus = {
      method: this.settings.mode === 'apiToken' ? (scoped ? 'scopedToken' : 'apiToken') : 'oauth',
      store,
      site: { url: this.settings.siteUrl, cloudId: this.settings.cloudId },
      scopes: { needed, missing: [] },
      ok: false,
    };
    if (this.settings.mode === 'oauth') {
      const session = await this.oauth.peek().catch(() => undefined);
      if (!session)
        return { ...base, method: 'none', scopes: { needed, missing: needed }, ...problemOf(notSignedIn()) };
      base.site = { url: session.siteUrl, cloudId: session.cloudId, name: session.siteName };
      base.scopes = { granted: session.scopes, needed, missing: needed.filter((s) => !session.scopes.includes(s)) };
    }
    try {
      if (scoped) base.site = { ...base.site, cloudId: await this.apiToken.resolveCloudId() };
      const { user, reach, error } = await identify(this.products, this.identityDeps(), signal);
      if (!user) throw error;
      const session = this.settings.mode === 'oauth' ? await this.oauth.peek() : undefined;
      const expiresAt = session ? new Date(session.expiresAt).toISOString() : undefined;
      return { ...base, user, reach, ok: true, expiresAt };
    } catch (e) {
      // "fetch failed" says nothing: name the cause (DNS, refused, TLS, proxy, timeout) and the next step.
      const net = base.site?.url ? networkProblem(e, base.site.url) : undefined;
      const problem = net ? { problem: `Could not reach Atlassian: ${net.problem}`, hint: net.hint } : problemOf(e);
      return { ...base, method: (await this.isAuthenticated()) ? base.method : 'none', ...problem };
    }
  }

  /** The `doctor` section: a live status check against the scopes the enabled tools need. */
  async doctor(requiredScopes: string[]): Promise<AuthDoctorSection> {
    this.setRequiredScopes(requiredScopes);
    const status = await this.status();
    return { title: 'Atlassian', ok: status.ok, lines: authStatusLines(status) };
  }

  private async doLogin(options: LoginOptions): Promise<LoginResult> {
    if (this.settings.mode === 'apiToken') {
      throw new AuthenticationError(
        'An API token is configured (ATLASSIAN_EMAIL / ATLASSIAN_API_TOKEN), so no OAuth login is needed',
        {
          hint: 'To use OAuth instead, unset those variables or set auth.type to "oauth".',
        },
      );
    }
    const scopes = loginScopes(this.settings, this.required, options.scopes);
    const settings = { ...this.settings, clientSecret: await this.clientSecret.get(this.settings.clientId) };
    const session: StoredOAuthSession = await runOAuthLogin(
      { settings, fetch: this.fetchFn, openBrowser: this.openBrowser, notice: this.notice, logger: this.logger },
      scopes,
      options,
    );
    await this.oauth.save(session);
    // Kept with the tokens, so a server started without ATLASSIAN_CLIENT_SECRET can still refresh.
    await this.clientSecret.save(session.clientId, settings.clientSecret);
    this.logger.info({ site: session.siteUrl, scopes: session.scopes.length }, 'signed in to Atlassian');
    this.emit({ kind: 'login' });
    const { user: who } = await identify(this.products, this.identityDeps(), options.signal).catch(() => ({
      user: undefined,
    }));
    return {
      site: session.siteUrl,
      siteName: session.siteName,
      cloudId: session.cloudId,
      account: who?.displayName ?? who?.accountId,
      scopes: session.scopes,
    };
  }

  /** The OAuth client for refreshes: id from config or the session, secret from env or the store. */
  private async oauthClient(sessionClientId: string): Promise<OAuthClient> {
    const clientId = this.settings.clientId ?? sessionClientId;
    return requireOAuthClient(
      { ...this.settings, clientId, clientSecret: await this.clientSecret.get(clientId) },
      this.fetchFn,
    );
  }

  private emit(change: AuthChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (e) {
        this.logger.warn({ err: e }, 'an auth change listener failed');
      }
    }
  }
}
