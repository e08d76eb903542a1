import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import {
  SD,
  type CustomerRequest,
  type CustomerTransition,
  type JsmPage,
  type RequestStatus,
  type SlaInformation,
} from './jsm-http.js';
import { CLOCK_SKEW_MS, notProvable, type Lookup } from './lookup.js';

/** Every expansion of a request, for one call that reads all of it. */
export const REQUEST_EXPANDS = [
  'participant',
  'status',
  'sla',
  'requestType',
  'serviceDesk',
  'attachment',
  'action',
  'comment',
] as const;

export type RequestExpand = (typeof REQUEST_EXPANDS)[number];

/** What `GET /request` filters on. */
export interface RequestQuery {
  serviceDeskId?: string;
  requestTypeId?: string;
  searchTerm?: string;
  requestStatus?: 'OPEN_REQUESTS' | 'CLOSED_REQUESTS' | 'ALL_REQUESTS';
  requestOwnership?: string[];
  approvalStatus?: 'MY_PENDING_APPROVAL' | 'MY_HISTORY_APPROVAL';
  organizationId?: string;
}

/** What `POST /request` takes. */
export interface RequestCreate {
  serviceDeskId: string;
  requestTypeId: string;
  requestFieldValues: Record<string, unknown>;
  raiseOnBehalfOf?: string;
  requestParticipants?: string[];
}

/** Customer requests: list, read, create, status, portal transitions and SLAs. */
@Service()
export class JsmRequests {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(q: RequestQuery, start: number, limit: number, expand: RequestExpand[] = []) {
    const res = await this.http.request<JsmPage<CustomerRequest>>({
      product: 'jsm',
      method: 'GET',
      path: `${SD}/request`,
      query: { ...q, expand: expand.length ? expand.join(',') : undefined, start, limit },
    });
    return res.data;
  }

  async get(issueIdOrKey: string, expand: readonly RequestExpand[] = []): Promise<CustomerRequest> {
    const res = await this.http.request<CustomerRequest>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}`,
      query: { expand: expand.length ? expand.join(',') : undefined },
    });
    return res.data;
  }

  async create(body: RequestCreate): Promise<CustomerRequest> {
    const since = Date.now() - CLOCK_SKEW_MS;
    const summary = body.requestFieldValues.summary;
    const res = await this.http.request<CustomerRequest>({
      product: 'jsm',
      method: 'POST',
      path: `${SD}/request`,
      body,
      writeKey: `servicedesk:${body.serviceDeskId}`,
      reconcile: {
        check: `servicedesk_get_requests {serviceDeskId: "${body.serviceDeskId}", requestTypeId: "${body.requestTypeId}"}: is a new request "${String(summary ?? '')}" there? Raise it again only if not.`,
        find: () => this.findCreated(body, since),
      },
    });
    return res.data;
  }

  /**
   * The request this create made: same desk, type and summary (and reporter, when raised on
   * behalf), created since the send. The request list may lag, so a miss proves nothing.
   */
  private async findCreated(body: RequestCreate, since: number): Promise<Lookup<CustomerRequest>> {
    const summary = body.requestFieldValues.summary;
    if (typeof summary !== 'string') notProvable('The new request');
    const page = await this.list(
      { serviceDeskId: body.serviceDeskId, requestTypeId: body.requestTypeId, requestOwnership: ['ALL_REQUESTS'] },
      0,
      50,
    );
    const hit = (page.values ?? []).find(
      (r) =>
        r.summary === summary &&
        (r.createdDate?.epochMillis ?? 0) >= since &&
        (!body.raiseOnBehalfOf || r.reporter?.accountId === body.raiseOnBehalfOf),
    );
    return hit ? { found: true, data: hit } : notProvable(`The new request "${summary}"`);
  }

  async status(issueIdOrKey: string, start: number, limit: number): Promise<JsmPage<RequestStatus>> {
    const res = await this.http.request<JsmPage<RequestStatus>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/status`,
      query: { start, limit },
    });
    return res.data;
  }

  async transitions(issueIdOrKey: string): Promise<CustomerTransition[]> {
    const res = await this.http.request<JsmPage<CustomerTransition>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/transition`,
      query: { start: 0, limit: 100 },
    });
    return res.data.values ?? [];
  }

  /**
   * Performs a portal transition; `comment` (wiki text) is added as a public comment. `fromStatus`
   * is the status before: a lost answer is settled by whether the request left it.
   */
  async transition(issueIdOrKey: string, id: string, fromStatus: string | undefined, comment?: string): Promise<void> {
    await this.http.request({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/transition`,
      body: { id, ...(comment ? { additionalComment: { body: comment } } : {}) },
      writeKey: issueIdOrKey,
      reconcile: {
        check: `servicedesk_get_request {issueKey: "${issueIdOrKey}"}: is it still ${fromStatus ?? 'in its old status'}? Transition it again only if so.`,
        find: async () => {
          const now = (await this.get(issueIdOrKey)).currentStatus?.status;
          if (fromStatus !== undefined && now !== fromStatus) return { found: true };
          if ((await this.transitions(issueIdOrKey)).some((t) => t.id === id)) return { found: false };
          return notProvable(`The transition ${id} on ${issueIdOrKey}`);
        },
      },
    });
  }

  async sla(issueIdOrKey: string): Promise<SlaInformation[]> {
    const res = await this.http.request<JsmPage<SlaInformation>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/sla`,
      query: { start: 0, limit: 50 },
    });
    return res.data.values ?? [];
  }
}
