import type { RenderKit } from '@atlassian-mcp/core';
import type { IssueDetail } from './schemas.js';
import { commentBlock, lines, worklogDayLine } from './render-helpers.js';

/** The one compact text block of `jira_get_issue`: facts first, user-authored content fenced once. */
export function renderIssue(issue: IssueDetail, kit: RenderKit): string {
  const time = issue.time
    ? [
        issue.time.estimate && `estimate ${issue.time.estimate}`,
        issue.time.remaining && `remaining ${issue.time.remaining}`,
        issue.time.spent && `spent ${issue.time.spent}`,
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  // Header lines are facts at a glance; every value in them that a Jira user wrote (names,
  // labels, the parent's summary, filenames) is inlined: one neutralised line, length-capped.
  const v = (value: string | undefined, max?: number) => (value ? kit.inline(value, max) : undefined);
  const values = (label: string, list: string[] | undefined) =>
    list?.length ? `${label}: ${list.map((x) => kit.inline(x, 80)).join(', ')}` : undefined;
  const head = lines(
    [
      issue.key,
      v(issue.type),
      v(issue.status),
      issue.priority && `${kit.inline(issue.priority)} priority`,
      issue.resolution && `resolved: ${kit.inline(issue.resolution)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    [
      issue.assignee ? `assignee ${kit.inline(issue.assignee)}` : 'unassigned',
      issue.reporter && `reporter ${kit.inline(issue.reporter)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    [
      issue.created && `created ${issue.created}`,
      issue.updated && `updated ${issue.updated}`,
      issue.due && `due ${kit.inline(issue.due)}`,
    ]
      .filter(Boolean)
      .join(' · '),
    issue.parent &&
      `parent ${issue.parent.key}${issue.parent.summary ? ` "${kit.inline(issue.parent.summary, 120)}"` : ''}`,
    values('labels', issue.labels),
    values('components', issue.components),
    values('fix versions', issue.fixVersions),
    time && `time: ${kit.inline(time)}`,
    (issue.attachments?.length ?? 0) > 0 &&
      `attachments: ${issue
        .attachments!.map((a) => `${kit.inline(a.filename, 80)} (${[a.size, a.uri].filter(Boolean).join(', ')})`)
        .join(', ')}`,
    values(
      'transitions',
      issue.transitions?.map((t) => (t.to && t.to !== t.name ? `${t.name} → ${t.to}` : t.name)),
    ),
  );
  const fields = Object.entries(issue.fields ?? {}).map(([k, v]) => (v.includes('\n') ? `${k}:\n${v}` : `${k}: ${v}`));
  const related = [
    ...(issue.subtasks ?? []).map((s) => `subtask ${s.key} [${s.status ?? '?'}] ${s.summary ?? ''}`),
    ...(issue.links ?? []).map((l) => `${l.relation} ${l.key} [${l.status ?? '?'}] ${l.summary ?? ''}`),
  ];
  const c = issue.comments;
  const body = lines(
    `# ${issue.summary}`,
    fields.length > 0 && fields.join('\n'),
    issue.description && `Description:\n${issue.description}`,
    related.length > 0 && `Related:\n${related.join('\n')}`,
    c &&
      c.comments.length > 0 &&
      `Comments (${count(c.comments.length, c.total, 'latest ')}):\n${c.comments.map(commentBlock).join('\n\n')}`,
    issue.worklogs &&
      issue.worklogs.worklogs.length > 0 &&
      `Worklogs (${count(issue.worklogs.worklogs.length, issue.worklogs.total)}):\n${issue.worklogs.worklogs.map(worklogDayLine).join('\n')}`,
  );
  const footer = c?.nextCursor ? `older comments: jira_list_comments cursor="${c.nextCursor}"` : undefined;
  return lines(head, kit.fence(body), footer);
}

/** `3` when all are shown, `latest 3 of 7` when not. */
function count(shown: number, total: number | undefined, which = ''): string {
  return total === undefined || total === shown ? String(shown) : `${which}${shown} of ${total}`;
}
