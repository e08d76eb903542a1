import type { Logger } from '../logging/logger.js';
import { currentCall } from '../pipeline/call-scope.js';
import { UpstreamError } from '../plugin-api/errors.js';
import { cancelledBy } from '../http/call-errors.js';
import type { CredentialStore } from './credential-store.js';
import { InvalidGrantError, TokenEndpointError, type IssuedTokens, type OAuthClient } from './oauth-client.js';
import { noRefreshLock, type RefreshLock } from './refresh-lock.js';

/** What is persisted after an OAuth login (in the credential store, never in a log). */
export interface StoredOAuthSession {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms when the access token expires. */
  expiresAt: number;
  /** Epoch ms when the access token was issued (sizes the refresh margin). */
  issuedAt?: number;
  /** Scopes Atlassian granted. */
  scopes: string[];
  cloudId: string;
  siteUrl: string;
  siteName?: string;
  clientId: string;
}

/** Credential-store key of the OAuth session. */
export const OAUTH_SESSION_KEY = 'oauth-session';
/** Refresh this long before the access token expires (less for very short-lived tokens). */
const REFRESH_MARGIN_MS = 60_000;
/** Longest a caller waits for a refresh someone else started (the token requests time out sooner). */
const DEFAULT_REFRESH_WAIT_MS = 45_000;

function needsRefresh(s: StoredOAuthSession, now = Date.now()): boolean {
  const lifetime = s.issuedAt === undefined ? Infinity : s.expiresAt - s.issuedAt;
  return s.expiresAt - now < Math.min(REFRESH_MARGIN_MS, lifetime / 4);
}

function parse(value: string | undefined): StoredOAuthSession | undefined {
  if (!value) return undefined;
  try {
    const s = JSON.parse(value) as StoredOAuthSession;
    return typeof s.accessToken === 'string' && typeof s.cloudId === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The OAuth session of this process: refreshes the access token before expiry and on 401.
 * Refreshes are single-flighted (concurrent callers share one), each rotated refresh token is
 * persisted atomically before it is used, and a token another process already rotated is adopted
 * instead of being sent again — so a spent refresh token is never reused. A {@link RefreshLock}
 * extends the single flight to other processes sharing the store.
 */
export class OAuthSession {
  private session: StoredOAuthSession | undefined;
  private loaded = false;
  private generation = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: CredentialStore,
    private readonly client: (session: StoredOAuthSession) => Promise<OAuthClient>,
    private readonly logger: Logger,
    private readonly onLost: () => unknown,
    private readonly lock: RefreshLock = noRefreshLock,
    private readonly refreshWaitMs = DEFAULT_REFRESH_WAIT_MS,
  ) {}

  /** The stored session, if any (no refresh). */
  async peek(): Promise<StoredOAuthSession | undefined> {
    await this.load();
    return this.session;
  }

  /** A session whose access token is valid for at least a minute, and its generation. */
  async current(): Promise<{ session: StoredOAuthSession; generation: number } | undefined> {
    await this.load();
    if (!this.session) return undefined;
    if (needsRefresh(this.session)) await this.refresh();
    return this.session ? { session: this.session, generation: this.generation } : undefined;
  }

  /** On a 401: refresh unless someone already did since `generation` was handed out. */
  async onUnauthorized(generation: number): Promise<boolean> {
    if (!this.session) return false;
    if (generation !== this.generation) return true;
    await this.refresh();
    return this.session !== undefined;
  }

  /** Replaces the session (after a login): persisted first, then used. */
  async save(session: StoredOAuthSession): Promise<void> {
    await this.store.set(OAUTH_SESSION_KEY, JSON.stringify(session));
    this.session = session;
    this.loaded = true;
    this.generation++;
  }

  /** Forgets the session here and in the store. */
  async clear(): Promise<void> {
    await this.store.delete(OAUTH_SESSION_KEY);
    this.session = undefined;
    this.loaded = true;
    this.generation++;
  }

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.session = parse(await this.store.get(OAUTH_SESSION_KEY));
    this.loaded = true;
  }

  /** Joins (or starts) the one refresh in flight; a caller waits for it at most `refreshWaitMs`. */
  private refresh(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.lock
        .run(() => this.rotate())
        .finally(() => {
          this.refreshing = undefined;
        });
      // Every waiter may have given up by the time it settles.
      this.refreshing.catch(() => undefined);
    }
    return bounded(this.refreshing, this.refreshWaitMs, currentCall()?.signal);
  }

  /**
   * One refresh-token grant. When the answer is lost (timeout, reset, cut short) or the endpoint
   * fails with a 5xx, Atlassian may already have rotated the token: the same token is sent again,
   * exactly once, which its reuse leeway (about 10 minutes) accepts.
   */
  private async grant(base: StoredOAuthSession, refreshToken: string): Promise<IssuedTokens> {
    try {
      return await (await this.client(base)).refresh(refreshToken);
    } catch (e) {
      if (!(e instanceof TokenEndpointError) || !e.transient) throw e;
      this.logger.warn({ reason: e.message }, 'the token refresh failed or its answer was lost; trying once more');
      return (await this.client(base)).refresh(refreshToken);
    }
  }

  private async rotate(): Promise<void> {
    const mine = this.session;
    if (!mine) return;
    const stored = parse(await this.store.get(OAUTH_SESSION_KEY));
    if (stored && stored.refreshToken !== mine.refreshToken) {
      // Another process rotated the token: our copy is spent, never send it.
      this.session = stored;
      this.generation++;
      if (!needsRefresh(stored)) return;
    }
    const base = this.session!;
    if (!base.refreshToken) {
      await this.lose(new InvalidGrantError());
      return;
    }
    try {
      const tokens = await this.grant(base, base.refreshToken);
      const next: StoredOAuthSession = {
        ...base,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken ?? base.refreshToken,
        expiresAt: tokens.expiresAt,
        issuedAt: tokens.issuedAt,
        scopes: tokens.scopes.length ? tokens.scopes : base.scopes,
      };
      await this.store.set(OAUTH_SESSION_KEY, JSON.stringify(next));
      this.session = next;
      this.generation++;
      this.logger.info(
        { expiresInS: Math.round((next.expiresAt - Date.now()) / 1000) },
        'refreshed the Atlassian access token',
      );
    } catch (e) {
      if (!(e instanceof InvalidGrantError)) throw e;
      // Another process may have won a race for the same refresh token: keep its session.
      const latest = parse(await this.store.get(OAUTH_SESSION_KEY));
      if (latest && latest.refreshToken !== base.refreshToken) {
        this.session = latest;
        this.generation++;
        return;
      }
      await this.lose(e);
    }
  }

  private async lose(error: InvalidGrantError): Promise<never> {
    this.logger.warn('the Atlassian refresh token was rejected; a new login is needed');
    await this.clear();
    await this.onLost();
    throw error;
  }
}

/** `flight`, or an error once `ms` pass or the tool call is cancelled (the flight itself goes on). */
async function bounded(flight: Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UpstreamError(`Refreshing the Atlassian access token took longer than ${Math.round(ms / 1000)} s`, {
            hint: 'The Atlassian token endpoint is slow or unreachable; retry in a moment.',
          }),
        ),
      ms,
    );
    timer.unref();
    onAbort = () => reject(cancelledBy(signal));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([flight, limit]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
