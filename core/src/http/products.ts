import type { AtlassianIdentity } from '../auth/auth-status.js';

/** Where a product's REST API lives, for the two ways of reaching a Cloud site. */
export interface ProductBases {
  /** The configured site, e.g. `https://acme.atlassian.net`. */
  siteUrl: string;
  /** The API gateway, `https://api.atlassian.com` (or the sandbox). */
  gatewayUrl: string;
}

/** One Atlassian product as core's HTTP pipeline sees it. */
export interface ProductDefinition {
  readonly id: string;
  readonly name: string;
  /** Base URL for classic API-token (Basic) calls. */
  direct(bases: ProductBases): string;
  /** Base URL for OAuth 3LO and scoped-token calls, through the gateway. */
  gateway(bases: ProductBases, cloudId: string): string;
  /** Products sharing one rate-limit quota pause together (JSM's REST API is Jira's). */
  readonly quota: string;
  /** A cheap GET naming the account the credentials belong to (none: checked through another product). */
  readonly identity?: { path: string; read(body: Record<string, unknown>): AtlassianIdentity };
  /** The product whose identity check stands in when this one has none. */
  readonly identityVia?: string;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * The products core knows, as data: base URLs per auth mode, quota, identity check. Adding a
 * product is adding an entry here — nothing else in core names a product.
 */
const PRODUCTS: readonly ProductDefinition[] = [
  {
    id: 'jira',
    name: 'Jira',
    direct: (b) => b.siteUrl,
    gateway: (b, cloudId) => `${b.gatewayUrl}/ex/jira/${cloudId}`,
    quota: 'jira',
    identity: {
      path: '/rest/api/3/myself',
      read: (body) => ({
        accountId: String(body.accountId ?? ''),
        displayName: str(body.displayName),
        email: str(body.emailAddress),
      }),
    },
  },
  {
    id: 'confluence',
    name: 'Confluence',
    direct: (b) => b.siteUrl,
    gateway: (b, cloudId) => `${b.gatewayUrl}/ex/confluence/${cloudId}`,
    quota: 'confluence',
    identity: {
      path: '/wiki/rest/api/user/current',
      read: (body) => ({
        accountId: String(body.accountId ?? ''),
        displayName: str(body.displayName) ?? str(body.publicName),
        email: str(body.email),
      }),
    },
  },
  {
    // The servicedeskapi lives under the Jira base and shares Jira's quota.
    id: 'jsm',
    name: 'Jira Service Management',
    direct: (b) => b.siteUrl,
    gateway: (b, cloudId) => `${b.gatewayUrl}/ex/jira/${cloudId}`,
    quota: 'jira',
    identityVia: 'jira',
  },
  {
    // Assets (CMDB): paths carry `/jsm/assets/workspace/{workspaceId}/v1/…`. API tokens call the
    // gateway host directly; OAuth goes through the Jira gateway prefix.
    id: 'assets',
    name: 'Assets',
    direct: (b) => b.gatewayUrl,
    gateway: (b, cloudId) => `${b.gatewayUrl}/ex/jira/${cloudId}`,
    quota: 'assets',
    identityVia: 'jira',
  },
];

const BY_ID = new Map(PRODUCTS.map((p) => [p.id, p]));

/** The ids of every product core can reach. */
export const PRODUCT_IDS: readonly string[] = PRODUCTS.map((p) => p.id);

/** The definition of a product; throws for an unknown id (a plugin bug, named at start-up). */
export function productDefinition(id: string): ProductDefinition {
  const def = BY_ID.get(id);
  if (!def) throw new Error(`Unknown Atlassian product "${id}" (known: ${PRODUCT_IDS.join(', ')})`);
  return def;
}

/** The product whose identity endpoint answers for `id`. */
export function identityProduct(id: string): ProductDefinition {
  const def = productDefinition(id);
  return def.identity ? def : productDefinition(def.identityVia ?? 'jira');
}
