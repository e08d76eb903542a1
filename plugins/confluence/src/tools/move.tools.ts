import * as z from 'zod';
import { InputError, inject, NotFoundError, Tool, ToolProvider, type ToolContext } from '@atlassian-mcp/core';
import { ConfluenceMoves, type MovePosition } from '../client/confluence-moves.js';
import { ConfluenceSpaces, normalSpaceKey } from '../client/confluence-spaces.js';
import { PageLocator, type PageAddress } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { SpaceScope } from '../client/space-scope.js';
import { itemOut } from '../view/outputs.js';
import { pageRef, spaceKey } from './ids.js';

const moveInput = z.object({
  pageId: pageRef,
  targetId: z.string().optional().describe('Page (id or URL) to move under, or beside'),
  position: z.enum(['under', 'before', 'after']).optional().describe('Relative to targetId (default under)'),
  spaceKey: spaceKey.optional().describe('Or: to the top of this space'),
});
const archiveInput = z.object({ pageId: pageRef });
const copyInput = z.object({
  pageId: pageRef,
  parentId: z.string().optional().describe('Copy under this page (id or URL)'),
  spaceKey: spaceKey.optional().describe('Or: to the top of this space'),
  title: z.string().optional().describe('Default: the same title'),
  attachments: z.boolean().optional(),
  labels: z.boolean().optional(),
});

/** Moving a page (under a parent, before or after a sibling, into another space) and copying one. */
@ToolProvider()
export class MoveTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(ConfluenceMoves) private readonly moves: ConfluenceMoves,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(SpaceScope) private readonly scope: SpaceScope,
  ) {}

  @Tool({
    name: 'confluence_move_page',
    targets: { pageId: 'page', targetId: 'page', spaceKey: 'space' },
    title: 'Move page',
    description: 'Move a page with its children: under another page, before or after a sibling, or into another space.',
    input: moveInput,
    output: itemOut,
    readOnly: false,
    idempotent: true,
    toolset: 'move',
    scopes: ['read:page:confluence', 'write:page:confluence', 'write:confluence-content'],
    render: (out) =>
      `Moved page ${out.id} ${out.position === 'under' ? 'under' : `${String(out.position)}`} ${String(out.targetId)}${out.space ? ` (space ${String(out.space)})` : ''}.`,
  })
  async movePage(input: z.infer<typeof moveInput>) {
    if ((input.targetId === undefined) === (input.spaceKey === undefined))
      throw new InputError('Pass `targetId` (a page to move under or beside) or `spaceKey`, not both.');
    // Every reference is checked before the first request.
    const addr = await this.locator.resolve(input.pageId);
    const targetAddr = input.targetId === undefined ? undefined : await this.locator.resolve(input.targetId);
    if (input.spaceKey !== undefined) normalSpaceKey(input.spaceKey);
    const page = (await this.reader.bean(addr, { body: false })).bean;
    const target = await this.target(targetAddr, input.spaceKey);
    const position = input.spaceKey !== undefined ? 'under' : (input.position ?? 'under');
    if (target.id === String(page.id)) throw new InputError('A page cannot be moved under or beside itself.');
    const wire: MovePosition = position === 'under' ? 'append' : position;
    await this.moves.move(String(page.id), wire, target.id);
    const moved = String(target.spaceId) !== String(page.spaceId);
    return {
      id: String(page.id),
      position,
      targetId: target.id,
      ...(moved ? { space: await this.spaces.keyOf(String(target.spaceId)) } : {}),
    };
  }

  @Tool({
    name: 'confluence_archive_page',
    targets: { pageId: 'page' },
    title: 'Archive page',
    description:
      "Archive a page (out of the tree and search, restorable from the space's archive; asks for confirmation).",
    input: archiveInput,
    output: itemOut,
    readOnly: false,
    toolset: 'move',
    scopes: ['read:page:confluence', 'write:page:confluence', 'write:confluence-content'],
    render: (out, kit) =>
      out.declined
        ? `Not archived: ${out.id} (declined).`
        : out.archived
          ? `Archived page ${out.id} "${kit.inline(String(out.title))}".`
          : `Page ${out.id} was already archived; nothing changed.`,
  })
  async archivePage(input: z.infer<typeof archiveInput>, ctx: ToolContext) {
    const addr = await this.locator.resolve(input.pageId);
    const { bean, kind } = await this.reader.bean(addr, { body: false, trashed: true });
    if (kind !== 'page') throw new InputError(`${String(bean.id)} is a blog post; only pages are archived.`);
    if (bean.status === 'trashed') throw new InputError(`Page ${String(bean.id)} is in the trash; restore it first.`);
    const title = bean.title ?? '';
    if (bean.status === 'archived') return { id: String(bean.id), title, archived: false };
    // Archiving takes a page out of the tree and search for everyone: the user says yes first.
    if (!(await ctx.confirm(`Archive page ${String(bean.id)} "${title}"? It leaves the page tree and search.`)))
      return { id: String(bean.id), title, archived: false, declined: true };
    await this.moves.archive(String(bean.id));
    return { id: String(bean.id), title, archived: true };
  }

  @Tool({
    name: 'confluence_copy_page',
    targets: { pageId: 'page', parentId: 'page', spaceKey: 'space' },
    title: 'Copy page',
    description: 'Copy a page (not its children) under another page or to the top of a space, optionally renamed.',
    input: copyInput,
    output: itemOut,
    readOnly: false,
    toolset: 'move',
    scopes: ['read:page:confluence', 'write:page:confluence', 'write:confluence-content'],
    render: (out, kit) =>
      `Copied page ${String(out.source)} to page ${out.id} "${kit.inline(String(out.title))}"${out.url ? `: ${String(out.url)}` : ''}.`,
  })
  async copyPage(input: z.infer<typeof copyInput>) {
    if ((input.parentId === undefined) === (input.spaceKey === undefined))
      throw new InputError('Pass `parentId` (a page to copy under) or `spaceKey`, not both.');
    const addr = await this.locator.resolve(input.pageId);
    const parentAddr = input.parentId === undefined ? undefined : await this.locator.resolve(input.parentId);
    if (input.spaceKey !== undefined) normalSpaceKey(input.spaceKey);
    const page = (await this.reader.bean(addr, { body: false })).bean;
    let to: { spaceKey: string } | { parentId: string };
    let spaceId: string;
    if (input.spaceKey !== undefined) {
      const space = await this.space(input.spaceKey);
      to = { spaceKey: space.key };
      spaceId = space.id;
    } else {
      const parent = await this.target(parentAddr, undefined);
      to = { parentId: parent.id };
      spaceId = parent.spaceId;
    }
    const title = input.title ?? page.title ?? '';
    const copy = await this.moves.copy(String(page.id), to, { spaceId, title }, input);
    return {
      source: String(page.id),
      id: String(copy.id),
      title: copy.title,
      url: this.reader.url(copy._links?.webui as string | undefined),
    };
  }

  /** The page to move under or beside (in an allowed space), or the home page of `spaceKey`. */
  private async target(
    targetAddr: PageAddress | undefined,
    key: string | undefined,
  ): Promise<{ id: string; spaceId: string }> {
    if (key !== undefined) {
      const space = await this.space(key);
      if (!space.homepageId) throw new NotFoundError(`Space ${key} has no home page to move the page under.`);
      return { id: String(space.homepageId), spaceId: String(space.id) };
    }
    const bean = (await this.reader.bean(targetAddr!, { body: false })).bean;
    return { id: String(bean.id), spaceId: String(bean.spaceId) };
  }

  private async space(key: string): Promise<{ key: string; id: string; homepageId?: string }> {
    this.scope.assertKey(key);
    const s = await this.spaces.byKey(key);
    return { key: String(s.key), id: String(s.id), homepageId: s.homepageId ? String(s.homepageId) : undefined };
  }
}
