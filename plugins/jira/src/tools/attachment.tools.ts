import * as z from 'zod';
import {
  coreServices,
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
    const file = await this.files.readUpload(input, ctx, { purpose: `attach it to ${input.issueKey}` });
    const created = await this.attachments.upload(input.issueKey, file);
    return { key: input.issueKey, attachments: created.map(row) };
  }
}

/** Each attachment as an MCP resource link the client can read. */
function link(a: AttachmentRow) {
  return { uri: a.uri, name: a.filename, ...(a.mimeType ? { mimeType: a.mimeType } : {}) };
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
