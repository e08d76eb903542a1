import type { Product } from './types.js';

/** What the pipeline needs from auth for one request. */
export interface RequestAuthorization {
  /** Product root, e.g. `https://acme.atlassian.net` or `https://api.atlassian.com/ex/jira/<cloudId>`. */
  baseUrl: string;
  /** Headers to add (`Authorization`). Never logged. */
  headers: Record<string, string>;
  /** Identifies the site for rate limiting (cloud id or site URL). */
  siteKey: string;
  /** Identifies the credential used, so a 401 refreshes only if nobody else did already. */
  credentialId: string;
}

/** The auth side of the pipeline (implemented by `AuthService`). */
export interface RequestAuthorizer {
  /** Credentials and base URL for a product; throws AuthenticationError when not signed in. */
  authorize(product: Product): Promise<RequestAuthorization>;
  /** Called on a 401: returns true when fresh credentials are now available (retry once). */
  onUnauthorized(credentialId: string): Promise<boolean>;
}
