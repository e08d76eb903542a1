import {
  apiPath,
  coreServices,
  inject,
  NotFoundError,
  Service,
  type HttpService,
  type MetadataCacheService,
  type SharedCache,
} from '@atlassian-mcp/core';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { SCOPE } from '../scopes.js';
import { SD, type JsmPage } from './jsm-http.js';
import { CLOCK_SKEW_MS, notProvable, type Lookup } from './lookup.js';

// The Assets REST API (JSM's CMDB) has no vendored OpenAPI document: these are the shapes it
// answers with (developer.atlassian.com/cloud/assets/rest), only the fields the plugin reads.

export interface AssetsSchema {
  id: string;
  name: string;
  objectSchemaKey: string;
  description?: string;
  objectCount?: number;
  objectTypeCount?: number;
}
export interface AssetsObjectType {
  id: string;
  name: string;
  description?: string;
  objectCount?: number;
  objectSchemaId: string;
}
export interface AssetsAttributeDef {
  id: string;
  name: string;
  /** 0 default (see defaultType), 1 object reference, 2 user, 7 status… */
  type: number;
  defaultType?: { id: number; name: string };
  description?: string;
  label?: boolean;
  editable?: boolean;
  system?: boolean;
  minimumCardinality?: number;
  maximumCardinality?: number;
  options?: string;
  referenceObjectTypeId?: string;
  referenceObjectType?: { name?: string };
}
export interface AssetsValue {
  value?: string;
  displayValue?: string;
  referencedObject?: { id: string; label: string; objectKey: string; objectType?: { name?: string } };
  user?: { displayName?: string; accountId?: string };
  status?: { name?: string };
}
export interface AssetsObject {
  id: string;
  label: string;
  objectKey: string;
  objectType?: { id: string; name: string; objectSchemaId?: string };
  created?: string;
  updated?: string;
  attributes?: Array<{ objectTypeAttributeId: string; objectAttributeValues: AssetsValue[] }>;
}
export interface AqlPage {
  startAt: number;
  maxResults: number;
  total?: number;
  isLast?: boolean;
  values: AssetsObject[];
  objectTypeAttributes?: AssetsAttributeDef[];
}
export interface ReferenceInfo {
  objectType?: { name?: string };
  numberOfReferencedObjects?: number;
  direction?: 'inbound' | 'outbound';
}
export interface ConnectedTicket {
  key: string;
  id: string;
  title?: string;
  status?: { name?: string };
  type?: { name?: string };
  reporter?: string;
}
/** What create and update send: attribute ids and their values. */
export type AttributeWrite = Array<{ objectTypeAttributeId: string; objectAttributeValues: Array<{ value: string }> }>;

/** How long the site's discovered workspace id is reused. */
const WORKSPACE_TTL_MS = 24 * 60 * 60_000;

/**
 * The Assets API of the site's workspace (discovered through the servicedeskapi once per site: one
 * workspace per site, the same for every user; shared by hosted replicas).
 */
@Service()
export class AssetsClient {
  private readonly workspaces: SharedCache<string>;

  constructor(
    @inject(coreServices.http) private readonly http: HttpService,
    @inject(coreServices.cache) caches: MetadataCacheService,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {
    this.workspaces = caches.define<string>('assets.workspace', { ttlMs: WORKSPACE_TTL_MS, scope: 'site' });
  }

  /** The site's Assets workspace id (configured, or discovered); NotFound when Assets is not enabled. */
  async workspace(): Promise<string> {
    if (this.config.assetsWorkspaceId) return this.config.assetsWorkspaceId;
    return this.workspaces.getOrLoad('id', async () => {
      const res = await this.http.request<JsmPage<{ workspaceId?: string }>>({
        product: 'jsm',
        method: 'GET',
        path: `${SD}/assets/workspace`,
      });
      const id = res.data.values?.[0]?.workspaceId;
      if (!id)
        throw new NotFoundError('This site has no Assets workspace', {
          hint: 'Assets comes with JSM Premium or Enterprise; without it there is nothing to search.',
        });
      return id;
    });
  }

  private async get<T>(path: string, query?: Record<string, string | number | boolean | undefined>): Promise<T> {
    const ws = await this.workspace();
    const res = await this.http.request<T>({
      product: 'assets',
      method: 'GET',
      path: apiPath`/jsm/assets/workspace/${ws}/v1` + path,
      query,
    });
    return res.data;
  }

  async schemas(): Promise<AssetsSchema[]> {
    return (await this.get<{ values?: AssetsSchema[] }>('/objectschema/list', { maxResults: 100 })).values ?? [];
  }

  async objectTypes(schemaId: string): Promise<AssetsObjectType[]> {
    return this.get<AssetsObjectType[]>(apiPath`/objectschema/${schemaId}/objecttypes/flat`);
  }

  async typeAttributes(typeId: string): Promise<AssetsAttributeDef[]> {
    return this.get<AssetsAttributeDef[]>(apiPath`/objecttype/${typeId}/attributes`);
  }

  async object(id: string): Promise<AssetsObject> {
    return this.get<AssetsObject>(apiPath`/object/${id}`);
  }

  async referenceInfo(id: string): Promise<ReferenceInfo[]> {
    return this.get<ReferenceInfo[]>(apiPath`/object/${id}/referenceinfo`);
  }

  async tickets(id: string): Promise<{ tickets?: ConnectedTicket[]; allTicketsQuery?: string }> {
    return this.get(apiPath`/objectconnectedtickets/${id}/tickets`);
  }

  async statusTypes(): Promise<Array<{ id: string; name: string }>> {
    return this.get('/config/statustype');
  }

  /** An AQL search (POST, but a read: safe to repeat). */
  async aql(qlQuery: string, startAt: number, maxResults: number, includeAttributes = true): Promise<AqlPage> {
    const ws = await this.workspace();
    const res = await this.http.request<AqlPage>({
      product: 'assets',
      method: 'POST',
      path: apiPath`/jsm/assets/workspace/${ws}/v1/object/aql`,
      query: { startAt, maxResults, includeAttributes },
      body: { qlQuery },
      idempotent: true,
      scopes: [SCOPE.assetsObjects],
    });
    return res.data;
  }

  /** Creates an object; a lost answer is settled by looking for its label among the type's new objects. */
  async create(typeId: string, label: string, attributes: AttributeWrite): Promise<AssetsObject> {
    const ws = await this.workspace();
    const since = Date.now() - CLOCK_SKEW_MS;
    const res = await this.http.request<AssetsObject>({
      product: 'assets',
      method: 'POST',
      path: apiPath`/jsm/assets/workspace/${ws}/v1/object/create`,
      body: { objectTypeId: typeId, attributes },
      scopes: [SCOPE.assetsWrite],
      writeKey: `assets:${typeId}`,
      reconcile: {
        check: `servicedesk_search_assets {aql: 'objectTypeId = ${typeId} AND Name = "${label.replace(/"/g, "'")}"'}: is the new object there? Create it again only if not.`,
        find: () => this.findCreated(typeId, label, since),
      },
    });
    return res.data;
  }

  private async findCreated(typeId: string, label: string, since: number): Promise<Lookup<AssetsObject>> {
    const page = await this.aql(`objectTypeId = ${typeId} AND Name = "${label.replace(/["\\]/g, '\\$&')}"`, 0, 50);
    const hit = page.values.find((o) => Date.parse(o.created ?? '') >= since);
    return hit ? { found: true, data: hit } : notProvable(`The new object "${label}"`);
  }

  /** Updates attributes (PUT: sending it again sets the same values). */
  async update(id: string, attributes: AttributeWrite): Promise<AssetsObject> {
    const ws = await this.workspace();
    const res = await this.http.request<AssetsObject>({
      product: 'assets',
      method: 'PUT',
      path: apiPath`/jsm/assets/workspace/${ws}/v1/object/${id}`,
      body: { attributes },
      scopes: [SCOPE.assetsWrite],
      writeKey: `assets:${id}`,
    });
    return res.data;
  }
}
