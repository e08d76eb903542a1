import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceLabels, type LabelBean } from '../client/confluence-labels.js';
import { ConfluenceSearch } from '../client/confluence-search.js';
import { normalSpaceKey } from '../client/confluence-spaces.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { SpaceScope } from '../client/space-scope.js';
import { confluenceSettings, type ConfluenceConfig } from '../config.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { renderSearch, searchRow } from '../view/search-view.js';
import { cqlString } from './search.tools.js';
import { checkLabel, cursor, labelName, limit, pageRef, pageSize, spaceKey } from './ids.js';

const pageInput = z.object({ pageId: pageRef });
/** Search pages (100 results each) read for the labels of the allowed spaces. */
const ALLOWED_LABEL_PAGES = 5;
const byLabelInput = z.object({ label: labelName, spaceKey: spaceKey.optional(), limit, cursor });
const listInput = z.object({ prefix: z.enum(['global', 'my', 'team']).optional(), limit, cursor });
const updateInput = z.object({
  pageId: pageRef,
  add: z.array(labelName).optional(),
  remove: z.array(labelName).optional(),
});

/** Labels: of a page, pages with a label, every label, add and remove. */
@ToolProvider()
export class LabelTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(ConfluenceLabels) private readonly labels: ConfluenceLabels,
    @inject(ConfluenceSearch) private readonly search: ConfluenceSearch,
    @inject(SpaceScope) private readonly scope: SpaceScope,
    @inject(confluenceSettings) private readonly settings: ConfluenceConfig,
  ) {}

  @Tool({
    name: 'confluence_get_page_labels',
    targets: { pageId: 'page' },
    title: 'Page labels',
    description: 'The labels of a page or blog post.',
    input: pageInput,
    output: itemOut,
    readOnly: true,
    toolset: 'labels',
    scopes: ['read:label:confluence', 'read:page:confluence'],
    render: (out, kit) => {
      const labels = (out.labels as string[]).map((l) => kit.inline(l, 80));
      return labels.length ? `Labels of ${out.id}: ${labels.join(', ')}` : `Page ${out.id} has no labels.`;
    },
  })
  async getPageLabels(input: z.infer<typeof pageInput>) {
    const { bean, kind } = await this.reader.bean(await this.locator.resolve(input.pageId), { body: false });
    const labels = await this.labels.of({ id: String(bean.id), kind });
    return { id: String(bean.id), labels: labels.map((l) => l.name ?? '') };
  }

  @Tool({
    name: 'confluence_search_by_label',
    targets: { spaceKey: 'space' },
    title: 'Search by label',
    description: 'Pages and blog posts carrying a label, optionally in one space.',
    input: byLabelInput,
    output: pageOut('results'),
    readOnly: true,
    toolset: 'labels',
    scopes: ['search:confluence'],
    render: renderSearch,
  })
  async searchByLabel(input: z.infer<typeof byLabelInput>) {
    if (input.spaceKey) this.scope.assertKey(input.spaceKey);
    const cql = [
      `label = ${cqlString(checkLabel(input.label))}`,
      'type in (page, blogpost)',
      input.spaceKey && `space = ${cqlString(normalSpaceKey(input.spaceKey))}`,
    ]
      .filter(Boolean)
      .join(' AND ');
    const page = await this.search.cql(
      `${cql} ORDER BY lastmodified DESC`,
      pageSize(input.limit, this.settings.searchPageSize),
      input.cursor,
    );
    return { results: page.items.map(searchRow), total: page.total, nextCursor: page.nextCursor };
  }

  @Tool({
    name: 'confluence_list_labels',
    title: 'List labels',
    description: 'Labels used on the site, by name.',
    input: listInput,
    output: pageOut('labels'),
    readOnly: true,
    toolset: 'labels',
    scopes: ['read:label:confluence'],
    render: (out, kit) =>
      out.labels.length === 0
        ? 'No labels.'
        : `${kit.fence((out.labels as string[]).join(', '), 'labels')}\n${kit.more({ shown: out.labels.length, nextCursor: out.nextCursor, noun: 'labels' })}`,
  })
  async listLabels(input: z.infer<typeof listInput>) {
    if (this.scope.active) return { labels: await this.allowedLabels(input.prefix) };
    const page = await this.labels.all({
      prefix: input.prefix,
      limit: pageSize(input.limit, 100),
      cursor: input.cursor,
    });
    return { labels: page.items.map((l) => l.name ?? ''), nextCursor: page.nextCursor };
  }

  /**
   * With a space allowlist, the site's label list would show labels of other spaces: the labels
   * on the allowed spaces' most recently changed pages and blog posts are listed instead.
   */
  private async allowedLabels(prefix: string | undefined): Promise<string[]> {
    const names = new Set<string>();
    let cursor: string | undefined;
    for (let i = 0; i < ALLOWED_LABEL_PAGES; i++) {
      const page = await this.search.cql('type in (page, blogpost) ORDER BY lastmodified DESC', 100, cursor, [
        'content.metadata.labels',
      ]);
      for (const hit of page.items) {
        const labels = (hit.content as { metadata?: { labels?: { results?: LabelBean[] } } } | undefined)?.metadata
          ?.labels?.results;
        for (const l of labels ?? []) if (l.name && (!prefix || l.prefix === prefix)) names.add(l.name);
      }
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return [...names].sort();
  }

  @Tool({
    name: 'confluence_update_labels',
    targets: { pageId: 'page' },
    title: 'Add or remove labels',
    description: 'Add labels to a page or blog post, or remove them.',
    input: updateInput,
    output: itemOut,
    readOnly: false,
    idempotent: true,
    toolset: 'labels',
    scopes: ['read:label:confluence', 'write:confluence-content', 'read:page:confluence'],
    render: (out, kit) =>
      [
        `Labels of ${out.id}: ${(out.labels as string[]).map((l) => kit.inline(l, 80)).join(', ') || 'none'}.`,
        (out.absent as string[] | undefined)?.length
          ? `Not on the page, so not removed: ${(out.absent as string[]).map((l) => kit.inline(l, 80)).join(', ')}.`
          : undefined,
      ]
        .filter(Boolean)
        .join(' '),
  })
  async updateLabels(input: z.infer<typeof updateInput>) {
    const add = [...new Set((input.add ?? []).map(checkLabel))];
    const remove = [...new Set((input.remove ?? []).map(checkLabel))];
    if (add.length === 0 && remove.length === 0)
      throw new InputError('Nothing to change.', { hint: 'Pass add, remove, or both.' });
    const { bean, kind } = await this.reader.bean(await this.locator.resolve(input.pageId), { body: false });
    const id = String(bean.id);
    const current = (await this.labels.of({ id, kind })).map((l) => l.name ?? '');
    if (add.length) await this.labels.add(id, add);
    const present = remove.filter((l) => current.includes(l));
    for (const name of present) await this.labels.remove(id, name);
    const labels = [...new Set([...current.filter((l) => !present.includes(l)), ...add])];
    return { id, labels, absent: remove.filter((l) => !current.includes(l)) };
  }
}
