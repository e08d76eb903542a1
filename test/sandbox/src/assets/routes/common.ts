// Helpers of the Assets routes: the workspace in the path, who may use it, Assets' error shape
// (`{"errorMessages":[…],"errors":{…}}`), JSON bodies and `startAt`/`maxResults` paging.
import { ApiError } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import type { AssetsRenderCtx } from '../render.js';
import type { AssetsStore } from '../store.js';

export const assetsError = (status: number, message: string, errors: Record<string, string> = {}) =>
  new ApiError(status, [message], errors);

/** The workspace named in the path (404 for another), for a licensed account (portal-only customers get 403). */
export function workspace(ctx: HandlerContext): { st: AssetsStore; rc: AssetsRenderCtx } {
  const st = ctx.site.assets;
  if (!st.enabled || ctx.params.workspaceId !== st.workspaceId)
    throw assetsError(404, `Workspace ${ctx.params.workspaceId} does not exist or you do not have access to it.`);
  const u = ctx.site.jira.user(ctx.accountId);
  if (!u || u.accountType === 'customer') throw assetsError(403, 'You do not have permission to use Assets.');
  const origin = ctx.base.replace(/\/ex\/jira\/[^/]+$/, '');
  const api = `${ctx.base}/jsm/assets/workspace/${st.workspaceId}/v1`;
  return { st, rc: { store: st, jira: ctx.site.jira, api, origin } };
}

export function jsonBody<T>(ctx: HandlerContext): T {
  const raw = ctx.req.body?.toString('utf8') ?? '';
  let v: unknown;
  try {
    v = raw ? JSON.parse(raw) : undefined;
  } catch {
    throw assetsError(400, 'The request body is not valid JSON.');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw assetsError(400, 'The request body must be a JSON object.');
  return v as T;
}

export function intParam(ctx: HandlerContext, name: string, dflt: number, max = Infinity): number {
  const raw = ctx.req.query.get(name);
  if (raw === null) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw assetsError(400, `The parameter '${name}' must be a non-negative integer.`, { [name]: raw });
  return Math.min(n, max);
}

export function boolParam(ctx: HandlerContext, name: string, dflt: boolean): boolean {
  const raw = ctx.req.query.get(name);
  if (raw === null) return dflt;
  if (raw !== 'true' && raw !== 'false')
    throw assetsError(400, `The parameter '${name}' must be true or false.`, { [name]: raw });
  return raw === 'true';
}
