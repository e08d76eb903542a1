import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceSpaces } from '../client/confluence-spaces.js';
import { ConfluenceTemplates } from '../client/confluence-templates.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { PageWriter } from '../client/page-writer.js';
import { SpaceScope } from '../client/space-scope.js';
import { PageBody } from '../content/page-body.js';
import { dots } from '../view/display.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { spaceKey } from './ids.js';

const listInput = z.object({ spaceKey: spaceKey.optional().describe("Default: the site's global templates") });
const createInput = z.object({
  templateId: z.string().regex(/^[\w:-]+(\.[\w:-]+)*$/, 'Expected a template id as listed'),
  title: z.string(),
  spaceKey: spaceKey.optional(),
  parentId: z.string().optional().describe('Parent page id or URL'),
});

type TemplateRow = { id: string; name: string; description?: string; labels?: string[] };

/** Page templates: list them, and create a page from one (its storage body, verbatim). */
@ToolProvider()
export class TemplateTools {
  constructor(
    @inject(ConfluenceTemplates) private readonly templates: ConfluenceTemplates,
    @inject(ConfluenceSpaces) private readonly spaces: ConfluenceSpaces,
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(PageWriter) private readonly writer: PageWriter,
    @inject(PageBody) private readonly body: PageBody,
    @inject(SpaceScope) private readonly scope: SpaceScope,
  ) {}

  @Tool({
    name: 'confluence_list_templates',
    targets: { spaceKey: 'space' },
    title: 'List templates',
    description: "Page templates of a space, or the site's global ones.",
    input: listInput,
    output: pageOut('templates'),
    readOnly: true,
    toolset: 'templates',
    scopes: ['read:confluence-content.summary'],
    render: (out, kit) =>
      out.templates.length === 0
        ? 'No templates.'
        : kit.fence(
            (out.templates as TemplateRow[])
              .map((t) =>
                dots(t.id, t.name, t.description, t.labels?.length ? `labels ${t.labels.join(', ')}` : undefined),
              )
              .join('\n'),
            'templates',
          ),
  })
  async listTemplates(input: z.infer<typeof listInput>) {
    if (input.spaceKey) this.scope.assertKey(input.spaceKey);
    const list = await this.templates.list(input.spaceKey && (await this.spaces.byKey(input.spaceKey)).key);
    return {
      templates: list.map((t) => ({
        id: t.templateId,
        name: t.name,
        ...(t.description ? { description: t.description } : {}),
        ...(t.labels?.length ? { labels: t.labels.map((l) => l.name) } : {}),
      })),
    };
  }

  @Tool({
    name: 'confluence_create_page_from_template',
    targets: { templateId: 'template', spaceKey: 'space', parentId: 'page' },
    title: 'Create page from template',
    description: 'Create a page with a template’s content, under a parent page or in a space.',
    input: createInput,
    output: itemOut,
    readOnly: false,
    toolset: 'templates',
    scopes: [
      'read:confluence-content.summary',
      'read:page:confluence',
      'write:page:confluence',
      'read:space:confluence',
    ],
    render: (out, kit) =>
      `Created page ${out.id} "${kit.inline(String(out.title))}" from template "${kit.inline(String(out.template))}" in ${String(out.space)}: ${String(out.url ?? '')}`,
  })
  async createFromTemplate(input: z.infer<typeof createInput>) {
    if (input.title.trim() === '') throw new InputError('The page needs a title.');
    const parent =
      input.parentId === undefined
        ? undefined
        : (await this.reader.bean(await this.locator.resolve(input.parentId), { body: false })).bean;
    if (!parent && input.spaceKey === undefined) throw new InputError('Pass `spaceKey` or `parentId`.');
    if (input.spaceKey !== undefined) this.scope.assertKey(input.spaceKey);
    const spaceId = parent ? String(parent.spaceId) : await this.spaces.idOf(input.spaceKey!);
    const template = await this.templates.get(input.templateId);
    const storage = this.body.raw(template.body?.storage?.value ?? '');
    const { bean } = await this.writer.create('page', {
      spaceId,
      title: input.title,
      storage,
      parentId: parent ? String(parent.id) : undefined,
    });
    return {
      id: String(bean.id),
      title: bean.title,
      template: template.name,
      space: await this.spaces.keyOf(spaceId),
      url: this.reader.url(bean._links?.webui),
    };
  }
}
