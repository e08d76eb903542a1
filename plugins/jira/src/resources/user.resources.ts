import { inject, Resource, ResourceProvider, type ResourceContent, type ResourceContext } from '@atlassian-mcp/core';
import { JiraUsers } from '../client/jira-users.js';
import { uriDecoded } from '../client/jira-containers.js';
import { UserResolver } from '../fields/user-resolver.js';

/** `jira://user/{name}`: a person by name, email or account id, completed from Jira's user search. */
@ResourceProvider()
export class UserResources {
  constructor(
    @inject(JiraUsers) private readonly users: JiraUsers,
    @inject(UserResolver) private readonly resolver: UserResolver,
  ) {}

  @Resource({
    name: 'jira-user',
    uri: 'jira://user/{name}',
    title: 'Jira user',
    description: 'A person by name, email or account id: display name, account id, time zone, active',
    mimeType: 'text/markdown',
    complete: { name: 'completeUser' },
    scopes: ['read:jira-user'],
  })
  async readUser(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const { accountId } = await this.resolver.user(uriDecoded(variables.name!));
    const u = await this.users.get(accountId);
    const { inline } = ctx.render;
    const text = [
      `# ${inline(u.displayName ?? accountId)}`,
      [
        `account ${u.accountId}`,
        u.active === false ? 'inactive' : 'active',
        u.accountType && u.accountType !== 'atlassian' && `${u.accountType} account`,
        u.timeZone && `time zone ${inline(u.timeZone)}`,
        u.emailAddress && `email ${inline(u.emailAddress)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    ].join('\n');
    return [{ uri: uri.href, mimeType: 'text/markdown', text }];
  }

  /** Display names of active people (not apps or portal customers) whose name or one of its words starts with what was typed. */
  async completeUser(prefix: string): Promise<string[]> {
    const typed = prefix.trim().toLowerCase();
    if (!typed) return [];
    const found = await this.users.search(typed, 20);
    return [
      ...new Set(
        found
          .filter((u) => u.active !== false && (u.accountType ?? 'atlassian') === 'atlassian' && u.displayName)
          .map((u) => u.displayName!)
          .filter(
            (name) =>
              name.toLowerCase().startsWith(typed) ||
              name
                .toLowerCase()
                .split(/\s+/)
                .some((w) => w.startsWith(typed)),
          ),
      ),
    ];
  }
}
