import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import { decodeCursor, encodeCursor } from '../paging/cursor.js';
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
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      out.history.length === 0
        ? 'No changes.'
        : `${kit.fence((out.history as Change[]).map((h) => `${h.at ?? ''} ${h.by ?? '?'}: ${h.changes.join('; ')}`).join('\n'), 'history')}\n${kit.more({ shown: out.history.length, total: out.total as number, nextCursor: out.nextCursor, noun: 'changes' })}`,
  })
  async changelog(input: z.infer<typeof historyInput>) {
    const startAt = input.cursor ? decodeCursor<{ s: number }>('history', input.cursor).s : 0;
    const page = await this.issues.changelog(input.issueKey, startAt, Math.min(100, Math.max(1, input.limit ?? 50)));
    const values = page.values ?? [];
    const next = startAt + values.length;
    const more = page.isLast === false || (page.total !== undefined && next < page.total);
    return {
      history: values.map((h) => ({
        at: shortTime(h.created),
        by: personName(h.author),
        changes: (h.items ?? []).map(
          (i) => `${i.field}: ${i.fromString ?? i.from ?? '∅'} → ${i.toString ?? i.to ?? '∅'}`,
        ),
      })),
      total: page.total,
      nextCursor: more && values.length > 0 ? encodeCursor('history', { s: next }) : undefined,
    };
  }
}
