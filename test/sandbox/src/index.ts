// @atlassian-mcp/sandbox — a spec-validated, stateful stand-in for an Atlassian Cloud site
// (Jira platform + Jira Software, Confluence), with Basic and OAuth 2.0 (3LO) auth, the API gateway,
// fault injection and a request log.
//
//   const sb = await startSandbox();            // real loopback port + in-process fetch
//   await sb.fetch(`${sb.url}/rest/api/3/myself`, { headers: { authorization: sb.basicAuth() } });
//   sb.faults.set({ type: 'rateLimit', every: 3, retryAfter: 1 });
//   await sb.close();
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OAuthServer } from './auth/oauth.js';
import { createInProcessFetch, listen, type LoopbackServer } from './core/adapters.js';
import { BurstLimiter, type BurstRates } from './core/burst.js';
import { Faults, type FaultSpec } from './core/faults.js';
import type { ProductModule } from './core/product.js';
import type { RequestLog } from './core/request-log.js';
import { withStaff } from './seed/staff.js';
import { confluenceProduct } from './confluence/index.js';
import { jiraProduct } from './jira/index.js';
import { assetsProduct } from './assets/index.js';
import { jsmProduct } from './jsm/index.js';
import { generateServiceManagementSeed, withServiceManagement, type ServiceManagementSeed } from './jsm/seed/index.js';
import { generateSeed, type SeedOptions } from './seed/index.js';
import { seedDir } from './paths.js';
import { Engine } from './sandbox.js';
import { Site, type SandboxSnapshot } from './site.js';

export type { FaultSpec, FaultSelector, RateLimitReason, ActiveFault } from './core/faults.js';
export type { RequestLog, RequestLogEntry, AuthKind } from './core/request-log.js';
export type { BurstRates } from './core/burst.js';
export { ATLASSIAN_BURST_RATES } from './core/burst.js';
export type { SandboxSnapshot } from './site.js';
export type { JiraData } from './jira/model.js';
export type { ProductModule, Handler, HandlerContext } from './core/product.js';
export { generateSeed } from './seed/index.js';
export {
  generateServiceManagementSeed,
  withServiceManagement,
  type ServiceManagementSeed,
  type ServiceManagementSeedOptions,
} from './jsm/seed/index.js';
export type { JsmData } from './jsm/model.js';
export type { AssetsData } from './assets/model.js';
export { responseValidator } from './core/spec.js';
export { parseJql, JqlError } from './jira/jql/parser.js';
export type { ConfluenceData } from './confluence/model.js';
export { parseCql, CqlError } from './confluence/cql/parser.js';

export const DEFAULT_CLOUD_ID = 'b8a4e7c2-3f1d-4e6a-9c5b-2d7f0e1a4c93';

/** The moment `seed/nimbus-works.json` is anchored at. */
export const SEED_SNAPSHOT_NOW = Date.parse('2026-11-02T09:00:00Z');
/** The default site as a committed JSON snapshot (regenerate with scripts/write-seed.mjs). */
export const SEED_SNAPSHOT_PATH = join(seedDir, 'nimbus-works.json');
/** The Service Management layer (JSM + Assets) at SEED_SNAPSHOT_NOW, applied on top of the Jira seed. */
export const SEED_JSM_SNAPSHOT_PATH = join(seedDir, 'nimbus-works-jsm.json');

/** The committed default site: `nimbus-works.json` with `nimbus-works-jsm.json` applied (dates at SEED_SNAPSHOT_NOW). */
export function readCommittedSeed(): SandboxSnapshot {
  const jira = JSON.parse(readFileSync(SEED_SNAPSHOT_PATH, 'utf8')) as SandboxSnapshot;
  return withServiceManagement(jira, JSON.parse(readFileSync(SEED_JSM_SNAPSHOT_PATH, 'utf8')) as ServiceManagementSeed);
}

export interface SandboxOptions {
  /** Listen on a real loopback port (default true). With `false`, only `fetch` works and `url` is undefined. */
  listen?: boolean;
  /** Port (default 0 = ephemeral). */
  port?: number;
  /** Interface (default `127.0.0.1`). */
  host?: string;
  /**
   * Starting data: `'default'` (the seeded company: ~120 Jira issues, plus the ITS and HR service
   * desks with 40 requests and the Assets workspace), `'empty'` (config, users, projects, desks and
   * Assets but no issues), a snapshot object (e.g. `readCommittedSeed()`), or the path of a snapshot
   * JSON file (loaded as it is: a Jira-only snapshot gives a site without service desks).
   */
  seed?: 'default' | 'empty' | SandboxSnapshot | string;
  /**
   * At least this many active staff accounts (load runs with many distinct users): after the seeded
   * ones, generated accounts like Jonas Weber (same groups), `staff.<n>@nimbus-works.example` with the
   * API token `sandbox-api-token-staff-<n>`. Default: the seeded accounts only.
   */
  staffAccounts?: number;
  /** The moment the default seed is built around (ms). Default: now, rounded down to the hour. */
  seedNow?: number;
  /** Clock used for token expiry, timestamps and relative JQL dates. Default `Date.now`. */
  now?: () => number;
  /** `expires_in` of OAuth access tokens, seconds (default 3600). */
  accessTokenTtl?: number;
  /** OAuth app registration. */
  oauth?: Partial<{ clientId: string; clientSecret: string; redirectUri: string; redirectUris: string[] | 'loopback' }>;
  /** What reusing a rotated refresh token does: `'revoke-family'` (Atlassian's behaviour, default) or `'reject'`. */
  refreshReuse?: 'revoke-family' | 'reject';
  /** Seconds a rotated refresh token is still accepted after rotation (default 600, Atlassian's leeway; 0 = never). */
  refreshReuseLeewaySeconds?: number;
  cloudId?: string;
  siteName?: string;
  /** Validate requests against the OpenAPI specs (default true). */
  validateRequests?: boolean;
  /** Fault rules active from the start. */
  faults?: FaultSpec[];
  /**
   * Per-endpoint burst limits (token bucket per route per method). `true` uses Atlassian's
   * published defaults (GET/POST 100/s, PUT/DELETE 50/s); an object overrides rates. Default off.
   */
  burstLimits?: boolean | BurstRates;
}

export interface SandboxCredentials {
  /** Basic auth user (the site admin, Maya Chen). */
  email: string;
  apiToken: string;
  accountId: string;
  cloudId: string;
  oauth: { clientId: string; clientSecret: string; redirectUri: string };
  /** Every seeded user with their API token. */
  users: Array<{ email: string; apiToken: string; accountId: string; displayName: string; active: boolean }>;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` — the site host, the auth server and the API gateway all live here. Undefined when `listen: false`. */
  readonly url: string | undefined;
  /** The origin used for `self` links and `accessible-resources` (= `url`, or `http://sandbox.invalid` without a port). */
  readonly siteUrl: string;
  /** In-process fetch: the same app, no socket. Accepts absolute URLs (any host) and paths. */
  readonly fetch: typeof fetch;
  readonly credentials: SandboxCredentials;
  /** Fault injection: `set(spec | spec[])` adds rules and returns their ids, `clear(id?)`, `list()`. */
  readonly faults: Faults;
  /** Every answered request (admin calls excluded), with `maxInFlight` / `inFlight` / `clear()`. */
  readonly requests: RequestLog;
  /** The OAuth server: `expireAccessTokens()`, `revokeRefreshTokens()`, `issueTokens({scopes})`, `stats`, `accessTokenTtl`. */
  readonly oauth: OAuthServer;
  /** `https://api.atlassian.com/ex/jira/{cloudId}` equivalent: `${url}/ex/jira/${cloudId}`. */
  readonly gatewayUrl: string;
  /** `https://api.atlassian.com/ex/confluence/{cloudId}` equivalent (then `/wiki/api/v2/…`, `/wiki/rest/api/…`). */
  readonly confluenceGatewayUrl: string;
  /** The data (`site.jira`, `site.confluence`) — for white-box assertions. */
  readonly site: Site;
  /** `Basic base64(email:apiToken)` for a user (default: the admin). */
  basicAuth(email?: string): string;
  /** Data back to the starting snapshot; tokens, faults and the request log cleared. */
  reset(): void;
  snapshot(): SandboxSnapshot;
  /** Replace the data (later resets return to this snapshot). */
  loadSnapshot(s: SandboxSnapshot): void;
  close(): Promise<void>;
}

const DEFAULT_OAUTH = {
  clientId: 'sandbox-client-id',
  clientSecret: 'sandbox-client-secret',
  redirectUri: 'http://localhost:8080/callback',
};

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const now = options.now ?? Date.now;
  const snapshot = withStaff(resolveSeed(options.seed, { now: options.seedNow }), options.staffAccounts ?? 0);
  const cloudId = options.cloudId ?? DEFAULT_CLOUD_ID;
  const site = new Site(cloudId, options.siteName ?? 'nimbus-works', snapshot, now);
  const client = {
    clientId: options.oauth?.clientId ?? DEFAULT_OAUTH.clientId,
    clientSecret: options.oauth?.clientSecret ?? DEFAULT_OAUTH.clientSecret,
    redirectUri: options.oauth?.redirectUri ?? DEFAULT_OAUTH.redirectUri,
    redirectUris: options.oauth?.redirectUris ?? ('loopback' as const),
  };
  let server: LoopbackServer | undefined;
  const siteUrl = () => server?.url ?? 'http://sandbox.invalid';
  const admin = () => site.jira.users.values().next().value!;
  const oauth = new OAuthServer({
    client,
    accessTokenTtl: options.accessTokenTtl ?? 3600,
    refreshReuse: options.refreshReuse ?? 'revoke-family',
    refreshReuseLeewaySeconds: options.refreshReuseLeewaySeconds ?? 600,
    now,
    cloudId,
    siteName: site.siteName,
    siteUrl,
    defaultAccountId: () => admin().accountId,
    accountIdForEmail: (e) => site.jira.userByEmail(e)?.accountId,
  });
  const faults = new Faults(now);
  if (options.faults?.length) faults.set(options.faults);
  const products: ProductModule[] = [jiraProduct, confluenceProduct, jsmProduct, assetsProduct];

  const credentials = (): SandboxCredentials => {
    const a = admin();
    return {
      email: a.emailAddress,
      apiToken: a.apiToken,
      accountId: a.accountId,
      cloudId,
      oauth: { clientId: client.clientId, clientSecret: client.clientSecret, redirectUri: client.redirectUri },
      users: [...site.jira.users.values()].map((u) => ({
        email: u.emailAddress,
        apiToken: u.apiToken,
        accountId: u.accountId,
        displayName: u.displayName,
        active: u.active,
      })),
    };
  };

  const burst = options.burstLimits
    ? new BurstLimiter(options.burstLimits === true ? {} : options.burstLimits, now)
    : undefined;
  // eslint-disable-next-line prefer-const
  let engine: Engine;
  const reset = () => {
    site.reset();
    oauth.reset();
    faults.clear();
    burst?.reset();
    engine.log.log.clear();
  };
  engine = new Engine({
    site,
    products,
    oauth,
    faults,
    now,
    validateRequests: options.validateRequests ?? true,
    siteUrl,
    burst,
    admin: {
      info: () => ({
        url: server?.url,
        siteUrl: siteUrl(),
        cloudId,
        gatewayUrl: `${siteUrl()}/ex/jira/${cloudId}`,
        confluenceGatewayUrl: `${siteUrl()}/ex/confluence/${cloudId}`,
        credentials: credentials(),
      }),
      faults,
      get requests() {
        return engine.log.log;
      },
      oauth,
      reset,
      snapshot: () => site.snapshot(),
      load: (s) => site.load(s),
      accountIdForEmail: (e) => site.jira.userByEmail(e)?.accountId,
    },
  });
  const handle = (req: Parameters<Engine['handle']>[0]) => engine.handle(req);
  const hangReleases = new Set<() => void>();
  const inProcess = createInProcessFetch(handle, siteUrl, (release) => hangReleases.add(release));

  if (options.listen !== false) server = await listen(handle, options.host ?? '127.0.0.1', options.port ?? 0);

  return {
    get url() {
      return server?.url;
    },
    get siteUrl() {
      return siteUrl();
    },
    get gatewayUrl() {
      return `${siteUrl()}/ex/jira/${cloudId}`;
    },
    get confluenceGatewayUrl() {
      return `${siteUrl()}/ex/confluence/${cloudId}`;
    },
    fetch: inProcess,
    get credentials() {
      return credentials();
    },
    faults,
    get requests() {
      return engine.log.log;
    },
    oauth,
    site,
    basicAuth(email?: string) {
      const u = email ? site.jira.userByEmail(email) : admin();
      if (!u) throw new Error(`no sandbox user ${email}`);
      return `Basic ${Buffer.from(`${u.emailAddress}:${u.apiToken}`).toString('base64')}`;
    },
    reset,
    snapshot: () => site.snapshot(),
    loadSnapshot: (s) => site.load(s),
    async close() {
      for (const r of hangReleases) r();
      hangReleases.clear();
      engine.releaseHanging();
      await server?.close();
    },
  };
}

function resolveSeed(seed: SandboxOptions['seed'], o: SeedOptions): SandboxSnapshot {
  if (seed === undefined || seed === 'default' || seed === 'empty') {
    const now = o.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const issues = seed !== 'empty';
    const layer = generateServiceManagementSeed({ now, requests: issues });
    return withServiceManagement(generateSeed({ now, issues }), layer);
  }
  if (typeof seed === 'string') return JSON.parse(readFileSync(seed, 'utf8')) as SandboxSnapshot;
  return seed;
}
