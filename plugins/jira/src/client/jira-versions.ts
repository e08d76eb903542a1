import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Version = JiraSchemas['Version'];
export type Component = JiraSchemas['ProjectComponent'];

/** Project versions and components (create/update; listing lives in JiraProjects). */
@Service()
export class JiraVersions {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async createVersion(body: Version): Promise<Version> {
    const res = await this.http.request<Version>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/version',
      body,
    });
    return res.data;
  }

  async updateVersion(id: string, body: Version): Promise<Version> {
    const res = await this.http.request<Version>({
      product: 'jira',
      method: 'PUT',
      path: apiPath`/rest/api/3/version/${id}`,
      body,
      idempotent: true,
    });
    return res.data;
  }

  async createComponent(body: Component): Promise<Component> {
    const res = await this.http.request<Component>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/component',
      body,
    });
    return res.data;
  }
}
