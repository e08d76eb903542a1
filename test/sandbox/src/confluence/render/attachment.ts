// Attachments: the v2 bean and the download link both APIs hand out (relative to `/wiki`).
import type { HandlerContext } from '../../core/product.js';
import { iso, store, webui } from '../context.js';
import type { Attachment, Content } from '../model.js';
import { versionV2 } from './v2.js';

export function attachmentDownload(a: Attachment, container: Content, version?: number): string {
  const v = a.versions.find((x) => x.number === version) ?? a.versions[a.versions.length - 1]!;
  return `/download/attachments/${container.id}/${encodeURIComponent(a.title)}?version=${v.number}&modificationDate=${v.createdAt}&cacheVersion=1&api=v2`;
}

export function attachmentV2(ctx: HandlerContext, a: Attachment, version?: number): Record<string, unknown> {
  const s = store(ctx);
  const container = s.contents.get(a.containerId)!;
  const v = a.versions.find((x) => x.number === version) ?? a.versions[a.versions.length - 1]!;
  const page = webui(s, container);
  return {
    id: a.id,
    status: a.status,
    title: a.title,
    createdAt: iso(a.versions[0]!.createdAt),
    ...(a.containerType === 'page' ? { pageId: a.containerId } : { blogPostId: a.containerId }),
    mediaType: v.mediaType,
    mediaTypeDescription: describe(v.mediaType),
    comment: a.comment,
    fileId: a.fileId,
    fileSize: v.fileSize,
    webuiLink: `${page}?preview=${encodeURIComponent(`/${a.containerId}/${a.id}/${a.title}`)}`,
    downloadLink: attachmentDownload(a, container, v.number),
    version: versionV2({ ...v, title: a.title, body: '' }),
    _links: {
      webui: `${page}?preview=${encodeURIComponent(`/${a.containerId}/${a.id}/${a.title}`)}`,
      download: attachmentDownload(a, container, v.number),
    },
  };
}

function describe(mediaType: string): string {
  if (mediaType.startsWith('image/')) return `${mediaType.slice(6).toUpperCase()} Image`;
  if (mediaType === 'application/pdf') return 'PDF Document';
  if (mediaType.includes('spreadsheet') || mediaType === 'text/csv') return 'Spreadsheet';
  if (mediaType.startsWith('text/')) return 'Text File';
  return 'File';
}
