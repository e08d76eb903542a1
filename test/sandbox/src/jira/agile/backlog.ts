// The board backlog: listing it and moving issues out of open sprints into it.
import { ApiError, empty } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { FIELD } from '../fields.js';
import type { Board, Issue } from '../model.js';
import { applyChanges } from '../mutate.js';
import { requireBody, store } from '../routes/util.js';
import { listIssues } from './issue-list.js';
import { boardIssues, isOpenSprint, mctx, requireBoard, resolveIssues } from './lookup.js';
import { rank } from './rank.js';

function doneStatusesOf(b: Board): Set<string> {
  return new Set(b.columns[b.columns.length - 1]?.statusIds ?? []);
}

export const getIssuesForBacklog: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  const done = doneStatusesOf(b);
  let list = boardIssues(st, b).filter((i) => {
    const t = st.issueTypes.get(i.fields.issuetype)!;
    return !t.subtask && t.hierarchyLevel === 0;
  });
  if (b.type === 'scrum') {
    list = list.filter(
      (i) =>
        !done.has(i.fields.status) &&
        !((i.fields[FIELD.sprint] as number[] | undefined) ?? []).some((id) => isOpenSprint(st, id)),
    );
  } else {
    const first = new Set(b.columns[0]?.statusIds ?? []);
    list = list.filter((i) => first.has(i.fields.status));
  }
  return listIssues(ctx, list);
};

function toBacklog(ctx: HandlerContext, issues: Issue[]) {
  const st = store(ctx);
  for (const i of issues) {
    const ids = (i.fields[FIELD.sprint] as number[] | undefined) ?? [];
    const kept = ids.filter((id) => !isOpenSprint(st, id));
    if (kept.length !== ids.length) applyChanges(mctx(ctx), i, { [FIELD.sprint]: kept.length ? kept : null });
  }
}

export const moveIssuesToBacklog: Handler = (ctx) => {
  toBacklog(ctx, resolveIssues(ctx, requireBody<{ issues?: unknown }>(ctx).issues));
  return empty(204);
};

export const moveIssuesToBacklogForBoard: Handler = (ctx) => {
  const board = requireBoard(ctx);
  const b = requireBody<{ issues?: unknown; rankBeforeIssue?: string; rankAfterIssue?: string }>(ctx);
  const issues = resolveIssues(ctx, b.issues);
  for (const i of issues)
    if (i.fields.project !== board.projectId)
      throw new ApiError(400, [`Issue '${i.key}' is not on board ${board.id}.`]);
  toBacklog(ctx, issues);
  if (b.rankBeforeIssue || b.rankAfterIssue) rank(ctx, issues, b.rankBeforeIssue, b.rankAfterIssue);
  return empty(204);
};
