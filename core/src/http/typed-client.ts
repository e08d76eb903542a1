import createClient, { defaultPathSerializer, type Client } from 'openapi-fetch';
import { InputError } from '../plugin-api/errors.js';
import type { HttpMethod, Product } from './types.js';
import type { ReceivedResponse } from './http-exchange.js';
import { pathSegment, type PathValue } from './path.js';

/** The subset of an exchange the typed client fills in (see `AtlassianHttp.execute`). */
export interface TypedExchange {
  product: Product;
  method: HttpMethod;
  path: string;
  headers: Record<string, string>;
  body?: BodyInit;
  idempotent?: boolean;
  writeKey?: string;
  signal?: AbortSignal;
}

/** Placeholder origin: openapi-fetch needs an absolute URL; the pipeline swaps in the real base URL. */
const ORIGIN = 'https://atlassian-mcp.invalid';
const IDEMPOTENT_HEADER = 'x-mcp-idempotent';
const WRITE_KEY_HEADER = 'x-mcp-write-key';
const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

/** Builds an openapi-fetch client whose requests run through `execute` (the pipeline). */
export function createTypedClient<Paths extends {}>(
  product: Product,
  execute: (ex: TypedExchange) => Promise<ReceivedResponse>,
): Client<Paths> {
  return createClient<Paths>({
    baseUrl: ORIGIN,
    pathSerializer: checkedPathSerializer,
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key] = value;
      });
      const idempotent = headers[IDEMPOTENT_HEADER] === undefined ? undefined : headers[IDEMPOTENT_HEADER] === 'true';
      const writeKey = headers[WRITE_KEY_HEADER];
      delete headers[IDEMPOTENT_HEADER];
      delete headers[WRITE_KEY_HEADER];
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
        writeKey,
        signal: request.signal,
      });
      return new Response(NULL_BODY_STATUS.has(res.status) ? null : res.bytes, {
        status: res.status,
        headers: res.headers,
      });
    },
  });
}

/**
 * openapi-fetch's path serializer, after every path parameter passed core's segment check: the
 * URL is normalised (dot segments resolved) before our `fetch` sees it, so the check must run here.
 */
function checkedPathSerializer(pathname: string, params: Record<string, unknown>): string {
  for (const match of pathname.match(/\{[^{}]+\}/g) ?? []) {
    const name = match.slice(1, -1).replace(/^[.;]/, '').replace(/\*$/, '');
    const value = params?.[name];
    if (value === undefined || value === null)
      throw new InputError(`The path parameter ${name} is missing`, { hint: `Pass ${name}.` });
    const values = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : [value];
    for (const v of values) pathSegment(typeof v === 'number' ? v : (String(v) as PathValue), name);
  }
  return defaultPathSerializer(pathname, params);
}
