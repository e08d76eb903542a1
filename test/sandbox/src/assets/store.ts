// In-memory Assets workspace with lookup indexes; `snapshot()` gives the records back.
import type { AssetObject, AssetsData, ObjectSchema, ObjectType, ObjectTypeAttribute, StatusType } from './model.js';

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x] as const));

export class AssetsStore {
  workspaceId!: string;
  schemas!: Map<string, ObjectSchema>;
  objectTypes!: Map<string, ObjectType>;
  attributes!: Map<string, ObjectTypeAttribute>;
  statusTypes!: Map<string, StatusType>;
  objects!: Map<string, AssetObject>;
  objectsByKey!: Map<string, AssetObject>;
  counters!: Record<string, number>;

  constructor(data: AssetsData) {
    this.load(data);
  }

  load(input: AssetsData): void {
    const d = structuredClone(input);
    this.workspaceId = d.workspaceId;
    this.schemas = byId(d.schemas);
    this.objectTypes = byId(d.objectTypes);
    this.attributes = byId(d.attributes);
    this.statusTypes = byId(d.statusTypes);
    this.objects = byId(d.objects);
    this.objectsByKey = new Map(d.objects.map((o) => [o.objectKey.toUpperCase(), o]));
    this.counters = { ...d.counters };
  }

  snapshot(): AssetsData {
    return structuredClone({
      workspaceId: this.workspaceId,
      schemas: [...this.schemas.values()],
      objectTypes: [...this.objectTypes.values()],
      attributes: [...this.attributes.values()],
      statusTypes: [...this.statusTypes.values()],
      objects: [...this.objects.values()],
      counters: { ...this.counters },
    });
  }

  /** Whether the site has an Assets workspace at all. */
  get enabled(): boolean {
    return this.workspaceId !== '';
  }

  nextId(kind: string): string {
    const n = this.counters[kind] ?? 1;
    this.counters[kind] = n + 1;
    return String(n);
  }

  attributesOf(objectTypeId: string): ObjectTypeAttribute[] {
    return [...this.attributes.values()]
      .filter((a) => a.objectTypeId === objectTypeId)
      .sort((a, b) => a.position - b.position);
  }

  typesOf(schemaId: string): ObjectType[] {
    return [...this.objectTypes.values()].filter((t) => t.schemaId === schemaId);
  }

  object(idOrKey: string): AssetObject | undefined {
    return this.objects.get(idOrKey) ?? this.objectsByKey.get(idOrKey.toUpperCase());
  }

  addObject(o: AssetObject): void {
    this.objects.set(o.id, o);
    this.objectsByKey.set(o.objectKey.toUpperCase(), o);
  }

  removeObject(o: AssetObject): void {
    this.objects.delete(o.id);
    this.objectsByKey.delete(o.objectKey.toUpperCase());
  }

  /** Objects whose reference attributes point at `objectId`. */
  inbound(objectId: string): AssetObject[] {
    const refs = new Set([...this.attributes.values()].filter((a) => a.type === 1).map((a) => a.id));
    return [...this.objects.values()].filter((o) =>
      o.attributes.some((v) => refs.has(v.attributeId) && v.values.includes(objectId)),
    );
  }

  /** Objects `objectId` references. */
  outbound(objectId: string): AssetObject[] {
    const o = this.objects.get(objectId);
    if (!o) return [];
    const out: AssetObject[] = [];
    for (const v of o.attributes) {
      if (this.attributes.get(v.attributeId)?.type !== 1) continue;
      for (const id of v.values) {
        const t = this.objects.get(id);
        if (t) out.push(t);
      }
    }
    return out;
  }
}
