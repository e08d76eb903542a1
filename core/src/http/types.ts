/**
 * The Atlassian product an API path belongs to: it picks the base URL, the rate-limit quota and
 * the identity check (core's product registry, `http/products.ts`). Agile lives under `jira`.
 */
export type Product = 'jira' | 'confluence' | 'jsm' | 'assets' | (string & {});

/** HTTP methods the pipeline sends. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** One query parameter value; arrays repeat the key, `undefined` is dropped. */
export type QueryValue = string | number | boolean | string[] | undefined;

/** How the response body is decoded. */
export type ResponseType = 'json' | 'text' | 'bytes';

/** One request through {@link AtlassianHttp.request}. */
export interface AtlassianRequest {
  product: Product;
  method: HttpMethod;
  /** Path from the product root, e.g. `/rest/api/3/issue/PROJ-1` or `/wiki/api/v2/pages`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** A JSON value (sent as `application/json`) or `FormData` (multipart; `X-Atlassian-Token: no-check` is added). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to retry after a 5xx or a network error. Defaults to true for GET/PUT/DELETE, false for POST/PATCH. */
  idempotent?: boolean;
  /**
   * What a write targets, for per-target write spacing (e.g. Jira allows 20 writes per 2 s per
   * issue: pass the issue key). Writes with the same key are spaced; others are not.
   */
  writeKey?: string;
  /** Defaults to `json` (an empty body decodes to `undefined`). */
  responseType?: ResponseType;
  /** OAuth scopes the call needs, named in the error when Atlassian says the scope does not match. */
  scopes?: string[];
  /** Extra abort signal; the running tool call's signal is always honoured. */
  signal?: AbortSignal;
  /**
   * For a write that is not safe to repeat (a create): how to tell, when its answer is lost
   * (timeout after sending, answer cut short, connection reset, a 5xx), whether it happened. Core
   * then reports the write found, or resends it once when it is provably absent, and otherwise
   * answers "outcome unknown" with `check` — never a blind retry. Without it such a write answers
   * "outcome unknown". Give the write a marker the lookup can find (e.g. an entity property).
   */
  reconcile?: WriteReconciliation;
}

/** See {@link AtlassianRequest.reconcile}. */
export interface WriteReconciliation {
  /**
   * Looks for the write's effect (with requests through the same pipeline). `found: true` with
   * the body the write would have answered; `found: false` only when the write is provably not
   * there. Throws when neither can be told.
   */
  find(): Promise<{ found: true; data?: unknown } | { found: false }>;
  /** The exact check to make if the outcome stays unknown, e.g. "jira_list_comments NOVA-1: is there …". */
  check: string;
}

/** A successful response. Errors are thrown, never returned. */
export interface AtlassianResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

/** The shape of `fetch` the pipeline calls (global fetch by default; tests may inject another). */
export type FetchLike = (input: string, init: RequestInit & { dispatcher?: unknown }) => Promise<Response>;
