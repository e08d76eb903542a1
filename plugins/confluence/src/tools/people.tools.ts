import * as z from 'zod';
import { inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { ConfluenceRestrictions } from '../client/confluence-restrictions.js';
import { ConfluenceUsers } from '../client/confluence-users.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { compact, dots } from '../view/display.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { limit, pageRef, pageSize } from './ids.js';

const searchInput = z.object({ query: z.string().describe('Part of a name'), limit });
const restrictionsInput = z.object({ pageId: pageRef });

type UserRow = { accountId: string; name: string; email?: string; active?: boolean };

/** People: the signed-in user, users by name, and who may read or edit a page. */
@ToolProvider()
export class PeopleTools {
  constructor(
    @inject(ConfluenceUsers) private readonly users: ConfluenceUsers,
    @inject(ConfluenceRestrictions) private readonly restrictions: ConfluenceRestrictions,
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
  ) {}

  @Tool({
    name: 'confluence_get_current_user',
    title: 'Current user',
    description: 'Who the server acts as: name, account id, email.',
    input: z.object({}),
    output: itemOut,
    readOnly: true,
    toolset: 'people',
    scopes: ['read:confluence-user'],
    render: (out, kit) => dots(kit.inline(String(out.name)), `account ${out.id}`, out.email as string | undefined),
  })
  async currentUser() {
    const u = await this.users.current();
    return compact({ id: u.accountId ?? '', name: u.displayName ?? u.publicName ?? '', email: u.email });
  }

  @Tool({
    name: 'confluence_search_users',
    title: 'Search users',
    description: 'People by name, with the account ids that mentions ([@Name](accountid:…)) need.',
    input: searchInput,
    output: pageOut('users'),
    readOnly: true,
    toolset: 'people',
    scopes: ['read:confluence-user', 'search:confluence', 'read:content-details:confluence'],
    render: (out, kit) =>
      out.users.length === 0
        ? 'No users.'
        : kit.fence(
            (out.users as UserRow[])
              .map((u) => dots(u.name, u.accountId, u.email, u.active === false && 'inactive'))
              .join('\n'),
            'users',
          ),
  })
  async searchUsers(input: z.infer<typeof searchInput>) {
    const found = await this.users.search(input.query, pageSize(input.limit, 10));
    return {
      users: found.map((u) =>
        compact({
          accountId: u.accountId ?? '',
          name: u.displayName ?? u.publicName ?? '',
          email: u.email,
          active: (u as { accountStatus?: string }).accountStatus === 'inactive' ? false : undefined,
        }),
      ),
    };
  }

  @Tool({
    name: 'confluence_get_page_restrictions',
    targets: { pageId: 'page' },
    title: 'Page restrictions',
    description: 'Who may view and who may edit a page, when it is restricted.',
    input: restrictionsInput,
    output: itemOut,
    readOnly: true,
    toolset: 'people',
    scopes: ['read:confluence-content.permission', 'read:page:confluence', 'read:content-details:confluence'],
    render: (out, kit) => {
      const line = (op: string, r?: { users: string[]; groups: string[] }) =>
        r && (r.users.length || r.groups.length)
          ? `${op}: only ${[...r.users, ...r.groups.map((g) => `group ${g}`)].map((n) => kit.inline(n, 80)).join(', ')}`
          : `${op}: everyone who can see the space`;
      const r = out.restrictions as Record<string, { users: string[]; groups: string[] }>;
      return [`page ${out.id}`, line('view', r.read), line('edit', r.update)].join('\n');
    },
  })
  async getPageRestrictions(input: z.infer<typeof restrictionsInput>) {
    const { bean } = await this.reader.bean(await this.locator.resolve(input.pageId), { body: false });
    return { id: String(bean.id), restrictions: await this.restrictions.byOperation(String(bean.id)) };
  }
}
