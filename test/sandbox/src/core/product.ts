// What a product (Jira, later Confluence and JSM) plugs into the sandbox: its specs, its
// gateway name and one handler per simulated operationId. Routing, auth, scopes, validation,
// faults and logging are shared.
import type { SandboxRequest, SandboxResponse } from './http.js';
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
  /** Prefix for `self` links: the origin, plus `/ex/jira/<cloudId>` when the gateway was used. */
  base: string;
  site: Site;
  /** Request time (the sandbox clock). */
  now: number;
}

export type Handler = (ctx: HandlerContext) => SandboxResponse | Promise<SandboxResponse>;

export interface ProductModule {
  id: string;
  /** `/ex/<gateway>/{cloudId}/…` reaches this product through the API gateway. */
  gateway: string;
  /** Spec id (a file in `specs/`) → operationId → handler. */
  handlers: Record<string, Record<string, Handler>>;
}
