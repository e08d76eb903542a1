// Issues: get/create/edit/delete, assignee, transitions, changelog, picker (createmeta/editmeta: issue-meta.ts).
import { ApiError, empty, json } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { FIELD } from '../fields.js';
import type { Issue, Project } from '../model.js';
import {
  applyChanges,
  availableTransitions,
  collectChanges,
  isAdf,
  moveToStatus,
  newIssue,
  parseValue,
  screenFor,
  type MutationContext,
} from '../mutate.js';
import { fieldBean, historyBean, issueBean, parseFieldSelection, statusBean } from '../render.js';
import { entityProperties, expandSet, page, rc, requireBody, store } from './util.js';
import { fieldMeta } from './issue-meta.js';

const mctx = (ctx: HandlerContext): MutationContext => ({ store: store(ctx), accountId: ctx.accountId, now: ctx.now });

export const getIssue: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const fields = parseFieldSelection(st, ctx.query.fields, '*all');
  return json(
    200,
    issueBean(rc(ctx), issue, { fields, expand: expandSet(ctx.query.expand), properties: ctx.query.properties }),
  );
};

interface CreateBody {
  properties?: unknown;
  fields?: Record<string, unknown>;
  update?: Record<string, Array<Record<string, unknown>>>;
  transition?: { id?: string };
}

function resolveProjectAndType(
  ctx: HandlerContext,
  fields: Record<string, unknown>,
): { project: Project; typeId: string } {
  const st = store(ctx);
  const p = fields.project as { id?: string; key?: string } | undefined;
  const project = p ? st.project(String(p.id ?? p.key ?? '')) : undefined;
  if (!project) throw new ApiError(400, [], { project: 'Specify a valid project ID or key' });
  const t = fields.issuetype as { id?: string; name?: string } | undefined;
  if (!t) throw new ApiError(400, [], { issuetype: 'Specify an issue type' });
  const type =
    (t.id && st.issueTypes.get(String(t.id))) ||
    [...st.issueTypes.values()].find((x) => x.name.toLowerCase() === String(t.name ?? '').toLowerCase());
  if (!type || !project.issueTypeIds.includes(type.id))
    throw new ApiError(400, [], { issuetype: 'Specify a valid issue type' });
  return { project, typeId: type.id };
}

function createOne(ctx: HandlerContext, body: CreateBody): Issue {
  const st = store(ctx);
  const m = mctx(ctx);
  const fields = body.fields ?? {};
  const { project, typeId } = resolveProjectAndType(ctx, fields);
  const screen = screenFor(project, typeId);
  const allowed = new Set(screen.fields);
  const ch = collectChanges(m, project, typeId, fields, body.update, allowed, undefined);
  const errors: Record<string, string> = {};
  for (const req of screen.required) {
    if (req === 'project' || req === 'issuetype' || req === 'reporter') continue;
    const v = ch.values[req];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) {
      const f = st.fields.get(req)!;
      errors[req] = req === 'summary' ? 'You must specify a summary of the issue.' : `${f?.name ?? req} is required.`;
    }
  }
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  if (allowed.has('priority') && ch.values.priority === undefined) ch.values.priority = '3';
  const issue = newIssue(m, project, typeId, ch.values);
  issue.properties = entityProperties(body.properties) ?? {};
  st.addIssue(issue);
  for (const body of ch.comments) addCommentRecord(ctx, issue, body);
  for (const l of ch.links) {
    st.addLink({
      id: String(st.nextId('issueLink')),
      typeId: l.typeId,
      inwardIssueId: l.inward ?? issue.id,
      outwardIssueId: l.outward ?? issue.id,
    });
  }
  if (issue.fields.assignee && !issue.watchers.includes(issue.fields.assignee as string))
    issue.watchers.push(issue.fields.assignee as string);
  if (body.transition?.id) {
    const t = availableTransitions(st, issue).find((x) => x.id === String(body.transition!.id));
    if (t) moveToStatus(m, issue, t.to, {});
  }
  return issue;
}

export function addCommentRecord(ctx: HandlerContext, issue: Issue, body: unknown, visibility?: unknown) {
  const st = store(ctx);
  const c = {
    id: String(st.nextId('comment')),
    issueId: issue.id,
    authorId: ctx.accountId,
    updateAuthorId: ctx.accountId,
    body: body as never,
    created: ctx.now,
    updated: ctx.now,
    ...(visibility ? { visibility: visibility as never } : {}),
  };
  st.addComment(c);
  issue.fields.updated = ctx.now;
  return c;
}

export const createIssue: Handler = (ctx) => {
  const issue = createOne(ctx, requireBody<CreateBody>(ctx));
  return json(201, { id: issue.id, key: issue.key, self: `${ctx.base}/rest/api/3/issue/${issue.id}` });
};

export const createIssues: Handler = (ctx) => {
  const body = requireBody<{ issueUpdates?: CreateBody[] }>(ctx);
  const list = body.issueUpdates ?? [];
  if (list.length > 50)
    throw new ApiError(400, ['The number of issues to be created in bulk exceeds the maximum limit of 50.']);
  const issues: unknown[] = [];
  const errors: unknown[] = [];
  list.forEach((b, idx) => {
    try {
      const i = createOne(ctx, b);
      issues.push({ id: i.id, key: i.key, self: `${ctx.base}/rest/api/3/issue/${i.id}` });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push({
        status: e.status,
        elementErrors: { errorMessages: e.errorMessages, errors: e.errors },
        failedElementNumber: idx,
      });
    }
  });
  return json(issues.length ? 201 : 400, { issues, errors });
};

export const editIssue: Handler = (ctx) => {
  const st = store(ctx);
  const m = mctx(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const body = requireBody<CreateBody>(ctx);
  const project = st.projects.get(issue.fields.project)!;
  const typeId = ((body.fields?.issuetype as { id?: string })?.id as string | undefined) ?? issue.fields.issuetype;
  const screen = screenFor(project, issue.fields.issuetype);
  const allowed = new Set(screen.fields.filter((f) => f !== 'project' && f !== 'issuetype'));
  const fields = { ...(body.fields ?? {}) };
  if ('project' in fields || 'issuetype' in fields) {
    const errs: Record<string, string> = {};
    if ('project' in fields)
      errs.project = "Field 'project' cannot be set. It is not on the appropriate screen, or unknown.";
    if ('issuetype' in fields && typeId !== issue.fields.issuetype) {
      const t = st.issueTypes.get(String(typeId));
      const cur = st.issueTypes.get(issue.fields.issuetype)!;
      if (!t || !project.issueTypeIds.includes(t.id)) errs.issuetype = 'Specify a valid issue type';
      else if (t.subtask !== cur.subtask || t.hierarchyLevel !== cur.hierarchyLevel)
        errs.issuetype = 'Issue type cannot be changed to a type of a different hierarchy level.';
    }
    if (Object.keys(errs).length) throw new ApiError(400, [], errs);
    delete fields.project;
  }
  const ch = collectChanges(
    m,
    project,
    issue.fields.issuetype,
    { ...fields, issuetype: undefined },
    body.update,
    allowed,
    issue,
  );
  delete ch.values.issuetype;
  if (typeof fields.issuetype === 'object' && fields.issuetype) ch.values.issuetype = String(typeId);
  for (const req of screen.required) {
    if (
      req in ch.values &&
      (ch.values[req] === null || (Array.isArray(ch.values[req]) && (ch.values[req] as unknown[]).length === 0))
    ) {
      throw new ApiError(400, [], {
        [req]:
          req === 'summary'
            ? 'You must specify a summary of the issue.'
            : `${st.fields.get(req)?.name ?? req} is required.`,
      });
    }
  }
  applyChanges(m, issue, ch.values);
  for (const c of ch.comments) addCommentRecord(ctx, issue, c);
  for (const l of ch.links)
    st.addLink({
      id: String(st.nextId('issueLink')),
      typeId: l.typeId,
      inwardIssueId: l.inward ?? issue.id,
      outwardIssueId: l.outward ?? issue.id,
    });
  if (ctx.query.returnIssue === true) {
    return json(
      200,
      issueBean(rc(ctx), issue, {
        fields: parseFieldSelection(st, undefined, '*all'),
        expand: expandSet(ctx.query.expand),
      }),
    );
  }
  return empty(204);
};

export const deleteIssue: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const subs = st.children(issue.id).filter((c) => st.issueTypes.get(c.fields.issuetype)?.subtask);
  if (subs.length && ctx.query.deleteSubtasks !== true && ctx.query.deleteSubtasks !== 'true') {
    throw new ApiError(400, [`The issue has subtasks. To delete, set the "deleteSubtasks" parameter to true.`]);
  }
  for (const s of subs) st.deleteIssue(s);
  for (const c of st.children(issue.id)) applyChanges(mctx(ctx), c, { parent: null });
  st.deleteIssue(issue);
  return empty(204);
};

export const assignIssue: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const body = (ctx.body ?? {}) as { accountId?: string | null };
  let accountId: string | null = body.accountId ?? null;
  if (accountId === '-1') accountId = st.projects.get(issue.fields.project)!.leadAccountId;
  if (accountId !== null) {
    const u = st.user(accountId);
    if (!u) throw new ApiError(404, [`User with accountId '${accountId}' does not exist.`]);
    if (!u.active) throw new ApiError(400, [], { assignee: `User '${u.displayName}' cannot be assigned issues.` });
  }
  applyChanges(mctx(ctx), issue, { assignee: accountId });
  return empty(204);
};

// ---- transitions -------------------------------------------------------------------------

export const getTransitions: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const r = rc(ctx);
  const project = st.projects.get(issue.fields.project)!;
  const wf = st.workflowOf(issue);
  const expand = expandSet(ctx.query.expand);
  const includeUnavailable = ctx.query.includeUnavailableTransitions === true;
  let list = includeUnavailable ? wf.transitions : availableTransitions(st, issue);
  if (ctx.query.transitionId) list = list.filter((t) => t.id === String(ctx.query.transitionId));
  const transitions = list.map((t) => {
    const out: Record<string, unknown> = {
      id: t.id,
      name: t.name,
      to: statusBean(r, st.statuses.get(t.to)!),
      hasScreen: t.screen.length > 0,
      isGlobal: t.from.length === 0,
      isInitial: false,
      isAvailable: t.from.length === 0 || t.from.includes(issue.fields.status),
      isConditional: false,
      isLooped: false,
    };
    if (expand.has('transitions.fields')) {
      const fields: Record<string, unknown> = {};
      for (const id of t.screen) {
        if (id === 'comment') {
          fields.comment = {
            required: t.required.includes('comment'),
            schema: { type: 'comments-page', system: 'comment' },
            name: 'Comment',
            key: 'comment',
            operations: ['add'],
          };
          continue;
        }
        const f = st.fields.get(id);
        if (f) fields[id] = fieldMeta(r, f, project, t.required.includes(id), false);
      }
      out.fields = fields;
    }
    return out;
  });
  return json(200, { expand: 'transitions', transitions });
};

export const doTransition: Handler = (ctx) => {
  const st = store(ctx);
  const m = mctx(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const body = requireBody<CreateBody>(ctx);
  const id = body.transition?.id;
  if (!id) throw new ApiError(400, ["Missing 'transition' identifier"]);
  const t = st.workflowOf(issue).transitions.find((x) => x.id === String(id));
  if (!t) throw new ApiError(400, [`Transition id '${id}' is not valid for this issue.`]);
  if (t.from.length && !t.from.includes(issue.fields.status)) {
    throw new ApiError(400, [`Transition id '${id}' is not valid for this issue.`]);
  }
  const project = st.projects.get(issue.fields.project)!;
  const allowed = new Set(t.screen.filter((x) => x !== 'comment'));
  const update = { ...(body.update ?? {}) };
  const commentOps = update.comment;
  delete update.comment;
  const ch = collectChanges(m, project, issue.fields.issuetype, body.fields, update, allowed, issue);
  const comments: unknown[] = [];
  for (const op of commentOps ?? []) {
    const b = (op.add as { body?: unknown } | undefined)?.body;
    if (!isAdf(b))
      throw new ApiError(400, [], {
        comment: 'Comment body must be an Atlassian Document (see the Atlassian Document Format)',
      });
    comments.push(b);
  }
  const errors: Record<string, string> = {};
  for (const req of t.required) {
    if (req === 'comment') {
      if (!comments.length) errors.comment = 'Comment is required.';
    } else if (ch.values[req] === undefined || ch.values[req] === null) {
      errors[req] = `${st.fields.get(req)?.name ?? req} is required.`;
    }
  }
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  moveToStatus(m, issue, t.to, ch.values);
  for (const c of comments) addCommentRecord(ctx, issue, c);
  return empty(204);
};

// ---- changelog, picker -------------------------------------------------------------------

export const getChangeLogs: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const r = rc(ctx);
  const hs = st.histories(issue.id).map((h) => historyBean(r, h));
  const p = page(hs, ctx.query.startAt, ctx.query.maxResults, 100, 100);
  return json(200, {
    self: `${ctx.base}/rest/api/3/issue/${issue.key}/changelog?maxResults=${p.maxResults}&startAt=${p.startAt}`,
    ...p,
  });
};

export const getIssuePickerResource: Handler = (ctx) => {
  const st = store(ctx);
  const q = String(ctx.query.query ?? '').toLowerCase();
  const matches = [...st.issues.values()]
    .filter((i) => !q || i.key.toLowerCase().includes(q) || i.fields.summary.toLowerCase().includes(q))
    .slice(0, 20);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return json(200, {
    sections: [
      {
        label: 'History Search',
        sub: `Showing ${matches.length} of ${matches.length} matching issues`,
        id: 'hs',
        issues: matches.map((i) => ({
          id: Number(i.id),
          key: i.key,
          keyHtml: esc(i.key),
          summary: esc(i.fields.summary),
          summaryText: i.fields.summary,
          img: `/rest/api/2/universal_avatar/view/type/issuetype/avatar/${st.issueTypes.get(i.fields.issuetype)!.avatarId}?size=medium`,
        })),
      },
    ],
  });
};

export { fieldBean, parseValue };
export const STORY_POINTS = FIELD.storyPoints;

export { getCreateIssueMetaIssueTypeId, getCreateIssueMetaIssueTypes, getEditIssueMeta } from './issue-meta.js';
