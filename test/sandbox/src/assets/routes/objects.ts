// Objects: get, attributes, references, connected Jira issues, AQL search, create/update/delete.
import { empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { CMDB_FIELD_TYPE, type AssetRef } from '../../jsm/fields.js';
import { AqlError } from '../aql/parser.js';
import { compileAql } from '../aql/evaluate.js';
import type { AssetObject, AttributeValue } from '../model.js';
import { attributeDto, objectAttributesDto, objectDto, objectTypeDto } from '../render.js';
import { parseAttributeValues, type AttributeInput } from '../values.js';
import { assetsError, boolParam, intParam, jsonBody, workspace } from './common.js';

function requireObject(ctx: HandlerContext) {
  const w = workspace(ctx);
  const o = w.st.object(ctx.params.id!);
  if (!o) throw assetsError(404, `Object ${ctx.params.id} does not exist.`);
  return { ...w, object: o };
}

export const getObject: Handler = (ctx) => {
  const { rc, object } = requireObject(ctx);
  return json(200, objectDto(rc, object));
};

export const getObjectAttributes: Handler = (ctx) => {
  const { rc, object } = requireObject(ctx);
  return json(200, objectAttributesDto(rc, object));
};

export const getObjectReferenceInfo: Handler = (ctx) => {
  const { st, rc, object } = requireObject(ctx);
  const count = (list: AssetObject[]) => {
    const byType = new Map<string, number>();
    for (const o of list) byType.set(o.objectTypeId, (byType.get(o.objectTypeId) ?? 0) + 1);
    return [...byType].map(([typeId, n]) => ({
      objectType: objectTypeDto(rc, st.objectTypes.get(typeId)!),
      numberOfReferencedObjects: n,
    }));
  };
  return json(200, [
    ...count(st.inbound(object.id)).map((x) => ({ ...x, direction: 'inbound' })),
    ...count(st.outbound(object.id)).map((x) => ({ ...x, direction: 'outbound' })),
  ]);
};

/** Jira issues whose Assets fields hold the object (a request's "Affected assets", for one). */
export const getObjectConnectedTickets: Handler = (ctx) => {
  const { st, object } = requireObject(ctx);
  const jira = ctx.site.jira;
  const fields = [...jira.fields.values()].filter((f) => f.schema.custom === CMDB_FIELD_TYPE).map((f) => f.id);
  const tickets = [...jira.issues.values()]
    .filter((i) =>
      fields.some((f) => ((i.fields[f] as AssetRef[] | undefined) ?? []).some((r) => r.objectId === object.id)),
    )
    .map((i) => {
      const s = jira.statuses.get(i.fields.status)!;
      const t = jira.issueTypes.get(i.fields.issuetype)!;
      const p = jira.priorities.get(String(i.fields.priority ?? '3'));
      return {
        key: i.key,
        id: i.id,
        title: i.fields.summary,
        reporter: jira.user(String(i.fields.reporter))?.displayName ?? '',
        created: new Date(i.fields.created).toISOString(),
        updated: new Date(i.fields.updated).toISOString(),
        status: { name: s.name, colorName: jira.statusCategoryOf(s.id).colorName },
        type: {
          name: t.name,
          iconUrl: `${ctx.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}`,
        },
        ...(p
          ? { priority: { name: p.name, iconUrl: `${ctx.base}/images/icons/priorities/${p.name.toLowerCase()}.svg` } }
          : {}),
      };
    });
  return json(200, {
    tickets,
    allTicketsQuery: `issueFunction in assetsObject("objectId = ${object.id}")`,
    workspaceId: st.workspaceId,
  });
};

export const postObjectAql: Handler = (ctx) => {
  const { st, rc } = workspace(ctx);
  const body = jsonBody<{ qlQuery?: unknown }>(ctx);
  if (typeof body.qlQuery !== 'string' || !body.qlQuery.trim())
    throw assetsError(400, 'qlQuery is required: an AQL query such as objectType = Laptop.', { qlQuery: 'required' });
  const startAt = intParam(ctx, 'startAt', 0);
  const maxResults = intParam(ctx, 'maxResults', 25, 1000);
  const includeAttributes = boolParam(ctx, 'includeAttributes', true);
  let compiled;
  try {
    compiled = compileAql(body.qlQuery, { store: st, jira: ctx.site.jira, accountId: ctx.accountId });
  } catch (e) {
    if (e instanceof AqlError) throw assetsError(400, e.message, { iql: e.message });
    throw e;
  }
  const all = [...st.objects.values()].filter(compiled.filter).sort(compiled.compare);
  const page = all.slice(startAt, startAt + maxResults);
  const types = new Set(page.map((o) => o.objectTypeId));
  return json(200, {
    startAt,
    maxResults,
    total: all.length,
    isLast: startAt + page.length >= all.length,
    values: page.map((o) => objectDto(rc, o, includeAttributes)),
    ...(includeAttributes
      ? {
          objectTypeAttributes: [...st.attributes.values()]
            .filter((a) => types.has(a.objectTypeId))
            .map((a) => attributeDto(rc, a)),
        }
      : {}),
  });
};

interface ObjectBody {
  objectTypeId?: unknown;
  attributes?: AttributeInput[];
}

function labelOf(st: ReturnType<typeof workspace>['st'], typeId: string, values: AttributeValue[]): string | undefined {
  const label = st.attributesOf(typeId).find((a) => a.label);
  return label && values.find((v) => v.attributeId === label.id)?.values[0];
}

export const createObject: Handler = (ctx) => {
  const { st, rc } = workspace(ctx);
  const b = jsonBody<ObjectBody>(ctx);
  const type = st.objectTypes.get(String(b.objectTypeId ?? ''));
  if (!type)
    throw assetsError(400, `Object type ${String(b.objectTypeId ?? '')} does not exist.`, { objectTypeId: 'invalid' });
  const values = parseAttributeValues(st, ctx.site.jira, type.id, b.attributes ?? [], undefined);
  const label = labelOf(st, type.id, values);
  if (!label) throw assetsError(400, `The ${type.name}'s label attribute (Name) is required.`, { Name: 'required' });
  const id = st.nextId('object');
  const key = st.attributesOf(type.id).find((a) => a.name === 'Key')!;
  const schema = st.schemas.get(type.schemaId)!;
  const o: AssetObject = {
    id,
    objectTypeId: type.id,
    objectKey: `${schema.objectSchemaKey}-${id}`,
    label,
    created: ctx.now,
    updated: ctx.now,
    attributes: [{ attributeId: key.id, values: [`${schema.objectSchemaKey}-${id}`] }, ...values],
  };
  st.addObject(o);
  return json(201, objectDto(rc, o));
};

export const updateObject: Handler = (ctx) => {
  const { st, rc, object } = requireObject(ctx);
  const b = jsonBody<ObjectBody>(ctx);
  const values = parseAttributeValues(st, ctx.site.jira, object.objectTypeId, b.attributes ?? [], object);
  for (const v of values) {
    const i = object.attributes.findIndex((x) => x.attributeId === v.attributeId);
    if (i >= 0) object.attributes[i] = v;
    else object.attributes.push(v);
  }
  object.attributes = object.attributes.filter((v) => v.values.length);
  const label = labelOf(st, object.objectTypeId, object.attributes);
  if (!label) throw assetsError(400, 'The label attribute (Name) cannot be emptied.', { Name: 'required' });
  object.label = label;
  object.updated = ctx.now;
  return json(200, objectDto(rc, object));
};

export const deleteObject: Handler = (ctx) => {
  const { st, object } = requireObject(ctx);
  if (st.inbound(object.id).length)
    throw assetsError(400, `Object ${object.objectKey} is referenced by other objects; remove those references first.`);
  st.removeObject(object);
  return empty(204);
};
