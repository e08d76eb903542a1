// Agile issue endpoints: get an issue, rank issues, and read or set a board's estimate.
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { applyChanges } from '../mutate.js';
import { parseFieldSelection } from '../render.js';
import { expandSet, requireBody, store } from '../routes/util.js';
import { agileIssue } from './issue-list.js';
import { mctx, requireBoard, resolveIssues } from './lookup.js';
import { rank } from './rank.js';

export const rankIssues: Handler = (ctx) => {
  const b = requireBody<{
    issues?: unknown;
    rankBeforeIssue?: string;
    rankAfterIssue?: string;
    rankCustomFieldId?: number;
  }>(ctx);
  if (!b.rankBeforeIssue && !b.rankAfterIssue)
    throw new ApiError(400, ['Either rankBeforeIssue or rankAfterIssue must be given.']);
  if (b.rankBeforeIssue && b.rankAfterIssue)
    throw new ApiError(400, ['Only one of rankBeforeIssue and rankAfterIssue can be given.']);
  if (b.rankCustomFieldId !== undefined && b.rankCustomFieldId !== 10019)
    throw new ApiError(400, [`Rank field ${b.rankCustomFieldId} does not exist.`]);
  const issues = resolveIssues(ctx, b.issues);
  rank(ctx, issues, b.rankBeforeIssue, b.rankAfterIssue);
  return empty(204);
};

export const getIssue: Handler = (ctx) => {
  const st = store(ctx);
  const i = st.requireIssue(ctx.params.issueIdOrKey!);
  return json(200, agileIssue(ctx, i, parseFieldSelection(st, ctx.query.fields, '*all'), expandSet(ctx.query.expand)));
};

function estimationField(ctx: HandlerContext): string {
  const id = ctx.query.boardId;
  if (id === undefined) throw new ApiError(400, [], { boardId: 'The boardId parameter is required.' });
  const b = requireBoard(ctx, id);
  if (!b.estimationFieldId) throw new ApiError(400, ['Estimation is not configured for this board.']);
  return b.estimationFieldId;
}

export const getIssueEstimationForBoard: Handler = (ctx) => {
  const i = store(ctx).requireIssue(ctx.params.issueIdOrKey!);
  const fieldId = estimationField(ctx);
  const v = i.fields[fieldId];
  return json(200, v === undefined || v === null ? { fieldId } : { fieldId, value: v });
};

export const estimateIssueForBoard: Handler = (ctx) => {
  const i = store(ctx).requireIssue(ctx.params.issueIdOrKey!);
  const fieldId = estimationField(ctx);
  const raw = (ctx.body as { value?: unknown } | undefined)?.value;
  const n = raw === null || raw === undefined || raw === '' ? null : Number(raw);
  if (n !== null && Number.isNaN(n))
    throw new ApiError(400, [], { value: `'${String(raw)}' is not a valid estimate.` });
  applyChanges(mctx(ctx), i, { [fieldId]: n });
  return json(200, n === null ? { fieldId } : { fieldId, value: n });
};
