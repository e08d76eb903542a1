import { AuthenticationError, UpstreamError } from '../plugin-api/errors.js';
import type { FetchLike } from '../http/types.js';

/** One site an OAuth grant covers (`/oauth/token/accessible-resources`). */
export interface AccessibleResource {
  id: string;
  name?: string;
  url: string;
  scopes: string[];
}

function origin(url: string): string {
  try {
    return new URL(url).origin.toLowerCase();
  } catch {
    return url.toLowerCase().replace(/\/+$/, '');
  }
}

async function getJson(
  fetchFn: FetchLike,
  url: string,
  headers: Record<string, string>,
  what: string,
  signal?: AbortSignal,
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: 'GET',
      headers: { Accept: 'application/json', ...headers },
      signal: signal ?? AbortSignal.timeout(30_000),
    });
  } catch (e) {
    throw new UpstreamError(`Could not reach ${new URL(url).host} for ${what}`, {
      cause: e,
      hint: 'Check the network and the site URL.',
    });
  }
  if (res.status === 401 || res.status === 403) {
    throw new AuthenticationError(`Atlassian refused ${what} (HTTP ${res.status})`, {
      hint: 'Run `atlassian-mcp login` again.',
    });
  }
  if (!res.ok)
    throw new UpstreamError(`Atlassian failed ${what} (HTTP ${res.status})`, {
      status: res.status,
      hint: 'Retry in a moment.',
    });
  try {
    return await res.json();
  } catch (e) {
    throw new UpstreamError(`Atlassian sent a malformed answer for ${what}`, { cause: e });
  }
}

/** The sites an OAuth access token may call, from the API gateway. */
export async function fetchAccessibleResources(
  gatewayUrl: string,
  accessToken: string,
  fetchFn: FetchLike,
  signal?: AbortSignal,
): Promise<AccessibleResource[]> {
  const body = await getJson(
    fetchFn,
    `${gatewayUrl.replace(/\/+$/, '')}/oauth/token/accessible-resources`,
    { Authorization: `Bearer ${accessToken}` },
    'the list of sites',
    signal,
  );
  if (!Array.isArray(body)) throw new UpstreamError('Atlassian sent a malformed list of sites');
  return body
    .filter(
      (r): r is Record<string, unknown> =>
        typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string',
    )
    .map((r) => ({
      id: r.id as string,
      name: typeof r.name === 'string' ? r.name : undefined,
      url: typeof r.url === 'string' ? r.url : '',
      scopes: Array.isArray(r.scopes) ? r.scopes.filter((s): s is string => typeof s === 'string') : [],
    }));
}

/** The cloud id of a site, from its public `/_edge/tenant_info` (for scoped API tokens). */
export async function fetchTenantCloudId(siteUrl: string, fetchFn: FetchLike, signal?: AbortSignal): Promise<string> {
  const body = await getJson(
    fetchFn,
    `${siteUrl.replace(/\/+$/, '')}/_edge/tenant_info`,
    {},
    'the site cloud id',
    signal,
  );
  const cloudId = (body as { cloudId?: unknown } | null)?.cloudId;
  if (typeof cloudId !== 'string' || !cloudId) {
    throw new UpstreamError(`${siteUrl} did not report a cloud id`, {
      hint: 'Set ATLASSIAN_CLOUD_ID (site.cloudId) explicitly.',
    });
  }
  return cloudId;
}

/**
 * Picks the site the user meant from the sites a grant covers: by cloud id, else by site URL,
 * else the only one. Anything ambiguous is an error that lists the choices.
 */
export function chooseResource(
  resources: AccessibleResource[],
  wanted: { siteUrl?: string; cloudId?: string },
): AccessibleResource {
  const list = resources.map((r) => `${r.url} (${r.name ?? r.id})`).join(', ');
  if (resources.length === 0) {
    throw new AuthenticationError('The Atlassian grant covers no site', {
      hint: 'Run `atlassian-mcp login` again and pick a site on the consent screen.',
    });
  }
  if (wanted.cloudId) {
    const byId = resources.find((r) => r.id === wanted.cloudId);
    if (byId) return byId;
    throw new AuthenticationError(`The grant does not cover cloud id ${wanted.cloudId}; it covers: ${list}`, {
      hint: 'Fix ATLASSIAN_CLOUD_ID or log in again choosing that site.',
    });
  }
  if (wanted.siteUrl) {
    const matches = resources.filter((r) => origin(r.url) === origin(wanted.siteUrl!));
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) {
      throw new AuthenticationError(`The grant does not cover ${wanted.siteUrl}; it covers: ${list}`, {
        hint: 'Set ATLASSIAN_SITE_URL to one of those, or log in again choosing that site.',
      });
    }
  }
  if (resources.length === 1) return resources[0]!;
  throw new AuthenticationError(`The grant covers several sites: ${list}`, {
    hint: 'Set ATLASSIAN_SITE_URL (or ATLASSIAN_CLOUD_ID) to the one to use.',
  });
}
