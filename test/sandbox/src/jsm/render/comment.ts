// CommentDTO and AttachmentDTO of a request (bodies as wiki text, rendered HTML on request).
import type { Attachment, Comment } from '../../jira/model.js';
import { adfToHtml } from '../../jira/render/adf-html.js';
import { isInternalComment } from '../sla/cycles.js';
import type { RequestRecord } from '../model.js';
import type { JsmStore } from '../store.js';
import { adfToWiki } from '../text.js';
import { dateDto } from './dates.js';
import { paged } from './paging.js';
import { userDto } from './users.js';
import type { HandlerContext } from '../../core/product.js';

export function attachmentDto(st: JsmStore, base: string, a: Attachment, now: number) {
  const self = `${base}/rest/servicedeskapi/request/${a.issueId}/attachment/${a.id}`;
  return {
    filename: a.filename,
    author: userDto(st.jira, base, a.authorId),
    created: dateDto(a.created, now),
    size: a.size,
    mimeType: a.mimeType,
    _links: {
      self,
      jiraRest: `${base}/rest/api/2/attachment/${a.id}`,
      content: self,
      ...(a.mimeType.startsWith('image/') ? { thumbnail: `${self}/thumbnail` } : {}),
    },
  };
}

/** Attachments of the request the viewer may see (internal ones only for agents). */
export function visibleAttachments(st: JsmStore, request: RequestRecord, agent: boolean): Attachment[] {
  const internal = new Set(request.internalAttachmentIds);
  return st.jira.attachmentsOf(request.issueId).filter((a) => agent || !internal.has(a.id));
}

export function commentDto(
  ctx: HandlerContext,
  st: JsmStore,
  request: RequestRecord,
  c: Comment,
  expand: Set<string>,
  agent: boolean,
) {
  const out: Record<string, unknown> = {
    _expands: ['attachment', 'renderedBody'],
    id: c.id,
    body: adfToWiki(c.body),
    public: !isInternalComment(c),
    author: userDto(st.jira, ctx.base, c.authorId),
    created: dateDto(c.created, ctx.now),
    _links: { self: `${ctx.base}/rest/servicedeskapi/request/${c.issueId}/comment/${c.id}` },
  };
  if (expand.has('renderedBody')) out.renderedBody = { html: adfToHtml(c.body) };
  if (expand.has('attachment')) {
    const ids = new Set(request.commentAttachments[c.id] ?? []);
    const list = visibleAttachments(st, request, agent).filter((a) => ids.has(a.id));
    out.attachments = paged(ctx, list, (a) => attachmentDto(st, ctx.base, a, ctx.now), { nested: true, dflt: 100 });
  }
  return out;
}

/** The comments the viewer may read: customers never get internal ones. */
export function visibleComments(st: JsmStore, issueId: string, agent: boolean): Comment[] {
  return st.jira.comments(issueId).filter((c) => agent || !isInternalComment(c));
}
