import type { AttachmentBean } from '../client/confluence-attachments.js';
import { compact, fileSize, shortTime } from './display.js';

/** An attachment as the model reads it. */
export type AttachmentRow = {
  id: string;
  filename: string;
  size?: string;
  mediaType?: string;
  version?: number;
  created?: string;
  comment?: string;
  /** The page or blog post it is attached to. */
  on?: string;
  /** Its resource: read it with resources/read. */
  uri: string;
};

/** Types read as text (cheaper for a model than base64). */
export const TEXT_TYPES = /^(text\/|application\/(json|xml|x-yaml|yaml|javascript|csv)\b)/;

export function attachmentRow(a: AttachmentBean): AttachmentRow {
  return compact({
    id: String(a.id),
    filename: a.title ?? '',
    size: fileSize(a.fileSize),
    mediaType: a.mediaType,
    version: a.version?.number,
    created: shortTime(a.version?.createdAt ?? a.createdAt),
    comment: a.comment,
    on: a.pageId ?? a.blogPostId,
    uri: `confluence://attachment/${String(a.id)}`,
  });
}

export function attachmentLine(a: AttachmentRow): string {
  const facts = [a.size, a.mediaType, a.version && a.version > 1 ? `v${a.version}` : undefined, a.created]
    .filter(Boolean)
    .join(', ');
  return `${a.id} · ${a.filename} (${facts}) ${a.uri}${a.comment ? ` — ${a.comment}` : ''}`;
}

/** Each attachment as an MCP resource link the client can read. */
export function attachmentLink(a: AttachmentRow) {
  return { uri: a.uri, name: a.filename, ...(a.mediaType ? { mimeType: a.mediaType } : {}) };
}
