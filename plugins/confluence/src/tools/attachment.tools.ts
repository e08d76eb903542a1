import * as z from 'zod';
import { extname } from 'node:path';
import {
  coreServices,
  InputError,
  inject,
  Tool,
  ToolProvider,
  type LocalFilesService,
  type ToolContext,
} from '@atlassian-mcp/core';
import { ConfluenceAttachments } from '../client/confluence-attachments.js';
import { PageLocator } from '../client/page-locator.js';
import { PageReader } from '../client/page-reader.js';
import { confluenceSettings, type ConfluenceConfig } from '../config.js';
import {
  attachmentLine,
  attachmentLink,
  attachmentRow,
  TEXT_TYPES,
  type AttachmentRow,
} from '../view/attachment-view.js';
import { fileSize } from '../view/display.js';
import { itemOut, pageOut } from '../view/outputs.js';
import { attachmentId, cursor, limit, pageRef, pageSize } from './ids.js';

// Inline content travels inside one MCP message (10 MiB on stdio): 7 MB decoded is 9.3 MB of base64.
// Bigger files go by path, through core's local-files service (files.allowedDirs).
const MAX_INLINE_BYTES = 7 * 1024 * 1024;
/** Text files up to this size are shown in the result; larger ones are read as the resource. */
const MAX_TEXT_SHOWN = 20_000;
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

const listInput = z.object({ pageId: pageRef, limit, cursor });
const getInput = z.object({
  attachmentId,
  saveTo: z
    .string()
    .optional()
    .describe("Also save it to this new local file (inside the server's allowed directories)"),
});
const uploadInput = z.object({
  pageId: pageRef,
  path: z.string().optional().describe("Local file, inside the server's allowed directories"),
  base64: z.string().optional(),
  filename: z.string().optional().describe('Required with base64'),
  comment: z.string().optional(),
});

/** Attachments: list, one (text files shown), upload; contents are `confluence://attachment/{id}` resources. */
@ToolProvider()
export class AttachmentTools {
  constructor(
    @inject(PageLocator) private readonly locator: PageLocator,
    @inject(PageReader) private readonly reader: PageReader,
    @inject(ConfluenceAttachments) private readonly attachments: ConfluenceAttachments,
    @inject(coreServices.files) private readonly files: LocalFilesService,
    @inject(confluenceSettings) private readonly settings: ConfluenceConfig,
  ) {}

  @Tool({
    name: 'confluence_get_page_attachments',
    targets: { pageId: 'page' },
    title: 'Page attachments',
    description: 'Files attached to a page, each with a confluence://attachment resource URI.',
    input: listInput,
    output: pageOut('attachments'),
    readOnly: true,
    toolset: 'attachments',
    scopes: ['read:attachment:confluence', 'read:page:confluence'],
    links: (out) => (out.attachments as AttachmentRow[]).map(attachmentLink),
    render: (out, kit) =>
      out.attachments.length === 0
        ? 'No attachments.'
        : `${kit.fence((out.attachments as AttachmentRow[]).map(attachmentLine).join('\n'), 'attachments')}\n${kit.more({ shown: out.attachments.length, nextCursor: out.nextCursor, noun: 'attachments' })}`,
  })
  async getPageAttachments(input: z.infer<typeof listInput>) {
    const { bean, kind } = await this.reader.bean(await this.locator.resolve(input.pageId), { body: false });
    const page = await this.attachments.list({ id: String(bean.id), kind }, pageSize(input.limit, 50), input.cursor);
    return { attachments: page.items.map(attachmentRow), nextCursor: page.nextCursor };
  }

  @Tool({
    name: 'confluence_get_attachment',
    targets: { attachmentId: 'attachment' },
    title: 'Get attachment',
    description:
      'One attachment: details and its resource link; a small text file is shown in full; saveTo downloads it.',
    input: getInput,
    output: itemOut,
    readOnly: true,
    toolset: 'attachments',
    scopes: ['read:attachment:confluence'],
    links: (out) => [attachmentLink(out as unknown as AttachmentRow)],
    render: (out, kit) => {
      const a = out as unknown as AttachmentRow & { text?: string; savedTo?: string };
      return [
        kit.inline(attachmentLine(a), 600),
        a.on ? `on ${a.on}` : undefined,
        a.savedTo ? `saved to ${kit.inline(a.savedTo, 500)}` : undefined,
        a.text !== undefined ? kit.fence(a.text, 'file') : undefined,
      ]
        .filter(Boolean)
        .join('\n');
    },
  })
  async getAttachment(input: z.infer<typeof getInput>, ctx: ToolContext) {
    const bean = await this.attachments.get(input.attachmentId);
    await this.assertAllowed(bean);
    const row = attachmentRow(bean);
    const shown = TEXT_TYPES.test(bean.mediaType ?? '') && (bean.fileSize ?? Infinity) <= MAX_TEXT_SHOWN;
    if (!shown && input.saveTo === undefined) return row;
    const bytes = await this.attachments.content(bean);
    const saved =
      input.saveTo === undefined
        ? undefined
        : await this.files.write(input.saveTo, new Uint8Array(bytes), ctx, {
            purpose: `attachment ${row.id} of page ${row.on ?? '?'}`,
          });
    return {
      ...row,
      ...(saved && { savedTo: saved.path }),
      ...(shown && { text: Buffer.from(bytes).toString('utf8') }),
    };
  }

  @Tool({
    name: 'confluence_upload_attachment',
    targets: { pageId: 'page' },
    title: 'Upload attachment',
    description: 'Attach a local file (path) or base64 content to a page; a file of the same name gets a new version.',
    input: uploadInput,
    output: itemOut,
    readOnly: false,
    toolset: 'attachments',
    scopes: ['read:page:confluence', 'write:confluence-file'],
    links: (out) => [attachmentLink(out as unknown as AttachmentRow)],
    render: (out, kit) =>
      `Attached ${kit.inline(String(out.filename))} (${String(out.size ?? '')}) to ${String(out.on)}: ${String(out.uri)}`,
  })
  async uploadAttachment(input: z.infer<typeof uploadInput>, ctx: ToolContext) {
    const addr = await this.locator.resolve(input.pageId);
    const { bean, kind } = await this.reader.bean(addr, { body: false });
    const { bytes, name } = await this.readUpload(input, ctx, String(bean.id));
    if (bytes.length > this.settings.maxUploadBytes)
      throw new InputError(
        `${name} is ${fileSize(bytes.length)}; the upload limit is ${fileSize(this.settings.maxUploadBytes)}.`,
        {
          hint: 'Raise plugins.confluence.maxUploadBytes, or attach a smaller file.',
        },
      );
    const mimeType = MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
    const on = { id: String(bean.id), kind };
    const [created] = await this.attachments.upload(on, { name, bytes, mimeType, comment: input.comment });
    const id = String(created?.id ?? '');
    return { ...attachmentRow(await this.attachments.get(id)), on: String(bean.id) };
  }

  /** Refuses an attachment of a page outside the space allowlist. */
  private async assertAllowed(bean: { pageId?: string; blogPostId?: string }): Promise<void> {
    const on = bean.pageId ?? bean.blogPostId;
    if (on) await this.reader.assertAllowed({ id: String(on), kind: bean.pageId ? 'page' : 'blogpost' });
  }

  private async readUpload(input: z.infer<typeof uploadInput>, ctx: ToolContext, pageId: string) {
    if ((input.path === undefined) === (input.base64 === undefined))
      throw new InputError('Pass exactly one of `path` or `base64`.');
    if (input.path !== undefined) {
      const file = await this.files.read(input.path, ctx, { purpose: `attach it to page ${pageId}` });
      return { bytes: file.bytes, name: input.filename ?? file.name };
    }
    if (!input.filename) throw new InputError('`filename` is required with `base64`.');
    const bytes = Buffer.from(input.base64!, 'base64');
    if (bytes.length === 0) throw new InputError('`base64` decodes to nothing.');
    if (bytes.length > MAX_INLINE_BYTES)
      throw new InputError(
        `The content is ${fileSize(bytes.length)}; inline content is limited to ${fileSize(MAX_INLINE_BYTES)}.`,
        {
          hint: "Pass a `path` inside the server's allowed directories for bigger files.",
        },
      );
    return { bytes: new Uint8Array(bytes), name: input.filename };
  }
}
