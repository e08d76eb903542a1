import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraWatchers } from '../client/jira-watchers.js';
import { UserResolver } from '../fields/user-resolver.js';
import { personName } from '../view/display.js';
import { issueOut } from '../view/outputs.js';
import { issueIdOrKey } from './ids.js';

const watcherInput = z.object({
  issueKey: issueIdOrKey,
  user: z.string().optional().describe('Email, name or "me" (default)'),
});

/** Issue watchers. */
@ToolProvider()
export class WatcherTools {
  constructor(
    @inject(JiraWatchers) private readonly watchers: JiraWatchers,
    @inject(UserResolver) private readonly users: UserResolver,
  ) {}

  @Tool({
    name: 'jira_list_watchers',
    title: 'Watchers',
    description: 'Who watches an issue.',
    input: z.object({ issueKey: issueIdOrKey }),
    output: issueOut,
    readOnly: true,
    toolset: 'watchers',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      `${out.key}: ${String(out.count)} watcher(s)${(out.watchers as string[]).length ? `: ${(out.watchers as string[]).map((w) => kit.inline(w, 80)).join(', ')}` : ''}${out.watching ? ' (including you)' : ''}`,
  })
  async listWatchers(input: { issueKey: string }) {
    const w = await this.watchers.list(input.issueKey);
    const names = (w.watchers ?? []).map(personName).filter((n): n is string => !!n);
    return {
      key: input.issueKey,
      count: w.watchCount ?? names.length,
      watching: w.isWatching ?? false,
      watchers: names,
    };
  }

  @Tool({
    name: 'jira_add_watcher',
    title: 'Watch issue',
    description: 'Add a watcher (default: me).',
    input: watcherInput,
    output: issueOut,
    readOnly: false,
    idempotent: true,
    toolset: 'watchers',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work', 'read:jira-user'],
    render: (out) => `${String(out.accountId)} now watches ${out.key}.`,
  })
  async addWatcher(input: z.infer<typeof watcherInput>) {
    const accountId = await this.users.accountId(input.user ?? 'me');
    await this.watchers.add(input.issueKey, accountId);
    return { key: input.issueKey, accountId };
  }

  @Tool({
    name: 'jira_remove_watcher',
    title: 'Unwatch issue',
    description: 'Remove a watcher (default: me).',
    input: watcherInput,
    output: issueOut,
    readOnly: false,
    idempotent: true,
    toolset: 'watchers',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work', 'read:jira-user'],
    render: (out) => `${String(out.accountId)} no longer watches ${out.key}.`,
  })
  async removeWatcher(input: z.infer<typeof watcherInput>) {
    const accountId = await this.users.accountId(input.user ?? 'me');
    await this.watchers.remove(input.issueKey, accountId);
    return { key: input.issueKey, accountId };
  }
}
