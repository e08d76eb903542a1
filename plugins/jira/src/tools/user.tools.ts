import * as z from 'zod';
import { coreServices, InputError, inject, Tool, ToolProvider, type SiteService } from '@atlassian-mcp/core';
import { JiraUsers, type User } from '../client/jira-users.js';
import { compact } from '../view/display.js';
import { listOut } from '../view/outputs.js';
import { issueIdOrKey, projectKeyOrId } from './ids.js';

const userSchema = z.looseObject({ accountId: z.string() });
type UserView = { accountId: string; name?: string; email?: string; timeZone?: string; site?: string };
const searchInput = z.object({
  query: z.string().optional().describe('Name or email'),
  project: projectKeyOrId.optional().describe('Assignable in project'),
  issueKey: issueIdOrKey.optional().describe('Assignable to issue'),
  limit: z.number().int().optional(),
});
const searchOutput = listOut('users');

/** People: who am I, who is who. */
@ToolProvider()
export class UserTools {
  constructor(
    @inject(JiraUsers) private readonly users: JiraUsers,
    @inject(coreServices.site) private readonly site: SiteService,
  ) {}

  @Tool({
    name: 'jira_get_current_user',
    title: 'Current user',
    description: 'Who I am in Jira (accountId, name, email).',
    input: z.object({}),
    output: userSchema,
    readOnly: true,
    toolset: 'context',
    scopes: ['read:jira-user'],
    render: (u, kit) =>
      [
        u.name && kit.inline(String(u.name)),
        u.email && `<${kit.inline(String(u.email))}>`,
        `accountId ${u.accountId}`,
        u.timeZone && kit.inline(String(u.timeZone)),
        u.site && `site ${kit.inline(String(u.site))}`,
      ]
        .filter(Boolean)
        .join(' · '),
  })
  async currentUser(): Promise<UserView> {
    // The site address is what links need (`SITE/browse/KEY`): nothing else a model reads shows it.
    return { ...view(await this.users.myself()), ...(this.site.url ? { site: this.site.url } : {}) };
  }

  @Tool({
    name: 'jira_search_users',
    title: 'Find users',
    description: 'Find people by name or email (accountIds), or who is assignable.',
    input: searchInput,
    output: searchOutput,
    readOnly: true,
    toolset: 'context',
    targets: { project: 'project', issueKey: 'issue' },
    scopes: ['read:jira-user'],
    // Display names are chosen by the people themselves: fenced as data.
    render: (out, kit) =>
      out.users.length === 0
        ? 'No users match.'
        : kit.fence(
            (out.users as UserView[])
              .map((u) => [u.name, u.email && `<${u.email}>`, u.accountId].filter(Boolean).join(' · '))
              .join('\n'),
            'users',
          ),
  })
  async searchUsers(input: z.infer<typeof searchInput>): Promise<{ users: UserView[] }> {
    const limit = Math.min(50, Math.max(1, input.limit ?? 20));
    if (!input.query && !input.project && !input.issueKey)
      throw new InputError('Pass a query, a project or an issueKey.');
    const found =
      input.project || input.issueKey
        ? await this.users.assignable({ project: input.project, issueKey: input.issueKey }, input.query, limit)
        : await this.users.search(input.query!, limit);
    return { users: found.filter((u) => u.accountId && u.accountType !== 'app').map(view) };
  }
}

function view(u: User): UserView {
  return compact({ accountId: u.accountId ?? '', name: u.displayName, email: u.emailAddress, timeZone: u.timeZone });
}
