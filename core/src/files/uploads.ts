import { extname } from 'node:path';
import type { FileUpload, UploadSource } from '../plugin-api/services.js';
import { InputError } from '../plugin-api/errors.js';
import { fileSize } from '../render/display.js';

// Inline content travels inside one MCP message (10 MiB on stdio): 7 MB decoded is 9.3 MB of base64.
// Bigger files go by path, through the local-files service (files.allowedDirs, files.maxBytes).
export const MAX_INLINE_UPLOAD_BYTES = 7 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.xml': 'application/xml',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.zip': 'application/zip',
};

/** The media type Atlassian is told for a file name (`application/octet-stream` when unknown). */
export function mimeTypeOf(filename: string): string {
  return MIME[extname(filename).toLowerCase()] ?? 'application/octet-stream';
}

/** Exactly one of `path` and `base64`: which one the call gave. */
export function uploadKind(source: UploadSource): 'path' | 'base64' {
  if ((source.path === undefined) === (source.base64 === undefined))
    throw new InputError('Pass exactly one of `path` or `base64`.');
  return source.path === undefined ? 'base64' : 'path';
}

/** The bytes of inline (`base64`) content, checked: a file name, something to send, not too much. */
export function inlineUpload(source: UploadSource): FileUpload {
  if (!source.filename) throw new InputError('`filename` is required with `base64`.');
  const bytes = Buffer.from(source.base64 ?? '', 'base64');
  if (bytes.length === 0) throw new InputError('`base64` decodes to nothing.');
  if (bytes.length > MAX_INLINE_UPLOAD_BYTES)
    throw new InputError(
      `The content is ${fileSize(bytes.length)}; inline content is limited to ${fileSize(MAX_INLINE_UPLOAD_BYTES)}.`,
      { hint: "Pass a `path` inside the server's allowed directories for bigger files." },
    );
  return fileUpload(new Uint8Array(bytes), source.filename);
}

/** A file ready to send as Atlassian's upload endpoints take it (core adds `X-Atlassian-Token`). */
export function fileUpload(bytes: Uint8Array, filename: string): FileUpload {
  const mimeType = mimeTypeOf(filename);
  return {
    bytes,
    filename,
    mimeType,
    form(fields = {}) {
      const form = new FormData();
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }), filename);
      for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value);
      return form;
    },
  };
}
