import { apiPath, coreServices, inject, Service, type HttpService, type RichTextService } from '@atlassian-mcp/core';

/** A knowledge-base article's content. */
export type ArticleContent = { id: string; title: string; space?: string; markdown: string };

/** Confluence's scope for reading a page (KB articles are pages of the desk's linked space). */
export const READ_PAGE_SCOPE = 'read:page:confluence';

/**
 * Knowledge-base articles are Confluence pages of the spaces linked to the desks: JSM's API gives
 * only search hits, so the article itself is read from Confluence (storage → Markdown).
 */
@Service()
export class KnowledgeArticles {
  constructor(
    @inject(coreServices.http) private readonly http: HttpService,
    @inject(coreServices.content) private readonly content: RichTextService,
  ) {}

  async get(articleId: string): Promise<ArticleContent> {
    const res = await this.http.request<{
      id?: string;
      title?: string;
      spaceId?: string;
      body?: { storage?: { value?: string } };
    }>({
      product: 'confluence',
      method: 'GET',
      path: apiPath`/wiki/api/v2/pages/${articleId}`,
      query: { 'body-format': 'storage' },
      scopes: [READ_PAGE_SCOPE],
    });
    const page = res.data;
    return {
      id: String(page.id ?? articleId),
      title: page.title ?? '',
      markdown: this.content.storageToMarkdown(page.body?.storage?.value ?? ''),
    };
  }
}
