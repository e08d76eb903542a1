import * as z from 'zod';
import { inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JsmComments } from '../client/jsm-comments.js';
import { serviceDeskSettings, type ServiceDeskConfig } from '../config.js';
import { CommentWriter, type AddedComment } from '../domain/comment-writer.js';
import { SCOPE } from '../scopes.js';
import { commentBlock, type CommentView } from '../view/comments.js';
import { lines } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { RequestViews } from '../view/request-views.js';
import { cursor, issueKey, limit, pageSize } from './ids.js';

const addInput = z.object({
  issueKey,
  body: z.string().describe('Markdown'),
  public: z.boolean().describe('true: the customer sees it (and is notified). false: internal, agents only'),
});
const listInput = z.object({
  issueKey,
  visibility: z.enum(['all', 'public', 'internal']).optional(),
  limit,
  cursor,
});

type CommentPage = { comments: CommentView[]; nextCursor?: string };

/** Request comments, public or internal — never implicitly public. */
@ToolProvider()
export class CommentTools {
  constructor(
    @inject(JsmComments) private readonly comments: JsmComments,
    @inject(CommentWriter) private readonly writer: CommentWriter,
    @inject(RequestViews) private readonly views: RequestViews,
    @inject(serviceDeskSettings) private readonly config: ServiceDeskConfig,
  ) {}

  @Tool({
    name: 'servicedesk_add_comment',
    title: 'Add comment',
    description: 'Comment on a request, public or internal.',
    input: addInput,
    output: anyOut,
    readOnly: false,
    toolset: 'requests',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    render: (out, kit) => {
      const o = out as AddedComment;
      return lines(
        `Added ${o.public ? 'a PUBLIC reply' : 'an INTERNAL note'} #${o.id} to ${o.issueKey}: ${kit.inline(o.visibleTo, 400)}.`,
        o.note,
      );
    },
  })
  async add(input: z.infer<typeof addInput>): Promise<AddedComment> {
    return this.writer.add(input.issueKey, input.body, input.public);
  }

  @Tool({
    name: 'servicedesk_get_request_comments',
    title: 'List request comments',
    description: 'Comments of a request, each labelled public or internal.',
    input: listInput,
    output: anyOut,
    readOnly: true,
    toolset: 'details',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as CommentPage;
      if (o.comments.length === 0) return 'No comments.';
      return lines(
        ...o.comments.map((c) => commentBlock(c, kit)),
        kit.more({ shown: o.comments.length, nextCursor: o.nextCursor, noun: 'comments' }),
      );
    },
  })
  async list(input: z.infer<typeof listInput>): Promise<CommentPage> {
    const visibility = input.visibility ?? 'all';
    const p = pager('servicedesk.comments', input.cursor, { key: input.issueKey, visibility });
    const page = p.jsmPage<Parameters<RequestViews['comment']>[0]>(
      await this.comments.list(input.issueKey, {
        public: visibility !== 'internal',
        internal: visibility !== 'public',
        ...p.jsm(pageSize(input.limit, this.config.pageSize)),
      }),
    );
    return { comments: page.items.map((c) => this.views.comment(c)), nextCursor: page.nextCursor };
  }
}
