import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceTree } from '../client/confluence-tree.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { compact, dots } from '../view/display.js';
import { pageOut } from '../view/outputs.js';
import { cursor, limit, pageRef, pageSize } from './ids.js';

const childrenInput = z.object({
  pageId: pageRef,
  depth: z.number().int().optional().describe('Levels below (default 1)'),
  limit,
  cursor,
});

interface TreeRow {
  id: string;
  title: string;
  type?: string;
  depth: number;
  parentId?: string;
}

/** The page tree below a page: direct children (pages, folders…) or descendants to a depth. */
@ToolProvider()
export class TreeTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(ConfluenceTree) private readonly tree: ConfluenceTree,
  ) {}

  @Tool({
    name: 'confluence_get_page_children',
    targets: { pageId: 'page' },
    title: 'Page children',
    description: 'Child pages and folders in tree order; depth > 1 adds descendants, indented.',
    input: childrenInput,
    output: pageOut('children'),
    readOnly: true,
    toolset: 'pages',
    scopes: ['read:hierarchical-content:confluence', 'read:page:confluence'],
    render: (out, kit) =>
      out.children.length === 0
        ? 'No child pages.'
        : `${kit.fence((out.children as TreeRow[]).map((r) => '  '.repeat(r.depth - 1) + dots(r.id, r.title, r.type !== 'page' && r.type)).join('\n'), 'pages')}\n${kit.more({ shown: out.children.length, nextCursor: out.nextCursor, noun: 'pages' })}`,
  })
  async getPageChildren(input: z.infer<typeof childrenInput>) {
    const addr = await this.locator.resolve(input.pageId);
    await this.reader.assertAllowed(addr);
    const depth = Math.min(10, Math.max(1, input.depth ?? 1));
    const limit = pageSize(input.limit, 50);
    if (depth === 1) {
      const page = await this.tree.children(addr.id, limit, input.cursor);
      return {
        children: page.items.map((c) =>
          compact({ id: String(c.id), title: c.title ?? '', type: c.type, depth: 1, parentId: addr.id }),
        ),
        nextCursor: page.nextCursor,
      };
    }
    const page = await this.tree.descendants(addr.id, depth, limit, input.cursor);
    return {
      children: page.items.map((c) =>
        compact({
          id: String(c.id),
          title: c.title ?? '',
          type: c.type,
          depth: c.depth ?? 1,
          parentId: c.parentId ? String(c.parentId) : undefined,
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }
}
