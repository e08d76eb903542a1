import {
  apiPath,
  coreServices,
  InputError,
  inject,
  NotFoundError,
  pager,
  Service,
  type MetadataCacheService,
  type Page,
  type SharedCache,
} from '@atlassian-mcp/core';
import { linkedPage, V2_BASE, type ConfluenceHttp, type V2 } from './confluence-http.js';

export type SpaceBean = V2['SpaceBulk'];

/** How long a space seen is reused (renamed, archived or a permission taken away: seen within this). */
const TTL_MS = 15 * 60_000;

/**
 * Spaces through v2, which names them by numeric id: keys resolve to ids (and back) through a
 * cache per user on the site (one sees only the spaces one may view, with their descriptions), so a
 * tool given `ENG` costs one lookup per user and site, not one per call; shared by hosted replicas.
 */
@Service()
export class ConfluenceSpaces {
  private readonly cache: SharedCache<SpaceBean>;

  constructor(
    @inject(coreServices.http) private readonly http: ConfluenceHttp,
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.cache = caches.define<SpaceBean>('confluence.spaces', { ttlMs: TTL_MS, scope: 'user' });
  }

  /** A page of spaces (by key order), optionally only some keys or one type. */
  async list(options: { keys?: string[]; type?: string; limit: number; cursor?: string }): Promise<Page<SpaceBean>> {
    const paging = pager('confluence.spaces', options.cursor, { keys: options.keys, type: options.type });
    const page = await linkedPage<SpaceBean>(this.http, paging, `${V2_BASE}/spaces`, {
      keys: options.keys,
      type: options.type,
      status: 'current',
      sort: 'key',
      limit: options.limit,
      'description-format': 'plain',
    });
    await this.remember(page.items);
    return page;
  }

  /** One space by key (cached). */
  async byKey(given: string): Promise<SpaceBean> {
    const key = normalSpaceKey(given);
    const hit = await this.cache.get(`key:${key}`);
    if (hit) return hit;
    const page = await this.list({ keys: [key], limit: 1 });
    const found = page.items[0];
    if (!found)
      throw new NotFoundError(`There is no space with key ${key} that you can see.`, {
        hint: 'confluence_list_spaces lists the spaces you can see (keys are case-sensitive for personal spaces).',
      });
    return found;
  }

  /** One space by id (cached), with its description. */
  async byId(id: string): Promise<SpaceBean> {
    const hit = await this.cache.get(`id:${id}`);
    if (hit) return hit;
    const res = await this.http.request<SpaceBean>({
      product: 'confluence',
      method: 'GET',
      path: apiPath`/wiki/api/v2/spaces/${id}`,
      query: { 'description-format': 'plain' },
    });
    await this.remember([res.data]);
    return res.data;
  }

  /** A space by key, or by numeric id. */
  async find(keyOrId: string): Promise<SpaceBean> {
    return /^\d+$/.test(keyOrId) ? this.byId(keyOrId) : this.byKey(keyOrId);
  }

  /** The numeric id v2 needs for a space key. */
  async idOf(key: string): Promise<string> {
    return String((await this.byKey(key)).id);
  }

  /** The key of a space id. */
  async keyOf(id: string): Promise<string> {
    return String((await this.byId(id)).key);
  }

  private async remember(spaces: SpaceBean[]): Promise<void> {
    await Promise.all(
      spaces.flatMap((s) => [
        ...(s.key ? [this.cache.set(`key:${s.key}`, s)] : []),
        ...(s.id !== undefined ? [this.cache.set(`id:${s.id}`, s)] : []),
      ]),
    );
  }
}

/** Space keys are upper case, except personal ones (`~accountid`, `~name`), which are kept as given. */
export function normalSpaceKey(key: string): string {
  if (!SPACE_KEY.test(key))
    throw new InputError(`${JSON.stringify(key.slice(0, 40))} is not a space key.`, {
      hint: 'A space key is letters and digits, like ENG (personal spaces: ~name).',
    });
  return key.startsWith('~') ? key : key.toUpperCase();
}

const SPACE_KEY = /^~?[A-Za-z0-9_-]{1,255}$/;
