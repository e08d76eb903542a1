import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { inject, Service } from '../plugin-api/decorators.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { SiteService } from '../plugin-api/services.js';
import type { AuthService } from '../auth/auth-service.js';
import { internalServices } from './internal-services.js';
import { currentCall } from '../pipeline/call-scope.js';

/** The site the server works on, as plugins see it. */
@Service()
export class SiteInfo implements SiteService {
  readonly url: string | undefined;

  constructor(
    @inject(coreServices.rootConfig) config: Readonly<AtlassianMcpConfig>,
    @inject(internalServices.auth) private readonly auth: AuthService,
  ) {
    this.url = config.site.url;
  }

  /** Per user (hosted mode; `''` is the one signed-in user of stdio mode). */
  private readonly reach = new Map<string, { at: number; products: Promise<string[]> }>();

  async cacheKey(): Promise<string> {
    // Hosted mode: the calling user's site. Site metadata is shared by the users of one site.
    const principal = currentCall()?.principal;
    if (principal) return (await principal.authorizer.authorize('jira')).siteKey;
    // Under OAuth the site is whatever the grant covers: its cloudId, not the configured URL.
    if (this.auth.method() === 'oauth' && (await this.auth.isAuthenticated())) {
      return (await this.auth.authorize('jira')).siteKey;
    }
    return this.url ?? 'unconfigured';
  }

  async cloudId(): Promise<string | undefined> {
    const principal = currentCall()?.principal;
    if (!principal && !(await this.auth.isAuthenticated())) return undefined;
    const key = (await (principal?.authorizer ?? this.auth).authorize('jira')).siteKey;
    return /^https?:/.test(key) ? undefined : key;
  }

  reachableProducts(): Promise<string[]> {
    // Which products a user reaches depends on that user's grant: never answer with another's.
    const principal = currentCall()?.principal;
    const key = principal?.id ?? '';
    let entry = this.reach.get(key);
    if (!entry || Date.now() - entry.at > REACH_TTL_MS) {
      const products = principal
        ? this.auth.reachableWith(principal.authorizer)
        : this.auth.status().then((s) => (s.reach ?? []).filter((r) => r.ok).map((r) => r.product));
      products.catch(() => this.reach.delete(key));
      entry = { at: Date.now(), products };
      this.reach.set(key, entry);
      if (this.reach.size > MAX_REACH_ENTRIES) this.reach.delete(this.reach.keys().next().value!);
    }
    return entry.products;
  }
}

/** How long a live "which products do these credentials reach" answer is reused. */
const REACH_TTL_MS = 5 * 60_000;
/** Users whose answer is kept (oldest dropped first). */
const MAX_REACH_ENTRIES = 1000;
