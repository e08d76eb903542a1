// Sprints: list, get, create, update, start/close, delete, their issues, and moving issues in.
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { FIELD } from '../fields.js';
import type { Sprint } from '../model.js';
import { applyChanges } from '../mutate.js';
import { page, requireBody, store } from '../routes/util.js';
import { sprintView } from './beans.js';
import { listIssues } from './issue-list.js';
import { boardIssues, inSprint, isOpenSprint, mctx, requireBoard, requireSprint, resolveIssues } from './lookup.js';
import { rank } from './rank.js';

export const getAllSprints: Handler = (ctx) => {
  const b = requireBoard(ctx);
  if (b.type !== 'scrum') throw new ApiError(400, ['The board does not support sprints']);
  const st = store(ctx);
  let ss = [...st.sprints.values()].filter((s) => s.originBoardId === b.id);
  const states = ctx.query.state
    ? String(ctx.query.state)
        .split(',')
        .map((x) => x.trim())
    : [];
  if (states.length) ss = ss.filter((s) => states.includes(s.state));
  const order = { closed: 0, active: 1, future: 2 };
  ss.sort((a, c) => order[a.state] - order[c.state] || a.id - c.id);
  const p = page(ss, ctx.query.startAt, ctx.query.maxResults, 50, 50);
  return json(200, {
    maxResults: p.maxResults,
    startAt: p.startAt,
    isLast: p.isLast,
    values: p.values.map((s) => sprintView(ctx, s)),
  });
};

export const getSprint: Handler = (ctx) => json(200, sprintView(ctx, requireSprint(ctx)));

interface SprintBody {
  name?: string;
  originBoardId?: number;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  goal?: string;
  state?: string;
}

function parseDate(v: unknown, field: string): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  if (Number.isNaN(t))
    throw new ApiError(400, [], {
      [field]: `Invalid date format for '${field}'. Use ISO 8601, e.g. 2026-11-02T09:00:00.000Z.`,
    });
  return t;
}

export const createSprint: Handler = (ctx) => {
  const st = store(ctx);
  const b = requireBody<SprintBody>(ctx);
  const errors: Record<string, string> = {};
  if (!b.name?.trim()) errors.name = 'Sprint name is required.';
  else if (b.name.length > 30) errors.name = 'Sprint name must be at most 30 characters.';
  const board = b.originBoardId !== undefined ? st.boards.get(String(b.originBoardId)) : undefined;
  if (!board) errors.originBoardId = 'The board id is required and must exist.';
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  if (board!.type !== 'scrum') throw new ApiError(400, ['The board does not support sprints']);
  const s: Sprint = {
    id: st.nextId('sprint', 1),
    name: b.name!.trim(),
    state: 'future',
    originBoardId: board!.id,
    goal: b.goal ?? '',
    createdDate: ctx.now,
  };
  if (b.startDate) s.startDate = parseDate(b.startDate, 'startDate');
  if (b.endDate) s.endDate = parseDate(b.endDate, 'endDate');
  if (s.startDate !== undefined && s.endDate !== undefined && s.endDate < s.startDate)
    throw new ApiError(400, [], { endDate: 'The sprint end date must be after its start date.' });
  st.sprints.set(String(s.id), s);
  st.touch();
  return json(201, sprintView(ctx, s));
};

function updateSprintWith(ctx: HandlerContext, sp: Sprint, b: SprintBody, partial: boolean) {
  const st = store(ctx);
  if (!partial && b.name === undefined) throw new ApiError(400, [], { name: 'Sprint name is required.' });
  if (b.name !== undefined) {
    if (!b.name.trim()) throw new ApiError(400, [], { name: 'Sprint name is required.' });
    sp.name = b.name.trim();
  }
  if (b.goal !== undefined) sp.goal = b.goal ?? '';
  if (b.startDate !== undefined && sp.state !== 'closed') sp.startDate = parseDate(b.startDate, 'startDate');
  if (b.endDate !== undefined && sp.state !== 'closed') sp.endDate = parseDate(b.endDate, 'endDate');
  const target = b.state ?? (partial ? undefined : sp.state);
  if (target && target !== sp.state) {
    if (sp.state === 'future' && target === 'active') {
      if (sp.startDate === undefined || sp.endDate === undefined)
        throw new ApiError(400, [], {
          startDate: 'A sprint must have a start date and an end date before it can be started.',
        });
      const active = [...st.sprints.values()].find((s) => s.originBoardId === sp.originBoardId && s.state === 'active');
      if (active)
        throw new ApiError(400, [
          `Sprint '${active.name}' is already active on this board. Complete it before starting another.`,
        ]);
      sp.state = 'active';
    } else if (sp.state === 'active' && target === 'closed') {
      sp.state = 'closed';
      sp.completeDate = b.completeDate ? parseDate(b.completeDate, 'completeDate') : ctx.now;
    } else {
      throw new ApiError(400, [`A sprint cannot move from '${sp.state}' to '${target}'.`]);
    }
  }
  if (sp.startDate !== undefined && sp.endDate !== undefined && sp.endDate < sp.startDate)
    throw new ApiError(400, [], { endDate: 'The sprint end date must be after its start date.' });
  st.touch();
}

export const updateSprint: Handler = (ctx) => {
  const sp = requireSprint(ctx);
  updateSprintWith(ctx, sp, requireBody<SprintBody>(ctx), false);
  return json(200, sprintView(ctx, sp));
};

export const partiallyUpdateSprint: Handler = (ctx) => {
  const sp = requireSprint(ctx);
  updateSprintWith(ctx, sp, requireBody<SprintBody>(ctx), true);
  return json(200, sprintView(ctx, sp));
};

export const deleteSprint: Handler = (ctx) => {
  const sp = requireSprint(ctx);
  if (sp.state === 'closed') throw new ApiError(400, ['A closed sprint cannot be deleted.']);
  const st = store(ctx);
  for (const i of st.issues.values()) {
    const ids = (i.fields[FIELD.sprint] as number[] | undefined) ?? [];
    if (ids.includes(sp.id)) {
      const rest = ids.filter((x) => x !== sp.id);
      if (rest.length) i.fields[FIELD.sprint] = rest;
      else delete i.fields[FIELD.sprint];
    }
  }
  st.sprints.delete(String(sp.id));
  st.touch();
  return empty(204);
};

export const getBoardIssuesForSprint: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const sp = requireSprint(ctx);
  return listIssues(
    ctx,
    boardIssues(store(ctx), b).filter((i) => inSprint(i, sp.id)),
  );
};

export const getIssuesForSprint: Handler = (ctx) => {
  const sp = requireSprint(ctx);
  return listIssues(
    ctx,
    [...store(ctx).issues.values()].filter((i) => inSprint(i, sp.id)),
  );
};

export const moveIssuesToSprintAndRank: Handler = (ctx) => {
  const st = store(ctx);
  const sp = requireSprint(ctx);
  if (sp.state === 'closed') throw new ApiError(400, ['Issues can only be moved to an active or future sprint.']);
  const b = requireBody<{ issues?: unknown; rankBeforeIssue?: string; rankAfterIssue?: string }>(ctx);
  const issues = resolveIssues(ctx, b.issues);
  for (const i of issues) {
    if (st.issueTypes.get(i.fields.issuetype)!.hierarchyLevel !== 0)
      throw new ApiError(400, [
        `Issue '${i.key}' cannot be moved to a sprint: only standard issues and their subtasks can be in sprints.`,
      ]);
  }
  for (const i of issues) {
    const closed = ((i.fields[FIELD.sprint] as number[] | undefined) ?? []).filter((id) => !isOpenSprint(st, id));
    applyChanges(mctx(ctx), i, { [FIELD.sprint]: [...closed, sp.id] });
    for (const s of st.children(i.id)) {
      if (st.issueTypes.get(s.fields.issuetype)?.subtask) s.fields[FIELD.sprint] = [...closed, sp.id];
    }
  }
  if (b.rankBeforeIssue || b.rankAfterIssue) rank(ctx, issues, b.rankBeforeIssue, b.rankAfterIssue);
  return empty(204);
};
