import { apiPath, coreServices, inject, Service } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Attachment = JiraSchemas['Attachment'];
export type AttachmentMetadata = JiraSchemas['AttachmentMetadata'];

/** Issue attachments: upload (multipart), metadata, content, delete. */
@Service()
export class JiraAttachments {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  /** Uploads one file; core adds `X-Atlassian-Token: no-check` to multipart requests. */
  async upload(key: string, filename: string, bytes: Uint8Array, mimeType: string): Promise<Attachment[]> {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), filename);
    const res = await this.http.request<Attachment[]>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/attachments`,
      body: form,
      issueKey: key,
    });
    return res.data;
  }

  async metadata(id: string): Promise<AttachmentMetadata> {
    const res = await this.http.request<AttachmentMetadata>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/attachment/${id}`,
    });
    return res.data;
  }

  async content(id: string): Promise<Uint8Array> {
    const res = await this.http.request<Uint8Array>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/attachment/content/${id}`,
      query: { redirect: false },
      responseType: 'bytes',
    });
    return res.data;
  }

  async delete(id: string): Promise<void> {
    await this.http.request({
      product: 'jira',
      method: 'DELETE',
      path: apiPath`/rest/api/3/attachment/${id}`,
      idempotent: true,
    });
  }
}
