import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { inject, Service } from '../plugin-api/decorators.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { SiteService } from '../plugin-api/services.js';
import type { AuthService } from '../auth/auth-service.js';
import { internalServices } from './internal-services.js';

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

  private reach: { at: number; products: Promise<string[]> } | undefined;

  async cacheKey(): Promise<string> {
    // Under OAuth the site is whatever the grant covers: its cloudId, not the configured URL.
    if (this.auth.method() === 'oauth' && (await this.auth.isAuthenticated())) {
      return (await this.auth.authorize('jira')).siteKey;
    }
    return this.url ?? 'unconfigured';
  }

  async cloudId(): Promise<string | undefined> {
    if (!(await this.auth.isAuthenticated())) return undefined;
    const key = (await this.auth.authorize('jira')).siteKey;
    return /^https?:/.test(key) ? undefined : key;
  }

  reachableProducts(): Promise<string[]> {
    if (!this.reach || Date.now() - this.reach.at > REACH_TTL_MS) {
      const products = this.auth.status().then((s) => (s.reach ?? []).filter((r) => r.ok).map((r) => r.product));
      products.catch(() => (this.reach = undefined));
      this.reach = { at: Date.now(), products };
    }
    return this.reach.products;
  }
}

/** How long a live "which products do these credentials reach" answer is reused. */
const REACH_TTL_MS = 5 * 60_000;
