import { apiPath, coreServices, inject, isAtlassianMcpError, Service, type HttpService } from '@atlassian-mcp/core';
import { EXPERIMENTAL, type Feedback } from './jsm-http.js';

/** Customer satisfaction (CSAT) feedback on a request (experimental in JSM). */
@Service()
export class JsmFeedback {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  /** The feedback, or `undefined` when none was given (JSM answers 404 then). */
  async get(requestIdOrKey: string): Promise<Feedback | undefined> {
    try {
      const res = await this.http.request<Feedback>({
        product: 'jsm',
        method: 'GET',
        path: apiPath`/rest/servicedeskapi/request/${requestIdOrKey}/feedback`,
        headers: EXPERIMENTAL,
      });
      return res.data;
    } catch (e) {
      if (isAtlassianMcpError(e) && e.code === 'not_found') return undefined;
      throw e;
    }
  }
}
