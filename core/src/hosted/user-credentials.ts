import type { Logger } from '../logging/logger.js';
import { OAuthSession } from '../auth/oauth-session.js';
import { InvalidGrantError, type OAuthClient } from '../auth/oauth-client.js';
import type { Principal } from '../auth/principal.js';
import { AuthenticationError } from '../plugin-api/errors.js';
import type { RequestAuthorization, RequestAuthorizer } from '../http/request-auth.js';
import { productDefinition } from '../http/products.js';
import type { Product } from '../http/types.js';
import type { TokenVault, VaultSlot } from './token-vault.js';

/** A sign-in that is gone (refresh token revoked, or the user signed out): the client must sign in again. */
export class SignInNeededError extends AuthenticationError {
  constructor() {
    super('Your Atlassian sign-in has expired or was revoked', {
      hint: 'Sign in again from your MCP client (reconnect the server to start the sign-in).',
    });
  }
}

/**
 * One user's Atlassian credentials on this replica: core's OAuth session (refresh before expiry
 * and on 401, single flight, reuse leeway) persisted in the user's vault slot, with the refresh
 * lock shared across replicas. A session written by another replica (its refresh, or a new
 * sign-in) is adopted on the next request.
 */
export class UserCredentials implements RequestAuthorizer {
  private slot!: VaultSlot;
  private session!: OAuthSession;
  /** Bumped whenever the session is rebuilt from the store, so old credential ids are recognised. */
  private epoch = 0;

  constructor(
    readonly userId: string,
    private readonly vault: TokenVault,
    private readonly client: () => Promise<OAuthClient>,
    private readonly gatewayUrl: string,
    private readonly logger: Logger,
  ) {
    this.rebuild();
  }

  async authorize(product: Product): Promise<RequestAuthorization> {
    const sealed = await this.vault.sealed(this.userId);
    if (sealed === undefined) throw new SignInNeededError();
    if (this.slot.seen !== undefined && sealed !== this.slot.seen) this.rebuild();
    const current = await this.session.current().catch(signInAgain);
    if (!current) throw new SignInNeededError();
    const { session, generation } = current;
    return {
      baseUrl: productDefinition(product).gateway(
        { siteUrl: session.siteUrl, gatewayUrl: this.gatewayUrl },
        session.cloudId,
      ),
      headers: { Authorization: `Bearer ${session.accessToken}` },
      siteKey: session.cloudId,
      credentialId: `${this.epoch}#${generation}`,
    };
  }

  async onUnauthorized(credentialId: string): Promise<boolean> {
    const [epoch, generation] = credentialId.split('#').map(Number);
    if (epoch !== this.epoch) return true;
    return this.session.onUnauthorized(generation!).catch(signInAgain);
  }

  private rebuild(): void {
    this.epoch++;
    this.slot = this.vault.slot(this.userId);
    this.session = new OAuthSession(
      this.slot,
      () => this.client(),
      this.logger.child({ user: this.userId }),
      () =>
        this.logger.warn(
          { user: this.userId },
          'a user’s Atlassian refresh token was refused; they must sign in again',
        ),
      this.vault.lock(this.userId),
    );
  }
}

/** A refused refresh token means the user signs in again from their client (not `atlassian-mcp login`). */
function signInAgain(e: unknown): never {
  throw e instanceof InvalidGrantError ? new SignInNeededError() : e;
}

/** What a verified access token of this server says about its user. */
export interface TokenSubject {
  userId: string;
  label: string;
  scopes: string[];
}

const MAX_USERS = 5000;

/** The users this replica served recently, each with their credentials (least recently used dropped). */
export class UserDirectory {
  private readonly users = new Map<string, UserCredentials>();

  constructor(
    private readonly vault: TokenVault,
    private readonly client: () => Promise<OAuthClient>,
    private readonly gatewayUrl: string,
    private readonly logger: Logger,
  ) {}

  principal(subject: TokenSubject): Principal {
    let credentials = this.users.get(subject.userId);
    if (credentials) this.users.delete(subject.userId);
    else credentials = new UserCredentials(subject.userId, this.vault, this.client, this.gatewayUrl, this.logger);
    this.users.set(subject.userId, credentials);
    if (this.users.size > MAX_USERS) this.users.delete(this.users.keys().next().value!);
    return { id: subject.userId, label: subject.label, authorizer: credentials, scopes: subject.scopes };
  }
}
