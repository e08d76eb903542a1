import { createServiceToken } from '../plugin-api/tokens.js';
import type { FetchLike } from './types.js';
import type { SiteLimitsFactory } from './site-limiter.js';

/** Injectable pieces of the HTTP pipeline beyond the core services. */
export const httpServices = {
  /** The `fetch` every Atlassian call goes through: global fetch unless a test injects another. */
  fetch: createServiceToken<FetchLike>('core.http.fetch'),
  /** Per-site rate-limit state: this process's by default, shared across replicas in hosted mode. */
  siteLimits: createServiceToken<SiteLimitsFactory>('core.http.siteLimits'),
} as const;

/** Global fetch, looked up per call so test interceptors (nock) patched in later still apply. */
export const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init as RequestInit);
