import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import {
  SD,
  type CustomerRequest,
  type CustomerTransition,
  type JsmPage,
  type RequestStatus,
  type SlaInformation,
} from './jsm-http.js';

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
    const res = await this.http.request<CustomerRequest>({
      product: 'jsm',
      method: 'POST',
      path: `${SD}/request`,
      body,
      writeKey: `servicedesk:${body.serviceDeskId}`,
    });
    return res.data;
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

  /** Performs a portal transition; `comment` (wiki text) is added as a public comment. */
  async transition(issueIdOrKey: string, id: string, comment?: string): Promise<void> {
    await this.http.request({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/transition`,
      body: { id, ...(comment ? { additionalComment: { body: comment } } : {}) },
      writeKey: issueIdOrKey,
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
