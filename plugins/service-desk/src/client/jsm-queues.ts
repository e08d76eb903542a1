import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import type { JsmPage, JsmSchemas, Queue } from './jsm-http.js';

export type QueueIssue = JsmSchemas['IssueBean'];

/** Queues of a desk (agents only) and the requests in them. */
@Service()
export class JsmQueues {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(serviceDeskId: string): Promise<Queue[]> {
    const res = await this.http.request<JsmPage<Queue>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/queue`,
      query: { includeCount: true, start: 0, limit: 100 },
    });
    return res.data.values ?? [];
  }

  async issues(serviceDeskId: string, queueId: string, start: number, limit: number) {
    const res = await this.http.request<JsmPage<QueueIssue>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/queue/${queueId}/issue`,
      query: { start, limit },
    });
    return res.data;
  }
}
