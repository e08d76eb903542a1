import { isAtlassianMcpError } from '../plugin-api/errors.js';
import { mapErrorResponse } from '../http/error-mapping.js';
import { decodeErrorBody } from '../http/http-exchange.js';
import type { FetchLike } from '../http/types.js';
import type { RequestAuthorization } from '../http/request-auth.js';
import { identityProduct, type ProductDefinition } from '../http/products.js';

/** Who the credentials belong to (`/rest/api/3/myself`). */
export interface AtlassianIdentity {
  accountId: string;
  displayName?: string;
  email?: string;
}

/** What `doctor` prints about auth. */
export interface AuthStatus {
  /** `none` when nothing usable is configured or stored. */
  method: 'apiToken' | 'scopedToken' | 'oauth' | 'none';
  /** Which credential store is in use. */
  store: string;
  site?: { url?: string; cloudId?: string; name?: string };
  /** Set when the live check succeeded. */
  user?: AtlassianIdentity;
  scopes: {
    /** Granted OAuth scopes; undefined for API tokens (they carry the account's permissions). */
    granted?: string[];
    needed: string[];
    missing: string[];
  };
  /** Which of the products the plugins use these credentials reach. */
  reach?: { product: string; ok: boolean; problem?: string }[];
  /** Access token expiry (OAuth), ISO time. */
  expiresAt?: string;
  ok: boolean;
  problem?: string;
  hint?: string;
}

/** Asks a product who the credentials belong to (a live check, no retries); Jira's `/myself` by default. */
export async function fetchIdentity(
  auth: RequestAuthorization,
  fetchFn: FetchLike,
  signal?: AbortSignal,
  product: ProductDefinition = identityProduct('jira'),
): Promise<AtlassianIdentity> {
  const path = product.identity!.path;
  const res = await fetchFn(`${auth.baseUrl}${path}`, {
    method: 'GET',
    headers: { Accept: 'application/json', ...auth.headers },
    signal: signal ?? AbortSignal.timeout(30_000),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!res.ok) throw mapErrorResponse({ method: 'GET', path, status: res.status, body: decodeErrorBody(bytes) });
  return product.identity!.read(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>);
}

/** Describes an error for the status report without leaking anything but its message and hint. */
export function problemOf(e: unknown): { problem: string; hint?: string } {
  if (isAtlassianMcpError(e)) return { problem: e.message, hint: e.hint };
  return { problem: e instanceof Error ? e.message : String(e) };
}

/** `label: value` pairs for `atlassian-mcp doctor`. */
export function authStatusLines(s: AuthStatus): [string, string][] {
  const lines: [string, string][] = [
    ['auth method', s.method],
    ['credentials', s.store],
    ['site', `${s.site?.url ?? '(not set)'}${s.site?.cloudId ? ` (cloud id ${s.site.cloudId})` : ''}`],
  ];
  if (s.user)
    lines.push([
      'signed in as',
      `${s.user.displayName ?? s.user.accountId}${s.user.email ? ` <${s.user.email}>` : ''}`,
    ]);
  if (s.reach && s.reach.length > 0)
    lines.push([
      'products',
      s.reach.map((r) => (r.ok ? `${r.product} ok` : `${r.product} unreachable (${r.problem ?? '?'})`)).join(', '),
    ]);
  if (s.expiresAt) lines.push(['token expires', s.expiresAt]);
  if (s.scopes.granted) lines.push(['scopes granted', s.scopes.granted.join(' ') || '(none)']);
  if (s.scopes.missing.length)
    lines.push(['scopes missing', `${s.scopes.missing.join(' ')} (tools needing them are unavailable)`]);
  lines.push(['status', s.ok ? 'ok' : `PROBLEM: ${s.problem ?? 'unknown'}`]);
  if (!s.ok && s.hint) lines.push(['next step', s.hint]);
  return lines;
}

/** Human-readable text for `atlassian-mcp doctor`. */
export function formatAuthStatus(s: AuthStatus): string {
  return authStatusLines(s)
    .map(([k, v]) => `${`${k}:`.padEnd(16)}${v}`)
    .join('\n');
}
