import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type FieldDetails = JiraSchemas['FieldDetails'];
export type FieldCreateMetadata = JiraSchemas['FieldCreateMetadata'];
export type CreateMetaIssueType = JiraSchemas['IssueTypeIssueCreateMetadata'];

/** Field definitions and create metadata (required fields, allowed values). */
@Service()
export class JiraFields {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  /** Every system and custom field of the site. */
  async all(): Promise<FieldDetails[]> {
    const res = await this.http.request<FieldDetails[]>({ product: 'jira', method: 'GET', path: '/rest/api/3/field' });
    return res.data;
  }

  async createIssueTypes(project: string): Promise<CreateMetaIssueType[]> {
    const res = await this.http.request<JiraSchemas['PageOfCreateMetaIssueTypes']>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/createmeta/${project}/issuetypes`,
      query: { maxResults: 200 },
    });
    return res.data.issueTypes ?? res.data.createMetaIssueType ?? [];
  }

  async createFields(project: string, issueTypeId: string): Promise<FieldCreateMetadata[]> {
    const res = await this.http.request<JiraSchemas['PageOfCreateMetaIssueTypeWithField']>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/createmeta/${project}/issuetypes/${issueTypeId}`,
      query: { maxResults: 200 },
    });
    return res.data.fields ?? res.data.results ?? [];
  }
}
