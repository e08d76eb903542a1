import { coreServices, inject, Service, type MetadataCacheService, type SharedCache } from '@atlassian-mcp/core';
import { JiraFields, type FieldDetails } from '../client/jira-fields.js';

// A miss refreshes the catalog, but not more often than this: a typo must not hammer /field.
const MIN_REFRESH_MS = 30_000;
/** Loaded again after this even without a miss (a renamed field). */
const TTL_MS = 60 * 60_000;

interface SiteFields {
  fields: FieldDetails[];
  loadedAt: number;
}

/**
 * Every field of the site by display name and id; cached per user on the site (Jira lists only the
 * fields of projects the caller may browse, and jira_search_fields shows the list), refreshed on a
 * miss. In hosted mode the cache is shared by the replicas.
 */
@Service()
export class FieldCatalog {
  private readonly cache: SharedCache<SiteFields>;

  constructor(
    @inject(JiraFields) private readonly fields: JiraFields,
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.cache = caches.define<SiteFields>('jira.fields', { ttlMs: TTL_MS, scope: 'user' });
  }

  async all(): Promise<FieldDetails[]> {
    return (await this.load(false)).fields;
  }

  /** Finds a field by display name (case-insensitive), id, key or JQL clause name. */
  async find(nameOrId: string): Promise<FieldDetails | undefined> {
    const site = await this.load(false);
    const hit = match(site.fields, nameOrId);
    if (hit || Date.now() - site.loadedAt < MIN_REFRESH_MS) return hit;
    return match((await this.load(true)).fields, nameOrId);
  }

  /** Display name of a field id, or the id itself when unknown. */
  async nameOf(id: string): Promise<string> {
    return (await this.all()).find((f) => f.id === id)?.name ?? id;
  }

  /** Field names close to `name`, for "did you mean" hints. */
  async similar(name: string, limit = 5): Promise<string[]> {
    const words = name.toLowerCase().split(/\W+/).filter(Boolean);
    return (await this.all())
      .filter((f) => f.name && words.some((w) => f.name!.toLowerCase().includes(w)))
      .map((f) => f.name!)
      .slice(0, limit);
  }

  private async load(refresh: boolean): Promise<SiteFields> {
    const load = async () => ({ fields: await this.fields.all(), loadedAt: Date.now() });
    return refresh ? this.cache.refresh('all', load) : this.cache.getOrLoad('all', load);
  }
}

function match(fields: FieldDetails[], nameOrId: string): FieldDetails | undefined {
  const wanted = nameOrId.trim().toLowerCase();
  const cf = /^cf\[(\d+)\]$/.exec(wanted);
  const id = cf ? `customfield_${cf[1]}` : wanted;
  return (
    fields.find((f) => f.id?.toLowerCase() === id || f.key?.toLowerCase() === id) ??
    fields.find((f) => f.name?.toLowerCase() === wanted) ??
    fields.find((f) => f.clauseNames?.some((c) => c.toLowerCase() === wanted))
  );
}
