import { apiPath, coreServices, inject, pager, Service, type FileUpload, type Page } from '@atlassian-mcp/core';
import { linkedPage, type ConfluenceHttp, type V1, type V2 } from './confluence-http.js';
import type { PageAddress } from './page-locator.js';

export type AttachmentBean = V2['AttachmentBulk'] & { webuiLink?: string; downloadLink?: string };

/** Attachments: listed and read through v2, uploaded through v1 (multipart, XSRF opt-out), trashed through v2. */
@Service()
export class ConfluenceAttachments {
  constructor(@inject(coreServices.http) private readonly http: ConfluenceHttp) {}

  async list(on: PageAddress, limit: number, cursor?: string): Promise<Page<AttachmentBean>> {
    const paging = pager('confluence.attachments', cursor, { id: on.id });
    const first =
      on.kind === 'page'
        ? apiPath`/wiki/api/v2/pages/${on.id}/attachments`
        : apiPath`/wiki/api/v2/blogposts/${on.id}/attachments`;
    return linkedPage<AttachmentBean>(this.http, paging, first, { limit });
  }

  async get(id: string): Promise<AttachmentBean> {
    const res = await this.http.request<AttachmentBean>({
      product: 'confluence',
      method: 'GET',
      path: apiPath`/wiki/api/v2/attachments/${withPrefix(id)}`,
    });
    return res.data;
  }

  /** The file's bytes, from the download link Confluence gives (relative to `/wiki`). */
  async content(bean: AttachmentBean): Promise<Uint8Array> {
    const link = bean.downloadLink ?? bean._links?.download;
    const res = await this.http.request<Uint8Array>({
      product: 'confluence',
      method: 'GET',
      path: `/wiki${String(link)}`,
      responseType: 'bytes',
    });
    return res.data;
  }

  /** Uploads a file to a page: a new attachment, or a new version of the one with the same name. */
  async upload(on: PageAddress, file: FileUpload, comment?: string): Promise<Array<{ id?: string }>> {
    const contentId = on.id;
    const sentAt = Date.now();
    const res = await this.http.request<V1['ContentArray']>({
      product: 'confluence',
      method: 'PUT',
      path: apiPath`/wiki/rest/api/content/${contentId}/child/attachment`,
      body: file.form({ minorEdit: 'true', comment: comment || undefined }),
      // Create-or-update by name: sent twice it would make two versions, so a lost answer is looked
      // up: the file of that name and size saved since the send.
      idempotent: false,
      writeKey: contentId,
      reconcile: {
        check: `confluence_get_page_attachments {pageId: "${contentId}"}: is ${file.filename} there, saved just now? Upload again only if it is not.`,
        find: async () => {
          const hit = await this.savedSince(on, file.filename, file.bytes.length, sentAt);
          return hit ? { found: true, data: { results: [hit] } } : { found: false };
        },
      },
    });
    return (res.data.results ?? []).filter((a) => a !== null).map((a) => ({ id: a.id }));
  }

  /** The attachment of this name and size whose latest version was saved since `since` (a minute of clock skew allowed). */
  private async savedSince(on: PageAddress, name: string, size: number, since: number) {
    let cursor: string | undefined;
    do {
      const page = await this.list(on, 100, cursor);
      const hit = page.items.find(
        (a) => a.title === name && a.fileSize === size && Date.parse(a.version?.createdAt ?? '') >= since - 60_000,
      );
      if (hit) return { id: String(hit.id), title: hit.title };
      cursor = page.nextCursor;
    } while (cursor);
    return undefined;
  }

  /** Moves an attachment to the trash. */
  async trash(id: string): Promise<void> {
    await this.http.request({
      product: 'confluence',
      method: 'DELETE',
      // DELETE takes the bare number (the spec types it int64), GET either form.
      path: apiPath`/wiki/api/v2/attachments/${withPrefix(id).slice(3)}`,
    });
  }
}

/** v2 names attachments `att<digits>`; a bare number is accepted from the model. */
export function withPrefix(id: string): string {
  return id.startsWith('att') ? id : `att${id}`;
}
