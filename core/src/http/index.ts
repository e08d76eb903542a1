export { AtlassianHttp, type Exchange } from './atlassian-http.js';
export type {
  AtlassianRequest,
  AtlassianResponse,
  FetchLike,
  HttpMethod,
  Product,
  QueryValue,
  ResponseType,
} from './types.js';
export type { RequestAuthorization, RequestAuthorizer } from './request-auth.js';
export { httpServices, globalFetch } from './tokens.js';
export { apiPath, pathSegment, assertSafePath, type PathValue } from './path.js';
export { CancelledError, OutcomeUnknownError } from './call-errors.js';
export { registerHttpAndAuth, type HttpAndAuthOverrides } from './register.js';
export { mapErrorResponse, extractUpstreamMessages, type FailedCall } from './error-mapping.js';
export {
  parseRetryAfter,
  parseReset,
  parseStructuredReset,
  readRateLimitSignal,
  scopeOfReason,
  type RateLimitSignal,
} from './rate-limit-headers.js';
export { backoffDelay, type BackoffSettings } from './backoff.js';
export { createDispatcher, proxyConfigured } from './dispatcher.js';
export type { SiteLimiterStats } from './site-limiter.js';
export {
  encodeCursor,
  decodeCursor,
  offsetParams,
  offsetPage,
  tokenParams,
  tokenPage,
  linkRequestPath,
  linkPage,
  nextFromLinkHeader,
  jsmParams,
  jsmPage,
  type PageCursor,
  type Page,
} from './pagination.js';
