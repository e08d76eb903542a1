// Creating a request: a Jira issue of the desk's project with the request type's fields, raised
// by the caller or (agents only) on behalf of a customer, with participants and attachments.
import { json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { newIssue } from '../../jira/mutate.js';
import { canAccessDesk, isAgent, isCustomer, jsm } from '../access.js';
import { attachTemporary, openApproval } from '../effects.js';
import { badRequest, forbidden } from '../errors.js';
import { JSM_FIELD } from '../fields.js';
import type { RequestRecord } from '../model.js';
import { requestDto } from '../render/request.js';
import { parseRequestFields } from '../request-fields.js';
import { body, requireUser } from './util.js';

interface CreateBody {
  serviceDeskId?: string;
  requestTypeId?: string;
  requestFieldValues?: Record<string, unknown>;
  raiseOnBehalfOf?: string;
  requestParticipants?: string[];
  channel?: string;
  isAdfRequest?: boolean;
}

export const createCustomerRequest: Handler = (ctx) => {
  const st = jsm(ctx);
  const b = body<CreateBody>(ctx);
  if (!b.serviceDeskId)
    throw badRequest('The serviceDeskId is required.', 'sd.request.create.error.servicedesk.required');
  if (!b.requestTypeId)
    throw badRequest('The requestTypeId is required.', 'sd.request.create.error.requesttype.required');
  const desk = st.desk(String(b.serviceDeskId));
  if (!desk || !canAccessDesk(st, desk, ctx.accountId))
    throw badRequest(
      `The service desk ${b.serviceDeskId} does not exist or you cannot raise requests in it.`,
      'sd.request.create.error.servicedesk.invalid',
      [String(b.serviceDeskId)],
    );
  const t = st.requestTypes.get(String(b.requestTypeId));
  if (!t || t.serviceDeskId !== desk.id)
    throw badRequest(
      `The request type ${b.requestTypeId} does not exist in service desk ${desk.id}.`,
      'sd.request.create.error.requesttype.invalid',
      [String(b.requestTypeId)],
    );
  const agent = isAgent(st, desk, ctx.accountId);

  let reporter = ctx.accountId;
  if (b.raiseOnBehalfOf && b.raiseOnBehalfOf !== ctx.accountId) {
    if (!agent)
      throw forbidden(
        'Only agents can raise a request on behalf of a customer.',
        'sd.request.create.error.raise.on.behalf.forbidden',
      );
    const u = requireUser(ctx, b.raiseOnBehalfOf);
    if (!u.active) throw badRequest(`The user ${u.displayName} is inactive.`, 'sd.request.create.error.user.inactive');
    // Agents may add a new customer to the desk by raising a request for them.
    if (!isCustomer(st, desk, u.accountId) && !isAgent(st, desk, u.accountId)) desk.customerIds.push(u.accountId);
    reporter = u.accountId;
  }
  const participants = [...new Set(b.requestParticipants ?? [])].filter((id) => id !== reporter);
  for (const id of participants) requireUser(ctx, id);

  const project = st.jira.projects.get(desk.projectId)!;
  const parsed = parseRequestFields(st, ctx.site.assets, t, project, b.requestFieldValues ?? {}, {
    adf: b.isAdfRequest === true,
    accountId: ctx.accountId,
    now: ctx.now,
  });
  const m = { store: st.jira, accountId: ctx.accountId, now: ctx.now };
  const issue = newIssue(m, project, t.issueTypeId, {
    priority: '3',
    ...parsed.values,
    reporter,
    [JSM_FIELD.requestType]: t.id,
    ...(participants.length ? { [JSM_FIELD.participants]: participants } : {}),
    ...(t.approval ? { status: t.approval.statusId } : {}),
  });
  issue.watchers = [...new Set([reporter, ctx.accountId])];
  const request: RequestRecord = {
    issueId: issue.id,
    serviceDeskId: desk.id,
    requestTypeId: t.id,
    channel: b.channel === 'email' || b.channel === 'portal' || b.channel === 'jira' ? b.channel : 'api',
    unsubscribed: [],
    subscribed: [],
    internalAttachmentIds: [],
    commentAttachments: {},
  };
  // Check the attachments before anything is stored, so a bad id leaves no half-made request.
  for (const id of parsed.temporaryAttachmentIds) {
    const tmp = st.temporaryAttachments.get(id);
    if (!tmp || tmp.serviceDeskId !== desk.id || tmp.authorId !== ctx.accountId)
      throw badRequest(
        `The temporary attachment ${id} does not exist or has expired.`,
        'sd.attachment.temporary.not.found',
        [id],
      );
  }
  st.jira.addIssue(issue);
  st.requests.set(issue.id, request);
  attachTemporary(ctx, issue, request, parsed.temporaryAttachmentIds, true);
  openApproval(ctx, issue, request);
  return json(201, requestDto(ctx, st, { issue, request, desk, agent }, new Set()));
};
