// The seeded Assets workspace: schema "IT Assets" (ITAM) with laptops, servers and business
// services; services run on servers and depend on each other, laptops are assigned to people.
import {
  ATTRIBUTE_TYPE,
  DEFAULT_TYPE,
  type AssetObject,
  type AssetsData,
  type ObjectType,
  type ObjectTypeAttribute,
} from './model.js';
import { ASSET_TYPE, OBJECTS, STATUS } from './seed-objects.js';

export const ASSETS_WORKSPACE_ID = 'f1668d0c-828c-470c-b7d1-8c4f48cd345a';
const H = 3_600_000;
const DAY = 24 * H;

export { ASSET_TYPE, STATUS };

type AttrSpec = [
  name: string,
  kind: 'text' | 'date' | 'select' | 'ip' | 'textarea' | 'user' | 'status' | 'ref',
  extra?: Partial<ObjectTypeAttribute>,
];

const TYPES: Array<[ObjectType['id'], string, string, AttrSpec[]]> = [
  [
    ASSET_TYPE.laptop,
    'Laptop',
    'Company laptops issued to people.',
    [
      ['Serial number', 'text', { unique: true }],
      ['Model', 'text'],
      ['Operating system', 'select', { options: 'macOS,Windows 11,Ubuntu' }],
      ['Status', 'status'],
      ['Assigned to', 'user'],
      ['Purchase date', 'date'],
    ],
  ],
  [
    ASSET_TYPE.server,
    'Server',
    'Virtual and physical servers in every environment.',
    [
      ['Hostname', 'text', { unique: true }],
      ['IP address', 'ip'],
      ['Environment', 'select', { options: 'Production,Staging,Development' }],
      ['Operating system', 'select', { options: 'Ubuntu 24.04,Debian 12,Windows Server 2022' }],
      ['Status', 'status'],
    ],
  ],
  [
    ASSET_TYPE.service,
    'Business Service',
    'Services people use; what breaks when a server does.',
    [
      ['Description', 'textarea'],
      ['Owner', 'user'],
      ['Tier', 'select', { options: 'Tier 1,Tier 2,Tier 3' }],
      ['Status', 'status'],
      ['Runs on', 'ref', { referenceObjectTypeId: ASSET_TYPE.server, referenceType: { id: '1', name: 'Runs on' } }],
      [
        'Depends on',
        'ref',
        { referenceObjectTypeId: ASSET_TYPE.service, referenceType: { id: '2', name: 'Depends on' } },
      ],
    ],
  ],
];

const KIND: Record<AttrSpec[1], Pick<ObjectTypeAttribute, 'type' | 'defaultType'>> = {
  text: { type: ATTRIBUTE_TYPE.default, defaultType: DEFAULT_TYPE.text },
  date: { type: ATTRIBUTE_TYPE.default, defaultType: DEFAULT_TYPE.date },
  select: { type: ATTRIBUTE_TYPE.default, defaultType: DEFAULT_TYPE.select },
  ip: { type: ATTRIBUTE_TYPE.default, defaultType: DEFAULT_TYPE.ipAddress },
  textarea: { type: ATTRIBUTE_TYPE.default, defaultType: DEFAULT_TYPE.textarea },
  user: { type: ATTRIBUTE_TYPE.user },
  status: { type: ATTRIBUTE_TYPE.status },
  ref: { type: ATTRIBUTE_TYPE.reference },
};

export function assetsSeed(now: number): AssetsData {
  const created = now - 400 * DAY;
  const attributes: ObjectTypeAttribute[] = [];
  let attrId = 1;
  const attr = (typeId: string, position: number, name: string, extra: Partial<ObjectTypeAttribute>) => {
    const a: ObjectTypeAttribute = {
      id: String(attrId++),
      objectTypeId: typeId,
      name,
      description: '',
      type: ATTRIBUTE_TYPE.default,
      label: false,
      system: false,
      editable: true,
      unique: false,
      minimumCardinality: 0,
      maximumCardinality: 1,
      position,
      ...extra,
    };
    attributes.push(a);
    return a;
  };
  const objectTypes: ObjectType[] = TYPES.map(([id, name, description, specs], position) => {
    attr(id, 0, 'Key', { ...KIND.text, system: true, editable: false, unique: true });
    attr(id, 1, 'Name', { ...KIND.text, label: true, minimumCardinality: 1 });
    attr(id, 2, 'Created', { type: 0, defaultType: DEFAULT_TYPE.dateTime, system: true, editable: false });
    attr(id, 3, 'Updated', { type: 0, defaultType: DEFAULT_TYPE.dateTime, system: true, editable: false });
    specs.forEach(([n, kind, extra], i) =>
      attr(id, 4 + i, n, { ...KIND[kind], ...(kind === 'ref' ? { maximumCardinality: -1 } : {}), ...extra }),
    );
    return {
      id,
      schemaId: '1',
      name,
      description,
      iconId: String(100 + position),
      position,
      created,
      updated: created,
    };
  });
  const idByLabel = new Map(OBJECTS.map(([, name], i) => [name, String(i + 1)]));
  const objects: AssetObject[] = OBJECTS.map(([typeId, name, values], i) => {
    const id = String(i + 1);
    const t = created + (i + 1) * 3 * DAY;
    const of = (n: string) => attributes.find((a) => a.objectTypeId === typeId && a.name === n)!;
    const list = [
      { attributeId: of('Key').id, values: [`ITAM-${id}`] },
      { attributeId: of('Name').id, values: [name] },
      ...Object.entries(values).map(([n, vs]) => {
        const a = of(n);
        return { attributeId: a.id, values: a.type === 1 ? vs.map((v) => idByLabel.get(v)!) : vs };
      }),
    ];
    return { id, objectTypeId: typeId, objectKey: `ITAM-${id}`, label: name, created: t, updated: t, attributes: list };
  });
  return {
    workspaceId: ASSETS_WORKSPACE_ID,
    schemas: [
      {
        id: '1',
        name: 'IT Assets',
        objectSchemaKey: 'ITAM',
        description: 'Hardware, servers and the business services they run.',
        created,
        updated: created,
      },
    ],
    objectTypes,
    attributes,
    statusTypes: [
      { id: STATUS.inUse, name: 'In use', category: 1 },
      { id: STATUS.inStock, name: 'In stock', category: 2 },
      { id: STATUS.retired, name: 'Retired', category: 0 },
      { id: STATUS.running, name: 'Running', category: 1 },
      { id: STATUS.degraded, name: 'Degraded', category: 2 },
    ],
    objects,
    counters: { object: objects.length + 1, attribute: attrId },
  };
}

/** Object id of a seeded object, by its name (for requests that reference assets). */
export function seededObjectId(name: string): string {
  const i = OBJECTS.findIndex(([, n]) => n === name);
  if (i < 0) throw new Error(`no seeded asset ${name}`);
  return String(i + 1);
}
