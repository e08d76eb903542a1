import * as z from 'zod';
import { inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import { personName, shortTime } from '../view/display.js';
import { pageOut } from '../view/outputs.js';
import { issueIdOrKey } from './ids.js';

const historyInput = z.object({
  issueKey: issueIdOrKey,
  limit: z.number().int().optional(),
  cursor: z.string().optional(),
});
type Change = { at?: string; by?: string; changes: string[] };

/** Issue history (changelog). */
@ToolProvider()
export class HistoryTools {
  constructor(@inject(JiraIssues) private readonly issues: JiraIssues) {}

  @Tool({
    name: 'jira_get_changelog',
    title: 'Issue history',
    description: 'Who changed what on an issue, and when (oldest first).',
    input: historyInput,
    output: pageOut('history'),
    readOnly: true,
    toolset: 'history',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.history.length === 0
        ? 'No changes.'
        : `${kit.fence((out.history as Change[]).map((h) => `${h.at ?? ''} ${h.by ?? '?'}: ${h.changes.join('; ')}`).join('\n'), 'history')}\n${kit.more({ shown: out.history.length, total: out.total as number, nextCursor: out.nextCursor, noun: 'changes' })}`,
  })
  async changelog(input: z.infer<typeof historyInput>) {
    const paging = pager('jira.history', input.cursor, { issueKey: input.issueKey });
    const { startAt, maxResults } = paging.offset(Math.min(100, Math.max(1, input.limit ?? 50)));
    const page = await this.issues.changelog(input.issueKey, startAt, maxResults);
    const { items: values, total, nextCursor } = paging.offsetPage<NonNullable<typeof page.values>[number]>(page);
    return {
      history: values.map((h) => ({
        at: shortTime(h.created),
        by: personName(h.author),
        changes: (h.items ?? []).map(
          (i) => `${i.field}: ${i.fromString ?? i.from ?? '∅'} → ${i.toString ?? i.to ?? '∅'}`,
        ),
      })),
      total,
      nextCursor,
    };
  }
}
