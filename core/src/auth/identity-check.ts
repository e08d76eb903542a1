import { AuthenticationError } from '../plugin-api/errors.js';
import type { RequestAuthorization } from '../http/request-auth.js';
import type { FetchLike } from '../http/types.js';
import { identityProduct } from '../http/products.js';
import { fetchIdentity, problemOf, type AtlassianIdentity } from './auth-status.js';

/** Whether the credentials reach one product, for `doctor`. */
export interface ProductReach {
  product: string;
  ok: boolean;
  problem?: string;
}

/** What `identify` needs from the auth service. */
export interface IdentityDeps {
  authorize(product: string): Promise<RequestAuthorization>;
  onUnauthorized(credentialId: string): Promise<boolean>;
  fetchFn: FetchLike;
}

/**
 * Who the credentials belong to, asked of each product the loaded plugins use (Jira `/myself`,
 * Confluence `/wiki/rest/api/user/current`; JSM and Assets through Jira), so a grant that covers
 * only Confluence — or only Jira — is still a working sign-in. Products sharing an identity
 * endpoint are asked once.
 */
export async function identify(
  products: readonly string[],
  deps: IdentityDeps,
  signal?: AbortSignal,
): Promise<{ user?: AtlassianIdentity; reach: ProductReach[]; error?: unknown }> {
  const answers = new Map<string, Promise<AtlassianIdentity>>();
  const ask = (product: string): Promise<AtlassianIdentity> => {
    const def = identityProduct(product);
    let answer = answers.get(def.id);
    if (!answer) {
      answer = whoAmI(def.id, deps, signal);
      answers.set(def.id, answer);
    }
    return answer;
  };
  const reach: ProductReach[] = [];
  let user: AtlassianIdentity | undefined;
  let error: unknown;
  for (const product of products) {
    try {
      const who = await ask(product);
      user ??= who;
      reach.push({ product, ok: true });
    } catch (e) {
      error ??= e;
      reach.push({ product, ok: false, problem: problemOf(e).problem });
    }
  }
  return { user, reach, error: user ? undefined : error };
}

async function whoAmI(product: string, deps: IdentityDeps, signal?: AbortSignal): Promise<AtlassianIdentity> {
  const def = identityProduct(product);
  let auth = await deps.authorize(def.id);
  try {
    return await fetchIdentity(auth, deps.fetchFn, signal, def);
  } catch (e) {
    // A token adopted from another process may have expired meanwhile: refresh once.
    if (!(e instanceof AuthenticationError) || !(await deps.onUnauthorized(auth.credentialId))) throw e;
    auth = await deps.authorize(def.id);
    return fetchIdentity(auth, deps.fetchFn, signal, def);
  }
}
