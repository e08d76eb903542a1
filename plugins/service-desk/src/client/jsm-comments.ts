import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import type { JsmPage, RequestComment } from './jsm-http.js';

/** Request comments: public (the customer sees them) or internal (agents only). Bodies are wiki text. */
@Service()
export class JsmComments {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(
    issueIdOrKey: string,
    o: { public?: boolean; internal?: boolean; start: number; limit: number },
  ): Promise<JsmPage<RequestComment>> {
    const res = await this.http.request<JsmPage<RequestComment>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/comment`,
      query: { public: o.public, internal: o.internal, start: o.start, limit: o.limit },
    });
    return res.data;
  }

  /** Adds a comment; `isPublic` is always sent, never left to JSM's public default. */
  async add(issueIdOrKey: string, body: string, isPublic: boolean): Promise<RequestComment> {
    const res = await this.http.request<RequestComment>({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/comment`,
      body: { body, public: isPublic },
      writeKey: issueIdOrKey,
    });
    return res.data;
  }
}
