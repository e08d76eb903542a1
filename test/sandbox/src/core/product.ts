// What a product (Jira, later Confluence and JSM) plugs into the sandbox: its specs, its
// gateway name and one handler per simulated operationId. Routing, auth, scopes, validation,
// faults and logging are shared.
import type { ApiError, SandboxRequest, SandboxResponse } from './http.js';
import type { OperationDef } from './spec.js';
import type { Site } from '../site.js';

export interface HandlerContext {
  req: SandboxRequest;
  op: OperationDef;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** Query parameters, coerced to the spec's types, spec defaults filled in. */
  query: Record<string, any>;
  /** Parsed JSON body (undefined when none). */
  body: any;
  /** The authenticated account. */
  accountId: string;
  /** Prefix for `self` links: the origin, plus `/ex/<gateway>/<cloudId>` when the gateway was used. */
  base: string;
  site: Site;
  /** Request time (the sandbox clock). */
  now: number;
}

export type Handler = (ctx: HandlerContext) => SandboxResponse | Promise<SandboxResponse>;

/** A route the specs do not describe (e.g. Confluence's `/wiki/download/attachments/…`). */
export interface ExtraRoute {
  method: string;
  template: string;
  /** Name for the request log and fault selectors. */
  operationId: string;
  /** OAuth scope alternatives, as for spec operations. */
  scopes: string[][];
  handler: Handler;
}

export interface ProductModule {
  id: string;
  /** `/ex/<gateway>/{cloudId}/…` reaches this product through the API gateway. */
  gateway: string;
  /** Spec id (a file in `specs/`) → operationId → handler. */
  handlers: Record<string, Record<string, Handler>>;
  /** Extra routes, through the same auth, faults, scopes and log (no spec validation). */
  extraRoutes?: ExtraRoute[];
  /**
   * Renders an error the shared pipeline raised for one of this product's operations (invalid
   * parameters or body, operation not simulated) in the product's own error shape. Default:
   * Jira's `{"errorMessages":[…],"errors":{…}}`.
   */
  errorResponse?(e: ApiError, op: OperationDef): SandboxResponse;
}
