import type { RequestAuthorizer } from '../http/request-auth.js';

/**
 * The user a request is served for, in hosted mode (several users, one server). Carried by the
 * call scope: every Atlassian request of the call is authorized with this user's credentials,
 * never another user's; per-user state is keyed by `id`. Absent in stdio mode, where the one
 * signed-in user (core's `AuthService`) authorizes every request.
 */
export interface Principal {
  /** Stable id of the user, for per-user state (e.g. `atlassian:<cloudId>:<accountId>`). */
  readonly id: string;
  /** Who, for audit records and logs: an Atlassian account id or name, never a secret. */
  readonly label: string;
  /** The user's own Atlassian credentials. */
  readonly authorizer: RequestAuthorizer;
  /** Atlassian scopes the user granted. */
  readonly scopes: readonly string[];
}
