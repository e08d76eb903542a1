import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluencePages } from '../client/confluence-pages.js';
import { ConfluenceSpaces, type SpaceBean } from '../client/confluence-spaces.js';
import { ConfluenceTree } from '../client/confluence-tree.js';
import { PageReader } from '../client/page-reader.js';
import { SpaceScope } from '../client/space-scope.js';
import { compact, dots, shortTime } from '../view/display.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { cursor, limit, spaceKey, pageSize } from './ids.js';

const listInput = z.object({ limit, cursor });
const getInput = z.object({ spaceKey });
const pagesInput = z.object({
  spaceKey,
  depth: z.enum(['root', 'all']).optional().describe('root: top-level pages only'),
  limit,
  cursor,
});

interface SpaceRow {
  key: string;
  name: string;
  type?: string;
  status?: string;
  id?: string;
  homepageId?: string;
  description?: string;
}

interface PageRow {
  id: string;
  title: string;
  parentId?: string;
  version?: number;
  updated?: string;
}

/** Spaces: list, one space, its pages. */
@ToolProvider()
export class SpaceTools {
  constructor(
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(ConfluenceTree) private readonly tree: ConfluenceTree,
    @inject(ConfluencePages) private readonly pages: ConfluencePages,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(SpaceScope) private readonly scope: SpaceScope,
  ) {}

  @Tool({
    name: 'confluence_list_spaces',
    title: 'List spaces',
    description: 'Spaces you can see: key, name, type, home page id.',
    input: listInput,
    output: pageOut('spaces'),
    readOnly: true,
    toolset: 'pages',
    scopes: ['read:space:confluence'],
    render: (out, kit) =>
      out.spaces.length === 0
        ? 'No spaces.'
        : `${kit.fence((out.spaces as SpaceRow[]).map((s) => dots(s.key, s.name, s.type, s.homepageId && `home ${s.homepageId}`)).join('\n'), 'spaces')}\n${kit.more({ shown: out.spaces.length, nextCursor: out.nextCursor, noun: 'spaces' })}`,
  })
  async listSpaces(input: z.infer<typeof listInput>) {
    const page = await this.spaces.list({
      keys: this.scope.allowed ? [...this.scope.allowed] : undefined,
      limit: pageSize(input.limit, 50),
      cursor: input.cursor,
    });
    return { spaces: page.items.map(spaceRow), nextCursor: page.nextCursor };
  }

  @Tool({
    name: 'confluence_get_space',
    targets: { spaceKey: 'space' },
    title: 'Get space',
    description: 'One space by key: name, type, description, home page.',
    input: getInput,
    output: itemOut,
    readOnly: true,
    toolset: 'browse',
    scopes: ['read:space:confluence', 'read:page:confluence'],
    render: (out, kit) =>
      `${dots(`space ${String(out.key)}`, out.type as string, out.status as string, `id ${out.id}`, out.created ? `created ${String(out.created)}` : undefined)}\n${kit.fence([`# ${String(out.name)}`, out.description, out.homepage && `home page: ${String(out.homepage)}`].filter(Boolean).join('\n'), 'space')}${out.url ? `\n${String(out.url)}` : ''}`,
  })
  async getSpace(input: z.infer<typeof getInput>) {
    const space = await this.spaces.find(input.spaceKey);
    this.scope.assertKey(String(space.key));
    const home = space.homepageId ? (await this.pages.many([String(space.homepageId)]))[0] : undefined;
    return compact({
      ...spaceRow(space),
      id: String(space.id),
      created: shortTime(space.createdAt)?.slice(0, 10),
      homepage: home ? `${String(home.id)} ${home.title ?? ''}` : undefined,
      url: this.reader.url(space._links?.webui),
    });
  }

  @Tool({
    name: 'confluence_get_space_pages',
    targets: { spaceKey: 'space' },
    title: 'Space pages',
    description: 'Pages of a space (all, or top level only), with parent ids to rebuild the tree.',
    input: pagesInput,
    output: pageOut('pages'),
    readOnly: true,
    toolset: 'browse',
    scopes: ['read:space:confluence', 'read:page:confluence'],
    render: (out, kit) =>
      out.pages.length === 0
        ? 'No pages.'
        : `${kit.fence((out.pages as PageRow[]).map((p) => dots(p.id, p.title, p.parentId && `parent ${p.parentId}`, p.version !== undefined && `v${p.version}`, p.updated)).join('\n'), 'pages')}\n${kit.more({ shown: out.pages.length, nextCursor: out.nextCursor, noun: 'pages' })}`,
  })
  async getSpacePages(input: z.infer<typeof pagesInput>) {
    const space = await this.spaces.find(input.spaceKey);
    this.scope.assertKey(String(space.key));
    const page = await this.tree.spacePages(String(space.id), {
      root: input.depth === 'root',
      limit: pageSize(input.limit, 50),
      cursor: input.cursor,
    });
    return {
      space: space.key,
      pages: page.items.map((p) =>
        compact({
          id: String(p.id),
          title: p.title ?? '',
          parentId: p.parentId ? String(p.parentId) : undefined,
          version: p.version?.number,
          updated: shortTime(p.version?.createdAt)?.slice(0, 10),
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }
}

function spaceRow(s: SpaceBean): SpaceRow {
  const description = (s.description as { plain?: { value?: string } } | undefined)?.plain?.value;
  return compact({
    key: String(s.key),
    name: s.name ?? '',
    type: s.type,
    status: s.status !== 'current' ? s.status : undefined,
    homepageId: s.homepageId ? String(s.homepageId) : undefined,
    description: description?.trim() || undefined,
  });
}
