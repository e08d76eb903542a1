import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Version = JiraSchemas['Version'];
export type Component = JiraSchemas['ProjectComponent'];

/** Project versions and components (create/update; listing lives in JiraProjects). */
@Service()
export class JiraVersions {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  /** Version names are unique in a project: after a lost answer, the name tells whether it exists. */
  async createVersion(body: Version): Promise<Version> {
    const project = body.project ?? body.projectId;
    const res = await this.http.request<Version>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/version',
      body,
      reconcile:
        project === undefined
          ? undefined
          : {
              check: `jira_list_versions {project: "${project}"}: is "${body.name}" there? Create it only if not.`,
              find: () => this.findNamed<Version>(apiPath`/rest/api/3/project/${project}/versions`, body.name),
            },
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

  /** Component names are unique in a project: after a lost answer, the name tells whether it exists. */
  async createComponent(body: Component): Promise<Component> {
    const project = body.project;
    const res = await this.http.request<Component>({
      product: 'jira',
      method: 'POST',
      path: '/rest/api/3/component',
      body,
      reconcile:
        project === undefined
          ? undefined
          : {
              check: `jira_get_project {projectKey: "${project}"}: is component "${body.name}" there? Create it only if not.`,
              find: () => this.findNamed<Component>(apiPath`/rest/api/3/project/${project}/components`, body.name),
            },
    });
    return res.data;
  }

  private async findNamed<T extends { name?: string }>(
    path: string,
    name: string | undefined,
  ): Promise<{ found: true; data: T } | { found: false }> {
    const res = await this.http.request<T[]>({ product: 'jira', method: 'GET', path });
    const hit = res.data.find((x) => x.name?.toLowerCase() === name?.toLowerCase());
    return hit ? { found: true, data: hit } : { found: false };
  }
}
