import { apiPath, coreServices, inject, pager, Service, type Page } from '@atlassian-mcp/core';
import type { ConfluenceHttp, V1, V2 } from './confluence-http.js';
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
    const path = paging.link(first);
    const res = await this.http.request<object>({
      product: 'confluence',
      method: 'GET',
      path,
      query: path === first ? { limit } : undefined,
    });
    return paging.linkPage<AttachmentBean>(res.data, res.headers);
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
  async upload(contentId: string, file: { name: string; bytes: Uint8Array; mimeType: string; comment?: string }) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.name);
    form.append('minorEdit', 'true');
    if (file.comment) form.append('comment', file.comment);
    const res = await this.http.request<V1['ContentArray']>({
      product: 'confluence',
      method: 'PUT',
      path: apiPath`/wiki/rest/api/content/${contentId}/child/attachment`,
      body: form,
      // Create-or-update by name: sending it again makes a new version, not a duplicate; still a
      // write whose lost answer must not be replayed blindly.
      idempotent: false,
      writeKey: contentId,
    });
    return res.data.results ?? [];
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
