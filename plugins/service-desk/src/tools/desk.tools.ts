import * as z from 'zod';
import { inject, pager, Tool, ToolProvider, type RenderKit } from '@atlassian-mcp/core';
import { JsmAvailability, type Availability } from '../client/jsm-availability.js';
import { JsmDesks } from '../client/jsm-desks.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { requestTypeLine, requestTypeView, type DeskView, type RequestTypeView } from '../view/desk-views.js';
import { cursor, limit, pageSize, serviceDeskId } from './ids.js';

const listDesksInput = z.object({ query: z.string().optional() });
const deskInput = z.object({ serviceDeskId });
const listTypesInput = z.object({
  serviceDeskId: serviceDeskId.optional(),
  query: z.string().optional(),
  limit,
  cursor,
});

type TypeList = { requestTypes: Array<RequestTypeView & { desk?: string }>; nextCursor?: string };

function renderAvailability(a: Availability): string {
  const missing = Object.entries(a.missingScopes).map(([set, s]) => `${set}: ${s.join(', ')}`);
  return lines(
    `JSM ${a.reachable ? 'reachable' : 'NOT reachable'}${a.version ? ` (version ${a.version})` : ''}; licensed: ${a.licensed === undefined ? 'unknown' : a.licensed ? 'yes' : 'NO'}; auth: ${a.auth === 'apiToken' ? 'API token (the account’s own permissions)' : 'OAuth'}`,
    a.desks !== undefined && `service desks visible: ${a.desks}`,
    missing.length > 0 && `missing scopes by toolset: ${missing.join('; ')}`,
    a.auth === 'oauth' && missing.length === 0 && 'scopes: all granted',
    a.problem && `problem: ${a.problem}`,
    `next: ${a.next}`,
  );
}

/** Availability, service desks and request types. */
@ToolProvider()
export class DeskTools {
  constructor(
    @inject(JsmAvailability) private readonly availability: JsmAvailability,
    @inject(JsmDesks) private readonly desks: JsmDesks,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  @Tool({
    name: 'servicedesk_check_availability',
    title: 'Check JSM availability',
    description: 'Is JSM licensed and reachable; missing scopes.',
    input: z.object({}),
    output: anyOut,
    readOnly: true,
    toolset: 'details',
    scopes: [],
    render: (out) => renderAvailability(out as Availability),
  })
  async checkAvailability(): Promise<Availability> {
    return this.availability.check();
  }

  @Tool({
    name: 'servicedesk_list_service_desks',
    title: 'List service desks',
    description: 'Service desks you can use.',
    input: listDesksInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    scopes: [SCOPE.read],
    render: (out, kit) =>
      (out.desks as unknown[]).length === 0
        ? 'No service desks.'
        : lines(
            'id key name',
            kit.fence((out.desks as DeskView[]).map((d) => `${d.id} ${d.key} ${d.name}`).join('\n'), 'service desks'),
            !!out.more && `${String(out.more)} more: narrow with query`,
          ),
  })
  async listDesks(input: z.infer<typeof listDesksInput>): Promise<{ desks: DeskView[]; more?: number }> {
    const q = input.query?.trim().toLowerCase();
    const all = (await this.directory.all(true))
      .filter((d) => this.directory.allows(d.projectKey))
      .filter((d) => !q || `${d.projectKey} ${d.projectName}`.toLowerCase().includes(q));
    const max = 100;
    const desks = all.slice(0, max).map((d) => ({ id: d.id, key: d.projectKey, name: d.projectName }));
    return { desks, more: all.length > max ? all.length - max : undefined };
  }

  @Tool({
    name: 'servicedesk_get_service_desk',
    title: 'Get service desk',
    description: 'A service desk with its request types by group.',
    input: deskInput,
    output: anyOut,
    readOnly: true,
    toolset: 'details',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read],
    render: (out, kit) =>
      lines(
        `${out.id} ${String(out.key)} ${kit.inline(String(out.name))}`,
        kit.fence((out.requestTypes as RequestTypeView[]).map((t) => requestTypeLine(t)).join('\n'), 'request types'),
      ),
  })
  async getDesk(input: z.infer<typeof deskInput>): Promise<DeskView & { requestTypes: RequestTypeView[] }> {
    const desk = await this.directory.resolve(input.serviceDeskId);
    const [groups, types] = await Promise.all([
      this.desks.groups(desk.id),
      this.desks.requestTypes(desk.id, { start: 0, limit: 100 }),
    ]);
    return {
      id: desk.id,
      key: desk.projectKey,
      name: desk.projectName,
      requestTypes: (types.values ?? []).map((t) => requestTypeView(t, groups)),
    };
  }

  @Tool({
    name: 'servicedesk_list_request_types',
    title: 'List request types',
    description: 'Request types of a desk, or of all desks.',
    input: listTypesInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read],
    render: (out, kit) => renderTypes(out as TypeList, kit),
  })
  async listRequestTypes(input: z.infer<typeof listTypesInput>): Promise<TypeList> {
    const size = pageSize(input.limit, this.config.pageSize);
    if (input.serviceDeskId !== undefined) {
      const desk = await this.directory.resolve(input.serviceDeskId);
      const p = pager('servicedesk.requesttypes', input.cursor, { desk: desk.id, query: input.query });
      const [groups, body] = await Promise.all([
        this.desks.groups(desk.id),
        this.desks.requestTypes(desk.id, { query: input.query, ...p.jsm(size) }),
      ]);
      const page = p.jsmPage<Parameters<typeof requestTypeView>[0]>(body);
      return { requestTypes: page.items.map((t) => requestTypeView(t, groups)), nextCursor: page.nextCursor };
    }
    const visible = await this.directory.visible();
    const deskIds = this.directory.restricted ? visible.map((d) => d.id) : undefined;
    const p = pager('servicedesk.requesttypes.all', input.cursor, { query: input.query, deskIds });
    if (deskIds?.length === 0) return { requestTypes: [] };
    const page = p.jsmPage<Parameters<typeof requestTypeView>[0]>(
      await this.desks.allRequestTypes({ query: input.query, serviceDeskIds: deskIds, ...p.jsm(size) }),
    );
    const keyOf = new Map(visible.map((d) => [d.id, d.projectKey]));
    return {
      requestTypes: page.items
        .filter((t) => keyOf.has(String(t.serviceDeskId)))
        .map((t) => ({ ...requestTypeView(t), desk: keyOf.get(String(t.serviceDeskId)) })),
      nextCursor: page.nextCursor,
    };
  }
}

function renderTypes(out: TypeList, kit: RenderKit): string {
  if (out.requestTypes.length === 0) return 'No request types.';
  const rows = out.requestTypes.map((t) => requestTypeLine(t, t.desk)).join('\n');
  return lines(
    'id (desk) name [groups]: description',
    kit.fence(rows, 'request types'),
    kit.more({ shown: out.requestTypes.length, nextCursor: out.nextCursor, noun: 'request types' }),
  );
}
