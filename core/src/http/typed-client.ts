import createClient, { type Client } from 'openapi-fetch';
import type { HttpMethod, Product } from './types.js';
import type { ReceivedResponse } from './http-exchange.js';

/** The subset of an exchange the typed client fills in (see `AtlassianHttp.execute`). */
export interface TypedExchange {
  product: Product;
  method: HttpMethod;
  path: string;
  headers: Record<string, string>;
  body?: BodyInit;
  idempotent?: boolean;
  issueKey?: string;
  signal?: AbortSignal;
}

/** Placeholder origin: openapi-fetch needs an absolute URL; the pipeline swaps in the real base URL. */
const ORIGIN = 'https://atlassian-mcp.invalid';
const IDEMPOTENT_HEADER = 'x-mcp-idempotent';
const ISSUE_HEADER = 'x-mcp-issue-key';
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** Builds an openapi-fetch client whose requests run through `execute` (the pipeline). */
export function createTypedClient<Paths extends {}>(
  product: Product,
  execute: (ex: TypedExchange) => Promise<ReceivedResponse>,
): Client<Paths> {
  return createClient<Paths>({
    baseUrl: ORIGIN,
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const idempotent = headers[IDEMPOTENT_HEADER] === undefined ? undefined : headers[IDEMPOTENT_HEADER] === 'true';
      const issueKey = headers[ISSUE_HEADER];
      delete headers[IDEMPOTENT_HEADER];
      delete headers[ISSUE_HEADER];
      if (headers['content-type']?.startsWith('multipart/form-data')) headers['x-atlassian-token'] = 'no-check';
      headers.accept ??= 'application/json';
      const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
      const res = await execute({
        product,
        method: request.method.toUpperCase() as HttpMethod,
        path: url.pathname + url.search,
        headers,
        body,
        idempotent,
        issueKey,
        signal: request.signal,
      });
      return new Response(NULL_BODY_STATUS.has(res.status) ? null : res.bytes, {
        status: res.status,
        headers: res.headers,
      });
    },
  });
}
