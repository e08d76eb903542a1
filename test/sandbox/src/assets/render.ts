// Assets entries as the REST API shows them: ObjectSchema, ObjectType, ObjectTypeAttribute,
// ObjectEntry with its attribute values (references carry the referenced object, users their
// profile, statuses their category).
import type { JiraStore } from '../jira/store.js';
import type { AssetObject, ObjectSchema, ObjectType, ObjectTypeAttribute } from './model.js';
import type { AssetsStore } from './store.js';

export interface AssetsRenderCtx {
  store: AssetsStore;
  jira: JiraStore;
  /** `…/jsm/assets/workspace/{id}/v1` as the caller reached it. */
  api: string;
  /** The site origin (for the `_links` into the Assets UI). */
  origin: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function schemaDto(c: AssetsRenderCtx, s: ObjectSchema) {
  const types = c.store.typesOf(s.id);
  const typeIds = new Set(types.map((t) => t.id));
  return {
    workspaceId: c.store.workspaceId,
    globalId: `${c.store.workspaceId}:${s.id}`,
    id: s.id,
    name: s.name,
    objectSchemaKey: s.objectSchemaKey,
    status: 'Ok',
    description: s.description,
    created: iso(s.created),
    updated: iso(s.updated),
    objectCount: [...c.store.objects.values()].filter((o) => typeIds.has(o.objectTypeId)).length,
    objectTypeCount: types.length,
    canManage: true,
    idAsInt: Number(s.id),
  };
}

export function objectTypeDto(c: AssetsRenderCtx, t: ObjectType) {
  const icon = (size: number) => `${c.api}/objecttype/${t.id}/icon.png?size=${size}`;
  return {
    workspaceId: c.store.workspaceId,
    globalId: `${c.store.workspaceId}:${t.id}`,
    id: t.id,
    name: t.name,
    description: t.description,
    icon: { id: t.iconId, name: t.name, url16: icon(16), url48: icon(48) },
    position: t.position,
    created: iso(t.created),
    updated: iso(t.updated),
    objectCount: [...c.store.objects.values()].filter((o) => o.objectTypeId === t.id).length,
    objectSchemaId: t.schemaId,
    inherited: false,
    abstractObjectType: false,
    parentObjectTypeInherited: false,
  };
}

export function attributeDto(c: AssetsRenderCtx, a: ObjectTypeAttribute) {
  const ref = a.referenceObjectTypeId ? c.store.objectTypes.get(a.referenceObjectTypeId) : undefined;
  return {
    workspaceId: c.store.workspaceId,
    globalId: `${c.store.workspaceId}:${a.id}`,
    id: a.id,
    objectType: objectTypeDto(c, c.store.objectTypes.get(a.objectTypeId)!),
    name: a.name,
    label: a.label,
    type: a.type,
    description: a.description,
    ...(a.defaultType ? { defaultType: a.defaultType } : {}),
    editable: a.editable,
    system: a.system,
    sortable: true,
    summable: a.defaultType?.id === 1 || a.defaultType?.id === 3,
    indexed: true,
    minimumCardinality: a.minimumCardinality,
    maximumCardinality: a.maximumCardinality,
    removable: !a.system,
    hidden: false,
    includeChildObjectTypes: false,
    uniqueAttribute: a.unique,
    options: a.options ?? '',
    position: a.position,
    ...(a.referenceType
      ? {
          referenceType: {
            workspaceId: c.store.workspaceId,
            globalId: `${c.store.workspaceId}:${a.referenceType.id}`,
            ...a.referenceType,
          },
          referenceObjectTypeId: a.referenceObjectTypeId,
          ...(ref ? { referenceObjectType: objectTypeDto(c, ref) } : {}),
        }
      : {}),
  };
}

function avatar(c: AssetsRenderCtx, o: AssetObject) {
  const url = (size: number) => `${c.api}/objecttype/${o.objectTypeId}/icon.png?size=${size}`;
  return {
    workspaceId: c.store.workspaceId,
    globalId: `${c.store.workspaceId}:${o.id}`,
    url16: url(16),
    url48: url(48),
    url72: url(72),
    url144: url(144),
    url288: url(288),
    objectId: o.id,
  };
}

/** The short form of an object (inside references). */
function objectRef(c: AssetsRenderCtx, o: AssetObject) {
  return {
    workspaceId: c.store.workspaceId,
    globalId: `${c.store.workspaceId}:${o.id}`,
    id: o.id,
    label: o.label,
    objectKey: o.objectKey,
    avatar: avatar(c, o),
    objectType: objectTypeDto(c, c.store.objectTypes.get(o.objectTypeId)!),
    created: iso(o.created),
    updated: iso(o.updated),
    hasAvatar: false,
    timestamp: o.updated,
    _links: { self: `${c.origin}/jira/servicedesk/assets/object/${o.id}` },
    name: o.label,
  };
}

function valueDto(c: AssetsRenderCtx, a: ObjectTypeAttribute, v: string) {
  if (a.type === 1) {
    const r = c.store.objects.get(v);
    return {
      referencedObject: r ? objectRef(c, r) : undefined,
      displayValue: r?.label ?? v,
      searchValue: r?.objectKey ?? v,
      referencedType: true,
    };
  }
  if (a.type === 2) {
    const u = c.jira.user(v);
    return {
      user: {
        displayName: u?.displayName ?? v,
        name: u?.displayName ?? v,
        key: v,
        accountId: v,
        ...(u ? { email: u.emailAddress } : {}),
      },
      displayValue: u?.displayName ?? v,
      searchValue: v,
      referencedType: false,
    };
  }
  if (a.type === 7) {
    const s = c.store.statusTypes.get(v);
    return {
      status: { id: v, name: s?.name ?? v, category: s?.category ?? 0 },
      displayValue: s?.name ?? v,
      searchValue: v,
      referencedType: false,
    };
  }
  return { value: v, displayValue: v, searchValue: v, referencedType: false };
}

export function objectAttributesDto(c: AssetsRenderCtx, o: AssetObject) {
  const system: Record<string, string> = { Created: iso(o.created), Updated: iso(o.updated) };
  return c.store.attributesOf(o.objectTypeId).flatMap((a) => {
    const values =
      system[a.name] !== undefined
        ? [system[a.name]!]
        : (o.attributes.find((x) => x.attributeId === a.id)?.values ?? []);
    if (!values.length) return [];
    return [
      {
        workspaceId: c.store.workspaceId,
        globalId: `${c.store.workspaceId}:${o.id}:${a.id}`,
        id: `${o.id}${a.id.padStart(4, '0')}`,
        objectTypeAttributeId: a.id,
        objectAttributeValues: values.map((v) => valueDto(c, a, v)),
        objectId: o.id,
      },
    ];
  });
}

export function objectDto(c: AssetsRenderCtx, o: AssetObject, withAttributes = true) {
  return { ...objectRef(c, o), ...(withAttributes ? { attributes: objectAttributesDto(c, o) } : {}) };
}
