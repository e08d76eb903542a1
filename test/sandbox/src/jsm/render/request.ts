// CustomerRequestDTO with its expansions (participant, status, sla, requestType, serviceDesk,
// attachment, action, comment): what the viewer may see of it, and nothing else.
import type { HandlerContext } from '../../core/product.js';
import { kindOf } from '../../jira/fields.js';
import type { Issue } from '../../jira/model.js';
import { adfToHtml } from '../../jira/render/adf-html.js';
import { renderField } from '../../jira/render/field-values.js';
import { participantsOf, type RequestAccess } from '../access.js';
import { requestLinks } from '../jira-fields.js';
import { slaInformation, slaViews } from '../sla/information.js';
import type { JsmStore } from '../store.js';
import { adfToWiki } from '../text.js';
import { commentDto, attachmentDto, visibleAttachments, visibleComments } from './comment.js';
import { dateDto } from './dates.js';
import { deskDto, requestTypeDto } from './desk.js';
import { paged } from './paging.js';
import { currentStatus, statusHistory } from './status.js';
import { userDto } from './users.js';

export const REQUEST_EXPANDS = [
  'participant',
  'status',
  'sla',
  'requestType',
  'serviceDesk',
  'attachment',
  'action',
  'comment',
];

function fieldValues(ctx: HandlerContext, st: JsmStore, issue: Issue, requestTypeId: string) {
  const t = st.requestTypes.get(requestTypeId);
  const rc = { store: st.jira, base: ctx.base, viewer: ctx.accountId };
  const out: Array<Record<string, unknown>> = [];
  for (const rf of t?.fields ?? []) {
    if (!rf.visible) continue;
    const f = st.jira.fields.get(rf.fieldId);
    const raw = issue.fields[rf.fieldId];
    if (!f || raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) continue;
    if (kindOf(f) === 'adf') {
      out.push({ fieldId: f.id, label: rf.name, value: adfToWiki(raw), renderedValue: { html: adfToHtml(raw) } });
    } else {
      out.push({ fieldId: f.id, label: rf.name, value: renderField(rc, issue, f) });
    }
  }
  return out;
}

export function requestDto(ctx: HandlerContext, st: JsmStore, a: RequestAccess, expand: Set<string>) {
  const { issue, request, desk } = a;
  const base = ctx.base;
  const nested = { nested: true, dflt: 1000, cap: 1000 };
  const out: Record<string, unknown> = {
    _expands: REQUEST_EXPANDS,
    issueId: issue.id,
    issueKey: issue.key,
    summary: issue.fields.summary,
    requestTypeId: request.requestTypeId,
    serviceDeskId: request.serviceDeskId,
    createdDate: dateDto(issue.fields.created, ctx.now),
    reporter: userDto(st.jira, base, issue.fields.reporter as string),
    requestFieldValues: fieldValues(ctx, st, issue, request.requestTypeId),
    currentStatus: currentStatus(st, issue, ctx.now),
    _links: requestLinks(ctx, ctx.req.origin, issue, desk.id),
  };
  if (expand.has('serviceDesk')) out.serviceDesk = deskDto(st, base, desk);
  if (expand.has('requestType')) {
    const t = st.requestTypes.get(request.requestTypeId);
    if (t) out.requestType = requestTypeDto(st, base, t);
  }
  if (expand.has('participant'))
    out.participants = paged(ctx, participantsOf(issue), (id) => userDto(st.jira, base, id), nested);
  if (expand.has('status')) out.status = paged(ctx, statusHistory(st, issue, ctx.now), undefined, nested);
  if (expand.has('sla'))
    out.sla = paged(ctx, slaViews(st, issue, request, ctx.now), (v) => slaInformation(base, issue, v, ctx.now), nested);
  if (expand.has('attachment'))
    out.attachments = paged(
      ctx,
      visibleAttachments(st, request, a.agent),
      (x) => attachmentDto(st, base, x, ctx.now),
      nested,
    );
  if (expand.has('comment')) {
    const sub = new Set<string>();
    if (expand.has('comment.attachment')) sub.add('attachment');
    if (expand.has('comment.renderedBody')) sub.add('renderedBody');
    out.comments = paged(
      ctx,
      visibleComments(st, issue.id, a.agent),
      (c) => commentDto(ctx, st, request, c, sub, a.agent),
      nested,
    );
  }
  if (expand.has('action')) {
    const open = st.jira.statusCategoryOf(issue.fields.status).key !== 'done';
    out.actions = {
      addAttachment: { allowed: open || a.agent },
      addComment: { allowed: true },
      addParticipant: { allowed: open },
      removeParticipant: { allowed: open },
    };
  }
  return out;
}
