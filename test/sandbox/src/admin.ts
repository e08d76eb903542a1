// `/__sandbox/*`: the admin API (no auth; never logged, never faulted).
//
//   GET    /__sandbox                      → { url, cloudId, credentials }
//   GET    /__sandbox/faults               → active rules
//   POST   /__sandbox/faults               ← FaultSpec | FaultSpec[] | { faults: [...] } → { ids }
//   DELETE /__sandbox/faults[?id=f1]       → clears all (or one)
//   GET    /__sandbox/requests             → { maxInFlight, inFlight, requests: [...] }
//   DELETE /__sandbox/requests             → clears the log
//   POST   /__sandbox/reset                → data back to the initial snapshot, tokens/faults/log cleared
//   GET    /__sandbox/snapshot             → the data as JSON
//   PUT    /__sandbox/snapshot             ← a snapshot to load
//   POST   /__sandbox/oauth/expire-access-tokens
//   POST   /__sandbox/oauth/revoke-refresh-tokens
//   POST   /__sandbox/oauth/token          ← { scopes: string[], email? } → a token response (no browser)
//   GET    /__sandbox/oauth/stats
import type { OAuthServer } from './auth/oauth.js';
import type { FaultSpec, Faults } from './core/faults.js';
import { empty, json, parseFormOrJson, type SandboxRequest, type SandboxResponse } from './core/http.js';
import type { RequestLog } from './core/request-log.js';
import type { SandboxSnapshot } from './site.js';

export interface AdminApi {
  info(): Record<string, unknown>;
  faults: Faults;
  requests: RequestLog;
  oauth: OAuthServer;
  reset(): void;
  snapshot(): SandboxSnapshot;
  load(s: SandboxSnapshot): void;
  accountIdForEmail(email: string): string | undefined;
}

export async function adminHandle(a: AdminApi, req: SandboxRequest): Promise<SandboxResponse> {
  const sub = req.path.replace(/^\/__sandbox/, '') || '/';
  const m = req.method;
  const body = () => {
    const text = req.body?.toString('utf8') ?? '';
    return text ? JSON.parse(text) : undefined;
  };
  if (sub === '/' && m === 'GET') return json(200, a.info());
  if (sub === '/faults') {
    if (m === 'GET') return json(200, { faults: a.faults.list() });
    if (m === 'POST' || m === 'PUT') {
      const b = body();
      const specs = (Array.isArray(b) ? b : (b?.faults ?? [b])) as FaultSpec[];
      if (m === 'PUT') a.faults.clear();
      return json(200, { ids: a.faults.set(specs) });
    }
    if (m === 'DELETE') {
      a.faults.clear(req.query.get('id') ?? undefined);
      return empty(204);
    }
  }
  if (sub === '/requests') {
    if (m === 'GET')
      return json(200, {
        maxInFlight: a.requests.maxInFlight,
        inFlight: a.requests.inFlight,
        requests: [...a.requests],
      });
    if (m === 'DELETE') {
      a.requests.clear();
      return empty(204);
    }
  }
  if (sub === '/reset' && m === 'POST') {
    a.reset();
    return empty(204);
  }
  if (sub === '/snapshot') {
    if (m === 'GET') return json(200, a.snapshot());
    if (m === 'PUT' || m === 'POST') {
      a.load(body());
      return empty(204);
    }
  }
  if (sub === '/oauth/expire-access-tokens' && m === 'POST')
    return json(200, { expired: a.oauth.expireAccessTokens() });
  if (sub === '/oauth/revoke-refresh-tokens' && m === 'POST') {
    a.oauth.revokeRefreshTokens();
    return empty(204);
  }
  if (sub === '/oauth/token' && m === 'POST') {
    const b = parseFormOrJson(req) ?? {};
    const scopes = Array.isArray(b.scopes)
      ? (b.scopes as string[])
      : String(b.scopes ?? b.scope ?? '')
          .split(/\s+/)
          .filter(Boolean);
    const accountId = typeof b.email === 'string' ? a.accountIdForEmail(b.email) : undefined;
    if (typeof b.email === 'string' && !accountId) return json(404, { error: `no user ${b.email}` });
    return json(200, a.oauth.issueTokens({ scopes, accountId }));
  }
  if (sub === '/oauth/stats' && m === 'GET') return json(200, a.oauth.stats);
  return json(404, { errorMessages: [`Unknown admin endpoint ${m} ${req.path}`], errors: {} });
}
