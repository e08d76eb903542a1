import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceSpaces } from '../client/confluence-spaces.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { PageWriter } from '../client/page-writer.js';
import { SpaceScope } from '../client/space-scope.js';
import { confluenceSettings, type ConfluenceConfig } from '../config.js';
import { PageBody } from '../content/page-body.js';
import { cutAt, headings, sectionOf } from '../view/markdown-sections.js';
import { itemOut } from '../view/outputs.js';
import { renderPage, type PageView } from '../view/page-view.js';
import { pageRef, spaceKey } from './ids.js';

/** Bodies longer than this are shown in part, with the outline to read the rest by section. */
const MAX_BODY_CHARS = 20_000;

const getInput = z.object({
  pageId: pageRef.optional().describe('Id or URL'),
  spaceKey: spaceKey.optional(),
  title: z.string().optional().describe('With spaceKey'),
  version: z.number().int().optional().describe('An older version'),
  section: z.string().optional().describe("Only this heading's section"),
});
const createInput = z.object({
  spaceKey: spaceKey.optional(),
  title: z.string(),
  body: z.string().describe('Markdown'),
  parentId: z.string().optional(),
});
const updateInput = z.object({
  pageId: pageRef,
  version: z.number().int().optional().describe('Version read; needed to replace the whole body'),
  body: z.string().optional().describe('Markdown'),
  section: z.string().optional().describe("Edit only this heading's section"),
  mode: z.enum(['replace', 'append', 'prepend']).optional(),
  title: z.string().optional(),
  message: z.string().optional().describe('Version note'),
});

/** Pages: read (by id, URL or title) and update (whole, one section, or the ends). */
@ToolProvider()
export class PageTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(PageWriter) private readonly writer: PageWriter,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(SpaceScope) private readonly scope: SpaceScope,
    @inject(PageBody) private readonly body: PageBody,
    @inject(confluenceSettings) private readonly settings: ConfluenceConfig,
  ) {}

  @Tool({
    name: 'confluence_get_page',
    targets: { pageId: 'page', spaceKey: 'space' },
    title: 'Get page',
    description:
      'A page or blog post by id, URL, or spaceKey + title: header and Markdown body (⟦…⟧ placeholders: keep them when editing).',
    input: getInput,
    output: itemOut,
    readOnly: true,
    toolset: 'pages',
    scopes: [
      'read:page:confluence',
      'read:space:confluence',
      'read:user:confluence',
      'read:content.metadata:confluence',
    ],
    render: (out, kit) => renderPage(out as unknown as PageView, kit),
  })
  async getPage(input: z.infer<typeof getInput>): Promise<PageView> {
    const { view } = await this.reader.read(await this.locator.locate(input), { version: input.version });
    if (input.section !== undefined) {
      const part = sectionOf(view.body, input.section);
      if (part === undefined)
        throw new InputError(`Page ${view.id} has no heading "${input.section}".`, {
          hint: `Headings: ${outline(view.body) || 'none'}.`,
        });
      return { ...view, body: part };
    }
    const { shown, rest } = cutAt(view.body, MAX_BODY_CHARS);
    if (rest === 0) return view;
    const later = headings(view.body.slice(shown.length)).map((h) => h.text);
    return {
      ...view,
      body: shown,
      more: `[${rest} more characters not shown; read them by section: ${later.slice(0, 40).join(' | ') || 'no later headings'}]`,
    };
  }

  @Tool({
    name: 'confluence_create_page',
    targets: { spaceKey: 'space', parentId: 'page' },
    title: 'Create page',
    description: 'Create a page from Markdown, under a parent page or in a space.',
    input: createInput,
    output: itemOut,
    readOnly: false,
    toolset: 'pages',
    scopes: ['read:page:confluence', 'write:page:confluence', 'read:space:confluence'],
    render: (out, kit) =>
      `Created page ${out.id} "${kit.inline(String(out.title))}" in ${String(out.space)}${out.parentId ? ` under ${String(out.parentId)}` : ''} (v1): ${String(out.url ?? '')}`,
  })
  async createPage(input: z.infer<typeof createInput>) {
    if (input.title.trim() === '') throw new InputError('The page needs a title.');
    const parent =
      input.parentId === undefined
        ? undefined
        : (await this.reader.bean(await this.locator.resolve(input.parentId), { body: false })).bean;
    const key = input.spaceKey ?? (parent ? undefined : this.settings.defaultSpace);
    if (!parent && key === undefined)
      throw new InputError('Which space? Pass `spaceKey` (e.g. ENG) or `parentId`.', {
        hint: 'confluence_list_spaces lists them.',
      });
    if (key !== undefined) this.scope.assertKey(key);
    const spaceId = key !== undefined ? await this.spaces.idOf(key) : String(parent!.spaceId);
    if (parent && String(parent.spaceId) !== spaceId)
      throw new InputError(`The parent page ${String(parent.id)} is in another space than ${key}.`, {
        hint: 'Omit spaceKey to create the page in the parent’s space.',
      });
    const { bean } = await this.writer.create('page', {
      spaceId,
      title: input.title,
      storage: await this.body.toStorage(input.body),
      parentId: parent ? String(parent.id) : undefined,
    });
    return {
      id: String(bean.id),
      title: bean.title,
      space: key ?? (await this.spaces.keyOf(spaceId)),
      parentId: bean.parentId ? String(bean.parentId) : undefined,
      version: bean.version?.number,
      url: this.reader.url(bean._links?.webui),
    };
  }

  @Tool({
    name: 'confluence_update_page',
    targets: { pageId: 'page' },
    title: 'Update page',
    description:
      'Edit a page: the whole Markdown body (with the version read), one section, or append/prepend (mode); title.',
    input: updateInput,
    output: itemOut,
    readOnly: false,
    idempotent: true,
    toolset: 'pages',
    scopes: ['read:page:confluence', 'write:page:confluence', 'read:user:confluence'],
    render: (out, kit) =>
      out.changed
        ? `Updated page ${out.id} to v${String(out.version)}: ${kit.inline(String(out.what), 300)}.`
        : `No change: page ${out.id} already has this content (still v${String(out.version)}).`,
  })
  async updatePage(input: z.infer<typeof updateInput>) {
    const addr = await this.locator.resolve(input.pageId);
    const w = await this.writer.update(addr, input);
    return {
      id: String(w.bean.id),
      title: w.bean.title,
      version: w.bean.version?.number,
      changed: w.changed,
      what: w.what,
      url: this.reader.url(w.bean._links?.webui),
    };
  }
}

function outline(markdown: string): string {
  return headings(markdown)
    .slice(0, 40)
    .map((h) => `${'#'.repeat(h.level)} ${h.text}`)
    .join(' | ');
}
