// Users and projects: user search, assignable search, bulk get; project search/get, components, versions.
import { ApiError, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import type { Project, User } from '../model.js';
import { componentBean, issueTypeBean, projectAvatarUrls, userBean, versionBean, type RenderCtx } from '../render.js';
import { expandSet, page, rc, store } from './util.js';

function matchesUser(u: User, q: string): boolean {
  if (!q) return true;
  const lower = q.toLowerCase();
  return (
    u.accountId === q ||
    u.emailAddress.toLowerCase().startsWith(lower) ||
    u.displayName
      .toLowerCase()
      .split(/\s+/)
      .some((w) => w.startsWith(lower)) ||
    u.displayName.toLowerCase().startsWith(lower)
  );
}

export const getUser: Handler = (ctx) => {
  const id = ctx.query.accountId as string | undefined;
  if (!id) throw new ApiError(400, ["The query parameter 'accountId' is required."]);
  const u = store(ctx).user(id);
  if (!u) throw new ApiError(404, [`User with accountId '${id}' does not exist.`]);
  return json(200, {
    ...userBean(rc(ctx), u),
    locale: u.locale,
    groups: { size: u.groups.length, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  });
};

export const bulkGetUsers: Handler = (ctx) => {
  const st = store(ctx);
  const ids = (ctx.query.accountId as string[] | undefined) ?? [];
  const users = ids.map((id) => st.user(id)).filter((u): u is User => !!u);
  const p = page(
    users.map((u) => userBean(rc(ctx), u)),
    ctx.query.startAt,
    ctx.query.maxResults,
    10,
    200,
  );
  return json(200, {
    self: `${ctx.base}/rest/api/3/user/bulk`,
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
    isLast: p.isLast,
    values: p.values,
  });
};

export const findUsers: Handler = (ctx) => {
  const st = store(ctx);
  const q = String(ctx.query.query ?? '');
  const accountId = ctx.query.accountId as string | undefined;
  if (!q && !accountId) throw new ApiError(400, ["One of 'query' or 'accountId' query parameters must be provided."]);
  const users = [...st.users.values()].filter((u) => (accountId ? u.accountId === accountId : matchesUser(u, q)));
  const p = page(users, ctx.query.startAt, ctx.query.maxResults, 50, 1000);
  return json(
    200,
    p.values.map((u) => userBean(rc(ctx), u)),
  );
};

export const findAssignableUsers: Handler = (ctx) => {
  const st = store(ctx);
  const projectKey = ctx.query.project as string | undefined;
  const issueKey = (ctx.query.issueKey ?? ctx.query.issueId) as string | undefined;
  if (!projectKey && !issueKey) throw new ApiError(400, ['A project, issue key, or issue ID is required.']);
  if (projectKey && !st.project(projectKey)) throw new ApiError(404, [`Project '${projectKey}' not found.`]);
  if (issueKey && !st.issue(issueKey)) throw new ApiError(404, [`Issue '${issueKey}' not found.`]);
  const q = String(ctx.query.query ?? ctx.query.username ?? '');
  const accountId = ctx.query.accountId as string | undefined;
  const users = [...st.users.values()].filter(
    (u) => u.active && u.accountType === 'atlassian' && (accountId ? u.accountId === accountId : matchesUser(u, q)),
  );
  const p = page(users, ctx.query.startAt, ctx.query.maxResults, 50, 1000);
  return json(
    200,
    p.values.map((u) => userBean(rc(ctx), u)),
  );
};

// ---- projects ----------------------------------------------------------------------------

export function projectBean(r: RenderCtx, p: Project, expand: Set<string>) {
  const st = r.store;
  const lead = st.user(p.leadAccountId);
  const out: Record<string, unknown> = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${r.base}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    avatarUrls: projectAvatarUrls(r, p),
    projectTypeKey: p.projectTypeKey,
    simplified: p.style === 'next-gen',
    style: p.style,
    isPrivate: false,
    properties: {},
  };
  if (p.categoryName) {
    const cid = String(10000 + (p.categoryName.length % 7));
    out.projectCategory = {
      self: `${r.base}/rest/api/3/projectCategory/${cid}`,
      id: cid,
      name: p.categoryName,
      description: `${p.categoryName} projects`,
    };
  }
  if (expand.has('description')) out.description = p.description;
  if (expand.has('lead') && lead) out.lead = userBean(r, lead);
  if (expand.has('issueTypes')) out.issueTypes = p.issueTypeIds.map((id) => issueTypeBean(r, st.issueTypes.get(id)!));
  if (expand.has('projectKeys')) out.projectKeys = [p.key];
  if (expand.has('insight')) {
    let n = 0;
    let last = 0;
    for (const i of st.issues.values()) {
      if (i.fields.project !== p.id) continue;
      n++;
      if (i.fields.updated > last) last = i.fields.updated;
    }
    out.insight = { totalIssueCount: n, lastIssueUpdateTime: new Date(last).toISOString() };
  }
  return out;
}

export function fullProjectBean(r: RenderCtx, p: Project, expand: Set<string>) {
  const st = r.store;
  const out = projectBean(r, p, new Set([...expand, 'description', 'lead', 'issueTypes']));
  out.description = p.description;
  out.components = [...st.components.values()].filter((c) => c.projectId === p.id).map((c) => componentBean(r, c));
  out.versions = [...st.versions.values()].filter((v) => v.projectId === p.id).map((v) => versionBean(r, v));
  out.assigneeType = 'UNASSIGNED';
  out.roles = {
    Administrators: `${r.base}/rest/api/3/project/${p.id}/role/10002`,
    Developers: `${r.base}/rest/api/3/project/${p.id}/role/10001`,
  };
  return out;
}

export const searchProjects: Handler = (ctx) => {
  const st = store(ctx);
  const r = rc(ctx);
  let ps = [...st.projects.values()].filter((p) => !p.archived);
  const q = String(ctx.query.query ?? '').toLowerCase();
  if (q) ps = ps.filter((p) => p.key.toLowerCase().includes(q) || p.name.toLowerCase().includes(q));
  const keys = (ctx.query.keys as string[] | undefined) ?? [];
  if (keys.length) ps = ps.filter((p) => keys.some((k) => k.toUpperCase() === p.key || k === p.id));
  const ids = ((ctx.query.id as Array<number | string> | undefined) ?? []).map(String);
  if (ids.length) ps = ps.filter((p) => ids.includes(p.id));
  const typeKey = String(ctx.query.typeKey ?? '');
  if (typeKey) ps = ps.filter((p) => typeKey.split(',').includes(p.projectTypeKey));
  const orderBy = String(ctx.query.orderBy ?? 'key');
  const desc = orderBy.startsWith('-');
  const by = orderBy.replace(/^[+-]/, '');
  ps.sort((a, b) => {
    const x = by === 'name' ? a.name : by === 'id' ? a.id.padStart(10, '0') : a.key;
    const y = by === 'name' ? b.name : by === 'id' ? b.id.padStart(10, '0') : b.key;
    return x.localeCompare(y) * (desc ? -1 : 1);
  });
  const p = page(ps, ctx.query.startAt, ctx.query.maxResults, 50, 100);
  const expand = expandSet(ctx.query.expand);
  const self = `${ctx.base}/rest/api/3/project/search?maxResults=${p.maxResults}&startAt=${p.startAt}`;
  const body: Record<string, unknown> = {
    self,
    maxResults: p.maxResults,
    startAt: p.startAt,
    total: p.total,
    isLast: p.isLast,
    values: p.values.map((x) => projectBean(r, x, expand)),
  };
  if (!p.isLast)
    body.nextPage = `${ctx.base}/rest/api/3/project/search?maxResults=${p.maxResults}&startAt=${p.startAt + p.maxResults}`;
  return json(200, body);
};

export const getAllProjects: Handler = (ctx) => {
  const r = rc(ctx);
  const expand = expandSet(ctx.query.expand);
  return json(
    200,
    [...store(ctx).projects.values()].filter((p) => !p.archived).map((p) => projectBean(r, p, expand)),
  );
};

export const getProject: Handler = (ctx) => {
  const st = store(ctx);
  const p = st.project(ctx.params.projectIdOrKey!);
  if (!p) throw new ApiError(404, [`No project could be found with key '${ctx.params.projectIdOrKey}'.`]);
  return json(200, fullProjectBean(rc(ctx), p, expandSet(ctx.query.expand)));
};

export const getProjectComponents: Handler = (ctx) => {
  const st = store(ctx);
  const p = st.requireProject(ctx.params.projectIdOrKey!);
  const r = rc(ctx);
  return json(
    200,
    [...st.components.values()]
      .filter((c) => c.projectId === p.id)
      .map((c) => ({
        ...componentBean(r, c),
        assigneeType: 'PROJECT_DEFAULT',
        project: p.key,
        projectId: Number(p.id),
        ...(c.leadAccountId ? { lead: userBean(r, st.user(c.leadAccountId)) } : {}),
      })),
  );
};

export const getProjectVersions: Handler = (ctx) => {
  const st = store(ctx);
  const p = st.requireProject(ctx.params.projectIdOrKey!);
  const r = rc(ctx);
  return json(
    200,
    [...st.versions.values()].filter((v) => v.projectId === p.id).map((v) => versionBean(r, v)),
  );
};
