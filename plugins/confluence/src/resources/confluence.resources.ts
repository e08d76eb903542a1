import {
  InputError,
  inject,
  Resource,
  ResourceProvider,
  type ListedResource,
  type ResourceContent,
  type ResourceContext,
} from '@atlassian-mcp/core';
import { ConfluenceAttachments } from '../client/confluence-attachments.js';
import { ConfluenceSearch } from '../client/confluence-search.js';
import { ConfluenceSpaces } from '../client/confluence-spaces.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { SpaceScope } from '../client/space-scope.js';
import { TEXT_TYPES } from '../view/attachment-view.js';
import { renderPage } from '../view/page-view.js';

const RECENT_CQL = 'type = page AND lastmodified >= now("-30d") ORDER BY lastmodified DESC';

/** `confluence://page/{id}`, `confluence://space/{key}`, `confluence://attachment/{id}`: listed and completed. */
@ResourceProvider()
export class ConfluenceResources {
  constructor(
    @inject(PageReader) private readonly reader: PageReader,
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(ConfluenceSearch) private readonly search: ConfluenceSearch,
    @inject(ConfluenceAttachments) private readonly attachments: ConfluenceAttachments,
    @inject(SpaceScope) private readonly scope: SpaceScope,
  ) {}

  @Resource({
    name: 'confluence-page',
    uri: 'confluence://page/{id}',
    title: 'Confluence page',
    description: 'A page as Markdown with its header (space, version, author, breadcrumb, labels)',
    mimeType: 'text/markdown',
    list: 'listPages',
    complete: { id: 'completePageId' },
    scopes: [
      'read:page:confluence',
      'read:space:confluence',
      'read:user:confluence',
      'read:content.metadata:confluence',
    ],
    targets: { id: 'page' },
  })
  async readPage(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const { view } = await this.reader.read(await this.locator.resolve(pageIdOf(variables.id!)));
    return [{ uri: uri.href, mimeType: 'text/markdown', text: renderPage(view, ctx.render) }];
  }

  /** Recently updated pages of the allowed spaces. */
  async listPages(): Promise<ListedResource[]> {
    const page = await this.search.cql(RECENT_CQL, 50);
    return page.items
      .map((hit) => hit.content as { id?: string; title?: string; space?: { key?: string } } | undefined)
      .filter((c): c is { id: string; title?: string; space?: { key?: string } } => !!c?.id)
      .map((c) => ({
        uri: `confluence://page/${c.id}`,
        name: c.id,
        title: `${c.space?.key ? `${c.space.key}: ` : ''}${c.title ?? ''}`,
        mimeType: 'text/markdown',
      }));
  }

  /** Page ids whose title starts with what was typed (or ids starting with the digits typed). */
  async completePageId(prefix: string): Promise<string[]> {
    const typed = prefix.trim();
    const words = typed.replace(/["\\*?]/g, ' ').trim();
    const cql =
      /^\d+$/.test(typed) || words === ''
        ? RECENT_CQL
        : `type = page AND (title ~ "${words}" OR title ~ "${words}*") ORDER BY lastmodified DESC`;
    const page = await this.search.cql(cql, 25);
    return page.items
      .map((h) => (h.content as { id?: string } | undefined)?.id ?? '')
      .filter((id) => id !== '' && (!/^\d+$/.test(typed) || id.startsWith(typed)));
  }

  @Resource({
    name: 'confluence-space',
    uri: 'confluence://space/{key}',
    title: 'Confluence space',
    description: 'A space: name, type, description, home page',
    mimeType: 'text/markdown',
    list: 'listSpaces',
    complete: { key: 'completeSpaceKey' },
    scopes: ['read:space:confluence'],
    targets: { key: 'space' },
  })
  async readSpace(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    this.scope.assertKey(variables.key!);
    const s = await this.spaces.byKey(variables.key!);
    const description = (s.description as { plain?: { value?: string } } | undefined)?.plain?.value;
    const text = [
      `# ${s.key} · ${ctx.render.inline(s.name)}`,
      [
        s.type,
        s.status !== 'current' ? s.status : undefined,
        s.homepageId ? `home page ${String(s.homepageId)}` : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      description ? ctx.render.fence(description, 'description') : undefined,
    ]
      .filter(Boolean)
      .join('\n');
    return [{ uri: uri.href, mimeType: 'text/markdown', text }];
  }

  async listSpaces(): Promise<ListedResource[]> {
    const page = await this.spaces.list({ keys: this.scope.allowed ? [...this.scope.allowed] : undefined, limit: 100 });
    return page.items.map((s) => ({
      uri: `confluence://space/${s.key}`,
      name: String(s.key),
      title: `${s.key} ${s.name ?? ''}`,
      mimeType: 'text/markdown',
    }));
  }

  async completeSpaceKey(prefix: string): Promise<string[]> {
    const typed = prefix.trim().toUpperCase();
    return (await this.listSpaces()).map((s) => s.name).filter((k) => k.toUpperCase().startsWith(typed));
  }

  @Resource({
    name: 'confluence-attachment',
    uri: 'confluence://attachment/{id}',
    title: 'Confluence attachment',
    description: 'The content of a page attachment (text files as text)',
    complete: { id: 'completeAttachmentId' },
    scopes: ['read:attachment:confluence'],
    targets: { id: 'attachment' },
  })
  async readAttachment(uri: URL, variables: Record<string, string>): Promise<ResourceContent[]> {
    const bean = await this.attachments.get(attachmentIdOf(variables.id!));
    const on = bean.pageId ?? bean.blogPostId;
    if (on) await this.reader.assertAllowed({ id: String(on), kind: bean.pageId ? 'page' : 'blogpost' });
    const bytes = await this.attachments.content(bean);
    const mimeType = bean.mediaType ?? 'application/octet-stream';
    if (TEXT_TYPES.test(mimeType)) return [{ uri: uri.href, mimeType, text: Buffer.from(bytes).toString('utf8') }];
    return [{ uri: uri.href, mimeType, blob: Buffer.from(bytes).toString('base64') }];
  }

  /** Attachment ids of recently changed files. */
  async completeAttachmentId(prefix: string): Promise<string[]> {
    const page = await this.search.cql('type = attachment ORDER BY lastmodified DESC', 25);
    return page.items
      .map((h) => (h.content as { id?: string } | undefined)?.id ?? '')
      .filter((id) => id !== '' && id.startsWith(prefix.trim()));
  }
}

/** The page id of a resource URI, checked before any request. */
function pageIdOf(id: string): string {
  if (!/^\d+$/.test(id))
    throw new InputError(`confluence://page/${id.slice(0, 40)} does not name a page: the id is a number.`);
  return id;
}

/** The attachment id of a resource URI (`att123` or the bare number), checked before any request. */
function attachmentIdOf(id: string): string {
  if (!/^(att)?\d+$/.test(id))
    throw new InputError(`confluence://attachment/${id.slice(0, 40)} does not name an attachment (att1234).`);
  return id;
}
