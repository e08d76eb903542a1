import {
  coreServices,
  inject,
  isAtlassianMcpError,
  Service,
  type HttpService,
  type MetadataCacheService,
  type SharedCache,
} from '@atlassian-mcp/core';
import { JsmRequests } from '../client/jsm-requests.js';
import { DeskDirectory } from './desk-directory.js';

/** How long an article seen in a desk's search stays readable as that desk's. */
const ARTICLE_TTL_MS = 60 * 60_000;
const REQUEST_KEY = /^([A-Za-z][A-Za-z0-9_]*)-\d+$/;

/**
 * Which project (the allowlist's unit: `allow.projects`) a Service Management reference lives in,
 * found without requesting a reference that is outside: a desk from the site's desk list, a request
 * key from its prefix (confirmed by reading it, as a moved request keeps its old key), a numeric
 * request id through a Jira search confined to the allowed projects; a knowledge-base article by the
 * desk whose search returned it.
 */
@Service()
export class DeskContainers {
  /**
   * Knowledge-base articles (Confluence page ids) seen in a desk's search, by the desk's project;
   * per site (the answer only admits the id to the allowlist: the read runs with the caller's
   * credentials) and shared by hosted replicas, so a search on one replica admits the read on another.
   */
  private readonly articles: SharedCache<string>;

  constructor(
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(coreServices.http) private readonly http: HttpService,
    @inject(coreServices.cache) caches: MetadataCacheService,
  ) {
    this.articles = caches.define<string>('jsm.kb-articles', { ttlMs: ARTICLE_TTL_MS, scope: 'site' });
  }

  async containerOf(
    kind: string,
    value: string,
    allowed: readonly string[],
    trusted: boolean,
  ): Promise<string | undefined> {
    if (kind === 'desk') return (await this.directory.find(value))?.projectKey;
    if (kind === 'request') return this.request(value, allowed, trusted);
    // An article is a Confluence page: it belongs to a desk only as a hit of that desk's search.
    if (kind === 'article') return this.articles.get(value);
    return undefined;
  }

  /** Remembers the articles a desk's knowledge-base search returned (readable as `servicedesk://kb/{id}`). */
  async noteArticles(projectKey: string, pageIds: Array<string | undefined>): Promise<void> {
    await Promise.all(pageIds.flatMap((id) => (id === undefined ? [] : [this.articles.set(id, projectKey)])));
  }

  private async request(value: string, allowed: readonly string[], trusted: boolean): Promise<string | undefined> {
    const key = REQUEST_KEY.exec(value);
    if (key) {
      const prefix = key[1]!.toUpperCase();
      if (!allowed.includes(prefix)) return undefined;
      if (trusted) return prefix;
      const r = await this.requests.get(value).catch(absent);
      return r?.serviceDeskId === undefined ? undefined : (await this.directory.find(r.serviceDeskId))?.projectKey;
    }
    if (!/^\d+$/.test(value)) return undefined;
    const jql = `project in (${allowed.map((p) => `"${p.replace(/["\\]/g, '')}"`).join(', ')}) AND issue = ${value}`;
    const res = await this.http
      .request<{ issues?: Array<{ fields?: { project?: { key?: string } } }> }>({
        product: 'jsm',
        method: 'GET',
        path: '/rest/api/3/search/jql',
        query: { jql, fields: 'project', maxResults: 1 },
      })
      .catch(absent);
    return res?.data.issues?.[0]?.fields?.project?.key;
  }
}

/** A reference Atlassian does not know (404, or 400 for a malformed one) is in no container. */
function absent(e: unknown): undefined {
  if (isAtlassianMcpError(e) && (e.code === 'not_found' || e.code === 'input')) return undefined;
  throw e;
}
