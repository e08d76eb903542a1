// ApprovalDTO.
import type { Approval } from '../model.js';
import type { JsmStore } from '../store.js';
import { dateDto } from './dates.js';
import { userDto } from './users.js';

export function approvalDto(st: JsmStore, base: string, a: Approval, viewer: string, now: number) {
  return {
    id: a.id,
    name: a.name,
    finalDecision: a.finalDecision,
    canAnswerApproval:
      a.finalDecision === 'pending' && a.approvers.some((x) => x.accountId === viewer && x.decision === 'pending'),
    approvers: a.approvers.map((x) => ({
      approver: userDto(st.jira, base, x.accountId),
      approverDecision: x.decision,
    })),
    createdDate: dateDto(a.created, now),
    ...(a.completed !== undefined ? { completedDate: dateDto(a.completed, now) } : {}),
    _links: { self: `${base}/rest/servicedeskapi/request/${a.issueId}/approval/${a.id}` },
  };
}
