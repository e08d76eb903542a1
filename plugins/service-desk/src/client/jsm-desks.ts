import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import {
  EXPERIMENTAL,
  SD,
  type JsmPage,
  type RequestCreateMeta,
  type RequestType,
  type RequestTypeGroup,
  type ServiceDesk,
  type SoftwareInfo,
} from './jsm-http.js';

/** Service desks, their request types and the fields a request type asks for. */
@Service()
export class JsmDesks {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  /** JSM's version and licence (no scope needed). */
  async info(): Promise<SoftwareInfo> {
    return (await this.http.request<SoftwareInfo>({ product: 'jsm', method: 'GET', path: `${SD}/info` })).data;
  }

  async list(start: number, limit: number): Promise<JsmPage<ServiceDesk>> {
    const res = await this.http.request<JsmPage<ServiceDesk>>({
      product: 'jsm',
      method: 'GET',
      path: `${SD}/servicedesk`,
      query: { start, limit },
    });
    return res.data;
  }

  async get(serviceDeskId: string): Promise<ServiceDesk> {
    const res = await this.http.request<ServiceDesk>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}`,
    });
    return res.data;
  }

  async requestTypes(
    serviceDeskId: string,
    o: { query?: string; groupId?: string; start: number; limit: number },
  ): Promise<JsmPage<RequestType>> {
    const res = await this.http.request<JsmPage<RequestType>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype`,
      query: { searchQuery: o.query, groupId: o.groupId, start: o.start, limit: o.limit },
    });
    return res.data;
  }

  /** Request types across desks (experimental in JSM). */
  async allRequestTypes(o: { query?: string; serviceDeskIds?: string[]; start: number; limit: number }) {
    const res = await this.http.request<JsmPage<RequestType>>({
      product: 'jsm',
      method: 'GET',
      path: `${SD}/requesttype`,
      query: { searchQuery: o.query, serviceDeskId: o.serviceDeskIds, start: o.start, limit: o.limit },
      headers: EXPERIMENTAL,
    });
    return res.data;
  }

  async requestType(serviceDeskId: string, requestTypeId: string): Promise<RequestType> {
    const res = await this.http.request<RequestType>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype/${requestTypeId}`,
    });
    return res.data;
  }

  async groups(serviceDeskId: string): Promise<RequestTypeGroup[]> {
    const res = await this.http.request<JsmPage<RequestTypeGroup>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttypegroup`,
      query: { start: 0, limit: 100 },
    });
    return res.data.values ?? [];
  }

  /** The fields a request type asks for, with allowed values and whether they are required. */
  async fields(serviceDeskId: string, requestTypeId: string): Promise<RequestCreateMeta> {
    const res = await this.http.request<RequestCreateMeta>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype/${requestTypeId}/field`,
    });
    return res.data;
  }
}
