import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type IssueLinkType = JiraSchemas['IssueLinkType'];
export type RemoteLink = JiraSchemas['RemoteIssueLink'];

/** Issue links, link types and remote (web) links. */
@Service()
export class JiraLinks {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  async types(): Promise<IssueLinkType[]> {
    const res = await this.http.request<JiraSchemas['IssueLinkTypes']>({
      product: 'jira',
      method: 'GET',
      path: '/rest/api/3/issueLinkType',
    });
    return res.data.issueLinkTypes ?? [];
  }

  async link(body: JiraSchemas['LinkIssueRequestJsonBean']): Promise<void> {
    await this.http.request({ product: 'jira', method: 'POST', path: '/rest/api/3/issueLink', body });
  }

  async unlink(linkId: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/issueLink/${linkId}`,
      idempotent: true,
    });
  }

  async remoteLinks(key: string): Promise<RemoteLink[]> {
    const res = await this.http.request<RemoteLink[]>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}/remotelink`,
    });
    return res.data;
  }

  async addRemoteLink(
    key: string,
    body: JiraSchemas['RemoteIssueLinkRequest'],
  ): Promise<JiraSchemas['RemoteIssueLinkIdentifies']> {
    const res = await this.http.request<JiraSchemas['RemoteIssueLinkIdentifies']>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/remotelink`,
      body,
      issueKey: key,
    });
    return res.data;
  }
}
