import * as z from 'zod';
import {
  ConflictError,
  inject,
  InputError,
  NotAllowedError,
  Tool,
  ToolProvider,
  type ToolContext,
} from '@atlassian-mcp/core';
import { JsmApprovals } from '../client/jsm-approvals.js';
import type { Approval } from '../client/jsm-http.js';
import { JsmRequests } from '../client/jsm-requests.js';
import { DeskDirectory } from '../scope/desk-directory.js';
import { SCOPE } from '../scopes.js';
import { lines, person, when } from '../view/format.js';
import { anyOut } from '../view/outputs.js';
import { rowLine } from '../view/request-render.js';
import { RequestViews, type RequestRow } from '../view/request-views.js';
import { issueKey, numericId } from './ids.js';

const listInput = z.object({ issueKey: issueKey.optional().describe('Omit: requests awaiting your approval') });
const answerInput = z.object({
  issueKey,
  approvalId: numericId.optional().describe('Omit when one approval awaits you'),
  decision: z.enum(['approve', 'decline']),
});

export type ApprovalView = {
  id: string;
  name: string;
  decision: string;
  canAnswer: boolean;
  approvers: Array<{ name: string; decision: string }>;
  created?: string;
  completed?: string;
};

type ApprovalsOut = { key?: string; approvals?: ApprovalView[]; awaiting?: RequestRow[] };
type Answered = {
  key: string;
  approval: string;
  decision: 'approve' | 'decline';
  decided: boolean;
  outcome?: string;
  status?: string;
};

function approvalView(a: Approval): ApprovalView {
  return {
    id: String(a.id ?? ''),
    name: a.name ?? '',
    decision: a.finalDecision ?? 'pending',
    canAnswer: a.canAnswerApproval === true,
    approvers: (a.approvers ?? []).map((x) => ({
      name: person(x.approver) ?? '?',
      decision: x.approverDecision ?? '?',
    })),
    created: when(a.createdDate),
    completed: when(a.completedDate),
  };
}

const approvalLine = (a: ApprovalView) =>
  `${a.id} ${a.name}: ${a.decision.toUpperCase()}${a.canAnswer ? ' (awaits YOUR decision)' : ''}; approvers ${a.approvers.map((x) => `${x.name} ${x.decision}`).join(', ')}${a.completed ? `; decided ${a.completed}` : ''}`;

/** Approvals: read them, and decide — confirmed by the user, since the decision is recorded under their name. */
@ToolProvider()
export class ApprovalTools {
  constructor(
    @inject(JsmApprovals) private readonly approvals: JsmApprovals,
    @inject(JsmRequests) private readonly requests: JsmRequests,
    @inject(RequestViews) private readonly views: RequestViews,
    @inject(DeskDirectory) private readonly directory: DeskDirectory,
  ) {}

  @Tool({
    name: 'servicedesk_get_approvals',
    title: 'Get approvals',
    description: 'Approvals of a request (approvers and decisions), or the requests awaiting your approval.',
    input: listInput,
    output: anyOut,
    readOnly: true,
    toolset: 'approvals',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read],
    render: (out, kit) => {
      const o = out as ApprovalsOut;
      if (o.awaiting)
        return o.awaiting.length === 0
          ? 'No request awaits your approval.'
          : lines('Awaiting your approval:', kit.fence(o.awaiting.map(rowLine).join('\n'), 'requests'));
      return o.approvals?.length
        ? kit.fence(o.approvals.map(approvalLine).join('\n'), 'approvals')
        : `${o.key} has no approvals.`;
    },
  })
  async list(input: z.infer<typeof listInput>): Promise<ApprovalsOut> {
    if (input.issueKey === undefined) {
      const page = await this.requests.list(
        { requestOwnership: ['APPROVER'], approvalStatus: 'MY_PENDING_APPROVAL', requestStatus: 'ALL_REQUESTS' },
        0,
        50,
        ['requestType'],
      );
      const rows = (page.values ?? []).filter((r) => this.directory.allows(r.issueKey?.replace(/-\d+$/, '')));
      return { awaiting: rows.map((r) => this.views.row(r)) };
    }
    return { key: input.issueKey, approvals: (await this.approvals.list(input.issueKey)).map(approvalView) };
  }

  @Tool({
    name: 'servicedesk_approve_request',
    title: 'Approve or decline',
    description: 'Approve or decline a request as its approver; the user confirms first. Recorded under your name.',
    input: answerInput,
    output: anyOut,
    readOnly: false,
    toolset: 'approvals',
    targets: { issueKey: 'request' },
    scopes: [SCOPE.read, SCOPE.write],
    target: (i) => `${i.issueKey} approval ${i.approvalId ?? '(pending)'}: ${i.decision}`,
    render: (out, kit) => {
      const o = out as Answered;
      if (!o.decided) return `Not ${o.decision}d: the user did not confirm. Nothing was recorded on ${o.key}.`;
      return `${o.decision === 'approve' ? 'Approved' : 'Declined'} "${kit.inline(o.approval)}" on ${o.key}: the approval is now ${o.outcome ?? '?'}; request status ${kit.inline(o.status ?? '?')}.`;
    },
  })
  async answer(input: z.infer<typeof answerInput>, ctx: ToolContext): Promise<Answered> {
    const all = await this.approvals.list(input.issueKey);
    const approval = this.pick(input.issueKey, all, input.approvalId);
    const request = await this.requests.get(input.issueKey);
    const verb = input.decision === 'approve' ? 'Approve' : 'Decline';
    const ok = await ctx.confirm(
      `${verb} "${approval.name}" on ${input.issueKey} ("${request.summary ?? ''}", raised by ${person(request.reporter) ?? '?'})? The decision is recorded under your name and moves the request on.`,
    );
    const base = { key: input.issueKey, approval: approval.name ?? '', decision: input.decision };
    if (!ok) return { ...base, decided: false };
    const after = await this.approvals.answer(input.issueKey, String(approval.id), input.decision);
    const now = await this.requests.get(input.issueKey);
    return { ...base, decided: true, outcome: after.finalDecision, status: now.currentStatus?.status };
  }

  /** The approval to answer: the one named, or the only one awaiting this account. */
  private pick(key: string, all: Approval[], approvalId: string | undefined): Approval {
    const summary = all.map((a) => approvalLine(approvalView(a))).join('; ') || 'none';
    const approval = approvalId
      ? all.find((a) => String(a.id) === approvalId)
      : (all.find((a) => a.canAnswerApproval) ?? (all.length === 1 ? all[0] : undefined));
    if (!approval)
      throw new InputError(
        approvalId ? `${key} has no approval ${approvalId}` : `Say which approval of ${key} to answer`,
        { hint: `Approvals: ${summary}.` },
      );
    if (approval.finalDecision && approval.finalDecision !== 'pending')
      throw new ConflictError(`"${approval.name}" on ${key} is already ${approval.finalDecision}`, {
        hint: 'Nothing to decide; read it with servicedesk_get_approvals.',
      });
    if (!approval.canAnswerApproval)
      throw new NotAllowedError(`You are not a pending approver of "${approval.name}" on ${key}`, {
        hint: `Approvers: ${(approval.approvers ?? []).map((x) => `${person(x.approver) ?? '?'} (${x.approverDecision ?? '?'})`).join(', ')}. Only they can decide.`,
      });
    return approval;
  }
}
