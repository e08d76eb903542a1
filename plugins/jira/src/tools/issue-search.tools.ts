import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider, pager } from '@atlassian-mcp/core';
import { JiraSearch } from '../client/jira-search.js';
import { jiraSettings, type JiraConfig } from '../config.js';
import { FieldCatalog } from '../fields/field-catalog.js';
import { IssueViews } from '../view/issue-views.js';
import { pageOut } from '../view/outputs.js';
import type { IssueRow } from '../view/schemas.js';
import { rowLine } from '../view/render-helpers.js';

const searchInput = z.object({
  jql: z.string(),
  fields: z.array(z.string()).optional().describe('Extra columns, by field name'),
  limit: z.number().int().optional(),
  cursor: z.string().optional(),
});
const searchOutput = pageOut('issues');

const BASE_FIELDS = ['summary', 'status', 'assignee'];

/** JQL search with compact rows. */
@ToolProvider()
export class IssueSearchTools {
  constructor(
    @inject(JiraSearch) private readonly search: JiraSearch,
    @inject(FieldCatalog) private readonly catalog: FieldCatalog,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(jiraSettings) private readonly settings: JiraConfig,
  ) {}

  @Tool({
    name: 'jira_search',
    title: 'Search issues (JQL)',
    description: 'Find issues with JQL. One row per issue: key | status | assignee | summary.',
    input: searchInput,
    output: searchOutput,
    readOnly: true,
    toolset: 'issues',
    targets: { jql: 'jql' },
    scopes: ['read:jira-work'],
    render: (out, kit) => {
      if (out.issues.length === 0) return 'No issues match.';
      const rows = kit.fence((out.issues as IssueRow[]).map(rowLine).join('\n'), 'issues');
      return `${rows}\n${kit.more({ shown: out.issues.length, nextCursor: out.nextCursor, noun: 'issues' })}`;
    },
  })
  async searchIssues(input: z.infer<typeof searchInput>): Promise<z.input<typeof searchOutput>> {
    const paging = pager('jira.search', input.cursor, { jql: input.jql });
    if ((input.fields?.length ?? 0) > 10) throw new InputError('At most 10 extra fields.');
    const extra = await Promise.all((input.fields ?? []).map((name) => this.column(name)));
    const page = await this.search.page({
      jql: input.jql,
      fields: [...BASE_FIELDS, ...extra.map((f) => f.id)],
      maxResults: clamp(input.limit ?? this.settings.searchPageSize, 1, 100),
      ...paging.token(),
    });
    const { items, nextCursor } =
      paging.tokenPage<typeof page.issues extends (infer I)[] | undefined ? I : never>(page);
    return { issues: items.map((issue) => this.views.row(issue, extra)), nextCursor };
  }

  private async column(name: string): Promise<{ id: string; name: string }> {
    const field = await this.catalog.find(name);
    if (!field?.id) {
      const similar = await this.catalog.similar(name);
      throw new InputError(`Unknown field '${name}'.`, {
        hint: similar.length ? `Did you mean: ${similar.join(', ')}?` : 'Use jira_search_fields.',
      });
    }
    return { id: field.id, name: field.name ?? name };
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
