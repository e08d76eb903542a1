import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceUsers } from '../client/confluence-users.js';
import { ConfluenceVersions } from '../client/confluence-versions.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { markdownDiff } from '../content/markdown-diff.js';
import { compact, dots, shortTime } from '../view/display.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { renderPage, type PageView } from '../view/page-view.js';
import { cursor, limit, pageRef, pageSize } from './ids.js';

const listInput = z.object({ pageId: pageRef, limit, cursor });
const getInput = z.object({ pageId: pageRef, version: z.number().int() });
const diffInput = z.object({
  pageId: pageRef,
  from: z.number().int().describe('Older version'),
  to: z.number().int().optional().describe('Newer version (default: current)'),
});
const restoreInput = z.object({ pageId: pageRef, version: z.number().int(), message: z.string().optional() });

type VersionRow = { version: number; author?: string; at?: string; message?: string; minor?: boolean };

/** Version history: list, one version, a diff of two, restore. */
@ToolProvider()
export class VersionTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(ConfluenceVersions) private readonly versions: ConfluenceVersions,
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
  ) {}

  @Tool({
    name: 'confluence_get_page_versions',
    targets: { pageId: 'page' },
    title: 'Page versions',
    description: 'Version history of a page, newest first: number, author, date, note.',
    input: listInput,
    output: pageOut('versions'),
    readOnly: true,
    toolset: 'versions',
    scopes: ['read:page:confluence', 'read:user:confluence'],
    render: (out, kit) =>
      `${kit.fence((out.versions as VersionRow[]).map((v) => dots(`v${v.version}`, v.at, v.author, v.minor && 'minor', v.message && `"${v.message}"`)).join('\n'), 'versions')}\n${kit.more({ shown: out.versions.length, nextCursor: out.nextCursor, noun: 'versions' })}`,
  })
  async getPageVersions(input: z.infer<typeof listInput>) {
    const { bean, kind } = await this.reader.bean(await this.locator.resolve(input.pageId), { body: false });
    const page = await this.versions.list({ id: String(bean.id), kind }, pageSize(input.limit, 25), input.cursor);
    const names = await this.users.names(page.items.map((v) => v.authorId));
    return {
      id: String(bean.id),
      versions: page.items.map((v) =>
        compact({
          version: v.number ?? 0,
          author: names.get(v.authorId ?? '') ?? v.authorId,
          at: shortTime(v.createdAt),
          message: v.message,
          minor: v.minorEdit || undefined,
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  @Tool({
    name: 'confluence_get_page_version',
    targets: { pageId: 'page' },
    title: 'Get page version',
    description: 'One version of a page: who saved it, when, its note, and its Markdown body then.',
    input: getInput,
    output: itemOut,
    readOnly: true,
    toolset: 'versions',
    scopes: [
      'read:page:confluence',
      'read:user:confluence',
      'read:content.metadata:confluence',
      'read:space:confluence',
    ],
    render: (out, kit) => renderPage(out as unknown as PageView, kit),
  })
  async getPageVersion(input: z.infer<typeof getInput>): Promise<PageView> {
    const addr = await this.locator.resolve(input.pageId);
    return (await this.reader.read(addr, { version: input.version })).view;
  }

  @Tool({
    name: 'confluence_diff_page_versions',
    targets: { pageId: 'page' },
    title: 'Diff page versions',
    description: 'What changed between two versions of a page: a compact unified diff of their Markdown.',
    input: diffInput,
    output: itemOut,
    readOnly: true,
    toolset: 'versions',
    scopes: [
      'read:page:confluence',
      'read:user:confluence',
      'read:space:confluence',
      'read:content.metadata:confluence',
    ],
    render: (out, kit) =>
      `page ${out.id}: v${String(out.from)} → v${String(out.to)}, ${String(out.added)} line(s) added, ${String(out.removed)} removed\n${out.diff ? kit.fence(String(out.diff), 'diff') : 'No difference in the text.'}`,
  })
  async diffPageVersions(input: z.infer<typeof diffInput>) {
    const addr = await this.locator.resolve(input.pageId);
    const newer = await this.reader.read(addr, { version: input.to });
    const to = newer.view.version;
    if (input.from >= to) throw new InputError(`\`from\` (${input.from}) must be older than \`to\` (${to}).`);
    const older = await this.reader.read({ id: newer.view.id, kind: newer.kind }, { version: input.from });
    const d = markdownDiff(older.view.body, newer.view.body);
    const title = older.view.title !== newer.view.title ? { title: `${older.view.title} → ${newer.view.title}` } : {};
    return { id: newer.view.id, from: input.from, to, ...title, added: d.added, removed: d.removed, diff: d.text };
  }

  @Tool({
    name: 'confluence_restore_page_version',
    targets: { pageId: 'page' },
    title: 'Restore page version',
    description: 'Make an older version current again, as a new version (nothing is lost from the history).',
    input: restoreInput,
    output: itemOut,
    readOnly: false,
    toolset: 'versions',
    scopes: ['read:page:confluence', 'write:confluence-content'],
    render: (out) => `Restored page ${out.id} to the content of v${String(out.restored)}: now v${String(out.version)}.`,
  })
  async restorePageVersion(input: z.infer<typeof restoreInput>) {
    const { bean, kind } = await this.reader.bean(await this.locator.resolve(input.pageId), { body: false });
    const current = bean.version?.number ?? 0;
    if (input.version === current) throw new InputError(`Version ${input.version} is already the current version.`);
    if (input.version < 1 || input.version > current)
      throw new InputError(`Page ${String(bean.id)} has versions 1 to ${current}.`);
    const message = input.message ?? `Restored version ${input.version}`;
    const saved = await this.versions.restore({ id: String(bean.id), kind }, input.version, current, message);
    return { id: String(bean.id), restored: input.version, version: saved.number ?? current + 1 };
  }
}
