// Users through Confluence (the site's one directory): v1 current user, user by account id,
// bulk lookup, CQL user search; v2 bulk lookup.
import { json, type SandboxResponse } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { fail, pageV1, store, wikiBase } from '../context.js';
import { parseTextQuery, textScore } from '../cql/text.js';
import { userV1 } from '../render/v1.js';

export function getCurrentUser(ctx: HandlerContext): SandboxResponse {
  return json(200, userV1(ctx, ctx.accountId));
}

export function getUser(ctx: HandlerContext): SandboxResponse {
  const id = String(ctx.query.accountId);
  if (!store(ctx).user(id)) throw fail(ctx, 404, `No user found with accountId: ${id}`);
  return json(200, userV1(ctx, id));
}

export function getBulkUserLookup(ctx: HandlerContext): SandboxResponse {
  const ids = [ctx.query.accountId].flat().map(String);
  const found = ids.filter((id) => store(ctx).user(id));
  return json(
    200,
    pageV1(ctx, found, (id) => userV1(ctx, id)),
  );
}

/** `GET /search/user?cql=user.fullname ~ "maya"` (also `type = user`, `user = <accountId>`). */
export function searchUser(ctx: HandlerContext): SandboxResponse {
  const cql = String(ctx.query.cql);
  const users = [...store(ctx).users().values()];
  let hits = users;
  const m = /^\s*(user\.fullname|user\.accountid|user|type)\s*(~|=)\s*["']?([^"']*)["']?\s*$/i.exec(cql);
  if (!m)
    throw fail(ctx, 400, `Could not parse cql : ${cql}`, [
      'Use user.fullname ~ "name", user.accountid = "id" or type = user',
    ]);
  const field = m[1]!.toLowerCase();
  const value = m[3]!;
  if (field === 'type') {
    if (value.toLowerCase() !== 'user')
      throw fail(ctx, 400, `Could not parse cql : ${cql}`, ['User search only finds users']);
  } else if (field === 'user.fullname') {
    const t = parseTextQuery(value.replace(/\*/g, '') + '*');
    hits = users.filter(
      (u) => textScore(t, u.displayName) > 0 || u.displayName.toLowerCase().includes(value.toLowerCase()),
    );
  } else hits = users.filter((u) => u.accountId === value);
  const body = pageV1(
    ctx,
    hits,
    (u) => ({
      user: userV1(ctx, u.accountId),
      title: u.displayName,
      excerpt: '',
      url: `/people/${u.accountId}`,
      breadcrumbs: [],
      entityType: 'user',
      iconCssClass: 'aui-icon content-type-profile',
      lastModified: new Date(ctx.now).toISOString(),
      score: 1,
    }),
    { totalSize: hits.length, cqlQuery: cql, searchDuration: 1 },
  );
  return json(200, body);
}

export function createBulkUserLookup(ctx: HandlerContext): SandboxResponse {
  const ids = (ctx.body as { accountIds: string[] }).accountIds;
  const results = ids
    .map((id) => store(ctx).user(id))
    .filter((u) => u !== undefined)
    .map((u) => ({
      accountId: u.accountId,
      accountType: 'atlassian',
      accountStatus: u.active ? 'active' : 'inactive',
      email: u.emailAddress,
      publicName: u.displayName,
      displayName: u.displayName,
      timeZone: u.timeZone,
      isExternalCollaborator: false,
      profilePicture: { path: `/wiki/aa-avatar/${u.accountId}`, width: 48, height: 48, isDefault: false },
    }));
  return json(200, { results, _links: { base: wikiBase(ctx) } });
}
