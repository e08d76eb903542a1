import { AuthenticationError } from '../plugin-api/errors.js';
import type { FetchLike, Product } from '../http/types.js';
import type { RequestAuthorization } from '../http/request-auth.js';
import type { AuthSettings } from './auth-settings.js';
import { fetchTenantCloudId } from './site-resolver.js';
import { productDefinition } from '../http/products.js';

/**
 * Email + API token (Basic auth). Classic tokens call the site URL; scoped tokens call the API
 * gateway (`/ex/{product}/{cloudId}`), with the cloud id from config or `/_edge/tenant_info`.
 */
export class ApiTokenCredentials {
  private cloudId: Promise<string> | undefined;

  constructor(
    private readonly settings: AuthSettings,
    private readonly fetchFn: FetchLike,
  ) {}

  async authorize(product: Product): Promise<RequestAuthorization> {
    const { siteUrl, email, apiToken, scopedToken, gatewayUrl } = this.settings;
    if (!email || !apiToken) {
      throw new AuthenticationError('No Atlassian API token is configured', {
        hint: `Set ATLASSIAN_EMAIL and ${this.settings.apiTokenVar} (create a token at https://id.atlassian.com/manage-profile/security/api-tokens).`,
      });
    }
    if (!siteUrl) {
      throw new AuthenticationError('No Atlassian site is configured', {
        hint: 'Set ATLASSIAN_SITE_URL, e.g. https://your-site.atlassian.net.',
      });
    }
    const headers = { Authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}` };
    const def = productDefinition(product);
    const bases = { siteUrl, gatewayUrl };
    if (!scopedToken) return { baseUrl: def.direct(bases), headers, siteKey: siteUrl, credentialId: 'api-token' };
    const cloudId = await this.resolveCloudId();
    return { baseUrl: def.gateway(bases, cloudId), headers, siteKey: cloudId, credentialId: 'api-token' };
  }

  /** The cloud id the scoped token's calls go to. */
  resolveCloudId(): Promise<string> {
    if (this.settings.cloudId) return Promise.resolve(this.settings.cloudId);
    this.cloudId ??= fetchTenantCloudId(this.settings.siteUrl!, this.fetchFn);
    this.cloudId.catch(() => {
      this.cloudId = undefined;
    });
    return this.cloudId;
  }
}
