import { apiPath, coreServices, inject, Service, type HttpService } from '@atlassian-mcp/core';
import { SD, type Article, type JsmPage } from './jsm-http.js';

/** Knowledge-base search: the Confluence articles linked to the desks. */
@Service()
export class JsmKnowledgeBase {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async search(query: string, serviceDeskId: string | undefined, start: number, limit: number) {
    const res = await this.http.request<JsmPage<Article>>({
      product: 'jsm',
      method: 'GET',
      path:
        serviceDeskId === undefined
          ? `${SD}/knowledgebase/article`
          : apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/knowledgebase/article`,
      query: { query, highlight: false, start, limit },
    });
    return res.data;
  }
}
