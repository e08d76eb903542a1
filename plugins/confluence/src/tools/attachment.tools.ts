import * as z from 'zod';
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

/** Text files up to this size are shown in the result; larger ones are read as the resource. */
const MAX_TEXT_SHOWN = 20_000;
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
    scopes: ['read:page:confluence', 'write:confluence-file', 'read:attachment:confluence'],
    links: (out) => [attachmentLink(out as unknown as AttachmentRow)],
    render: (out, kit) =>
      `Attached ${kit.inline(String(out.filename))} (${String(out.size ?? '')}) to ${String(out.on)}: ${String(out.uri)}`,
  })
  async uploadAttachment(input: z.infer<typeof uploadInput>, ctx: ToolContext) {
    const addr = await this.locator.resolve(input.pageId);
    const { bean, kind } = await this.reader.bean(addr, { body: false });
    const file = await this.files.readUpload(input, ctx, { purpose: `attach it to page ${String(bean.id)}` });
    if (file.bytes.length > this.settings.maxUploadBytes)
      throw new InputError(
        `${file.filename} is ${fileSize(file.bytes.length)}; the upload limit is ${fileSize(this.settings.maxUploadBytes)}.`,
        {
          hint: 'Raise plugins.confluence.maxUploadBytes, or attach a smaller file.',
        },
      );
    const on = { id: String(bean.id), kind };
    const [created] = await this.attachments.upload(on, file, input.comment);
    const id = String(created?.id ?? '');
    return { ...attachmentRow(await this.attachments.get(id)), on: String(bean.id) };
  }

  /** Refuses an attachment of a page outside the space allowlist. */
  private async assertAllowed(bean: { pageId?: string; blogPostId?: string }): Promise<void> {
    const on = bean.pageId ?? bean.blogPostId;
    if (on) await this.reader.assertAllowed({ id: String(on), kind: bean.pageId ? 'page' : 'blogpost' });
  }
}
