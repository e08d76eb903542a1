// What happens on an issue → beans: comments, worklogs, attachments and changelog histories.
import { formatDuration, jiraTime } from '../format.js';
import type { Attachment, Comment, History, Worklog } from '../model.js';
import type { RenderCtx } from './context.js';
import { userRef } from './users.js';

export function commentBean(c: RenderCtx, cm: Comment) {
  const issue = c.store.issues.get(cm.issueId);
  const out: Record<string, unknown> = {
    self: `${c.base}/rest/api/3/issue/${issue?.id ?? cm.issueId}/comment/${cm.id}`,
    id: cm.id,
    author: userRef(c, cm.authorId),
    body: cm.body,
    updateAuthor: userRef(c, cm.updateAuthorId),
    created: jiraTime(cm.created),
    updated: jiraTime(cm.updated),
    jsdPublic: (cm.properties?.['sd.public.comment'] as { internal?: boolean } | undefined)?.internal !== true,
  };
  if (cm.visibility) out.visibility = cm.visibility;
  return out;
}

export function worklogBean(c: RenderCtx, w: Worklog) {
  const out: Record<string, unknown> = {
    self: `${c.base}/rest/api/3/issue/${w.issueId}/worklog/${w.id}`,
    author: userRef(c, w.authorId),
    updateAuthor: userRef(c, w.updateAuthorId),
    created: jiraTime(w.created),
    updated: jiraTime(w.updated),
    started: jiraTime(w.started),
    timeSpent: formatDuration(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
    id: w.id,
    issueId: w.issueId,
  };
  if (w.comment) out.comment = w.comment;
  if (w.visibility) out.visibility = w.visibility;
  return out;
}

export function attachmentBean(c: RenderCtx, a: Attachment) {
  const out: Record<string, unknown> = {
    self: `${c.base}/rest/api/3/attachment/${a.id}`,
    id: a.id,
    filename: a.filename,
    author: userRef(c, a.authorId),
    created: jiraTime(a.created),
    size: a.size,
    mimeType: a.mimeType,
    content: `${c.base}/rest/api/3/attachment/content/${a.id}`,
  };
  if (a.mimeType.startsWith('image/')) out.thumbnail = `${c.base}/rest/api/3/attachment/thumbnail/${a.id}`;
  return out;
}

export function historyBean(c: RenderCtx, h: History) {
  // The spec's ChangeDetails has no nullable members: absent rather than null.
  const items = h.items.map((it) =>
    Object.fromEntries(Object.entries(it).filter(([, v]) => v !== null && v !== undefined)),
  );
  return { id: h.id, author: userRef(c, h.authorId), created: jiraTime(h.created), items };
}
