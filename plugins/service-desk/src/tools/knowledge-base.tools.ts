import * as z from 'zod';
import { inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import type { Article } from '../client/jsm-http.js';
import { JsmKnowledgeBase } from '../client/jsm-knowledge-base.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { DeskContainers } from '../scope/desk-containers.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { cursor, limit, pageSize, serviceDeskId } from './ids.js';

const searchInput = z.object({ query: z.string(), serviceDeskId: serviceDeskId.optional(), limit, cursor });

/** A knowledge-base article as a search hit. */
export type ArticleView = {
  id?: string;
  title: string;
  space?: string;
  excerpt?: string;
  uri?: string;
  url?: string;
};

function articleView(a: Article): ArticleView {
  // SourceDTO is open-ended in the spec; Confluence sources carry pageId and spaceKey.
  const source = (a.source ?? {}) as { pageId?: unknown; spaceKey?: unknown };
  const id = source.pageId === undefined ? undefined : String(source.pageId);
  return {
    id,
    title: a.title ?? '',
    space: typeof source.spaceKey === 'string' ? source.spaceKey : undefined,
    excerpt: a.excerpt?.replace(/@@@(end)?hl@@@/g, ''),
    uri: id ? `servicedesk://kb/${id}` : undefined,
    url: a.content?.iframeSrc,
  };
}

type ArticlePage = { articles: ArticleView[]; nextCursor?: string };

/** Knowledge-base search (articles readable as servicedesk://kb/{articleId}). */
@ToolProvider()
export class KnowledgeBaseTools {
  constructor(
    @inject(JsmKnowledgeBase) private readonly kb: JsmKnowledgeBase,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(DeskContainers) private readonly containers: DeskContainers,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  @Tool({
    name: 'servicedesk_search_knowledge_base',
    title: 'Search knowledge base',
    description: 'Search knowledge-base articles.',
    input: searchInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.knowledgeBase],
    render: (out, kit) => {
      const o = out as ArticlePage;
      if (o.articles.length === 0) return 'No articles match.';
      const hits = o.articles.map((a) =>
        lines(`## ${a.title}${a.space ? ` (${a.space})` : ''}`, a.excerpt, a.uri && `read: ${a.uri}`, a.url),
      );
      return lines(
        kit.fence(hits.join('\n\n'), 'articles'),
        kit.more({ shown: o.articles.length, nextCursor: o.nextCursor, noun: 'articles' }),
      );
    },
    links: (out) =>
      (out.articles as ArticleView[])
        .filter((a) => a.uri)
        .map((a) => ({ uri: a.uri!, name: a.title, mimeType: 'text/markdown' })),
  })
  async search(input: z.infer<typeof searchInput>): Promise<ArticlePage> {
    const size = pageSize(input.limit, this.config.pageSize);
    const desks =
      input.serviceDeskId !== undefined
        ? [await this.directory.resolve(input.serviceDeskId)]
        : this.directory.restricted
          ? await this.directory.visible()
          : [undefined];
    if (desks.length === 1) {
      const desk = desks[0];
      const p = pager('servicedesk.kb', input.cursor, { query: input.query, desk: desk?.id });
      const page = p.jsmPage<Article>(await this.kb.search(input.query, desk?.id, ...jsmArgs(p.jsm(size))));
      const articles = page.items.map(articleView);
      if (desk)
        await this.containers.noteArticles(
          desk.projectKey,
          articles.map((a) => a.id),
        );
      return { articles, nextCursor: page.nextCursor };
    }
    // An allowlist spanning several desks: the first page of each desk's knowledge base.
    const pages = await Promise.all(
      desks.map(async (d) => {
        const articles = ((await this.kb.search(input.query, d!.id, 0, size)).values ?? []).map(articleView);
        await this.containers.noteArticles(
          d!.projectKey,
          articles.map((a) => a.id),
        );
        return articles;
      }),
    );
    return { articles: pages.flat().slice(0, size) };
  }
}

const jsmArgs = (p: { start: number; limit: number }): [number, number] => [p.start, p.limit];
