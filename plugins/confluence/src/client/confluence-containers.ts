import {
  coreServices,
  inject,
  isAtlassianMcpError,
  Service,
  type MetadataCacheService,
  type SharedCache,
  type SiteService,
} from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1 } from './confluence-http.js';
import { normalSpaceKey } from './confluence-spaces.js';
import { ConfluenceTemplates } from './confluence-templates.js';
import { parseConfluenceUrl } from './page-locator.js';
import { spelledAsConfigured } from './space-scope.js';

const REFRESH_MS = 60 * 1000;
const TTL_MS = 10 * 60 * 1000;

/** The CQL clause confining a query to spaces: `space in ("ENG", "OPS")`. */
export function spaceRestriction(allowed: readonly string[]): string {
  return `space in (${allowed.map((s) => `"${s.replace(/["\\]/g, '')}"`).join(', ')})`;
}

/**
 * Which space a Confluence reference lives in (core's ContainerResolver for `allow.spaces`),
 * found without ever requesting the reference itself when it is outside: pages, blog posts,
 * folders, comments and attachments by a CQL search confined to the allowed spaces (`id = …`);
 * URLs that name their space by that key; templates by listing those of the allowed spaces (cached
 * per user on the site, as the list holds what its user can see; shared by hosted replicas).
 */
@Service()
export class ConfluenceContainers {
  /** Template id → space key, and when it was listed. */
  private readonly templates: SharedCache<{ map: Record<string, string>; at: number }>;

  constructor(
    @inject(coreServices.http) private readonly http: ConfluenceHttp,
    @inject(coreServices.site) private readonly site: SiteService,
    @inject(ConfluenceTemplates) private readonly templateList: ConfluenceTemplates,
    @inject(coreServices.rootConfig)
    private readonly config: { readonly allow?: { readonly spaces?: readonly string[] } },
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.templates = caches.define('confluence.template-index', { ttlMs: TTL_MS, scope: 'user' });
  }

  restriction(kind: string, allowed: readonly string[]): string | undefined {
    return kind === 'cql' ? spaceRestriction(spelledAsConfigured(allowed, this.config)) : undefined;
  }

  async containerOf(kind: string, value: string, allowed: readonly string[]): Promise<string | undefined> {
    switch (kind) {
      case 'space':
        return this.space(value, allowed);
      case 'page':
        return this.page(value, allowed);
      case 'comment':
        return /^\d+$/.test(value) ? this.byCql(`type = comment AND id = ${value}`, allowed) : undefined;
      case 'attachment': {
        const n = /^(?:att)?(\d+)$/.exec(value)?.[1];
        return n ? this.byCql(`type = attachment AND (id = "att${n}" OR id = "${n}")`, allowed) : undefined;
      }
      case 'template':
        return this.template(value, allowed);
      default:
        return undefined;
    }
  }

  private space(value: string, allowed: readonly string[]): string | undefined {
    const key = normalSpaceKey(value).toUpperCase();
    return allowed.includes(key) ? key : undefined;
  }

  /** An id, or any URL form: a URL naming its space is decided by the key, one with an id by CQL. */
  private async page(value: string, allowed: readonly string[]): Promise<string | undefined> {
    if (/^\d+$/.test(value)) return this.byId(value, allowed);
    const parsed = parseConfluenceUrl(value, this.site.url);
    if ('id' in parsed) return this.byId(parsed.id, allowed);
    return this.space(parsed.spaceKey, allowed);
  }

  /** Content ids are one number space (pages, blog posts, folders, comments…): the id alone finds it. */
  private byId(id: string, allowed: readonly string[]): Promise<string | undefined> {
    return this.byCql(`id = ${id}`, allowed);
  }

  /** The space of the one result of a query confined to the allowed spaces. */
  private async byCql(cql: string, allowed: readonly string[]): Promise<string | undefined> {
    const res = await this.http
      .request<V1['SearchPageResponseSearchResult']>({
        product: 'confluence',
        method: 'GET',
        path: '/wiki/rest/api/search',
        query: {
          cql: `${spaceRestriction(spelledAsConfigured(allowed, this.config))} AND (${cql})`,
          limit: 1,
          expand: 'content.space',
          excerpt: 'none',
        },
        scopes: ['search:confluence'],
      })
      .catch((e: unknown) => {
        if (isAtlassianMcpError(e) && e.code === 'input') return undefined; // not a content id CQL knows
        throw e;
      });
    const hit = res?.data.results?.[0];
    if (!hit) return undefined;
    const fromUrl = /^\/spaces\/([^/?#]+)/.exec(hit.resultGlobalContainer?.displayUrl ?? '')?.[1];
    const key = hit.content?.space?.key ?? (fromUrl && decodeURIComponent(fromUrl));
    return key ? key.toUpperCase() : undefined;
  }

  /**
   * Space templates of the allowed spaces belong to them; global templates (the site's) belong to
   * no space and may be used in any allowed one.
   */
  private async template(value: string, allowed: readonly string[]): Promise<string | undefined> {
    const load = async () => {
      const map: Record<string, string> = {};
      for (const t of await this.templateList.list(undefined)) if (t.templateId) map[t.templateId] = allowed[0]!;
      for (const key of spelledAsConfigured(allowed, this.config))
        for (const t of await this.templateList.list(key).catch(() => []))
          if (t.templateId) map[t.templateId] = key.toUpperCase();
      return { map, at: Date.now() };
    };
    const key = allowed.join(',');
    let index = await this.templates.getOrLoad(key, load);
    if (!Object.hasOwn(index.map, value) && Date.now() - index.at > REFRESH_MS)
      index = await this.templates.refresh(key, load);
    return Object.hasOwn(index.map, value) ? index.map[value] : undefined;
  }
}
