import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Project = JiraSchemas['Project'];
export type ProjectPage = JiraSchemas['PageBeanProject'];
export type Version = JiraSchemas['Version'];
export type Component = JiraSchemas['ProjectComponent'];

/** Projects with their issue types, components and versions. */
@Service()
export class JiraProjects {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async search(query: string | undefined, startAt: number, maxResults: number): Promise<ProjectPage> {
    const res = await this.http.request<ProjectPage>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/project/search',
      query: { query, startAt, maxResults, orderBy: 'key' },
    });
    return res.data;
  }

  async get(key: string): Promise<Project> {
    const res = await this.http.request<Project>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/project/${key}`,
      query: { expand: 'lead,issueTypes' },
    });
    return res.data;
  }

  async components(key: string): Promise<Component[]> {
    const res = await this.http.request<Component[]>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/project/${key}/components`,
    });
    return res.data;
  }

  async versions(key: string): Promise<Version[]> {
    const res = await this.http.request<Version[]>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/project/${key}/versions`,
    });
    return res.data;
  }
}
