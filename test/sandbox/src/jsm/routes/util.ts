// Helpers shared by the servicedeskapi route modules.
import type { HandlerContext } from '../../core/product.js';
import { badRequest } from '../errors.js';

export function expandOf(ctx: HandlerContext): Set<string> {
  const raw = ctx.query.expand as string[] | string | undefined;
  const list = Array.isArray(raw) ? raw : raw ? String(raw).split(',') : [];
  return new Set(list.map((s) => s.trim()).filter(Boolean));
}

export function body<T>(ctx: HandlerContext): T {
  if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
    throw badRequest('The request body is missing or is not a JSON object.', 'sd.api.error.body.missing');
  return ctx.body as T;
}

/** Account ids from a `{accountIds, usernames}` body (usernames are gone on Cloud). */
export function accountIdsOf(ctx: HandlerContext): string[] {
  const b = body<{ accountIds?: string[]; usernames?: string[] }>(ctx);
  if (b.usernames?.length)
    throw badRequest(
      'The usernames parameter is no longer supported on Jira Cloud; use accountIds.',
      'sd.api.error.usernames.unsupported',
    );
  return b.accountIds ?? [];
}

export function requireUser(ctx: HandlerContext, accountId: string) {
  const u = ctx.site.jira.user(accountId);
  if (!u)
    throw badRequest(`The user with account ID ${accountId} does not exist.`, 'sd.api.error.user.not.found', [
      accountId,
    ]);
  return u;
}
