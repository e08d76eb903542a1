import {
  apiPath,
  ConflictError,
  coreServices,
  InputError,
  inject,
  isAtlassianMcpError,
  NotFoundError,
  pager,
  Service,
  type Page,
} from '@atlassian-mcp/core';
import { linkedPage, type ConfluenceHttp, type V2, type V2List } from './confluence-http.js';

export type PageBean = V2['PageSingle'];
export type PageKind = 'page' | 'blogpost';
type Write = { title: string; storage: string };

const plural = (kind: PageKind) => (kind === 'page' ? 'pages' : 'blogposts');

/** Pages and blog posts through v2: read (any version), find by title, create, update, trash. */
@Service()
export class ConfluencePages {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** One page (or blog post) with its storage body, labels and version; `version` reads an older one. */
  async get(
    id: string,
    options: { kind?: PageKind; version?: number; body?: boolean; labels?: boolean; trashed?: boolean } = {},
  ) {
    const kind = options.kind ?? 'page';
    const res = await this.http
      .request<PageBean>({
        product: 'confluence',
        method: 'GET',
        path: kind === 'page' ? apiPath`/wiki/api/v2/pages/${id}` : apiPath`/wiki/api/v2/blogposts/${id}`,
        query: {
          'body-format': options.body === false ? undefined : 'storage',
          version: options.version,
          'include-labels': options.labels || undefined,
          // A trashed (or archived) page is found only when asked for by status; blog posts are never archived.
          status: options.trashed
            ? kind === 'page'
              ? ['current', 'archived', 'draft', 'trashed']
              : ['current', 'draft', 'trashed']
            : undefined,
        },
      })
      .catch((e: unknown) => notFound(e, `${kind === 'page' ? 'Page' : 'Blog post'} ${id}`, options.version));
    return res.data;
  }

  /** Pages (or blog posts) by id, without bodies: titles for breadcrumbs and lists. */
  async many(ids: string[], kind: PageKind = 'page'): Promise<PageBean[]> {
    if (ids.length === 0) return [];
    const res = await this.http.request<V2List<PageBean>>({
      product: 'confluence',
      method: 'GET',
      path: `/wiki/api/v2/${plural(kind)}`,
      query: { id: ids, limit: Math.min(250, ids.length) },
    });
    return res.data.results ?? [];
  }

  /** Pages or blog posts, newest first, of some spaces or the whole site. */
  async list(
    kind: PageKind,
    options: { spaceIds?: string[]; limit: number; cursor?: string },
  ): Promise<Page<PageBean>> {
    const paging = pager(`confluence.${plural(kind)}`, options.cursor, { spaceIds: options.spaceIds });
    const first = `/wiki/api/v2/${plural(kind)}`;
    return linkedPage<PageBean>(this.http, paging, first, {
      'space-id': options.spaceIds,
      status: 'current',
      sort: '-created-date',
      limit: options.limit,
    });
  }

  /** The current page of a space with exactly this title, if any. */
  async byTitle(spaceId: string, title: string, kind: PageKind = 'page'): Promise<PageBean | undefined> {
    const res = await this.http.request<V2List<PageBean>>({
      product: 'confluence',
      method: 'GET',
      path: `/wiki/api/v2/${plural(kind)}`,
      query: { 'space-id': spaceId, title, status: 'current', limit: 1 },
    });
    return res.data.results?.[0];
  }

  async create(kind: PageKind, page: Write & { spaceId: string; parentId?: string }): Promise<PageBean> {
    const res = await this.http
      .request<PageBean>({
        product: 'confluence',
        method: 'POST',
        path: `/wiki/api/v2/${plural(kind)}`,
        body: {
          spaceId: page.spaceId,
          status: 'current',
          title: page.title,
          ...(kind === 'page' && page.parentId ? { parentId: page.parentId } : {}),
          body: { representation: 'storage', value: page.storage },
        },
        writeKey: page.spaceId,
        // Titles are unique in a space: a lost create is the page with this title.
        reconcile: {
          check: `is there a ${kind} titled "${page.title}" in the space (confluence_get_page with spaceKey and title)? Create it again only if there is not.`,
          find: async () => {
            const found = await this.byTitle(page.spaceId, page.title, kind);
            return found ? { found: true, data: found } : { found: false };
          },
        },
      })
      .catch(storageRejected);
    return res.data;
  }

  /**
   * Writes version `current + 1`. A 409 (someone saved in between) is a ConflictError naming
   * the version the page is at now: never a silent overwrite.
   */
  async update(
    id: string,
    page: Write & { kind?: PageKind; current: number; message?: string; parentId?: string; status?: string },
  ): Promise<PageBean> {
    const kind = page.kind ?? 'page';
    const res = await this.http
      .request<PageBean>({
        product: 'confluence',
        method: 'PUT',
        path: kind === 'page' ? apiPath`/wiki/api/v2/pages/${id}` : apiPath`/wiki/api/v2/blogposts/${id}`,
        body: {
          id,
          status: page.status ?? 'current',
          title: page.title,
          ...(page.parentId ? { parentId: page.parentId } : {}),
          body: { representation: 'storage', value: page.storage },
          version: { number: page.current + 1, ...(page.message ? { message: page.message } : {}) },
        },
        // Sent twice, the second save would be refused as stale: a lost answer is looked up instead.
        idempotent: false,
        writeKey: id,
        reconcile: {
          check: `confluence_get_page {pageId: "${id}"}: is it at version ${page.current + 1} with your change? Edit again only if it is still at ${page.current}.`,
          find: async () => {
            const now = await this.get(id, { kind });
            const v = now.version?.number;
            if (v === page.current) return { found: false };
            if (v === page.current + 1 && now.title === page.title && now.body?.storage?.value === page.storage)
              return { found: true, data: now };
            throw new Error(`page ${id} is at version ${String(v)}, not the one this write would have made`);
          },
        },
      })
      .catch((e: unknown) => {
        if (isAtlassianMcpError(e) && e.code === 'conflict') throw staleVersion(id, page.current, e);
        return storageRejected(e);
      });
    return res.data;
  }

  /** Moves a page to the trash (`purge`: removes a trashed one for good). */
  async trash(id: string, options: { kind?: PageKind; purge?: boolean } = {}): Promise<void> {
    const kind = options.kind ?? 'page';
    await this.http.request({
      product: 'confluence',
      method: 'DELETE',
      path: kind === 'page' ? apiPath`/wiki/api/v2/pages/${id}` : apiPath`/wiki/api/v2/blogposts/${id}`,
      query: { purge: options.purge || undefined },
    });
  }
}

/** A stale write: the message names the version the page is at now. */
export function staleVersion(id: string, sent: number, cause?: unknown, current?: number): ConflictError {
  const now =
    current ?? Number(/current version is:?\s*(\d+)/i.exec(String((cause as Error | undefined)?.message))?.[1]);
  const at = Number.isFinite(now) && now > 0 ? `version ${now}` : 'a newer version';
  return new ConflictError(`Page ${id} is at ${at}; your edit was made on version ${sent}. Nothing was written.`, {
    cause,
    hint: `Read the page again (confluence_get_page) and apply your change to ${at}.`,
  });
}

function notFound(error: unknown, what: string, version?: number): never {
  if (isAtlassianMcpError(error) && error.code === 'not_found')
    throw new NotFoundError(
      `${what}${version ? ` has no version ${version}` : ' was not found, or you cannot see it'}.`,
      {
        cause: error,
        hint: version
          ? 'confluence_get_page_versions lists the versions.'
          : 'Check the id; confluence_search finds pages by title or text.',
      },
    );
  throw error;
}

/** Confluence refusing the body (malformed XHTML, bad macro) keeps its words and says what to change. */
function storageRejected(error: unknown): never {
  if (isAtlassianMcpError(error) && error.code === 'input' && /xhtml|storage|parse|macro/i.test(error.message))
    throw new InputError(
      `Confluence rejected the page body: ${error.message.replace(/^Atlassian rejected the request: /, '')}`,
      {
        cause: error,
        hint: 'Keep ⟦…⟧ placeholders exactly as read and write plain Markdown around them; raw HTML tags must be closed.',
      },
    );
  throw error;
}
