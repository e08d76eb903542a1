import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraUsers, type User } from '../client/jira-users.js';
import { compact } from '../view/display.js';

const userSchema = z.object({ accountId: z.string(), name: z.string().optional(), email: z.string().optional(), timeZone: z.string().optional() });
const searchInput = z.object({
  query: z.string().optional().describe('Name or email'),
  project: z.string().optional().describe('Only users assignable in this project'),
  issueKey: z.string().optional().describe('Only users assignable to this issue'),
  limit: z.number().int().min(1).max(50).optional(),
});
const searchOutput = z.object({ users: z.array(userSchema) });

/** People: who am I, who is who. */
@ToolProvider()
export class UserTools {
  constructor(@inject(JiraUsers) private readonly users: JiraUsers) {}

  @Tool({
    name: 'jira_get_current_user',
    title: 'Current user',
    description: 'Who the server acts as: accountId, name, email, time zone.',
    input: z.object({}),
    output: userSchema,
    readOnly: true,
    toolset: 'context',
    scopes: ['read:jira-user'],
    render: (u) => [u.name, u.email && `<${u.email}>`, `accountId ${u.accountId}`, u.timeZone].filter(Boolean).join(' · '),
  })
  async currentUser(): Promise<z.input<typeof userSchema>> {
    return view(await this.users.myself());
  }

  @Tool({
    name: 'jira_search_users',
    title: 'Find users',
    description: 'Find people by name or email → accountId; or users assignable in a project/issue.',
    input: searchInput,
    output: searchOutput,
    readOnly: true,
    toolset: 'context',
    scopes: ['read:jira-user'],
    render: (out) => (out.users.length === 0 ? 'No users match.' : out.users.map((u) => [u.name, u.email && `<${u.email}>`, u.accountId].filter(Boolean).join(' · ')).join('\n')),
  })
  async searchUsers(input: z.infer<typeof searchInput>): Promise<z.input<typeof searchOutput>> {
    const limit = input.limit ?? 20;
    if (!input.query && !input.project && !input.issueKey) throw new InputError('Pass a query, a project or an issueKey.');
    const found = input.project || input.issueKey
      ? await this.users.assignable({ project: input.project, issueKey: input.issueKey }, input.query, limit)
      : await this.users.search(input.query!, limit);
    return { users: found.filter((u) => u.accountId && u.accountType !== 'app').map(view) };
  }
}

function view(u: User): z.input<typeof userSchema> {
  return compact({ accountId: u.accountId ?? '', name: u.displayName, email: u.emailAddress, timeZone: u.timeZone });
}
