// Finding what an agile request names (board, sprint, epic, issues) or 404/400, and the
// small predicates the agile modules share.
import { ApiError } from '../../core/http.js';
import type { HandlerContext } from '../../core/product.js';
import { FIELD } from '../fields.js';
import type { Board, Issue, Sprint } from '../model.js';
import type { MutationContext } from '../mutate.js';
import type { JiraStore } from '../store.js';
import { store } from '../routes/util.js';

const NO_BOARD = 'Board does not exist or you do not have permission to see it.';
export const mctx = (ctx: HandlerContext): MutationContext => ({
  store: store(ctx),
  accountId: ctx.accountId,
  now: ctx.now,
});

export function requireBoard(ctx: HandlerContext, id = ctx.params.boardId): Board {
  const b = store(ctx).boards.get(String(id));
  if (!b) throw new ApiError(404, [NO_BOARD]);
  return b;
}

export function requireSprint(ctx: HandlerContext): Sprint {
  const sp = store(ctx).sprints.get(String(ctx.params.sprintId));
  if (!sp)
    throw new ApiError(404, [
      `Sprint with id ${ctx.params.sprintId} does not exist or you do not have permission to see it.`,
    ]);
  return sp;
}

export function requireEpic(ctx: HandlerContext): Issue {
  const st = store(ctx);
  const e = st.issue(ctx.params.epicIdOrKey!);
  if (!e || st.issueTypes.get(e.fields.issuetype)?.hierarchyLevel !== 1)
    throw new ApiError(404, [`Epic with id or key '${ctx.params.epicIdOrKey}' does not exist.`]);
  return e;
}

export function resolveIssues(ctx: HandlerContext, keys: unknown, max = 50): Issue[] {
  const st = store(ctx);
  if (!Array.isArray(keys) || keys.length === 0)
    throw new ApiError(400, [], { issues: 'At least one issue must be specified.' });
  if (keys.length > max) throw new ApiError(400, [], { issues: `No more than ${max} issues can be moved at once.` });
  return keys.map((k) => {
    const i = st.issue(String(k));
    if (!i) throw new ApiError(404, [`Issue '${String(k)}' does not exist or you do not have permission to see it.`]);
    return i;
  });
}

export const isOpenSprint = (st: JiraStore, id: number) => {
  const s = st.sprints.get(String(id));
  return !!s && s.state !== 'closed';
};

export function boardIssues(st: JiraStore, b: Board): Issue[] {
  return [...st.issues.values()].filter((i) => i.fields.project === b.projectId);
}

export const inSprint = (i: Issue, sprintId: number) =>
  ((i.fields[FIELD.sprint] as number[] | undefined) ?? []).includes(sprintId);
