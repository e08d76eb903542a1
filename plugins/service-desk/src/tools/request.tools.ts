import * as z from 'zod';
import { inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JsmRequests, REQUEST_EXPANDS, type RequestQuery } from '../client/jsm-requests.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { RequestCreator, type CreatedRequest } from '../domain/request-creator.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { renderRequest, rowLine } from '../view/request-render.js';
import { RequestViews, type RequestDetail, type RequestRow } from '../view/request-views.js';
import { cursor, issueKey, limit, pageSize, numericId, serviceDeskId } from './ids.js';

const STATUS = { open: 'OPEN_REQUESTS', closed: 'CLOSED_REQUESTS', all: 'ALL_REQUESTS' } as const;

const listInput = z.object({
  serviceDeskId: serviceDeskId.optional(),
  requestTypeId: numericId.optional(),
  status: z.enum(['open', 'closed', 'all']).optional(),
  query: z.string().optional().describe('Words in the summary'),
  limit,
  cursor,
});
const getInput = z.object({ issueKey });
const createInput = z.object({
  serviceDeskId,
  requestTypeId: numericId,
  summary: z.string().optional(),
  description: z.string().optional(),
  fields: z.record(z.string(), z.unknown()).optional().describe('Other fields, by name'),
  onBehalfOf: z.string().optional().describe("Customer's account id or email"),
  participants: z.array(z.string()).optional(),
});

type RowPage = { requests: RequestRow[]; nextCursor?: string; filtered?: number };

/** Listing, reading and raising requests. */
@ToolProvider()
export class RequestTools {
  constructor(
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(RequestViews) private readonly views: RequestViews,
    @inject(RequestCreator) private readonly creator: RequestCreator,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  @Tool({
    name: 'servicedesk_get_requests',
    title: 'List requests',
    description: 'Requests you can see, latest first.',
    input: listInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as RowPage;
      if (o.requests.length === 0) return 'No requests.';
      return lines(
        'key | status | request type | reporter | created | summary',
        kit.fence(o.requests.map(rowLine).join('\n'), 'requests'),
        !!o.filtered && `${o.filtered} outside the project allowlist not shown`,
        kit.more({ shown: o.requests.length, nextCursor: o.nextCursor, noun: 'requests' }),
      );
    },
  })
  async list(input: z.infer<typeof listInput>): Promise<RowPage> {
    const desk = input.serviceDeskId === undefined ? undefined : await this.directory.resolve(input.serviceDeskId);
    const q: RequestQuery = {
      serviceDeskId: desk?.id,
      requestTypeId: input.requestTypeId,
      searchTerm: input.query,
      requestStatus: STATUS[input.status ?? 'all'],
      requestOwnership: ['ALL_REQUESTS'],
    };
    const p = pager('servicedesk.requests', input.cursor, q as Record<string, unknown>);
    const { start, limit: size } = p.jsm(pageSize(input.limit, this.config.pageSize));
    const page = p.jsmPage<Parameters<RequestViews['row']>[0]>(
      await this.requests.list(q, start, size, ['requestType']),
    );
    const allowed = page.items.filter((r) => this.directory.allows(r.issueKey?.replace(/-\d+$/, '')));
    return {
      requests: allowed.map((r) => this.views.row(r)),
      nextCursor: page.nextCursor,
      filtered: page.items.length - allowed.length || undefined,
    };
  }

  @Tool({
    name: 'servicedesk_get_request',
    title: 'Get request',
    description: 'A request with fields, status, transitions, SLAs, comments.',
    input: getInput,
    output: anyOut,
    readOnly: true,
    toolset: 'requests',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => renderRequest(out as RequestDetail, kit),
  })
  async get(input: z.infer<typeof getInput>): Promise<RequestDetail> {
    const [r, transitions] = await Promise.all([
      this.requests.get(input.issueKey, REQUEST_EXPANDS),
      this.requests.transitions(input.issueKey),
    ]);
    return { ...this.views.detail(r), transitions: transitions.map((t) => ({ id: t.id ?? '', name: t.name ?? '' })) };
  }

  @Tool({
    name: 'servicedesk_create_request',
    title: 'Create request',
    description: 'Raise a request; fields by the names servicedesk_get_request_type_fields shows.',
    input: createInput,
    output: anyOut,
    readOnly: false,
    toolset: 'requests',
    targets: { serviceDeskId: 'desk' },
    scopes: [SCOPE.read, SCOPE.write],
    target: (i) => `servicedesk ${i.serviceDeskId} type ${i.requestTypeId}`,
    render: (out, kit) => {
      const o = out as CreatedRequest;
      return lines(
        `Created ${o.key}: ${o.requestType ? kit.inline(o.requestType) : `type ${o.requestTypeId}`}, status ${kit.inline(o.status ?? '?')}, reporter ${kit.inline(o.reporter ?? '?')}${o.onBehalf ? ' (raised on their behalf: they see it on the portal)' : ''}.`,
        o.portalUrl && `portal: ${o.portalUrl}`,
        o.note,
      );
    },
  })
  async create(input: z.infer<typeof createInput>): Promise<CreatedRequest> {
    return this.creator.create(input);
  }
}
