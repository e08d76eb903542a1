import {
  inject,
  Resource,
  ResourceProvider,
  type ListedResource,
  type ResourceContent,
  type ResourceContext,
} from '@atlassian-mcp/core';
import { JsmDesks } from '../client/jsm-desks.js';
import type { Article } from '../client/jsm-http.js';
import { JsmKnowledgeBase } from '../client/jsm-knowledge-base.js';
import { JsmRequests, REQUEST_EXPANDS } from '../client/jsm-requests.js';
import { KnowledgeArticles, READ_PAGE_SCOPE } from '../client/knowledge-articles.js';
import { DeskContainers } from '../scope/desk-containers.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { requestTypeLine, requestTypeView } from '../view/desk-views.js';
import { lines } from '../view/format.js';
import { renderRequest } from '../view/request-render.js';
import { RequestViews } from '../view/request-views.js';

const md = (uri: URL, text: string): ResourceContent[] => [{ uri: uri.href, mimeType: 'text/markdown', text }];

/** `servicedesk://desk/{id}`, `servicedesk://request/{key}` and `servicedesk://kb/{articleId}`, listed and completed. */
@ResourceProvider()
export class ServiceDeskResources {
  constructor(
    @inject(JsmDesks) private readonly desks: JsmDesks,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(JsmKnowledgeBase) private readonly kb: JsmKnowledgeBase,
    @inject(KnowledgeArticles) private readonly articles: KnowledgeArticles,
    @inject(RequestViews) private readonly views: RequestViews,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(DeskContainers) private readonly containers: DeskContainers,
  ) {}

  @Resource({
    name: 'servicedesk-desk',
    uri: 'servicedesk://desk/{id}',
    title: 'Service desk',
    description: 'A service desk and its request types by group',
    mimeType: 'text/markdown',
    list: 'listDesks',
    complete: { id: 'completeDesk' },
    scopes: [SCOPE.read],
    targets: { id: 'desk' },
  })
  async readDesk(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const desk = await this.directory.resolve(variables.id!);
    const [groups, types] = await Promise.all([
      this.desks.groups(desk.id),
      this.desks.requestTypes(desk.id, { start: 0, limit: 100 }),
    ]);
    const rows = (types.values ?? []).map((t) => requestTypeLine(requestTypeView(t, groups)));
    return md(
      uri,
      lines(
        `# ${ctx.render.inline(desk.projectName)} (${desk.projectKey}, desk ${desk.id})`,
        ctx.render.fence(rows.join('\n'), 'request types'),
      ),
    );
  }

  async listDesks(): Promise<ListedResource[]> {
    return (await this.directory.visible()).map((d) => ({
      uri: `servicedesk://desk/${d.id}`,
      name: d.projectKey,
      title: `${d.projectKey} ${d.projectName}`,
      mimeType: 'text/markdown',
    }));
  }

  async completeDesk(prefix: string): Promise<string[]> {
    const p = prefix.trim().toUpperCase();
    return (await this.directory.visible())
      .flatMap((d) => [d.id, d.projectKey])
      .filter((v) => v.toUpperCase().startsWith(p));
  }

  @Resource({
    name: 'servicedesk-request',
    uri: 'servicedesk://request/{key}',
    title: 'Service request',
    description: 'A request: fields, status, SLAs, participants, labelled comments',
    mimeType: 'text/markdown',
    list: 'listRequests',
    complete: { key: 'completeRequestKey' },
    scopes: [SCOPE.read],
    targets: { key: 'request' },
  })
  async readRequest(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const r = await this.requests.get(variables.key!, REQUEST_EXPANDS);
    return md(uri, renderRequest(this.views.detail(r), ctx.render));
  }

  async listRequests(): Promise<ListedResource[]> {
    const page = await this.requests.list(
      { requestStatus: 'OPEN_REQUESTS', requestOwnership: ['ALL_REQUESTS'] },
      0,
      50,
    );
    return (page.values ?? [])
      .filter((r) => this.directory.allows(r.issueKey?.replace(/-\d+$/, '')))
      .map((r) => ({
        uri: `servicedesk://request/${r.issueKey}`,
        name: r.issueKey ?? '',
        title: `${r.issueKey} ${r.summary ?? ''}`,
        mimeType: 'text/markdown',
      }));
  }

  async completeRequestKey(prefix: string): Promise<string[]> {
    const value = prefix.trim().toUpperCase();
    const dash = value.indexOf('-');
    const desks = await this.directory.visible();
    if (dash < 1) return desks.map((d) => `${d.projectKey}-`).filter((k) => k.startsWith(value));
    const desk = desks.find((d) => d.projectKey === value.slice(0, dash));
    if (!desk) return [];
    const page = await this.requests.list({ serviceDeskId: desk.id, requestOwnership: ['ALL_REQUESTS'] }, 0, 100);
    return (page.values ?? []).map((r) => r.issueKey ?? '').filter((k) => k.startsWith(value));
  }

  @Resource({
    name: 'servicedesk-kb-article',
    uri: 'servicedesk://kb/{articleId}',
    title: 'Knowledge-base article',
    description: 'A knowledge-base article (a Confluence page) as Markdown',
    mimeType: 'text/markdown',
    complete: { articleId: 'completeArticle' },
    scopes: [SCOPE.read, READ_PAGE_SCOPE],
    // Under a project allowlist, only articles a permitted desk's search returned.
    targets: { articleId: 'article' },
  })
  async readArticle(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const a = await this.articles.get(variables.articleId!);
    const { inline, fence } = ctx.render;
    return md(uri, lines(`# ${inline(a.title)}`, a.space && `space ${inline(a.space)}`, fence(a.markdown, 'article')));
  }

  /** Article ids whose articles match the words typed so far. */
  async completeArticle(prefix: string): Promise<string[]> {
    const words = prefix.trim();
    if (words.length < 2 || /^\d+$/.test(words)) return [];
    const pageIds = (values: Article[] | undefined) =>
      (values ?? [])
        .map((a) => (a.source as { pageId?: unknown } | undefined)?.pageId)
        .filter((id): id is string | number => id !== undefined)
        .map(String);
    if (!this.directory.restricted) return pageIds((await this.kb.search(words, undefined, 0, 20)).values);
    // Under a project allowlist, only the allowed desks' articles (then readable as resources).
    const out: string[] = [];
    for (const desk of await this.directory.visible()) {
      const ids = pageIds((await this.kb.search(words, desk.id, 0, 20)).values);
      await this.containers.noteArticles(desk.projectKey, ids);
      out.push(...ids);
    }
    return out.slice(0, 20);
  }
}
