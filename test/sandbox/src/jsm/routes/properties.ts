// Entity properties of organizations and request types (the same operationIds serve both paths).
import { empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { jsm, requireAgent, requireDeskAccess } from '../access.js';
import { badRequest, notFound } from '../errors.js';
import { requireOrganization } from './organizations.js';
import { requireRequestType } from './request-types.js';

function owner(ctx: HandlerContext, write: boolean): { properties: Record<string, unknown>; self: string } {
  if (ctx.params.organizationId !== undefined) {
    const o = requireOrganization(ctx);
    return { properties: o.properties, self: `${ctx.base}/rest/servicedeskapi/organization/${o.id}/property` };
  }
  const desk = requireDeskAccess(ctx);
  if (write) requireAgent(jsm(ctx), desk, ctx.accountId, 'change request type properties');
  const t = requireRequestType(ctx, desk);
  return {
    properties: t.properties,
    self: `${ctx.base}/rest/servicedeskapi/servicedesk/${desk.id}/requesttype/${t.id}/property`,
  };
}

export const getPropertiesKeys: Handler = (ctx) => {
  const o = owner(ctx, false);
  return json(200, {
    keys: Object.keys(o.properties).map((key) => ({ key, self: `${o.self}/${encodeURIComponent(key)}` })),
  });
};

export const getProperty: Handler = (ctx) => {
  const o = owner(ctx, false);
  const key = ctx.params.propertyKey!;
  if (!(key in o.properties))
    throw notFound(`The property '${key}' does not exist.`, 'sd.property.error.not.found', [key]);
  return json(200, { key, value: o.properties[key] });
};

export const setProperty: Handler = (ctx) => {
  const o = owner(ctx, true);
  const key = ctx.params.propertyKey!;
  if (key.length > 255)
    throw badRequest('The property key is longer than 255 characters.', 'sd.property.error.key.length');
  // The request-type variant declares no body in the spec, so the pipeline leaves it unparsed.
  let value: unknown = ctx.body;
  if (value === undefined && ctx.req.body?.length) {
    try {
      value = JSON.parse(ctx.req.body.toString('utf8'));
    } catch {
      throw badRequest('The property value must be valid JSON.', 'sd.property.error.value.invalid');
    }
  }
  if (value === undefined) throw badRequest('The property value is required.', 'sd.property.error.value.required');
  const existed = key in o.properties;
  o.properties[key] = value;
  return json(existed ? 200 : 201, {});
};

export const deleteProperty: Handler = (ctx) => {
  const o = owner(ctx, true);
  const key = ctx.params.propertyKey!;
  if (!(key in o.properties))
    throw notFound(`The property '${key}' does not exist.`, 'sd.property.error.not.found', [key]);
  delete o.properties[key];
  return empty(204);
};
