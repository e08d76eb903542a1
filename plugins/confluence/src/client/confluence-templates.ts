import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1 } from './confluence-http.js';

export type TemplateBean = V1['ContentTemplate'];

/** Content templates (v1 only): the site's and a space's, one with its storage body. */
@Service()
export class ConfluenceTemplates {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  /** Page templates of a space, or the site's global ones. */
  async list(spaceKey?: string): Promise<TemplateBean[]> {
    const res = await this.http.request<{ results?: TemplateBean[] }>({
      product: 'confluence',
      method: 'GET',
      path: '/wiki/rest/api/template/page',
      query: { spaceKey, limit: 100 },
    });
    return res.data.results ?? [];
  }

  async get(id: string): Promise<TemplateBean> {
    const res = await this.http.request<TemplateBean>({
      product: 'confluence',
      method: 'GET',
      path: apiPath`/wiki/rest/api/template/${id}`,
      query: { expand: 'body' },
    });
    return res.data;
  }
}
