import * as z from 'zod';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraAttachments } from '../client/jira-attachments.js';
import { JiraIssues } from '../client/jira-issues.js';
import type { JiraSchemas } from '../client/jira-http.js';
import { compact, fileSize, personName, shortTime } from '../view/display.js';
import { issueOut, listOut } from '../view/outputs.js';
import { issueIdOrKey } from './ids.js';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
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
  path: z.string().optional().describe('Local file path'),
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
  ) {}

  @Tool({
    name: 'jira_list_attachments',
    title: 'List attachments',
    description: 'Attachments of an issue, each with a jira://attachment resource URI.',
    input: z.object({ issueKey: issueIdOrKey }),
    output: listOut('attachments'),
    readOnly: true,
    toolset: 'attachments',
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
    scopes: ['write:jira-work'],
    links: (out) => (out.attachments as AttachmentRow[]).map(link),
    render: (out) =>
      `Attached ${(out.attachments as AttachmentRow[]).map((a) => `${a.filename} (${a.uri})`).join(', ')} to ${out.key}.`,
  })
  async addAttachment(input: z.infer<typeof uploadInput>) {
    const { bytes, filename } = await readUpload(input);
    const mimeType = MIME[extname(filename).toLowerCase()] ?? 'application/octet-stream';
    const created = await this.attachments.upload(input.issueKey, filename, bytes, mimeType);
    return { key: input.issueKey, attachments: created.map(row) };
  }
}

/** Each attachment as an MCP resource link the client can read. */
function link(a: AttachmentRow) {
  return { uri: a.uri, name: a.filename, ...(a.mimeType ? { mimeType: a.mimeType } : {}) };
}

async function readUpload(input: z.infer<typeof uploadInput>): Promise<{ bytes: Uint8Array; filename: string }> {
  if ((input.path === undefined) === (input.base64 === undefined))
    throw new InputError('Pass exactly one of `path` or `base64`.');
  if (input.path !== undefined) {
    const info = await stat(input.path).catch(() => undefined);
    if (!info?.isFile()) throw new InputError(`No file at ${input.path}.`);
    if (info.size > MAX_UPLOAD_BYTES)
      throw new InputError(`${input.path} is ${fileSize(info.size)}; the limit here is ${fileSize(MAX_UPLOAD_BYTES)}.`);
    return { bytes: new Uint8Array(await readFile(input.path)), filename: input.filename ?? basename(input.path) };
  }
  if (!input.filename) throw new InputError('`filename` is required with `base64`.');
  const bytes = Buffer.from(input.base64!, 'base64');
  if (bytes.length === 0) throw new InputError('`base64` decodes to nothing.');
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new InputError(`The content is ${fileSize(bytes.length)}; the limit here is ${fileSize(MAX_UPLOAD_BYTES)}.`);
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
