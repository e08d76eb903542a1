import {
  coreServices,
  inject,
  NotAllowedError,
  NotFoundError,
  Service,
  type MetadataCacheService,
  type SharedCache,
} from '@atlassian-mcp/core';
import { JsmDesks } from '../client/jsm-desks.js';
import type { ServiceDesk } from '../client/jsm-http.js';

/** A desk as the plugin refers to it: id, project key and name. */
export interface DeskRef {
  id: string;
  projectKey: string;
  projectName: string;
  projectId: string;
}

/** How long the desk list is reused (read again sooner on a miss). */
const TTL_MS = 15 * 60_000;

/**
 * The site's service desks (one list per user on the site: one sees the desks one may use; shared
 * by hosted replicas): resolves a desk named by id or by project key, and filters lists by the
 * project allowlist (`allow.projects`). What a call names is checked by core before the handler
 * runs (declared `targets`, resolved by DeskContainers).
 */
@Service()
export class DeskDirectory {
  private readonly cache: SharedCache<DeskRef[]>;
  private readonly allowed: ReadonlySet<string> | undefined;

  constructor(
    @inject(JsmDesks) private readonly desks: JsmDesks,
    @inject(coreServices.cache) caches: MetadataCacheService,
    @inject(coreServices.rootConfig) config: { readonly allow?: { readonly projects?: readonly string[] } },
  ) {
    this.cache = caches.define<DeskRef[]>('jsm.desks', { ttlMs: TTL_MS, scope: 'user' });
    const list = config.allow?.projects?.map((p) => p.toUpperCase());
    this.allowed = list && list.length > 0 ? new Set(list) : undefined;
  }

  /** True when a project allowlist is configured. */
  get restricted(): boolean {
    return this.allowed !== undefined;
  }

  /** Every desk the account can see (allowed or not). */
  async all(refresh = false): Promise<DeskRef[]> {
    const load = () => this.loadAll();
    return refresh ? this.cache.refresh('all', load) : this.cache.getOrLoad('all', load);
  }

  /** The desks inside the allowlist. */
  async visible(): Promise<DeskRef[]> {
    return (await this.all()).filter((d) => this.allows(d.projectKey));
  }

  /** True when the project may be touched. */
  allows(projectKey: string | undefined): boolean {
    return !this.allowed || (projectKey !== undefined && this.allowed.has(projectKey.toUpperCase()));
  }

  /** A desk by id or project key; NotFound when there is none, NotAllowed outside the allowlist. */
  async resolve(idOrKey: string): Promise<DeskRef> {
    const desk = await this.find(idOrKey);
    if (!desk) {
      const known = (await this.visible()).map((d) => `${d.id} (${d.projectKey})`).join(', ');
      throw new NotFoundError(`No service desk ${JSON.stringify(idOrKey)} is visible to this account`, {
        hint: known ? `Service desks: ${known}.` : 'List the service desks with servicedesk_list_service_desks.',
      });
    }
    this.assertProject(desk.projectKey);
    return desk;
  }

  /** Refuses a project outside the allowlist. */
  assertProject(projectKey: string | undefined): void {
    if (this.allows(projectKey)) return;
    throw new NotAllowedError(`${projectKey ?? 'This service desk'} is outside the configured project allowlist`, {
      hint: `Allowed projects: ${[...this.allowed!].join(', ')}.`,
    });
  }

  /** A desk by id or project key (the list is read again once on a miss), or undefined. */
  async find(idOrKey: string): Promise<DeskRef | undefined> {
    const match = (list: DeskRef[]) =>
      list.find((d) => d.id === idOrKey) ?? list.find((d) => d.projectKey.toUpperCase() === idOrKey.toUpperCase());
    return match(await this.all()) ?? match(await this.all(true));
  }

  /** The project key of a desk id, when known. */
  async keyOf(serviceDeskId: string | undefined): Promise<string | undefined> {
    if (serviceDeskId === undefined) return undefined;
    return (await this.all()).find((d) => d.id === serviceDeskId)?.projectKey;
  }

  private async loadAll(): Promise<DeskRef[]> {
    const out: DeskRef[] = [];
    for (let start = 0; ;) {
      const page = await this.desks.list(start, 100);
      const values = page.values ?? [];
      out.push(...values.map(toRef));
      if (page.isLastPage !== false || values.length === 0 || out.length >= 1000) break;
      start += values.length;
    }
    return out;
  }
}

function toRef(d: ServiceDesk): DeskRef {
  return {
    id: String(d.id ?? ''),
    projectKey: d.projectKey ?? '',
    projectName: d.projectName ?? '',
    projectId: String(d.projectId ?? ''),
  };
}
