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
import { JiraAttachments } from '../client/jira-attachments.js';
import { JiraIssues } from '../client/jira-issues.js';
import type { JiraSchemas } from '../client/jira-http.js';
import { compact, fileSize, personName, shortTime } from '../view/display.js';
import { issueOut, listOut } from '../view/outputs.js';
import { issueIdOrKey } from './ids.js';

// Inline content travels inside one MCP message (10 MiB on stdio): 7 MB decoded is 9.3 MB of base64.
// Bigger files go by path, through core's local-files service (files.allowedDirs, files.maxBytes).
const MAX_INLINE_BYTES = 7 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.zip': 'application/zip',
};

const uploadInput = z.object({
  issueKey: issueIdOrKey,
  path: z.string().optional().describe("Local file, inside the server's allowed directories"),
  base64: z.string().optional(),
  filename: z.string().optional().describe('Required with base64'),
});

type AttachmentRow = {
  id: string;
  filename: string;
  size?: string;
  mimeType?: string;
  author?: string;
  created?: string;
  uri: string;
};

/** Attachments: list, upload; contents are read through the `jira://attachment/{id}` resource. */
@ToolProvider()
export class AttachmentTools {
  constructor(
    @inject(JiraAttachments) private readonly attachments: JiraAttachments,
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(coreServices.files) private readonly files: LocalFilesService,
  ) {}

  @Tool({
    name: 'jira_list_attachments',
    title: 'List attachments',
    description: 'Attachments of an issue, each with a jira://attachment resource URI.',
    input: z.object({ issueKey: issueIdOrKey }),
    output: listOut('attachments'),
    readOnly: true,
    toolset: 'attachments',
    targets: { issueKey: 'issue' },
    scopes: ['read:jira-work'],
    links: (out) => (out.attachments as AttachmentRow[]).map(link),
    render: (out, kit) =>
      out.attachments.length === 0
        ? 'No attachments.'
        : kit.fence(
            (out.attachments as AttachmentRow[])
              .map(
                (a) =>
                  `${a.filename} (${[a.size, a.mimeType, a.author, a.created].filter(Boolean).join(', ')}) ${a.uri}`,
              )
              .join('\n'),
            'attachments',
          ),
  })
  async listAttachments(input: { issueKey: string }): Promise<{ attachments: AttachmentRow[] }> {
    const issue = await this.issues.get(input.issueKey, { fields: ['attachment'] });
    return { attachments: ((issue.fields?.attachment as JiraSchemas['Attachment'][] | undefined) ?? []).map(row) };
  }

  @Tool({
    name: 'jira_add_attachment',
    title: 'Attach file',
    description: 'Attach a local file (path) or base64 content to an issue.',
    input: uploadInput,
    output: issueOut,
    readOnly: false,
    toolset: 'attachments',
    targets: { issueKey: 'issue' },
    scopes: ['write:jira-work'],
    links: (out) => (out.attachments as AttachmentRow[]).map(link),
    render: (out, kit) =>
      `Attached ${(out.attachments as AttachmentRow[]).map((a) => `${kit.inline(a.filename, 120)} (${a.uri})`).join(', ')} to ${out.key}.`,
  })
  async addAttachment(input: z.infer<typeof uploadInput>, ctx: ToolContext) {
    const { bytes, filename } = await this.readUpload(input, ctx);
    const mimeType = MIME[extname(filename).toLowerCase()] ?? 'application/octet-stream';
    const created = await this.attachments.upload(input.issueKey, filename, bytes, mimeType);
    return { key: input.issueKey, attachments: created.map(row) };
  }

  private async readUpload(
    input: z.infer<typeof uploadInput>,
    ctx: ToolContext,
  ): Promise<{ bytes: Uint8Array; filename: string }> {
    if ((input.path === undefined) === (input.base64 === undefined))
      throw new InputError('Pass exactly one of `path` or `base64`.');
    if (input.path === undefined) return inlineUpload(input);
    const file = await this.files.read(input.path, ctx, { purpose: `attach it to ${input.issueKey}` });
    return { bytes: file.bytes, filename: input.filename ?? file.name };
  }
}

/** Each attachment as an MCP resource link the client can read. */
function link(a: AttachmentRow) {
  return { uri: a.uri, name: a.filename, ...(a.mimeType ? { mimeType: a.mimeType } : {}) };
}

function inlineUpload(input: z.infer<typeof uploadInput>): { bytes: Uint8Array; filename: string } {
  if (!input.filename) throw new InputError('`filename` is required with `base64`.');
  const bytes = Buffer.from(input.base64!, 'base64');
  if (bytes.length === 0) throw new InputError('`base64` decodes to nothing.');
  if (bytes.length > MAX_INLINE_BYTES)
    throw new InputError(
      `The content is ${fileSize(bytes.length)}; inline content is limited to ${fileSize(MAX_INLINE_BYTES)}.`,
      { hint: "Pass a `path` inside the server's allowed directories for bigger files." },
    );
  return { bytes: new Uint8Array(bytes), filename: input.filename };
}

function row(a: JiraSchemas['Attachment']): AttachmentRow {
  return compact({
    id: a.id ?? '',
    filename: a.filename ?? '',
    size: fileSize(a.size),
    mimeType: a.mimeType,
    author: personName(a.author),
    created: shortTime(a.created),
    uri: `jira://attachment/${a.id}`,
  });
}
