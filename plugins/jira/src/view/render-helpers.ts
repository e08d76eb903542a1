import type { CommentView, IssueRow, WorklogView } from './schemas.js';

/** "ENG-1 | In Progress | Jane Doe | summary | Story Points: 5" */
export function rowLine(row: IssueRow): string {
  const extra = Object.entries(row.fields ?? {}).map(([k, v]) => `${k}: ${v}`);
  return [row.key, row.status ?? '', row.assignee ?? 'unassigned', row.summary, ...extra].join(' | ');
}

export function commentBlock(c: CommentView): string {
  return `[${c.id}] ${c.author ?? '?'} ${c.created ?? ''}${c.edited ? ' (edited)' : ''}:\n${c.body}`;
}

export function worklogLine(w: WorklogView): string {
  return `[${w.id}] ${w.started ?? ''} ${w.author ?? '?'} ${w.timeSpent}${w.comment ? `: ${w.comment}` : ''}`;
}

/** A worklog in the issue view: the day it started is enough there (jira_list_worklogs has the time). */
export function worklogDayLine(w: WorklogView): string {
  return worklogLine({ ...w, started: w.started?.slice(0, 10) });
}

/** Lines joined, empty ones dropped. */
export function lines(...parts: Array<string | undefined | false>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}
