import * as z from 'zod';
import { createHash } from 'node:crypto';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraSearch } from '../client/jira-search.js';
import { jiraSettings, type JiraConfig } from '../config.js';
import { FieldCatalog } from '../fields/field-catalog.js';
import { decodeCursor, encodeCursor } from '../paging/cursor.js';
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
    scopes: ['read:jira-work'],
    render: (out, kit) => {
      if (out.issues.length === 0) return 'No issues match.';
      const rows = kit.fence((out.issues as IssueRow[]).map(rowLine).join('\n'), 'issues');
      return `${rows}\n${kit.more({ shown: out.issues.length, nextCursor: out.nextCursor, noun: 'issues' })}`;
    },
  })
  async searchIssues(input: z.infer<typeof searchInput>): Promise<z.input<typeof searchOutput>> {
    const query = createHash('sha1').update(input.jql).digest('base64url').slice(0, 8);
    const token = input.cursor ? decodeCursor<{ q: string; t: string }>('search', input.cursor) : undefined;
    if (token && token.q !== query)
      throw new InputError('This cursor belongs to another JQL query.', {
        hint: 'Repeat the same jql with the cursor.',
      });
    if ((input.fields?.length ?? 0) > 10) throw new InputError('At most 10 extra fields.');
    const extra = await Promise.all((input.fields ?? []).map((name) => this.column(name)));
    const page = await this.search.page({
      jql: input.jql,
      fields: [...BASE_FIELDS, ...extra.map((f) => f.id)],
      maxResults: clamp(input.limit ?? this.settings.searchPageSize, 1, 100),
      nextPageToken: token?.t,
    });
    const next =
      page.isLast === false || (page.isLast === undefined && page.nextPageToken) ? page.nextPageToken : undefined;
    return {
      issues: (page.issues ?? []).map((issue) => this.views.row(issue, extra)),
      nextCursor: next ? encodeCursor('search', { q: query, t: next }) : undefined,
    };
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
