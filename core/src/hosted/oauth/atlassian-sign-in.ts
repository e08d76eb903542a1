import type { OAuthClient } from '../../auth/oauth-client.js';
import { chooseResource, fetchAccessibleResources } from '../../auth/site-resolver.js';
import { identify } from '../../auth/identity-check.js';
import { productDefinition } from '../../http/products.js';
import type { FetchLike } from '../../http/types.js';
import type { AuthSettings } from '../../auth/auth-settings.js';
import type { TokenVault } from '../token-vault.js';

/** Who signed in at Atlassian, as the server's tokens name them. */
export interface SignedInUser {
  userId: string;
  label: string;
  /** Atlassian scopes granted (without `offline_access`). */
  scopes: string[];
}

/**
 * The end of a user's Atlassian consent: trades the code (with the server's PKCE verifier), picks
 * the site, asks Atlassian who the user is, and seals the session in the vault under that user.
 */
export async function completeAtlassianSignIn(
  deps: { atlassian: OAuthClient; settings: AuthSettings; fetchFn: FetchLike; vault: TokenVault; products: string[] },
  callbackUrl: URL,
  state: string,
  codeVerifier: string,
): Promise<SignedInUser> {
  const { atlassian, settings, fetchFn, vault } = deps;
  const tokens = await atlassian.exchangeCode(callbackUrl, state, codeVerifier);
  const resources = await fetchAccessibleResources(settings.gatewayUrl, tokens.accessToken, fetchFn);
  const site = chooseResource(resources, { siteUrl: settings.siteUrl, cloudId: settings.cloudId });
  const authorization = (product: string) =>
    Promise.resolve({
      baseUrl: productDefinition(product).gateway({ siteUrl: site.url, gatewayUrl: settings.gatewayUrl }, site.id),
      headers: { Authorization: `Bearer ${tokens.accessToken}` },
      siteKey: site.id,
      credentialId: 'sign-in',
    });
  const { user, error } = await identify(deps.products, {
    authorize: authorization,
    onUnauthorized: async () => false,
    fetchFn,
  });
  if (!user?.accountId) throw error ?? new Error('Atlassian did not say who signed in');
  const userId = `${user.accountId}@${site.id}`;
  await vault.save(userId, {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: tokens.expiresAt,
    issuedAt: tokens.issuedAt,
    scopes: tokens.scopes,
    cloudId: site.id,
    siteUrl: site.url,
    siteName: site.name,
    clientId: settings.clientId!,
    accountId: user.accountId,
    displayName: user.displayName,
  });
  return {
    userId,
    label: user.displayName ? `${user.displayName} (${user.accountId})` : user.accountId,
    scopes: tokens.scopes.filter((s) => s !== 'offline_access'),
  };
}
