// Epics: listing a board's epics, an epic's issues, issues without an epic, and moving issues
// into or out of an epic.
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import type { Issue } from '../model.js';
import { applyChanges } from '../mutate.js';
import type { JiraStore } from '../store.js';
import { page, requireBody, store } from '../routes/util.js';
import { epicBean } from './beans.js';
import { listIssues } from './issue-list.js';
import { boardIssues, mctx, requireBoard, requireEpic, resolveIssues } from './lookup.js';

export const getEpics: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  let es = boardIssues(st, b).filter((i) => st.issueTypes.get(i.fields.issuetype)?.hierarchyLevel === 1);
  if (ctx.query.done !== undefined)
    es = es.filter(
      (e) =>
        (st.statuses.get(e.fields.status)?.categoryId === 3) === (ctx.query.done === true || ctx.query.done === 'true'),
    );
  es.sort((a, b2) => a.rank - b2.rank);
  const p = page(es, ctx.query.startAt, ctx.query.maxResults, 50, 50);
  return json(200, {
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
    isLast: p.isLast,
    values: p.values.map((e) => epicBean(ctx, e)),
  });
};

export const getEpic: Handler = (ctx) => json(200, epicBean(ctx, requireEpic(ctx)));

export const getIssuesForEpic: Handler = (ctx) => {
  const e = requireEpic(ctx);
  return listIssues(ctx, store(ctx).children(e.id));
};

export const getBoardIssuesForEpic: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const e = requireEpic(ctx);
  return listIssues(
    ctx,
    store(ctx)
      .children(e.id)
      .filter((i) => i.fields.project === b.projectId),
  );
};

const withoutEpic = (st: JiraStore, i: Issue) => {
  const t = st.issueTypes.get(i.fields.issuetype)!;
  if (t.hierarchyLevel !== 0) return false;
  const p = i.fields.parent ? st.issues.get(i.fields.parent as string) : undefined;
  return !p;
};

export const getIssuesWithoutEpic: Handler = (ctx) => {
  const st = store(ctx);
  return listIssues(
    ctx,
    [...st.issues.values()].filter((i) => withoutEpic(st, i)),
  );
};

export const getIssuesWithoutEpicForBoard: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  return listIssues(
    ctx,
    boardIssues(st, b).filter((i) => withoutEpic(st, i)),
  );
};

export const moveIssuesToEpic: Handler = (ctx) => {
  const st = store(ctx);
  const e = requireEpic(ctx);
  const issues = resolveIssues(ctx, requireBody<{ issues?: unknown }>(ctx).issues);
  for (const i of issues) {
    if (st.issueTypes.get(i.fields.issuetype)!.hierarchyLevel !== 0) {
      throw new ApiError(400, [
        `Issue '${i.key}' cannot be added to an epic: only standard issue types can have an epic as parent.`,
      ]);
    }
  }
  for (const i of issues) applyChanges(mctx(ctx), i, { parent: e.id });
  return empty(204);
};

export const removeIssuesFromEpic: Handler = (ctx) => {
  const st = store(ctx);
  const issues = resolveIssues(ctx, requireBody<{ issues?: unknown }>(ctx).issues);
  for (const i of issues) {
    const p = i.fields.parent ? st.issues.get(i.fields.parent as string) : undefined;
    if (p && st.issueTypes.get(p.fields.issuetype)?.hierarchyLevel === 1) applyChanges(mctx(ctx), i, { parent: null });
  }
  return empty(204);
};
