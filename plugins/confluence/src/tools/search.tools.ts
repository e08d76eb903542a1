import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceSearch } from '../client/confluence-search.js';
import { normalSpaceKey } from '../client/confluence-spaces.js';
import { SpaceScope } from '../client/space-scope.js';
import { confluenceSettings, type ConfluenceConfig } from '../config.js';
import { pageOut } from '../view/outputs.js';
import { renderSearch, searchRow } from '../view/search-view.js';
import { checkLabel, cursor, labelName, limit, spaceKey, pageSize } from './ids.js';

const searchInput = z.object({
  query: z.string().min(1).describe('CQL, or plain words'),
  limit,
  cursor,
});
const contentInput = z.object({
  query: z.string().min(1).describe('Words to find in titles and text'),
  spaceKey: spaceKey.optional(),
  type: z.enum(['page', 'blogpost', 'attachment', 'comment']).optional(),
  label: labelName.optional(),
  limit,
  cursor,
});
const resultsOut = pageOut('results');

// CQL has a field and an operator (`space = ENG`, `title ~ x`, `label in (…)`), or an ORDER BY.
const CQL_FIELDS =
  'space|space\\.key|space\\.title|type|title|text|sitesearch|label|ancestor|parent|creator|contributor|mention|created|lastmodified|id|content|container|watcher|favourite|macro';
const CQL = new RegExp(
  `(^|[\\s(])(${CQL_FIELDS})\\s*(=|!=|~|!~|>=?|<=?|\\s(not\\s+)?in\\s*\\()|\\border\\s+by\\b`,
  'i',
);

/** True when the query is CQL rather than plain words. */
export function isCql(query: string): boolean {
  return CQL.test(query);
}

/** A CQL string literal. */
export function cqlString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** CQL search and content search; spaces, attachments and comments are results too. */
@ToolProvider()
export class SearchTools {
  constructor(
    @inject(ConfluenceSearch) private readonly search: ConfluenceSearch,
    @inject(SpaceScope) private readonly scope: SpaceScope,
    @inject(confluenceSettings) private readonly settings: ConfluenceConfig,
  ) {}

  @Tool({
    name: 'confluence_search',
    title: 'Search Confluence',
    description:
      'Search pages, blog posts, spaces, attachments, comments: CQL (space = ENG AND title ~ "plan") or plain words.',
    input: searchInput,
    output: resultsOut,
    readOnly: true,
    toolset: 'pages',
    scopes: ['search:confluence'],
    render: renderSearch,
  })
  async searchAll(input: z.infer<typeof searchInput>) {
    const cql = isCql(input.query) ? input.query : `siteSearch ~ ${cqlString(input.query)}`;
    return this.run(cql, input.limit, input.cursor);
  }

  @Tool({
    name: 'confluence_search_content',
    targets: { spaceKey: 'space' },
    title: 'Search content',
    description: 'Find pages and blog posts (or attachments, comments) by words, within a space or label.',
    input: contentInput,
    output: resultsOut,
    readOnly: true,
    toolset: 'browse',
    scopes: ['search:confluence'],
    render: renderSearch,
  })
  async searchContent(input: z.infer<typeof contentInput>) {
    if (input.spaceKey) this.scope.assertKey(input.spaceKey);
    const words = cqlString(input.query);
    const cql = [
      `(title ~ ${words} OR text ~ ${words})`,
      input.type ? `type = ${input.type}` : 'type in (page, blogpost)',
      input.spaceKey && `space = ${cqlString(normalSpaceKey(input.spaceKey))}`,
      input.label && `label = ${cqlString(checkLabel(input.label))}`,
    ]
      .filter(Boolean)
      .join(' AND ');
    return this.run(cql, input.limit, input.cursor);
  }

  private async run(cql: string, limit: number | undefined, cursor: string | undefined) {
    const page = await this.search.cql(cql, pageSize(limit, this.settings.searchPageSize), cursor);
    return { results: page.items.map(searchRow), total: page.total, nextCursor: page.nextCursor, cql };
  }
}
