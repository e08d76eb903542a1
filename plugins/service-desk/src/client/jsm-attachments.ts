import { apiPath, coreServices, inject, Service, type FileUpload, type HttpService } from '@atlassian-mcp/core';
import type { JsmPage, RequestAttachment, RequestComment } from './jsm-http.js';
import { CLOCK_SKEW_MS, type Lookup } from './lookup.js';

/** What attaching answers: the attachments, and the comment that carried them (if any). */
export type Attached = { attachments?: JsmPage<RequestAttachment>; comment?: RequestComment };

/** Request attachments: uploaded to the desk as temporary files, then attached public or internal. */
@Service()
export class JsmAttachments {
  constructor(@inject(coreServices.http) private readonly http: HttpService) {}

  async list(issueIdOrKey: string): Promise<RequestAttachment[]> {
    const res = await this.http.request<JsmPage<RequestAttachment>>({
      product: 'jsm',
      method: 'GET',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/attachment`,
      query: { start: 0, limit: 100 },
    });
    return res.data.values ?? [];
  }

  /**
   * Uploads a temporary file to the desk. Sending it twice is harmless (a temporary file that is
   * never attached expires), so a lost answer is simply sent again.
   */
  async uploadTemporary(serviceDeskId: string, file: FileUpload) {
    const res = await this.http.request<{ temporaryAttachments?: Array<{ temporaryAttachmentId?: string }> }>({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/servicedesk/${serviceDeskId}/attachTemporaryFile`,
      body: file.form(),
      idempotent: true,
    });
    return (res.data.temporaryAttachments ?? []).map((t) => t.temporaryAttachmentId ?? '').filter(Boolean);
  }

  /** Attaches temporary files; `comment` (wiki text) goes with them, with the same visibility. */
  async attach(
    issueIdOrKey: string,
    temporaryAttachmentIds: string[],
    isPublic: boolean,
    filename: string,
    comment?: string,
  ): Promise<Attached> {
    const since = Date.now() - CLOCK_SKEW_MS;
    const res = await this.http.request<Attached>({
      product: 'jsm',
      method: 'POST',
      path: apiPath`/rest/servicedeskapi/request/${issueIdOrKey}/attachment`,
      body: {
        temporaryAttachmentIds,
        public: isPublic,
        ...(comment ? { additionalComment: { body: comment } } : {}),
      },
      writeKey: issueIdOrKey,
      reconcile: {
        check: `servicedesk_list_attachments {issueKey: "${issueIdOrKey}"}: is a new "${filename}" there? Attach it again only if not.`,
        find: () => this.findAttached(issueIdOrKey, filename, since),
      },
    });
    return res.data;
  }

  private async findAttached(key: string, filename: string, since: number): Promise<Lookup<Attached>> {
    const hits = (await this.list(key)).filter(
      (a) => a.filename === filename && (a.created?.epochMillis ?? 0) >= since,
    );
    return hits.length ? { found: true, data: { attachments: { values: hits, isLastPage: true } } } : { found: false };
  }
}
