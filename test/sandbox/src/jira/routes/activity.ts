// Comments and worklogs.
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { parseDuration, parseJiraTime } from '../format.js';
import type { Comment, Issue, Visibility, Worklog } from '../model.js';
import { isAdf } from '../mutate.js';
import { adfToHtml, commentBean, worklogBean } from '../render.js';
import { addCommentRecord } from './issues.js';
import { entityProperties, expandSet, page, propertyList, rc, requireBody, store } from './util.js';

const ROLES = new Set(['Administrators', 'Developers', 'Users', 'Service Desk Team']);

function checkVisibility(ctx: HandlerContext, v: unknown): Visibility | undefined {
  if (v === undefined || v === null) return undefined;
  const vis = v as { type?: string; value?: string; identifier?: string };
  if (vis.type === 'role') {
    const name = vis.value ?? vis.identifier ?? '';
    if (!ROLES.has(name))
      throw new ApiError(400, [], { commentLevel: `You are currently not a member of the project role: ${name}.` });
    return { type: 'role', value: name, identifier: name };
  }
  if (vis.type === 'group') {
    const name = vis.value ?? vis.identifier ?? '';
    const known = [...store(ctx).users.values()].some((u) => u.groups.includes(name));
    if (!known) throw new ApiError(400, [], { commentLevel: `Group: '${name}' does not exist.` });
    return { type: 'group', value: name, identifier: name };
  }
  throw new ApiError(400, [], { commentLevel: "Visibility type must be 'group' or 'role'." });
}

function requireAdfBody(body: unknown, field: string): void {
  if (body === undefined || body === null || (isAdf(body) && body.content.length === 0)) {
    throw new ApiError(400, [], { [field]: 'Comment body can not be empty!' });
  }
  if (!isAdf(body))
    throw new ApiError(400, [], {
      [field]: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
    });
}

function findComment(ctx: HandlerContext): { issue: Issue; comment: Comment } {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const comment = st.comments(issue.id).find((c) => c.id === ctx.params.id);
  if (!comment) throw new ApiError(404, [`Can not find a comment for the id: ${ctx.params.id}.`]);
  return { issue, comment };
}

function renderComment(ctx: HandlerContext, c: Comment) {
  const out = commentBean(rc(ctx), c);
  const expand = expandSet(ctx.query.expand);
  if (expand.has('renderedBody')) out.renderedBody = adfToHtml(c.body);
  if (expand.has('properties')) out.properties = propertyList(c.properties);
  return out;
}

function renderWorklog(ctx: HandlerContext, w: Worklog) {
  const out = worklogBean(rc(ctx), w);
  if (expandSet(ctx.query.expand).has('properties')) out.properties = propertyList(w.properties);
  return out;
}

export const getComments: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  let cs = [...st.comments(issue.id)];
  const orderBy = String(ctx.query.orderBy ?? 'created');
  if (orderBy.startsWith('-')) cs.reverse();
  const p = page(cs, ctx.query.startAt, ctx.query.maxResults, 100, 5000);
  cs = p.values;
  return json(200, {
    self: `${ctx.base}/rest/api/3/issue/${issue.id}/comment`,
    startAt: p.startAt,
    maxResults: p.maxResults,
    total: p.total,
    comments: cs.map((c) => renderComment(ctx, c)),
  });
};

export const addComment: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const body = requireBody<{ body?: unknown; visibility?: unknown; properties?: unknown }>(ctx);
  requireAdfBody(body.body, 'comment');
  const vis = checkVisibility(ctx, body.visibility);
  const properties = entityProperties(body.properties);
  const c = addCommentRecord(ctx, issue, body.body, vis) as Comment;
  if (properties) c.properties = properties;
  return json(201, renderComment(ctx, c));
};

/** `POST /comment/list`: comments by id, across issues (ids not found are left out). */
export const getCommentsByIds: Handler = (ctx) => {
  const st = store(ctx);
  const ids = new Set((requireBody<{ ids?: unknown[] }>(ctx).ids ?? []).map(String));
  if (ids.size > 1000) throw new ApiError(400, ['The number of comment IDs exceeds the maximum of 1000.']);
  const found: Comment[] = [];
  for (const issue of st.issues.values()) for (const c of st.comments(issue.id)) if (ids.has(c.id)) found.push(c);
  return json(200, {
    maxResults: found.length,
    startAt: 0,
    total: found.length,
    isLast: true,
    values: found.map((c) => renderComment(ctx, c)),
  });
};

export const getComment: Handler = (ctx) => json(200, renderComment(ctx, findComment(ctx).comment));

export const updateComment: Handler = (ctx) => {
  const { issue, comment } = findComment(ctx);
  const body = requireBody<{ body?: unknown; visibility?: unknown }>(ctx);
  requireAdfBody(body.body, 'comment');
  comment.body = body.body as Comment['body'];
  if ('visibility' in body) {
    const vis = checkVisibility(ctx, body.visibility);
    if (vis) comment.visibility = vis;
    else delete comment.visibility;
  }
  comment.updated = ctx.now;
  comment.updateAuthorId = ctx.accountId;
  issue.fields.updated = ctx.now;
  store(ctx).touch();
  return json(200, renderComment(ctx, comment));
};

export const deleteComment: Handler = (ctx) => {
  const { issue, comment } = findComment(ctx);
  const st = store(ctx);
  st.commentsByIssue.set(
    issue.id,
    st.comments(issue.id).filter((c) => c.id !== comment.id),
  );
  st.touch();
  return empty(204);
};

// ---- worklogs ----------------------------------------------------------------------------

interface WorklogBody {
  comment?: unknown;
  started?: string;
  timeSpent?: string;
  timeSpentSeconds?: number;
  visibility?: unknown;
}

function parseWorklog(ctx: HandlerContext, b: WorklogBody, partial: boolean): { seconds?: number; started?: number } {
  const errors: Record<string, string> = {};
  let seconds: number | undefined;
  if (b.timeSpentSeconds !== undefined) seconds = b.timeSpentSeconds;
  else if (b.timeSpent !== undefined) {
    seconds = parseDuration(b.timeSpent);
    if (seconds === undefined) errors.timeLogged = 'Invalid time duration entered.';
  }
  if (seconds === undefined && !partial && !errors.timeLogged)
    errors.timeLogged = 'You must indicate the time spent working.';
  if (seconds !== undefined && seconds <= 0) errors.timeLogged = 'Time Spent must be greater than 0.';
  let started: number | undefined;
  if (b.started !== undefined) {
    started = parseJiraTime(b.started);
    if (started === undefined)
      errors.started = 'Invalid date format. Please enter the date in the format "yyyy-MM-dd\'T\'HH:mm:ss.SSSZ".';
  }
  if (b.comment !== undefined && b.comment !== null && !isAdf(b.comment))
    errors.comment = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  return { seconds, started };
}

/** Applies `adjustEstimate` to the issue's remaining estimate for `delta` seconds logged (negative when removed). */
function adjustEstimate(ctx: HandlerContext, issue: Issue, delta: number): void {
  const mode = String(ctx.query.adjustEstimate ?? 'auto');
  const rem = issue.fields.timeestimate as number | undefined;
  if (mode === 'leave') return;
  if (mode === 'new') {
    const s = ctx.query.newEstimate === undefined ? undefined : parseDuration(String(ctx.query.newEstimate));
    if (s === undefined) throw new ApiError(400, [], { newEstimate: 'You must supply a valid new estimate.' });
    issue.fields.timeestimate = s;
    return;
  }
  if (mode === 'manual') {
    const s = ctx.query.reduceBy === undefined ? undefined : parseDuration(String(ctx.query.reduceBy));
    if (s === undefined)
      throw new ApiError(400, [], { reduceBy: 'You must supply a valid amount of time to adjust the estimate by.' });
    if (rem !== undefined) issue.fields.timeestimate = Math.max(0, rem - s * Math.sign(delta || 1));
    return;
  }
  if (rem !== undefined) issue.fields.timeestimate = Math.max(0, rem - delta);
}

function findWorklog(ctx: HandlerContext): { issue: Issue; worklog: Worklog } {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const worklog = st.worklogs(issue.id).find((w) => w.id === ctx.params.id);
  if (!worklog) throw new ApiError(404, [`Cannot find worklog with id: '${ctx.params.id}'.`]);
  return { issue, worklog };
}

export const getIssueWorklog: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  let ws = st.worklogs(issue.id);
  if (ctx.query.startedAfter !== undefined) ws = ws.filter((w) => w.started >= Number(ctx.query.startedAfter));
  if (ctx.query.startedBefore !== undefined) ws = ws.filter((w) => w.started < Number(ctx.query.startedBefore));
  const p = page(ws, ctx.query.startAt, ctx.query.maxResults, 5000, 5000);
  return json(200, {
    startAt: p.startAt,
    maxResults: p.maxResults,
    total: p.total,
    worklogs: p.values.map((w) => renderWorklog(ctx, w)),
  });
};

export const addWorklog: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const b = requireBody<WorklogBody>(ctx);
  const { seconds, started } = parseWorklog(ctx, b, false);
  const vis = checkVisibility(ctx, b.visibility);
  adjustEstimate(ctx, issue, seconds!);
  const w: Worklog = {
    id: String(st.nextId('worklog')),
    issueId: issue.id,
    authorId: ctx.accountId,
    updateAuthorId: ctx.accountId,
    created: ctx.now,
    updated: ctx.now,
    started: started ?? ctx.now,
    timeSpentSeconds: seconds!,
  };
  if (b.comment) w.comment = b.comment as Worklog['comment'];
  if (vis) w.visibility = vis;
  const properties = entityProperties((b as { properties?: unknown }).properties);
  if (properties) w.properties = properties;
  st.addWorklog(w);
  issue.fields.updated = ctx.now;
  return json(201, worklogBean(rc(ctx), w));
};

export const getWorklog: Handler = (ctx) => json(200, worklogBean(rc(ctx), findWorklog(ctx).worklog));

export const updateWorklog: Handler = (ctx) => {
  const { issue, worklog } = findWorklog(ctx);
  const b = requireBody<WorklogBody>(ctx);
  const { seconds, started } = parseWorklog(ctx, b, true);
  if (seconds !== undefined) {
    adjustEstimate(ctx, issue, seconds - worklog.timeSpentSeconds);
    worklog.timeSpentSeconds = seconds;
  }
  if (started !== undefined) worklog.started = started;
  if (b.comment !== undefined) {
    if (b.comment) worklog.comment = b.comment as Worklog['comment'];
    else delete worklog.comment;
  }
  if (b.visibility !== undefined) {
    const vis = checkVisibility(ctx, b.visibility);
    if (vis) worklog.visibility = vis;
    else delete worklog.visibility;
  }
  worklog.updated = ctx.now;
  worklog.updateAuthorId = ctx.accountId;
  issue.fields.updated = ctx.now;
  store(ctx).touch();
  return json(200, worklogBean(rc(ctx), worklog));
};

export const deleteWorklog: Handler = (ctx) => {
  const { issue, worklog } = findWorklog(ctx);
  const st = store(ctx);
  adjustEstimate(ctx, issue, -worklog.timeSpentSeconds);
  st.worklogsByIssue.set(
    issue.id,
    st.worklogs(issue.id).filter((w) => w.id !== worklog.id),
  );
  issue.fields.updated = ctx.now;
  st.touch();
  return empty(204);
};
