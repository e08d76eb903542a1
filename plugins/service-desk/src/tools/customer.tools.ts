import * as z from 'zod';
import { inject, InputError, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JsmCustomers } from '../client/jsm-customers.js';
import type { JsmUser, Organization } from '../client/jsm-http.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { lines, person } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { accountId, cursor, distinctIds, limit, numericId, pageSize, serviceDeskId } from './ids.js';

const listInput = z.object({ serviceDeskId, query: z.string().optional().describe('Name or email'), limit, cursor });
const createInput = z.object({
  email: z.string(),
  displayName: z.string(),
  serviceDeskId: serviceDeskId.optional().describe('Also add them to this desk'),
});
const addInput = z.object({ serviceDeskId, accountIds: z.array(accountId) });
const orgsInput = z.object({
  serviceDeskId: serviceDeskId.optional(),
  accountId: accountId.optional().describe('Only organizations this person belongs to'),
  limit,
  cursor,
});
const orgAddInput = z.object({ organizationId: numericId, accountIds: z.array(accountId) });

type Customer = { accountId: string; name: string; email?: string };
type OrgView = { id: string; name: string };

const customerView = (u: JsmUser): Customer => ({
  accountId: u.accountId ?? '',
  name: person(u) ?? '?',
  email: u.emailAddress,
});
const customerLine = (c: Customer) => `${c.name}${c.email ? ` <${c.email}>` : ''} (${c.accountId})`;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Customers of desks and organizations. */
@ToolProvider()
export class CustomerTools {
  constructor(
    @inject(JsmCustomers) private readonly customers: JsmCustomers,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  @Tool({
    name: 'servicedesk_list_customers',
    title: 'List customers',
    description: 'Customers of a desk (their account ids), found by name or email.',
    input: listInput,
    output: anyOut,
    readOnly: true,
    toolset: 'customers',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.customers],
    render: (out, kit) => {
      const o = out as { customers: Customer[]; nextCursor?: string };
      if (o.customers.length === 0) return 'No customers match.';
      return lines(
        kit.fence(o.customers.map(customerLine).join('\n'), 'customers'),
        kit.more({ shown: o.customers.length, nextCursor: o.nextCursor, noun: 'customers' }),
      );
    },
  })
  async list(input: z.infer<typeof listInput>) {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const p = pager('servicedesk.customers', input.cursor, { desk: desk.id, query: input.query });
    const { start, limit: size } = p.jsm(pageSize(input.limit, this.config.pageSize));
    const page = p.jsmPage<JsmUser>(await this.customers.ofDesk(desk.id, input.query, start, size));
    return { customers: page.items.map(customerView), nextCursor: page.nextCursor };
  }

  @Tool({
    name: 'servicedesk_create_customer',
    title: 'Create customer',
    description: 'Create a portal customer account, optionally adding it to a desk.',
    input: createInput,
    output: anyOut,
    readOnly: false,
    toolset: 'customers',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.customers, SCOPE.jiraUsers],
    target: (i) => `customer ${i.email}`,
    render: (out, kit) => {
      const o = out as Customer & { desk?: string };
      return `Created customer ${kit.inline(customerLine(o))}${o.desk ? ` and added them to ${o.desk}` : ''}.`;
    },
  })
  async create(input: z.infer<typeof createInput>): Promise<Customer & { desk?: string }> {
    const email = input.email.trim();
    if (!EMAIL.test(email)) throw new InputError(`"${email}" is not an email address`);
    if (!input.displayName.trim()) throw new InputError('The display name is empty');
    const desk = input.serviceDeskId === undefined ? undefined : await this.directory.resolve(input.serviceDeskId);
    const created = customerView(await this.customers.create(email, input.displayName.trim()));
    if (desk) await this.customers.addToDesk(desk.id, [created.accountId]);
    return { ...created, desk: desk?.projectKey };
  }

  @Tool({
    name: 'servicedesk_add_customers',
    title: 'Add customers to desk',
    description: 'Let customers (account ids) raise requests on a desk.',
    input: addInput,
    output: anyOut,
    readOnly: false,
    idempotent: true,
    toolset: 'customers',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.customers],
    render: (out) => `Added ${String(out.added)} customer(s) to ${String(out.desk)}.`,
  })
  async add(input: z.infer<typeof addInput>): Promise<{ desk: string; added: number }> {
    const ids = distinctIds(input.accountIds);
    const desk = await this.directory.resolve(input.serviceDeskId);
    await this.customers.addToDesk(desk.id, ids);
    return { desk: desk.projectKey, added: ids.length };
  }

  @Tool({
    name: 'servicedesk_list_organizations',
    title: 'List organizations',
    description: 'Customer organizations: of a desk, of a person, or all.',
    input: orgsInput,
    output: anyOut,
    readOnly: true,
    toolset: 'customers',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.customers],
    render: (out, kit) => {
      const o = out as { organizations: OrgView[]; nextCursor?: string };
      if (o.organizations.length === 0) return 'No organizations.';
      return lines(
        kit.fence(o.organizations.map((x) => `${x.id} ${x.name}`).join('\n'), 'organizations'),
        kit.more({ shown: o.organizations.length, nextCursor: o.nextCursor, noun: 'organizations' }),
      );
    },
  })
  async organizations(input: z.infer<typeof orgsInput>) {
    const desk = input.serviceDeskId === undefined ? undefined : await this.directory.resolve(input.serviceDeskId);
    const p = pager('servicedesk.organizations', input.cursor, { desk: desk?.id, accountId: input.accountId });
    const { start, limit: size } = p.jsm(pageSize(input.limit, this.config.pageSize));
    const page = p.jsmPage<Organization>(
      await this.customers.organizations({ serviceDeskId: desk?.id, accountId: input.accountId, start, limit: size }),
    );
    return {
      organizations: page.items.map((o) => ({ id: String(o.id ?? ''), name: o.name ?? '' })),
      nextCursor: page.nextCursor,
    };
  }

  @Tool({
    name: 'servicedesk_add_organization_customers',
    title: 'Add customers to organization',
    description: 'Add customers (account ids) to an organization: they then share its requests.',
    input: orgAddInput,
    output: anyOut,
    readOnly: false,
    idempotent: true,
    toolset: 'customers',
    scopes: [SCOPE.customers],
    target: (i) => `organization ${i.organizationId}`,
    render: (out) => `Added ${String(out.added)} customer(s) to organization ${String(out.organizationId)}.`,
  })
  async addToOrganization(input: z.infer<typeof orgAddInput>): Promise<{ organizationId: string; added: number }> {
    const ids = distinctIds(input.accountIds);
    await this.customers.addToOrganization(input.organizationId, ids);
    return { organizationId: input.organizationId, added: ids.length };
  }
}
