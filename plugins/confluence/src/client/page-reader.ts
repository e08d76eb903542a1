import { coreServices, inject, isAtlassianMcpError, Service, type SiteService } from '@atlassian-mcp/core';
import { confluenceDocument, PageBody } from '../content/page-body.js';
import { shortTime } from '../view/display.js';
import type { PageView } from '../view/page-view.js';
import { ConfluencePages, type PageBean, type PageKind } from './confluence-pages.js';
import { ConfluenceSpaces } from './confluence-spaces.js';
import { ConfluenceTree } from './confluence-tree.js';
import { ConfluenceUsers } from './confluence-users.js';
import type { PageAddress } from './page-locator.js';
import { SpaceScope } from './space-scope.js';

/** A page read for the model: the bean, its storage, and the view built from them. */
export interface ReadPage {
  bean: PageBean;
  kind: PageKind;
  storage: string;
  view: PageView;
}

/**
 * Reads a page and everything its header names (space key, people, ancestors' titles) — within
 * the space allowlist — and renders its body as Markdown.
 */
@Service()
export class PageReader {
  constructor(
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(ConfluenceTree) private readonly tree: ConfluenceTree,
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
    @inject(SpaceScope) private readonly scope: SpaceScope,
    @inject(PageBody) private readonly body: PageBody,
    @inject(coreServices.site) private readonly site: SiteService,
  ) {}

  /** The bean with its storage (and labels), after the allowlist check. A bare id may be a blog post. */
  async bean(
    addr: PageAddress,
    options: { version?: number; labels?: boolean; body?: boolean; trashed?: boolean } = {},
  ): Promise<{ bean: PageBean; kind: PageKind }> {
    const get = (kind: PageKind) => this.pages.get(addr.id, { kind, ...options });
    let kind = addr.kind;
    const bean = await get(kind).catch(async (e: unknown) => {
      // A bare id does not say whether it is a page or a blog post: try the other before giving up.
      if (kind !== 'page' || !isAtlassianMcpError(e) || e.code !== 'not_found') throw e;
      kind = 'blogpost';
      return get(kind).catch(() => {
        throw e;
      });
    });
    await this.scope.assertSpaceId(bean.spaceId);
    return { bean, kind };
  }

  /** Refuses a page outside the space allowlist, without requesting it (free when no allowlist is set). */
  async assertAllowed(addr: PageAddress): Promise<void> {
    if (this.scope.active) await this.scope.check('page', addr.id);
  }

  async read(addr: PageAddress, options: { version?: number } = {}): Promise<ReadPage> {
    const { bean, kind } = await this.bean(addr, { version: options.version, labels: true });
    const storage = bean.body?.storage?.value ?? '';
    const ancestorIds = kind === 'page' && bean.parentId ? this.tree.ancestors(String(bean.id)) : Promise.resolve([]);
    const [space, names, ancestors] = await Promise.all([
      bean.spaceId ? this.spaces.keyOf(String(bean.spaceId)) : undefined,
      this.users.names([bean.version?.authorId, bean.authorId, ...this.body.mentions(storage)]),
      ancestorIds.then(async (list) => {
        const ids = list.map((a) => String(a.id));
        const titles = new Map((await this.pages.many(ids)).map((p) => [String(p.id), p.title ?? '']));
        return ids.map((id) => titles.get(id) ?? `folder ${id}`);
      }),
    ]);
    const view: PageView = {
      id: String(bean.id),
      type: kind,
      title: bean.title ?? '',
      space,
      version: bean.version?.number ?? 0,
      ...(bean.status && bean.status !== 'current' ? { status: bean.status } : {}),
      author: names.get(bean.version?.authorId ?? ''),
      updated: shortTime(bean.version?.createdAt),
      ...(bean.version?.message ? { message: bean.version.message } : {}),
      createdBy: names.get(bean.authorId ?? ''),
      created: shortTime(bean.createdAt)?.slice(0, 10),
      ...(bean.parentId ? { parentId: String(bean.parentId) } : {}),
      ...(ancestors.length ? { path: ancestors } : {}),
      ...(bean.labels?.results?.length ? { labels: bean.labels.results.map((l) => l.name ?? '') } : {}),
      // The tiny link: a third of the tokens of the long one, and it survives renames and moves.
      url: this.url(bean._links?.tinyui ?? bean._links?.webui),
      body: this.body.toMarkdown(storage, names, confluenceDocument.page(String(bean.id), options.version)),
    };
    return { bean, kind, storage, view };
  }

  /** An absolute link to a page (`_links.webui` is relative to `/wiki`). */
  url(webui: string | undefined): string | undefined {
    if (!webui) return undefined;
    return this.site.url ? `${this.site.url.replace(/\/+$/, '')}/wiki${webui}` : `/wiki${webui}`;
  }
}
