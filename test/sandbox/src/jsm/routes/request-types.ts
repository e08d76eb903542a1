// Request types: list (per desk and across desks), get, field metadata, create, delete and the
// permission check.
import { empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { canAccessDesk, isAgent, jsm, requireAgent, requireDeskAccess } from '../access.js';
import { badRequest, notFound } from '../errors.js';
import type { RequestType, ServiceDesk } from '../model.js';
import { createMeta, requestTypeDto } from '../render/desk.js';
import { paged } from '../render/paging.js';
import { body, expandOf } from './util.js';

function matches(ctx: HandlerContext, t: RequestType): boolean {
  const q = String(ctx.query.searchQuery ?? '')
    .trim()
    .toLowerCase();
  if (q && !`${t.name} ${t.description}`.toLowerCase().includes(q)) return false;
  if (ctx.query.groupId !== undefined && !t.groupIds.includes(String(ctx.query.groupId))) return false;
  if (ctx.query.restrictionStatus && ctx.query.restrictionStatus !== t.restrictionStatus) return false;
  return true;
}

export function requireRequestType(
  ctx: HandlerContext,
  desk: ServiceDesk,
  id = ctx.params.requestTypeId!,
): RequestType {
  const t = jsm(ctx).requestTypes.get(String(id));
  if (!t || t.serviceDeskId !== desk.id)
    throw notFound(
      `The request type ${id} does not exist in service desk ${desk.id}.`,
      'sd.requesttype.error.not.found',
      [String(id)],
    );
  return t;
}

export const getRequestTypes: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  const withFields = expandOf(ctx).has('field');
  const list = st.requestTypesOf(desk.id).filter((t) => matches(ctx, t));
  return json(
    200,
    paged(ctx, list, (t) => requestTypeDto(st, ctx.base, t, { fields: withFields }), { expands: [] }),
  );
};

export const getAllRequestTypes: Handler = (ctx) => {
  const st = jsm(ctx);
  const desks = new Set(((ctx.query.serviceDeskId as number[] | undefined) ?? []).map(String));
  const withFields = expandOf(ctx).has('field');
  const list = [...st.requestTypes.values()].filter((t) => {
    const d = st.desks.get(t.serviceDeskId)!;
    return (desks.size === 0 || desks.has(d.id)) && canAccessDesk(st, d, ctx.accountId) && matches(ctx, t);
  });
  return json(
    200,
    paged(ctx, list, (t) => requestTypeDto(st, ctx.base, t, { fields: withFields })),
  );
};

export const getRequestTypeById: Handler = (ctx) => {
  const desk = requireDeskAccess(ctx);
  const t = requireRequestType(ctx, desk);
  return json(200, requestTypeDto(jsm(ctx), ctx.base, t, { fields: expandOf(ctx).has('field') }));
};

export const getRequestTypeFields: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  const t = requireRequestType(ctx, desk);
  return json(200, createMeta(st, t, isAgent(st, desk, ctx.accountId)));
};

export const createRequestType: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  requireAgent(st, desk, ctx.accountId, 'create request types in this service desk');
  const b = body<{ name?: string; description?: string; helpText?: string; issueTypeId?: string }>(ctx);
  if (!b.name?.trim()) throw badRequest('The request type name is required.', 'sd.requesttype.error.name.required');
  const project = st.jira.projects.get(desk.projectId)!;
  if (!b.issueTypeId || !project.issueTypeIds.includes(String(b.issueTypeId)))
    throw badRequest(
      `The issue type ${b.issueTypeId ?? ''} is not available in project ${project.key}.`,
      'sd.requesttype.error.issuetype.invalid',
    );
  const t: RequestType = {
    id: String(st.nextId('requestType', 100)),
    serviceDeskId: desk.id,
    issueTypeId: String(b.issueTypeId),
    name: b.name.trim(),
    description: b.description ?? '',
    helpText: b.helpText ?? '',
    groupIds: [],
    iconId: '10600',
    restrictionStatus: 'OPEN',
    fields: [
      { fieldId: 'summary', name: 'Summary', description: '', required: true, visible: true },
      { fieldId: 'description', name: 'Description', description: '', required: false, visible: true },
    ],
    properties: {},
  };
  st.requestTypes.set(t.id, t);
  return json(200, requestTypeDto(st, ctx.base, t));
};

export const deleteRequestType: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  requireAgent(st, desk, ctx.accountId, 'delete request types in this service desk');
  const t = requireRequestType(ctx, desk);
  if ([...st.requests.values()].some((r) => r.requestTypeId === t.id))
    throw badRequest(`The request type ${t.name} is in use by requests.`, 'sd.requesttype.error.in.use');
  st.requestTypes.delete(t.id);
  return empty(204);
};

export const checkRequestTypePermissions: Handler = (ctx) => {
  const st = jsm(ctx);
  const desk = requireDeskAccess(ctx);
  const b = body<{ accountId?: string; requestTypeIds?: number[]; permissions?: string[] }>(ctx);
  const who = b.accountId ?? ctx.accountId;
  const ids = (b.requestTypeIds ?? st.requestTypesOf(desk.id).map((t) => Number(t.id))).filter(
    (id) => st.requestTypes.get(String(id))?.serviceDeskId === desk.id,
  );
  const perms = new Set(b.permissions ?? ['canCreateRequest', 'canAdminister']);
  return json(200, {
    canCreateRequest: perms.has('canCreateRequest') && canAccessDesk(st, desk, who) ? ids : [],
    canAdminister: perms.has('canAdminister') && isAgent(st, desk, who) ? ids : [],
  });
};
