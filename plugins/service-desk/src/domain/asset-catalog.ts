import {
  coreServices,
  inject,
  InputError,
  NotFoundError,
  Service,
  type MetadataCacheService,
  type SharedCache,
} from '@atlassian-mcp/core';
import {
  AssetsClient,
  type AssetsAttributeDef,
  type AssetsObject,
  type AssetsObjectType,
  type AttributeWrite,
} from '../client/assets-client.js';

/** A value given by the model: one, several, or null to clear. */
export type AttributeInputValue = string | number | boolean | Array<string | number> | null;

/** How long an object type's attribute definitions are reused. */
const ATTRIBUTES_TTL_MS = 15 * 60_000;
const OBJECT_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

/**
 * What the Assets tools need beyond single calls: object types by name, attribute definitions by
 * type (cached per user on the site, as Assets answers by the caller's schema permissions; shared by
 * hosted replicas), an object by id or key, and attribute values by name turned into the ids and
 * values the API takes (references by key, statuses by name).
 */
@Service()
export class AssetCatalog {
  private readonly defs: SharedCache<AssetsAttributeDef[]>;

  constructor(
    @inject(AssetsClient) private readonly assets: AssetsClient,
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.defs = caches.define<AssetsAttributeDef[]>('assets.attributes', { ttlMs: ATTRIBUTES_TTL_MS, scope: 'user' });
  }

  async attributesOf(typeId: string): Promise<AssetsAttributeDef[]> {
    const key = `${await this.assets.workspace()}:${typeId}`;
    return this.defs.getOrLoad(key, () => this.assets.typeAttributes(typeId));
  }

  /** Every object type of every schema. */
  async types(): Promise<Array<AssetsObjectType & { schema: string }>> {
    const schemas = await this.assets.schemas();
    const lists = await Promise.all(
      schemas.map(async (s) => (await this.assets.objectTypes(s.id)).map((t) => ({ ...t, schema: s.name }))),
    );
    return lists.flat();
  }

  /** An object type by id or name (case-insensitive). */
  async type(idOrName: string): Promise<AssetsObjectType> {
    const all = await this.types();
    const want = idOrName.trim().toLowerCase();
    const t = all.find((x) => x.id === idOrName.trim()) ?? all.find((x) => x.name.toLowerCase() === want);
    if (!t)
      throw new InputError(`No object type ${JSON.stringify(idOrName)}`, {
        hint: `Object types: ${all.map((x) => `${x.name} (${x.id})`).join(', ')}.`,
      });
    return t;
  }

  /** An object by numeric id or by key (`ITAM-3`). */
  async object(idOrKey: string): Promise<AssetsObject> {
    if (/^\d+$/.test(idOrKey)) return this.assets.object(idOrKey);
    const hit = (await this.assets.aql(`Key = ${quote(idOrKey.toUpperCase())}`, 0, 1)).values[0];
    if (!hit)
      throw new NotFoundError(`No Assets object ${idOrKey}`, { hint: 'Find it with servicedesk_search_assets.' });
    return hit;
  }

  /** `{ Name: "x", Owner: "5b10…", "Runs on": ["ITAM-9"] }` → attribute ids and API values. */
  async toWrite(typeId: string, values: Record<string, AttributeInputValue>): Promise<AttributeWrite> {
    const defs = await this.attributesOf(typeId);
    const out: AttributeWrite = [];
    for (const [name, raw] of Object.entries(values)) {
      const def =
        defs.find((d) => d.name === name) ?? defs.find((d) => d.name.toLowerCase() === name.trim().toLowerCase());
      if (!def || def.editable === false || def.system)
        throw new InputError(`${JSON.stringify(name)} is not an attribute you can set on this object type`, {
          hint: `Attributes: ${defs
            .filter((d) => d.editable !== false && !d.system)
            .map((d) => `${d.name}${d.options ? ` (${d.options})` : ''}`)
            .join(', ')}.`,
        });
      const list = raw === null ? [] : (Array.isArray(raw) ? raw : [raw]).map((v) => String(v).trim());
      const converted = await Promise.all(list.map((v) => this.value(def, v)));
      out.push({ objectTypeAttributeId: def.id, objectAttributeValues: converted.map((value) => ({ value })) });
    }
    return out;
  }

  /** References by key become ids, statuses by name become ids; the rest is sent as given. */
  private async value(def: AssetsAttributeDef, v: string): Promise<string> {
    if (def.type === 1 && OBJECT_KEY.test(v)) return (await this.object(v)).id;
    if (def.type === 7 && !/^\d+$/.test(v)) {
      const s = (await this.assets.statusTypes()).find((x) => x.name.toLowerCase() === v.toLowerCase());
      if (!s) throw new InputError(`${def.name}: no status ${JSON.stringify(v)}`);
      return s.id;
    }
    return v;
  }
}
