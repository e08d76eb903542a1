// CustomerRequestStatusDTO: the current status and the status history, from the Jira changelog.
import type { Issue } from '../../jira/model.js';
import { statusTimeline } from '../sla/cycles.js';
import type { JsmStore } from '../store.js';
import { dateDto } from './dates.js';

const CATEGORY: Record<string, string> = {
  undefined: 'UNDEFINED',
  new: 'NEW',
  indeterminate: 'INDETERMINATE',
  done: 'DONE',
};

export function statusDto(st: JsmStore, statusId: string, at: number, now: number) {
  const s = st.jira.statuses.get(statusId);
  const cat = s ? st.jira.statusCategoryOf(statusId).key : 'undefined';
  return { status: s?.name ?? statusId, statusCategory: CATEGORY[cat]!, statusDate: dateDto(at, now) };
}

/** Every status the request has been in, oldest first. */
export function statusHistory(st: JsmStore, issue: Issue, now: number) {
  return statusTimeline(st.jira, issue).map(([t, s]) => statusDto(st, s, t, now));
}

export function currentStatus(st: JsmStore, issue: Issue, now: number) {
  const timeline = statusTimeline(st.jira, issue);
  return statusDto(st, issue.fields.status, timeline[timeline.length - 1]![0], now);
}
