import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluencePages } from '../client/confluence-pages.js';
import { ConfluenceSpaces } from '../client/confluence-spaces.js';
import { ConfluenceUsers } from '../client/confluence-users.js';
import { PageReader } from '../client/page-reader.js';
import { PageWriter } from '../client/page-writer.js';
import { SpaceScope } from '../client/space-scope.js';
import { confluenceSettings, type ConfluenceConfig } from '../config.js';
import { PageBody } from '../content/page-body.js';
import { compact, dots, shortTime } from '../view/display.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { cursor, limit, pageSize, spaceKey } from './ids.js';

const listInput = z.object({ spaceKey: spaceKey.optional(), limit, cursor });
const createInput = z.object({
  spaceKey: spaceKey.optional(),
  title: z.string(),
  body: z.string().describe('Markdown'),
});

type PostRow = { id: string; title: string; space?: string; author?: string; created?: string };

/** Blog posts: newest first, and new ones. Reading one is confluence_get_page (by id or URL). */
@ToolProvider()
export class BlogTools {
  constructor(
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(PageWriter) private readonly writer: PageWriter,
    @inject(PageBody) private readonly body: PageBody,
    @inject(SpaceScope) private readonly scope: SpaceScope,
    @inject(confluenceSettings) private readonly settings: ConfluenceConfig,
  ) {}

  @Tool({
    name: 'confluence_list_blog_posts',
    targets: { spaceKey: 'space' },
    title: 'List blog posts',
    description: 'Blog posts, newest first, of a space or the whole site; read one with confluence_get_page.',
    input: listInput,
    output: pageOut('posts'),
    readOnly: true,
    toolset: 'blog',
    scopes: ['read:page:confluence', 'read:space:confluence', 'read:user:confluence'],
    render: (out, kit) =>
      out.posts.length === 0
        ? 'No blog posts.'
        : `${kit.fence((out.posts as PostRow[]).map((p) => dots(p.id, p.space, p.title, p.created, p.author)).join('\n'), 'posts')}\n${kit.more({ shown: out.posts.length, nextCursor: out.nextCursor, noun: 'posts' })}`,
  })
  async listBlogPosts(input: z.infer<typeof listInput>) {
    const spaceIds = input.spaceKey
      ? [await this.allowedSpace(input.spaceKey)]
      : this.scope.allowed
        ? await Promise.all(this.scope.allowed.map((k) => this.spaces.idOf(k)))
        : undefined;
    const page = await this.pages.list('blogpost', {
      spaceIds,
      limit: pageSize(input.limit, 25),
      cursor: input.cursor,
    });
    const names = await this.users.names(page.items.map((p) => p.authorId));
    const keys = new Map(
      await Promise.all(
        [...new Set(page.items.map((p) => String(p.spaceId)))].map(
          async (id) => [id, await this.spaces.keyOf(id)] as const,
        ),
      ),
    );
    return {
      posts: page.items.map((p) =>
        compact({
          id: String(p.id),
          title: p.title ?? '',
          space: keys.get(String(p.spaceId)),
          author: names.get(p.authorId ?? ''),
          created: shortTime(p.createdAt)?.slice(0, 10),
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  @Tool({
    name: 'confluence_create_blog_post',
    targets: { spaceKey: 'space' },
    title: 'Create blog post',
    description: 'Publish a blog post in a space from Markdown.',
    input: createInput,
    output: itemOut,
    readOnly: false,
    toolset: 'blog',
    scopes: ['read:space:confluence', 'write:page:confluence'],
    render: (out, kit) =>
      `Published blog post ${out.id} "${kit.inline(String(out.title))}" in ${String(out.space)}: ${String(out.url ?? '')}`,
  })
  async createBlogPost(input: z.infer<typeof createInput>) {
    if (input.title.trim() === '') throw new InputError('The blog post needs a title.');
    const key = input.spaceKey ?? this.settings.defaultSpace;
    if (key === undefined)
      throw new InputError('Which space? Pass `spaceKey`.', { hint: 'confluence_list_spaces lists them.' });
    const spaceId = await this.allowedSpace(key);
    const { bean } = await this.writer.create('blogpost', {
      spaceId,
      title: input.title,
      storage: await this.body.toStorage(input.body),
    });
    return {
      id: String(bean.id),
      title: bean.title,
      space: await this.spaces.keyOf(spaceId),
      url: this.reader.url(bean._links?.webui),
    };
  }

  private async allowedSpace(key: string): Promise<string> {
    this.scope.assertKey(key);
    return this.spaces.idOf(key);
  }
}
