// Jira Software (agile): boards, configuration, board/backlog/sprint/epic issue lists,
// sprints (create/update/start/close/delete), moving issues, epics, rank, estimation.
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { FIELD } from '../fields.js';
import { isoTime } from '../format.js';
import { compileJql } from '../jql/compile.js';
import { JqlError } from '../jql/parser.js';
import type { Board, Issue, Sprint } from '../model.js';
import { applyChanges, type MutationContext } from '../mutate.js';
import { issueBean, parseFieldSelection, projectAvatarUrls, sprintBean, type RenderCtx } from '../render.js';
import type { JiraStore } from '../store.js';
import { expandSet, page, rc, requireBody, store } from '../routes/util.js';

const NO_BOARD = 'Board does not exist or you do not have permission to see it.';
const mctx = (ctx: HandlerContext): MutationContext => ({ store: store(ctx), accountId: ctx.accountId, now: ctx.now });

function requireBoard(ctx: HandlerContext, id = ctx.params.boardId): Board {
  const b = store(ctx).boards.get(String(id));
  if (!b) throw new ApiError(404, [NO_BOARD]);
  return b;
}

function boardBean(r: RenderCtx, b: Board) {
  const p = r.store.projects.get(b.projectId)!;
  return {
    id: b.id,
    self: `${r.base}/rest/agile/1.0/board/${b.id}`,
    name: b.name,
    type: b.type,
    location: {
      projectId: Number(p.id),
      displayName: `${p.name} (${p.key})`,
      projectName: p.name,
      projectKey: p.key,
      projectTypeKey: p.projectTypeKey,
      avatarURI: projectAvatarUrls(r, p)['48x48']!,
      name: `${p.name} (${p.key})`,
    },
    isPrivate: false,
  };
}

export const getAllBoards: Handler = (ctx) => {
  const st = store(ctx);
  let bs = [...st.boards.values()];
  if (ctx.query.type) bs = bs.filter((b) => String(ctx.query.type).split(',').includes(b.type));
  if (ctx.query.name) bs = bs.filter((b) => b.name.toLowerCase().includes(String(ctx.query.name).toLowerCase()));
  if (ctx.query.projectKeyOrId) {
    const p = st.project(String(ctx.query.projectKeyOrId));
    bs = p ? bs.filter((b) => b.projectId === p.id) : [];
  }
  const p = page(bs, ctx.query.startAt, ctx.query.maxResults, 50, 50);
  const r = rc(ctx);
  return json(200, { maxResults: p.maxResults, startAt: p.startAt, total: p.total, isLast: p.isLast, values: p.values.map((b) => boardBean(r, b)) });
};

export const getBoard: Handler = (ctx) => json(200, boardBean(rc(ctx), requireBoard(ctx)));

export const getConfiguration: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  const p = st.projects.get(b.projectId)!;
  const out: Record<string, unknown> = {
    id: b.id,
    name: b.name,
    type: b.type,
    self: `${ctx.base}/rest/agile/1.0/board/${b.id}/configuration`,
    location: { type: 'project', projectKeyOrId: p.key },
    filter: { id: String(10000 + b.id), self: `${ctx.base}/rest/api/3/filter/${10000 + b.id}` },
    columnConfig: {
      columns: b.columns.map((c) => ({ name: c.name, statuses: c.statusIds.map((id) => ({ id, self: `${ctx.base}/rest/api/3/status/${id}` })) })),
      constraintType: 'issueCount',
    },
    ranking: { rankCustomFieldId: 10019 },
  };
  if (b.type === 'kanban') out.subQuery = { query: 'resolution = EMPTY OR resolution changed after -2w' };
  if (b.estimationFieldId) out.estimation = { type: 'field', field: { fieldId: b.estimationFieldId, displayName: st.fields.get(b.estimationFieldId)?.name ?? 'Story Points' } };
  return json(200, out);
};

// ---- issue lists -------------------------------------------------------------------------

const isOpenSprint = (st: JiraStore, id: number) => {
  const s = st.sprints.get(String(id));
  return !!s && s.state !== 'closed';
};

function boardIssues(st: JiraStore, b: Board): Issue[] {
  return [...st.issues.values()].filter((i) => i.fields.project === b.projectId);
}

function doneStatusesOf(b: Board): Set<string> {
  return new Set(b.columns[b.columns.length - 1]?.statusIds ?? []);
}

/** Agile issue beans carry `sprint`, `closedSprints`, `flagged`, `epic` next to the platform fields. */
function agileIssue(ctx: HandlerContext, i: Issue, fields: ReturnType<typeof parseFieldSelection>, expand: Set<string>) {
  const st = store(ctx);
  const r = rc(ctx);
  const bean = issueBean(r, i, { fields, expand });
  if (fields.idOnly) return bean;
  const f = bean.fields as Record<string, unknown>;
  const want = (k: string) => fields.all || fields.navigable || fields.include.has(k);
  const ids = (i.fields[FIELD.sprint] as number[] | undefined) ?? [];
  const sprints = ids.map((id) => st.sprints.get(String(id))).filter((s): s is Sprint => !!s);
  if (want('sprint')) {
    const open = sprints.find((s) => s.state !== 'closed');
    f.sprint = open ? { ...sprintBean(open), self: `${ctx.base}/rest/agile/1.0/sprint/${open.id}`, originBoardId: open.originBoardId } : null;
  }
  if (want('closedSprints')) {
    f.closedSprints = sprints.filter((s) => s.state === 'closed').map((s) => ({ ...sprintBean(s), self: `${ctx.base}/rest/agile/1.0/sprint/${s.id}`, originBoardId: s.originBoardId }));
  }
  if (want('flagged')) f.flagged = false;
  if (want('epic')) {
    const parent = i.fields.parent ? st.issues.get(i.fields.parent as string) : undefined;
    f.epic = parent && st.issueTypes.get(parent.fields.issuetype)?.hierarchyLevel === 1 ? epicBean(ctx, parent) : null;
  }
  return bean;
}

/** The agile list envelope (`SearchResults`): startAt/maxResults/total + issues, filtered by optional JQL, ordered by rank. */
function listIssues(ctx: HandlerContext, candidates: Issue[], dfltMax = 50) {
  const st = store(ctx);
  let list = candidates;
  const jql = ctx.query.jql as string | undefined;
  if (jql) {
    let compiled;
    try {
      compiled = compileJql(jql, { store: st, accountId: ctx.accountId, now: ctx.now });
    } catch (e) {
      if (e instanceof JqlError) throw new ApiError(400, [e.message]);
      throw e;
    }
    list = list.filter(compiled.filter);
    if (compiled.query.orderBy.length) list = [...list].sort(compiled.compare);
    else list = [...list].sort((a, b) => a.rank - b.rank);
  } else list = [...list].sort((a, b) => a.rank - b.rank);
  const p = page(list, ctx.query.startAt, ctx.query.maxResults, dfltMax, 1000);
  const fields = parseFieldSelection(st, ctx.query.fields, '*navigable');
  const expand = expandSet(ctx.query.expand);
  return json(200, { expand: 'schema,names', startAt: p.startAt, maxResults: p.maxResults, total: p.total, issues: p.values.map((i) => agileIssue(ctx, i, fields, expand)) });
}

export const getIssuesForBoard: Handler = (ctx) => {
  const b = requireBoard(ctx);
  return listIssues(ctx, boardIssues(store(ctx), b));
};

export const getIssuesForBacklog: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  const done = doneStatusesOf(b);
  let list = boardIssues(st, b).filter((i) => {
    const t = st.issueTypes.get(i.fields.issuetype)!;
    return !t.subtask && t.hierarchyLevel === 0;
  });
  if (b.type === 'scrum') {
    list = list.filter((i) => !done.has(i.fields.status) && !((i.fields[FIELD.sprint] as number[] | undefined) ?? []).some((id) => isOpenSprint(st, id)));
  } else {
    const first = new Set(b.columns[0]?.statusIds ?? []);
    list = list.filter((i) => first.has(i.fields.status));
  }
  return listIssues(ctx, list);
};

export const getBoardIssuesForSprint: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const sp = requireSprint(ctx);
  return listIssues(ctx, boardIssues(store(ctx), b).filter((i) => inSprint(i, sp.id)));
};

export const getIssuesForSprint: Handler = (ctx) => {
  const sp = requireSprint(ctx);
  return listIssues(ctx, [...store(ctx).issues.values()].filter((i) => inSprint(i, sp.id)));
};

const inSprint = (i: Issue, sprintId: number) => ((i.fields[FIELD.sprint] as number[] | undefined) ?? []).includes(sprintId);

// ---- epics -------------------------------------------------------------------------------

function epicBean(ctx: HandlerContext, e: Issue) {
  const st = store(ctx);
  const n = Number(e.id) % 14;
  return {
    id: Number(e.id),
    key: e.key,
    self: `${ctx.base}/rest/agile/1.0/epic/${e.id}`,
    name: e.fields.summary,
    summary: e.fields.summary,
    color: { key: `color_${n + 1}` },
    done: st.statuses.get(e.fields.status)?.categoryId === 3,
  };
}

function requireEpic(ctx: HandlerContext): Issue {
  const st = store(ctx);
  const e = st.issue(ctx.params.epicIdOrKey!);
  if (!e || st.issueTypes.get(e.fields.issuetype)?.hierarchyLevel !== 1) throw new ApiError(404, [`Epic with id or key '${ctx.params.epicIdOrKey}' does not exist.`]);
  return e;
}

export const getEpics: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  let es = boardIssues(st, b).filter((i) => st.issueTypes.get(i.fields.issuetype)?.hierarchyLevel === 1);
  if (ctx.query.done !== undefined) es = es.filter((e) => (st.statuses.get(e.fields.status)?.categoryId === 3) === (ctx.query.done === true || ctx.query.done === 'true'));
  es.sort((a, b2) => a.rank - b2.rank);
  const p = page(es, ctx.query.startAt, ctx.query.maxResults, 50, 50);
  return json(200, { maxResults: p.maxResults, startAt: p.startAt, total: p.total, isLast: p.isLast, values: p.values.map((e) => epicBean(ctx, e)) });
};

export const getEpic: Handler = (ctx) => json(200, epicBean(ctx, requireEpic(ctx)));

export const getIssuesForEpic: Handler = (ctx) => {
  const e = requireEpic(ctx);
  return listIssues(ctx, store(ctx).children(e.id));
};

export const getBoardIssuesForEpic: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const e = requireEpic(ctx);
  return listIssues(ctx, store(ctx).children(e.id).filter((i) => i.fields.project === b.projectId));
};

const withoutEpic = (st: JiraStore, i: Issue) => {
  const t = st.issueTypes.get(i.fields.issuetype)!;
  if (t.hierarchyLevel !== 0) return false;
  const p = i.fields.parent ? st.issues.get(i.fields.parent as string) : undefined;
  return !p;
};

export const getIssuesWithoutEpic: Handler = (ctx) => {
  const st = store(ctx);
  return listIssues(ctx, [...st.issues.values()].filter((i) => withoutEpic(st, i)));
};

export const getIssuesWithoutEpicForBoard: Handler = (ctx) => {
  const b = requireBoard(ctx);
  const st = store(ctx);
  return listIssues(ctx, boardIssues(st, b).filter((i) => withoutEpic(st, i)));
};

function resolveIssues(ctx: HandlerContext, keys: unknown, max = 50): Issue[] {
  const st = store(ctx);
  if (!Array.isArray(keys) || keys.length === 0) throw new ApiError(400, [], { issues: 'At least one issue must be specified.' });
  if (keys.length > max) throw new ApiError(400, [], { issues: `No more than ${max} issues can be moved at once.` });
  return keys.map((k) => {
    const i = st.issue(String(k));
    if (!i) throw new ApiError(404, [`Issue '${String(k)}' does not exist or you do not have permission to see it.`]);
    return i;
  });
}

export const moveIssuesToEpic: Handler = (ctx) => {
  const st = store(ctx);
  const e = requireEpic(ctx);
  const issues = resolveIssues(ctx, requireBody<{ issues?: unknown }>(ctx).issues);
  for (const i of issues) {
    if (st.issueTypes.get(i.fields.issuetype)!.hierarchyLevel !== 0) {
      throw new ApiError(400, [`Issue '${i.key}' cannot be added to an epic: only standard issue types can have an epic as parent.`]);
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

// ---- sprints -----------------------------------------------------------------------------

function requireSprint(ctx: HandlerContext): Sprint {
  const sp = store(ctx).sprints.get(String(ctx.params.sprintId));
  if (!sp) throw new ApiError(404, [`Sprint with id ${ctx.params.sprintId} does not exist or you do not have permission to see it.`]);
  return sp;
}

function sprintView(ctx: HandlerContext, s: Sprint) {
  const out: Record<string, unknown> = { id: s.id, self: `${ctx.base}/rest/agile/1.0/sprint/${s.id}`, state: s.state, name: s.name };
  if (s.startDate !== undefined) out.startDate = isoTime(s.startDate);
  if (s.endDate !== undefined) out.endDate = isoTime(s.endDate);
  if (s.completeDate !== undefined) out.completeDate = isoTime(s.completeDate);
  out.createdDate = isoTime(s.createdDate);
  out.originBoardId = s.originBoardId;
  out.goal = s.goal;
  return out;
}

export const getAllSprints: Handler = (ctx) => {
  const b = requireBoard(ctx);
  if (b.type !== 'scrum') throw new ApiError(400, ['The board does not support sprints']);
  const st = store(ctx);
  let ss = [...st.sprints.values()].filter((s) => s.originBoardId === b.id);
  const states = ctx.query.state ? String(ctx.query.state).split(',').map((x) => x.trim()) : [];
  if (states.length) ss = ss.filter((s) => states.includes(s.state));
  const order = { closed: 0, active: 1, future: 2 };
  ss.sort((a, c) => order[a.state] - order[c.state] || a.id - c.id);
  const p = page(ss, ctx.query.startAt, ctx.query.maxResults, 50, 50);
  return json(200, { maxResults: p.maxResults, startAt: p.startAt, isLast: p.isLast, values: p.values.map((s) => sprintView(ctx, s)) });
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
  if (Number.isNaN(t)) throw new ApiError(400, [], { [field]: `Invalid date format for '${field}'. Use ISO 8601, e.g. 2026-11-02T09:00:00.000Z.` });
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
  const s: Sprint = { id: st.nextId('sprint', 1), name: b.name!.trim(), state: 'future', originBoardId: board!.id, goal: b.goal ?? '', createdDate: ctx.now };
  if (b.startDate) s.startDate = parseDate(b.startDate, 'startDate');
  if (b.endDate) s.endDate = parseDate(b.endDate, 'endDate');
  if (s.startDate !== undefined && s.endDate !== undefined && s.endDate < s.startDate) throw new ApiError(400, [], { endDate: 'The sprint end date must be after its start date.' });
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
      if (sp.startDate === undefined || sp.endDate === undefined) throw new ApiError(400, [], { startDate: 'A sprint must have a start date and an end date before it can be started.' });
      const active = [...st.sprints.values()].find((s) => s.originBoardId === sp.originBoardId && s.state === 'active');
      if (active) throw new ApiError(400, [`Sprint '${active.name}' is already active on this board. Complete it before starting another.`]);
      sp.state = 'active';
    } else if (sp.state === 'active' && target === 'closed') {
      sp.state = 'closed';
      sp.completeDate = b.completeDate ? parseDate(b.completeDate, 'completeDate') : ctx.now;
    } else {
      throw new ApiError(400, [`A sprint cannot move from '${sp.state}' to '${target}'.`]);
    }
  }
  if (sp.startDate !== undefined && sp.endDate !== undefined && sp.endDate < sp.startDate) throw new ApiError(400, [], { endDate: 'The sprint end date must be after its start date.' });
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

export const moveIssuesToSprintAndRank: Handler = (ctx) => {
  const st = store(ctx);
  const sp = requireSprint(ctx);
  if (sp.state === 'closed') throw new ApiError(400, ['Issues can only be moved to an active or future sprint.']);
  const b = requireBody<{ issues?: unknown; rankBeforeIssue?: string; rankAfterIssue?: string }>(ctx);
  const issues = resolveIssues(ctx, b.issues);
  for (const i of issues) {
    if (st.issueTypes.get(i.fields.issuetype)!.hierarchyLevel !== 0) throw new ApiError(400, [`Issue '${i.key}' cannot be moved to a sprint: only standard issues and their subtasks can be in sprints.`]);
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
  for (const i of issues) if (i.fields.project !== board.projectId) throw new ApiError(400, [`Issue '${i.key}' is not on board ${board.id}.`]);
  toBacklog(ctx, issues);
  if (b.rankBeforeIssue || b.rankAfterIssue) rank(ctx, issues, b.rankBeforeIssue, b.rankAfterIssue);
  return empty(204);
};

// ---- rank --------------------------------------------------------------------------------

/** Puts `moving` (in order) just before `before` or just after `after`, renumbering ranks. */
function rank(ctx: HandlerContext, moving: Issue[], before?: string, after?: string): void {
  const st = store(ctx);
  const anchorKey = before ?? after!;
  const anchor = st.issue(anchorKey);
  if (!anchor) throw new ApiError(404, [`Issue '${anchorKey}' does not exist or you do not have permission to see it.`]);
  if (moving.some((m) => m.id === anchor.id)) throw new ApiError(400, ['An issue cannot be ranked relative to itself.']);
  const ids = new Set(moving.map((m) => m.id));
  const order = [...st.issues.values()].filter((i) => !ids.has(i.id)).sort((a, b) => a.rank - b.rank);
  let at = order.indexOf(anchor);
  if (after) at += 1;
  order.splice(at, 0, ...moving);
  order.forEach((i, n) => (i.rank = (n + 1) * 100));
  st.touch();
}

export const rankIssues: Handler = (ctx) => {
  const b = requireBody<{ issues?: unknown; rankBeforeIssue?: string; rankAfterIssue?: string; rankCustomFieldId?: number }>(ctx);
  if (!b.rankBeforeIssue && !b.rankAfterIssue) throw new ApiError(400, ['Either rankBeforeIssue or rankAfterIssue must be given.']);
  if (b.rankBeforeIssue && b.rankAfterIssue) throw new ApiError(400, ['Only one of rankBeforeIssue and rankAfterIssue can be given.']);
  if (b.rankCustomFieldId !== undefined && b.rankCustomFieldId !== 10019) throw new ApiError(400, [`Rank field ${b.rankCustomFieldId} does not exist.`]);
  const issues = resolveIssues(ctx, b.issues);
  rank(ctx, issues, b.rankBeforeIssue, b.rankAfterIssue);
  return empty(204);
};

// ---- agile issue + estimation ------------------------------------------------------------

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
  if (n !== null && Number.isNaN(n)) throw new ApiError(400, [], { value: `'${String(raw)}' is not a valid estimate.` });
  applyChanges(mctx(ctx), i, { [fieldId]: n });
  return json(200, n === null ? { fieldId } : { fieldId, value: n });
};
