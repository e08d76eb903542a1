// Customers: create a portal-only customer in the site directory, list and add/remove the
// customers of a desk.
import { createHash } from 'node:crypto';
import { empty, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import type { User } from '../../jira/model.js';
import { isAdmin, isAgent, jsm, requireAgent, requireDeskAccess } from '../access.js';
import { badRequest, forbidden, jsmError } from '../errors.js';
import { paged } from '../render/paging.js';
import { userDto } from '../render/users.js';
import { accountIdsOf, body, requireUser } from './util.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const createCustomer: Handler = (ctx) => {
  const st = jsm(ctx);
  const me = st.jira.user(ctx.accountId);
  if (!isAdmin(me) && ![...st.desks.values()].some((d) => isAgent(st, d, ctx.accountId)))
    throw forbidden('You do not have permission to create customers.', 'sd.customer.create.error.forbidden');
  const b = body<{ email?: string; displayName?: string; fullName?: string }>(ctx);
  const email = b.email?.trim() ?? '';
  const displayName = (b.displayName ?? b.fullName ?? '').trim();
  if (!EMAIL.test(email))
    throw badRequest(`'${email}' is not a valid email address.`, 'sd.customer.create.error.email.invalid');
  if (!displayName) throw badRequest('The displayName is required.', 'sd.customer.create.error.name.required');
  if (st.jira.userByEmail(email)) {
    const status = ctx.query.strictConflictStatusCode === true ? 409 : 400;
    throw jsmError(
      status,
      `A user with email address '${email}' already exists.`,
      'sd.customer.create.error.email.exists',
      [email],
    );
  }
  const h = createHash('sha256').update(email.toLowerCase()).digest('hex');
  const u: User = {
    accountId: `qm:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}:${h.slice(32, 40)}`,
    accountType: 'customer',
    emailAddress: email,
    displayName,
    active: true,
    timeZone: 'UTC',
    locale: 'en_US',
    apiToken: `sandbox-api-token-${h.slice(0, 12)}`,
    groups: [],
  };
  st.jira.users.set(u.accountId, u);
  st.jira.usersByEmail.set(email.toLowerCase(), u);
  st.jira.touch();
  return json(201, userDto(st.jira, ctx.base, u.accountId));
};

export const getCustomers: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  requireAgent(st, desk, ctx.accountId, 'view the customers of this service desk');
  const q = String(ctx.query.query ?? '').toLowerCase();
  const ids = new Set(desk.customerIds);
  for (const o of st.organizations.values())
    if (desk.organizationIds.includes(o.id)) for (const m of o.memberIds) ids.add(m);
  const list = [...ids]
    .map((id) => st.jira.user(id))
    .filter((u): u is User => !!u && (!q || `${u.displayName} ${u.emailAddress}`.toLowerCase().includes(q)));
  return json(
    200,
    paged(ctx, list, (u) => userDto(st.jira, ctx.base, u.accountId)),
  );
};

export const addCustomers: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  requireAgent(st, desk, ctx.accountId, 'add customers to this service desk');
  const ids = accountIdsOf(ctx);
  for (const id of ids) requireUser(ctx, id);
  for (const id of ids) if (!desk.customerIds.includes(id)) desk.customerIds.push(id);
  return empty(204);
};

export const removeCustomers: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  requireAgent(st, desk, ctx.accountId, 'remove customers from this service desk');
  const ids = new Set(accountIdsOf(ctx));
  desk.customerIds = desk.customerIds.filter((id) => !ids.has(id));
  return empty(204);
};
