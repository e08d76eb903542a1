// The request pipeline: classify (site / gateway / OAuth / edge / admin) → route (precomputed
// table) → authenticate → faults → scopes → validate (spec) → handler → log.
import { OAuthServer } from './auth/oauth.js';
import type { BurstLimiter } from './core/burst.js';
import { corrupt, Faults } from './core/faults.js';
import { ApiError, json, JSON_TYPE, type SandboxRequest, type SandboxResponse } from './core/http.js';
import type { Handler, HandlerContext, ProductModule } from './core/product.js';
import { createRequestLog, type AuthKind, type RequestLogControl, type RequestLogEntry } from './core/request-log.js';
import { Router } from './core/router.js';
import { bodyValidator, errorsToMap, loadSpec, paramValidator, type OperationDef } from './core/spec.js';
import { adminHandle, type AdminApi } from './admin.js';
import type { Site } from './site.js';

interface Route {
  op: OperationDef;
  handler: Handler | undefined;
  product: ProductModule;
}

export interface EngineOptions {
  site: Site;
  products: ProductModule[];
  oauth: OAuthServer;
  faults: Faults;
  now: () => number;
  /** Validate requests against the spec (default true). */
  validateRequests: boolean;
  /** The URL clients use for the site (for `accessible-resources`, redirects). */
  siteUrl: () => string;
  admin: AdminApi;
  /** Per-endpoint burst limits (off when undefined). */
  burst?: BurstLimiter;
}

const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};
const GATEWAY_UNAUTHORIZED = { code: 401, message: 'Unauthorized' };
const SCOPE_MISMATCH = { code: 401, message: 'Unauthorized; scope does not match' };

export class Engine {
  readonly log: RequestLogControl = createRequestLog();
  private readonly router = new Router<Route>();
  /** Gateway name → the products it reaches (JSM and Assets share Jira's `/ex/jira`). */
  private readonly gateways = new Map<string, ProductModule[]>();
  private unsimulated?: Router<{ id: string; product: ProductModule }>;
  private readonly hanging = new Set<() => void>();

  constructor(private readonly o: EngineOptions) {
    for (const product of o.products) {
      this.gateways.set(product.gateway, [...(this.gateways.get(product.gateway) ?? []), product]);
      for (const [specId, handlers] of Object.entries(product.handlers)) {
        const spec = loadSpec(specId);
        for (const op of spec.operations) {
          this.router.add(op.method, op.template, { op, handler: handlers[op.operationId], product });
        }
      }
      for (const r of product.extraRoutes ?? []) {
        const op: OperationDef = {
          api: product.id,
          operationId: r.operationId,
          method: r.method,
          template: r.template,
          params: [],
          hasBody: false,
          bodyRequired: false,
          bodyTypes: [],
          scopeAlternatives: r.scopes,
          deprecated: false,
          pointer: '',
        };
        this.router.add(r.method, r.template, { op, handler: r.handler, product });
      }
    }
  }

  /** Answers one request. Never throws. */
  async handle(req: SandboxRequest): Promise<SandboxResponse> {
    if (req.path === '/__sandbox' || req.path.startsWith('/__sandbox/')) {
      try {
        return await adminHandle(this.o.admin, req);
      } catch (e) {
        return json(400, { errorMessages: [(e as Error).message], errors: {} });
      }
    }
    const { seq, inFlight } = this.log.enter();
    const startedAt = this.o.now();
    const t0 = performance.now();
    const entry: RequestLogEntry = {
      seq,
      method: req.method,
      path: req.path,
      route: req.path,
      query: req.query.toString(),
      status: 0,
      auth: authKindOf(req),
      via: 'other',
      inFlight,
      startedAt,
      durationMs: 0,
    };
    let res: SandboxResponse;
    try {
      res = await this.process(req, entry);
    } catch (e) {
      res =
        e instanceof ApiError
          ? e.toResponse()
          : json(500, { errorMessages: [`Sandbox error: ${(e as Error).message}`], errors: {} });
    }
    if (!res.hang || entry.status === 0) entry.status = res.status;
    entry.durationMs = performance.now() - t0;
    this.log.log.push(entry);
    if (res.hang) {
      // Stays in flight until the client gives up or the sandbox closes.
      const done = () => {
        if (this.hanging.delete(done)) this.log.leave();
      };
      this.hanging.add(done);
      req.signal?.addEventListener('abort', done, { once: true });
    } else {
      this.log.leave();
    }
    return res;
  }

  /** Releases every hanging request (used by close()). */
  releaseHanging(): void {
    for (const done of [...this.hanging]) done();
  }

  private async process(req: SandboxRequest, entry: RequestLogEntry): Promise<SandboxResponse> {
    const path = req.path;
    const o = this.o;
    // --- non-API endpoints -------------------------------------------------------------
    if (path === '/_edge/tenant_info') {
      entry.via = 'edge';
      return this.withFaults(req, entry, { api: false }, async () => json(200, { cloudId: o.site.cloudId }));
    }
    if (path === '/authorize' || path === '/oauth/token' || path === '/oauth/token/accessible-resources') {
      entry.via = 'oauth';
      return this.withFaults(req, entry, { api: false }, async () => {
        if (path === '/authorize' && req.method === 'GET') return o.oauth.authorize(req);
        if (path === '/oauth/token' && req.method === 'POST') return o.oauth.token(req);
        if (path === '/oauth/token/accessible-resources' && req.method === 'GET')
          return o.oauth.accessibleResources(req);
        return json(405, { error: 'method_not_allowed' });
      });
    }

    // --- API: site host or gateway -------------------------------------------------------
    let apiPath = path;
    let base = req.origin;
    let viaGateway = false;
    let gatewayProducts: ProductModule[] | undefined;
    const gw = /^\/ex\/([a-z-]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (gw) {
      gatewayProducts = this.gateways.get(gw[1]!);
      if (!gatewayProducts) return json(404, { code: 404, message: 'Not Found' });
      if (gw[2] !== o.site.cloudId) return json(404, { code: 404, message: 'Not Found' });
      apiPath = gw[3] ?? '/';
      base = `${req.origin}/ex/${gw[1]}/${gw[2]}`;
      viaGateway = true;
      entry.via = 'gateway';
    } else {
      entry.via = 'site';
    }
    entry.route = apiPath;

    const match = this.router.match(req.method, apiPath);
    if (!match || (gatewayProducts && !gatewayProducts.includes(match.value.product))) {
      return this.withFaults(req, entry, { api: true, path: apiPath }, async () =>
        this.unrouted(req.method, apiPath, gatewayProducts),
      );
    }
    const { op, handler, product } = match.value;
    entry.operationId = op.operationId;

    // --- authentication -----------------------------------------------------------------
    const authz = req.headers.authorization ?? '';
    let accountId: string | undefined;
    let scopes: Set<string> | undefined;
    let bearer: string | undefined;
    const basic = /^Basic\s+(.+)$/i.exec(authz);
    const bearerM = /^Bearer\s+(.+)$/i.exec(authz);
    if (basic) {
      const decoded = Buffer.from(basic[1]!.trim(), 'base64').toString('utf8');
      const idx = decoded.indexOf(':');
      const email = decoded.slice(0, idx);
      const token = decoded.slice(idx + 1);
      const user = idx > 0 ? o.site.jira.userByEmail(email) : undefined;
      if (!user || user.apiToken !== token || !user.active) {
        entry.auth = 'invalid';
        return json(401, NOT_AUTHENTICATED, { 'www-authenticate': 'Basic realm="protected-area"' });
      }
      accountId = user.accountId;
    } else if (bearerM) {
      bearer = bearerM[1]!.trim();
      if (!viaGateway) {
        // 3LO tokens do not work against <site>.atlassian.net.
        entry.auth = 'invalid';
        return json(401, NOT_AUTHENTICATED);
      }
      const v = o.oauth.verify(bearer);
      if ('error' in v) {
        entry.auth = 'invalid';
        return json(401, GATEWAY_UNAUTHORIZED, {
          'www-authenticate': 'Bearer realm="api.atlassian.com", error="invalid_token"',
        });
      }
      accountId = v.grant.accountId;
      scopes = v.grant.scopes;
    } else {
      return json(401, viaGateway ? GATEWAY_UNAUTHORIZED : NOT_AUTHENTICATED);
    }
    entry.accountId = accountId;

    if (o.burst) {
      const limited = o.burst.take(req.method, `${match.value.product.id}:${op.template}`);
      if (limited) return limited;
    }
    return this.withFaults(req, entry, { api: true, path: apiPath, operationId: op.operationId, bearer }, async () => {
      // --- scopes (OAuth only) ------------------------------------------------------------
      if (
        scopes &&
        op.scopeAlternatives.length &&
        !op.scopeAlternatives.some((alt) => alt.every((s) => scopes!.has(s)))
      ) {
        return json(401, SCOPE_MISMATCH);
      }
      let query: Record<string, any>;
      let body: unknown;
      try {
        if (!handler) throw new ApiError(501, [`The sandbox does not simulate ${op.operationId} yet.`]);
        // --- validation ---------------------------------------------------------------------
        query = this.queryObject(req, op, match.params);
        if (op.hasBody) body = this.parseBody(req, op);
      } catch (e) {
        if (e instanceof ApiError && e.body === undefined && product.errorResponse) return product.errorResponse(e, op);
        throw e;
      }
      const ctx: HandlerContext = {
        req,
        op,
        params: match.params,
        query,
        body,
        accountId: accountId!,
        base,
        site: o.site,
        now: o.now(),
      };
      const res = await handler!(ctx);
      res.headers['x-aaccountid'] ??= accountId!;
      return res;
    });
  }

  private async withFaults(
    req: SandboxRequest,
    entry: RequestLogEntry,
    t: { api: boolean; path?: string; operationId?: string; bearer?: string },
    run: () => Promise<SandboxResponse>,
  ): Promise<SandboxResponse> {
    const f = this.o.faults;
    if (!f.active) return run();
    const d = f.decide({ method: req.method, path: t.path ?? req.path, operationId: t.operationId, api: t.api });
    if (d.fired.length) entry.faults = d.fired;
    if (d.latencyMs > 0) await sleep(d.latencyMs, req.signal);
    if (d.hang) return { status: 0, headers: {}, hang: true };
    if (d.response) return d.response;
    if (d.expireToken && t.bearer) {
      this.o.oauth.expireAccessToken(t.bearer);
      entry.auth = 'invalid';
      return json(401, GATEWAY_UNAUTHORIZED);
    }
    let res: SandboxResponse;
    try {
      res = await run();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      res = e.toResponse();
    }
    // The request was processed; only its answer is lost.
    if (d.lose === 'hang') {
      entry.status = res.status;
      return { status: res.status, headers: {}, hang: true };
    }
    if (d.lose) return { ...res, drop: d.lose };
    return d.malformed ? corrupt(res) : res;
  }

  private queryObject(req: SandboxRequest, op: OperationDef, pathParams: Record<string, string>): Record<string, any> {
    const obj: Record<string, any> = {};
    for (const p of op.params) {
      if (p.in === 'path') {
        if (pathParams[p.name] !== undefined) obj[p.name] = pathParams[p.name];
      } else if (p.in === 'query') {
        const all = req.query.getAll(p.name);
        if (all.length === 0) {
          if (p.required && p.default !== undefined) obj[p.name] = p.default;
          continue;
        }
        if (p.isArray) obj[p.name] = all.flatMap((v) => v.split(',')).filter((v) => v !== '');
        else obj[p.name] = all[0];
      }
    }
    if (!this.o.validateRequests || !op.pointer) return obj;
    const v = paramValidator(op);
    if (!v(obj)) {
      const errors: Record<string, string> = {};
      for (const e of v.errors ?? []) {
        const name =
          e.keyword === 'required' ? String(e.params.missingProperty) : (e.instancePath.split('/')[1] ?? 'request');
        if (!(name in errors))
          errors[name] =
            e.keyword === 'required'
              ? `The '${name}' parameter is required.`
              : `The value of '${name}' ${e.message ?? 'is invalid'}.`;
      }
      throw new ApiError(400, Object.values(errors), errors);
    }
    return obj;
  }

  private parseBody(req: SandboxRequest, op: OperationDef): unknown {
    const type = req.headers['content-type'] ?? '';
    const raw = req.body;
    if (type.startsWith('multipart/')) return undefined; // handlers read multipart themselves
    if (!raw || raw.length === 0) {
      if (op.bodyRequired && op.bodyTypes.some((t) => t.includes('json'))) {
        throw new ApiError(400, ['No content to map due to end-of-input']);
      }
      return undefined;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError(400, ['Invalid request payload. Refer to the REST API documentation and try again.']);
    }
    if (this.o.validateRequests) {
      const v = bodyValidator(op);
      if (v && !v(body)) {
        throw new ApiError(
          400,
          ['Invalid request payload. Refer to the REST API documentation and try again.'],
          errorsToMap(v.errors),
        );
      }
    }
    return body;
  }

  /** No simulated route (or one of another product than the gateway named): 501 for a real operation, else 405/404. */
  private unrouted(method: string, apiPath: string, gatewayProducts?: ProductModule[]): SandboxResponse {
    if (!this.unsimulated) {
      this.unsimulated = new Router<{ id: string; product: ProductModule }>();
      for (const product of this.o.products) {
        for (const specId of Object.keys(product.handlers)) {
          for (const [m, t, id] of loadSpec(specId).allOperations) this.unsimulated.add(m, t, { id, product });
        }
      }
    }
    const known = this.unsimulated.match(method, apiPath);
    if (known && gatewayProducts && !gatewayProducts.includes(known.value.product))
      return json(404, { errorMessages: [`No resource found for ${method} ${apiPath}.`], errors: {} });
    if (known)
      return json(501, {
        errorMessages: [`The sandbox does not simulate ${known.value.id} (${method} ${apiPath}).`],
        errors: {},
      });
    const allowed = this.router.methodsFor(apiPath);
    if (allowed.length)
      return { status: 405, headers: { allow: allowed.join(', '), 'content-type': JSON_TYPE }, body: '' };
    return json(404, { errorMessages: [`No resource found for ${method} ${apiPath}.`], errors: {} });
  }
}

function authKindOf(req: SandboxRequest): AuthKind {
  const a = req.headers.authorization;
  if (!a) return 'none';
  if (/^Basic\s/i.test(a)) return 'basic';
  if (/^Bearer\s/i.test(a)) return 'bearer';
  return 'invalid';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}
