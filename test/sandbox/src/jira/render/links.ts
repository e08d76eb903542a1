// Issues as others see them: the short issue reference (links, parent, subtasks) and issue links.
import type { Issue, IssueLink } from '../model.js';
import { issueTypeBean, linkTypeBean, priorityBean, statusBean } from './catalog.js';
import type { RenderCtx } from './context.js';

/** The short issue form used inside links, parent and subtasks. */
export function issueRef(c: RenderCtx, i: Issue) {
  const st = c.store;
  const fields: Record<string, unknown> = {
    summary: i.fields.summary,
    status: statusBean(c, st.statuses.get(i.fields.status)!),
    issuetype: issueTypeBean(c, st.issueTypes.get(i.fields.issuetype)!),
  };
  const pr = i.fields.priority as string | undefined;
  if (pr && st.priorities.has(pr)) fields.priority = priorityBean(c, st.priorities.get(pr)!);
  return { id: i.id, key: i.key, self: `${c.base}/rest/api/3/issue/${i.id}`, fields };
}

/** A link as seen from `from` (Jira shows the *other* issue). */
export function issueLinkBean(c: RenderCtx, l: IssueLink, from: string) {
  const type = c.store.issueLinkTypes.get(l.typeId)!;
  const out: Record<string, unknown> = {
    id: l.id,
    self: `${c.base}/rest/api/3/issueLink/${l.id}`,
    type: linkTypeBean(c, type),
  };
  // Seen from the inward issue the other end is the outward issue, and vice versa.
  const otherId = l.inwardIssueId === from ? l.outwardIssueId : l.inwardIssueId;
  const other = c.store.issues.get(otherId);
  if (other) out[l.inwardIssueId === from ? 'outwardIssue' : 'inwardIssue'] = issueRef(c, other);
  return out;
}
