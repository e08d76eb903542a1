import * as z from 'zod';
import {
  coreServices,
  inject,
  Tool,
  ToolProvider,
  type LocalFilesService,
  type ToolContext,
} from '@atlassian-mcp/core';
import { JsmAttachments } from '../client/jsm-attachments.js';
import type { RequestAttachment } from '../client/jsm-http.js';
import { JsmRequests } from '../client/jsm-requests.js';
import { CommentWriter } from '../domain/comment-writer.js';
import { SCOPE } from '../scopes.js';
import { JsmText, notCarriedNote } from '../text/jsm-text.js';
import { lines, person, size, when } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { issueKey } from './ids.js';

const keyInput = z.object({ issueKey });
const addInput = z.object({
  issueKey,
  public: z.boolean().describe('true: the customer sees the file. false: internal, agents only'),
  path: z.string().optional().describe("Local file, inside the server's allowed directories"),
  base64: z.string().optional(),
  filename: z.string().optional().describe('Required with base64'),
  comment: z.string().optional().describe('Sent with the file, same visibility'),
});

type AttachmentRow = { filename: string; size?: string; mimeType?: string; author?: string; created?: string };
type AddedFiles = { key: string; public: boolean; attachments: AttachmentRow[]; note?: string };

const row = (a: RequestAttachment): AttachmentRow => ({
  filename: a.filename ?? '',
  size: size(a.size),
  mimeType: a.mimeType,
  author: person(a.author),
  created: when(a.created),
});

/** Request attachments: uploaded as temporary files, then attached public or internal. */
@ToolProvider()
export class AttachmentTools {
  constructor(
    @inject(JsmAttachments) private readonly attachments: JsmAttachments,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(CommentWriter) private readonly writer: CommentWriter,
    @inject(JsmText) private readonly text: JsmText,
    @inject(coreServices.files) private readonly files: LocalFilesService,
  ) {}

  @Tool({
    name: 'servicedesk_list_attachments',
    title: 'List attachments',
    description: 'Files attached to a request that you can see.',
    input: keyInput,
    output: anyOut,
    readOnly: true,
    toolset: 'attachments',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as { attachments: AttachmentRow[] };
      if (o.attachments.length === 0) return 'No attachments.';
      return kit.fence(
        o.attachments
          .map((a) => `${a.filename} (${[a.size, a.mimeType, a.author, a.created].filter(Boolean).join(', ')})`)
          .join('\n'),
        'attachments',
      );
    },
  })
  async list(input: z.infer<typeof keyInput>): Promise<{ key: string; attachments: AttachmentRow[] }> {
    return { key: input.issueKey, attachments: (await this.attachments.list(input.issueKey)).map(row) };
  }

  @Tool({
    name: 'servicedesk_add_attachment',
    title: 'Attach file',
    description: 'Attach a local file (path) or base64 content to a request, public or internal.',
    input: addInput,
    output: anyOut,
    readOnly: false,
    toolset: 'attachments',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    render: (out, kit) => {
      const o = out as AddedFiles;
      return lines(
        `Attached ${o.attachments.map((a) => kit.inline(a.filename)).join(', ')} to ${o.key} as ${o.public ? 'PUBLIC: the customer sees it' : 'INTERNAL: agents only'}.`,
        o.note,
      );
    },
  })
  async add(input: z.infer<typeof addInput>, ctx: ToolContext): Promise<AddedFiles> {
    if (input.public) this.writer.assertPublicAllowed('A public attachment');
    const request = await this.requests.get(input.issueKey);
    const file = await this.files.readUpload(input, ctx, { purpose: `attach it to ${input.issueKey}` });
    const wiki = input.comment ? this.text.toWiki(input.comment) : undefined;
    const ids = await this.attachments.uploadTemporary(String(request.serviceDeskId), file);
    const done = await this.attachments.attach(input.issueKey, ids, input.public, file.filename, wiki?.text);
    return {
      key: input.issueKey,
      public: input.public,
      attachments: (done.attachments?.values ?? []).map(row),
      note: notCarriedNote(wiki?.notCarried ?? []),
    };
  }
}
