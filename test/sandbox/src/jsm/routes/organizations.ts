// Organizations: list (site-wide, of a user, of a desk), create, delete, members, and linking
// organizations to desks. Managing them takes an agent (or a site admin).
import { createHash } from 'node:crypto';
import { empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { isAdmin, isAgent, jsm, requireAgent, requireDeskAccess } from '../access.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import type { Organization } from '../model.js';
import { dateDto } from '../render/dates.js';
import { paged } from '../render/paging.js';
import { userDto } from '../render/users.js';
import { accountIdsOf, body, requireUser } from './util.js';

function requireAnyAgent(ctx: HandlerContext): void {
  const st = jsm(ctx);
  if (isAdmin(st.jira.user(ctx.accountId))) return;
  if (![...st.desks.values()].some((d) => isAgent(st, d, ctx.accountId)))
    throw forbidden('You do not have permission to manage organizations.', 'sd.organization.error.forbidden');
}

const orgDto = (ctx: HandlerContext, o: Organization) => ({
  id: o.id,
  uuid: o.uuid,
  name: o.name,
  scimManaged: false,
  created: dateDto(o.created, ctx.now),
  _links: { self: `${ctx.base}/rest/servicedeskapi/organization/${o.id}` },
});

export function requireOrganization(
  ctx: HandlerContext,
  id: string | number | undefined = ctx.params.organizationId,
): Organization {
  const o = jsm(ctx).organizations.get(String(id));
  if (!o) throw notFound(`The organization ${id} does not exist.`, 'sd.organization.error.not.found', [String(id)]);
  return o;
}

export const getOrganizations: Handler = (ctx) => {
  const st = jsm(ctx);
  let list = [...st.organizations.values()];
  if (ctx.params.serviceDeskId !== undefined) {
    const desk = requireDeskAccess(ctx);
    requireAgent(st, desk, ctx.accountId, 'view the organizations of this service desk');
    list = list.filter((o) => desk.organizationIds.includes(o.id));
  } else requireAnyAgent(ctx);
  if (ctx.query.accountId) list = list.filter((o) => o.memberIds.includes(String(ctx.query.accountId)));
  return json(
    200,
    paged(ctx, list, (o) => orgDto(ctx, o)),
  );
};

export const getOrganization: Handler = (ctx) => {
  requireAnyAgent(ctx);
  return json(200, orgDto(ctx, requireOrganization(ctx)));
};

export const createOrganization: Handler = (ctx) => {
  requireAnyAgent(ctx);
  const st = jsm(ctx);
  const name = body<{ name?: string }>(ctx).name?.trim();
  if (!name) throw badRequest('The organization name is required.', 'sd.organization.error.name.required');
  if ([...st.organizations.values()].some((o) => o.name.toLowerCase() === name.toLowerCase()))
    throw badRequest(`An organization named '${name}' already exists.`, 'sd.organization.error.name.exists', [name]);
  const id = String(st.nextId('organization', 100));
  const h = createHash('sha256').update(`org:${id}:${name}`).digest('hex');
  const o: Organization = {
    id,
    uuid: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`,
    name,
    created: ctx.now,
    memberIds: [],
    properties: {},
  };
  st.organizations.set(id, o);
  return json(201, orgDto(ctx, o));
};

export const deleteOrganization: Handler = (ctx) => {
  requireAnyAgent(ctx);
  const st = jsm(ctx);
  const o = requireOrganization(ctx);
  st.organizations.delete(o.id);
  for (const d of st.desks.values()) d.organizationIds = d.organizationIds.filter((id) => id !== o.id);
  return empty(204);
};

export const getUsersInOrganization: Handler = (ctx) => {
  requireAnyAgent(ctx);
  const st = jsm(ctx);
  const o = requireOrganization(ctx);
  return json(
    200,
    paged(ctx, o.memberIds, (id) => userDto(st.jira, ctx.base, id)),
  );
};

export const addUsersToOrganization: Handler = (ctx) => {
  requireAnyAgent(ctx);
  const o = requireOrganization(ctx);
  const ids = accountIdsOf(ctx);
  for (const id of ids) requireUser(ctx, id);
  for (const id of ids) if (!o.memberIds.includes(id)) o.memberIds.push(id);
  return empty(204);
};

export const removeUsersFromOrganization: Handler = (ctx) => {
  requireAnyAgent(ctx);
  const o = requireOrganization(ctx);
  const ids = new Set(accountIdsOf(ctx));
  o.memberIds = o.memberIds.filter((id) => !ids.has(id));
  return empty(204);
};

function link(add: boolean): Handler {
  return (ctx) => {
    const st = jsm(ctx);
    const desk = requireDeskAccess(ctx);
    requireAgent(st, desk, ctx.accountId, 'change the organizations of this service desk');
    const o = requireOrganization(ctx, body<{ organizationId?: number }>(ctx).organizationId);
    desk.organizationIds = desk.organizationIds.filter((id) => id !== o.id);
    if (add) desk.organizationIds.push(o.id);
    return empty(204);
  };
}

export const addOrganization = link(true);
export const removeOrganization = link(false);
