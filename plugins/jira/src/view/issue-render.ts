import type { RenderKit } from '@atlassian-mcp/core';
import type { IssueDetail } from './schemas.js';
import { commentBlock, lines, list, worklogDayLine } from './render-helpers.js';

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
  const head = lines(
    [
      issue.key,
      issue.type,
      issue.status,
      issue.priority && `${issue.priority} priority`,
      issue.resolution && `resolved: ${issue.resolution}`,
    ]
      .filter(Boolean)
      .join(' · '),
    [issue.assignee ? `assignee ${issue.assignee}` : 'unassigned', issue.reporter && `reporter ${issue.reporter}`]
      .filter(Boolean)
      .join(' · '),
    [
      issue.created && `created ${issue.created}`,
      issue.updated && `updated ${issue.updated}`,
      issue.due && `due ${issue.due}`,
    ]
      .filter(Boolean)
      .join(' · '),
    issue.parent && `parent ${issue.parent.key}${issue.parent.summary ? ` ${issue.parent.summary}` : ''}`,
    list('labels', issue.labels),
    list('components', issue.components),
    list('fix versions', issue.fixVersions),
    time && `time: ${time}`,
    list(
      'attachments',
      issue.attachments?.map((a) => `${a.filename} (${[a.size, a.uri].filter(Boolean).join(', ')})`),
    ),
    list(
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
