// Object schemas, object types, their attributes and the status types.
import { json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { attributeDto, objectTypeDto, schemaDto } from '../render.js';
import { assetsError, intParam, workspace } from './common.js';

function requireSchema(ctx: HandlerContext) {
  const w = workspace(ctx);
  const s = w.st.schemas.get(ctx.params.id!);
  if (!s) throw assetsError(404, `Object schema ${ctx.params.id} does not exist.`);
  return { ...w, schema: s };
}

function requireType(ctx: HandlerContext) {
  const w = workspace(ctx);
  const t = w.st.objectTypes.get(ctx.params.id!);
  if (!t) throw assetsError(404, `Object type ${ctx.params.id} does not exist.`);
  return { ...w, type: t };
}

export const getObjectSchemas: Handler = (ctx) => {
  const { st, rc } = workspace(ctx);
  const all = [...st.schemas.values()];
  const startAt = intParam(ctx, 'startAt', 0);
  const maxResults = intParam(ctx, 'maxResults', 25, 100);
  const values = all.slice(startAt, startAt + maxResults).map((s) => schemaDto(rc, s));
  return json(200, { startAt, maxResults, total: all.length, values, isLast: startAt + values.length >= all.length });
};

export const getObjectSchema: Handler = (ctx) => {
  const { rc, schema } = requireSchema(ctx);
  return json(200, schemaDto(rc, schema));
};

export const getObjectSchemaObjectTypes: Handler = (ctx) => {
  const { st, rc, schema } = requireSchema(ctx);
  return json(
    200,
    st.typesOf(schema.id).map((t) => objectTypeDto(rc, t)),
  );
};

export const getObjectSchemaAttributes: Handler = (ctx) => {
  const { st, rc, schema } = requireSchema(ctx);
  const types = new Set(st.typesOf(schema.id).map((t) => t.id));
  return json(
    200,
    [...st.attributes.values()].filter((a) => types.has(a.objectTypeId)).map((a) => attributeDto(rc, a)),
  );
};

export const getObjectType: Handler = (ctx) => {
  const { rc, type } = requireType(ctx);
  return json(200, objectTypeDto(rc, type));
};

export const getObjectTypeAttributes: Handler = (ctx) => {
  const { st, rc, type } = requireType(ctx);
  return json(
    200,
    st.attributesOf(type.id).map((a) => attributeDto(rc, a)),
  );
};

export const getStatusTypes: Handler = (ctx) => {
  const { st } = workspace(ctx);
  return json(
    200,
    [...st.statusTypes.values()].map((s) => ({
      workspaceId: st.workspaceId,
      globalId: `${st.workspaceId}:${s.id}`,
      ...s,
    })),
  );
};
