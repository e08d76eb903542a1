import { apiPath, coreServices, inject, Service, type FileUpload } from '@atlassian-mcp/core';
import { type JiraHttp, type JiraSchemas } from './jira-http.js';

export type Attachment = JiraSchemas['Attachment'];
export type AttachmentMetadata = JiraSchemas['AttachmentMetadata'];

/** Room for the difference between our clock and Atlassian's when matching "created since". */
const CLOCK_SKEW_MS = 10 * 60_000;

/** Issue attachments: upload (multipart), metadata, content, delete. */
@Service()
export class JiraAttachments {
  constructor(@inject(coreServices.http) private readonly http: JiraHttp) {}

  /**
   * Uploads one file (multipart; core adds `X-Atlassian-Token: no-check`). Attachments
   * carry no marker: after a lost answer, one with this name and size created since just before
   * the send (with room for clock skew) is taken for the upload.
   */
  async upload(key: string, file: FileUpload): Promise<Attachment[]> {
    const { filename, bytes } = file;
    const since = Date.now() - CLOCK_SKEW_MS;
    const res = await this.http.request<Attachment[]>({
      product: 'jira',
      method: 'POST',
      path: apiPath`/rest/api/3/issue/${key}/attachments`,
      body: file.form(),
      writeKey: key,
      reconcile: {
        check: `jira_list_attachments {issueKey: "${key}"}: is a new "${filename}" there? Upload it again only if not.`,
        find: async () => {
          const added = (await this.onIssue(key)).filter(
            (a) => a.filename === filename && a.size === bytes.length && Date.parse(String(a.created)) >= since,
          );
          return added.length ? { found: true, data: added } : { found: false };
        },
      },
    });
    return res.data;
  }

  /** The issue's attachments as they are now. */
  private async onIssue(key: string): Promise<Attachment[]> {
    const res = await this.http.request<{ fields?: { attachment?: Attachment[] } }>({
      product: 'jira',
      method: 'GET',
      path: apiPath`/rest/api/3/issue/${key}`,
      query: { fields: 'attachment' },
    });
    return res.data.fields?.attachment ?? [];
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
