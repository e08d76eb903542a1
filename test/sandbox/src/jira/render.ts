// Records → Jira's JSON beans (UserDetails, StatusDetails, IssueBean, …), shaped as the spec says.
import { FIELD, kindOf } from './fields.js';
import { formatDuration, isoDate, isoTime, jiraTime, lexoRank } from './format.js';
import type {
  Attachment,
  Comment,
  Component,
  FieldDef,
  FieldOption,
  Issue,
  IssueLink,
  IssueLinkType,
  IssueType,
  Priority,
  Project,
  Resolution,
  Sprint,
  Status,
  StatusCategory,
  User,
  Version,
  Worklog,
} from './model.js';
import type { JiraStore } from './store.js';

export interface RenderCtx {
  store: JiraStore;
  /** `http://host:port` or `http://host:port/ex/jira/<cloudId>` — prefix of `self` links. */
  base: string;
  viewer: string;
}

const AVATAR = 'https://secure.gravatar.com/avatar';

export function avatarUrls(seed: string): Record<string, string> {
  const h = seed.replace(/[^a-z0-9]/gi, '').slice(-12).toLowerCase();
  return {
    '48x48': `${AVATAR}/${h}?d=identicon&s=48`,
    '24x24': `${AVATAR}/${h}?d=identicon&s=24`,
    '16x16': `${AVATAR}/${h}?d=identicon&s=16`,
    '32x32': `${AVATAR}/${h}?d=identicon&s=32`,
  };
}

export function userBean(c: RenderCtx, u: User | undefined): Record<string, unknown> | null {
  if (!u) return null;
  return {
    self: `${c.base}/rest/api/3/user?accountId=${u.accountId}`,
    accountId: u.accountId,
    emailAddress: u.emailAddress,
    avatarUrls: avatarUrls(u.accountId),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone,
    accountType: u.accountType,
  };
}

export const userRef = (c: RenderCtx, accountId: unknown) =>
  typeof accountId === 'string' ? userBean(c, c.store.user(accountId)) : null;

export function statusCategoryBean(c: RenderCtx, sc: StatusCategory) {
  return { self: `${c.base}/rest/api/3/statuscategory/${sc.id}`, id: sc.id, key: sc.key, colorName: sc.colorName, name: sc.name };
}

export function statusBean(c: RenderCtx, s: Status) {
  return {
    self: `${c.base}/rest/api/3/status/${s.id}`,
    description: s.description,
    iconUrl: `${c.base}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: statusCategoryBean(c, c.store.statusCategories.get(String(s.categoryId))!),
  };
}

export function issueTypeBean(c: RenderCtx, t: IssueType) {
  return {
    self: `${c.base}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${c.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
    name: t.name,
    subtask: t.subtask,
    avatarId: t.avatarId,
    hierarchyLevel: t.hierarchyLevel,
  };
}

export function priorityBean(c: RenderCtx, p: Priority) {
  return { self: `${c.base}/rest/api/3/priority/${p.id}`, iconUrl: `${c.base}/images/icons/priorities/${p.name.toLowerCase()}.svg`, name: p.name, id: p.id };
}

export function resolutionBean(c: RenderCtx, r: Resolution) {
  return { self: `${c.base}/rest/api/3/resolution/${r.id}`, id: r.id, description: r.description, name: r.name };
}

export function projectAvatarUrls(c: RenderCtx, p: Project): Record<string, string> {
  const id = 10400 + (Number(p.id) % 20);
  return {
    '48x48': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}`,
    '24x24': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=small`,
    '16x16': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=xsmall`,
    '32x32': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=medium`,
  };
}

export function projectRef(c: RenderCtx, p: Project) {
  return {
    self: `${c.base}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: p.projectTypeKey,
    simplified: p.style === 'next-gen',
    avatarUrls: projectAvatarUrls(c, p),
  };
}

export function componentBean(c: RenderCtx, comp: Component) {
  return { self: `${c.base}/rest/api/3/component/${comp.id}`, id: comp.id, name: comp.name, description: comp.description };
}

export function versionBean(c: RenderCtx, v: Version) {
  const out: Record<string, unknown> = {
    self: `${c.base}/rest/api/3/version/${v.id}`,
    id: v.id,
    description: v.description,
    name: v.name,
    archived: v.archived,
    released: v.released,
  };
  if (v.startDate) out.startDate = v.startDate;
  if (v.releaseDate) out.releaseDate = v.releaseDate;
  out.projectId = Number(v.projectId);
  return out;
}

export function optionBean(c: RenderCtx, fieldId: string, o: FieldOption) {
  return { self: `${c.base}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id };
}

export function sprintBean(s: Sprint) {
  const out: Record<string, unknown> = { id: s.id, name: s.name, state: s.state, boardId: s.originBoardId, goal: s.goal };
  if (s.startDate !== undefined) out.startDate = isoTime(s.startDate);
  if (s.endDate !== undefined) out.endDate = isoTime(s.endDate);
  if (s.completeDate !== undefined) out.completeDate = isoTime(s.completeDate);
  return out;
}

/** The short issue form used inside links, parent and subtasks. */
export function issueRef(c: RenderCtx, i: Issue) {
  const st = c.store;
  const fields: Record<string, unknown> = {
    summary: i.fields.summary,
    status: statusBean(c, st.statuses.get(i.fields.status)!),
    issuetype: issueTypeBean(c, st.issueTypes.get(i.fields.issuetype)!),
  };
  const pr = i.fields.priority as string | undefined;
  if (pr && st.priorities.has(pr)) fields.priority = priorityBean(c, st.priorities.get(pr)!);
  return { id: i.id, key: i.key, self: `${c.base}/rest/api/3/issue/${i.id}`, fields };
}

export function linkTypeBean(c: RenderCtx, t: IssueLinkType) {
  return { id: t.id, name: t.name, inward: t.inward, outward: t.outward, self: `${c.base}/rest/api/3/issueLinkType/${t.id}` };
}

/** A link as seen from `from` (Jira shows the *other* issue). */
export function issueLinkBean(c: RenderCtx, l: IssueLink, from: string) {
  const type = c.store.issueLinkTypes.get(l.typeId)!;
  const out: Record<string, unknown> = { id: l.id, self: `${c.base}/rest/api/3/issueLink/${l.id}`, type: linkTypeBean(c, type) };
  // Seen from the inward issue the other end is the outward issue, and vice versa.
  const otherId = l.inwardIssueId === from ? l.outwardIssueId : l.inwardIssueId;
  const other = c.store.issues.get(otherId);
  if (other) out[l.inwardIssueId === from ? 'outwardIssue' : 'inwardIssue'] = issueRef(c, other);
  return out;
}

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
    jsdPublic: true,
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

export function fieldBean(f: FieldDef) {
  const out: Record<string, unknown> = {
    id: f.id,
    key: f.key,
    name: f.name,
    custom: f.custom,
    orderable: f.orderable,
    navigable: f.navigable,
    searchable: f.searchable,
    clauseNames: f.clauseNames,
  };
  if (f.schema.type !== 'any' || f.custom) out.schema = f.schema;
  return out;
}

// ---- issue fields ------------------------------------------------------------------------

function timeSpent(c: RenderCtx, i: Issue): number | null {
  const ws = c.store.worklogs(i.id);
  if (!ws.length) return null;
  return ws.reduce((a, w) => a + w.timeSpentSeconds, 0);
}

function progress(spent: number | null, remaining: number | null) {
  const s = spent ?? 0;
  const r = remaining ?? 0;
  const total = s + r;
  const out: Record<string, number> = { progress: s, total };
  if (total > 0) out.percent = Math.round((s / total) * 100);
  return out;
}

/** Renders one field of one issue the way `GET /issue` shows it. */
export function renderField(c: RenderCtx, issue: Issue, f: FieldDef): unknown {
  const st = c.store;
  const v = issue.fields[f.id];
  switch (f.id) {
    case 'issuekey':
      return undefined;
    case 'statusCategory':
      return undefined;
    case 'subtasks':
      return st
        .children(issue.id)
        .filter((ch) => st.issueTypes.get(ch.fields.issuetype)?.subtask)
        .map((ch) => issueRef(c, ch));
    case 'issuelinks':
      return st.links(issue.id).map((l) => issueLinkBean(c, l, issue.id));
    case 'comment': {
      const cs = st.comments(issue.id);
      return { comments: cs.map((cm) => commentBean(c, cm)), self: `${c.base}/rest/api/3/issue/${issue.id}/comment`, maxResults: cs.length, total: cs.length, startAt: 0 };
    }
    case 'worklog': {
      const ws = st.worklogs(issue.id);
      return { startAt: 0, maxResults: 20, total: ws.length, worklogs: ws.slice(0, 20).map((w) => worklogBean(c, w)) };
    }
    case 'attachment':
      return st.attachmentsOf(issue.id).map((a) => attachmentBean(c, a));
    case 'watches':
      return { self: `${c.base}/rest/api/3/issue/${issue.key}/watchers`, watchCount: issue.watchers.length, isWatching: issue.watchers.includes(c.viewer) };
    case 'votes':
      return { self: `${c.base}/rest/api/3/issue/${issue.key}/votes`, votes: issue.voters.length, hasVoted: issue.voters.includes(c.viewer) };
    case 'timespent':
    case 'aggregatetimespent':
      return timeSpent(c, issue);
    case 'timeoriginalestimate':
      return (issue.fields.timeoriginalestimate as number | undefined) ?? null;
    case 'timeestimate':
      return (issue.fields.timeestimate as number | undefined) ?? null;
    case 'progress':
    case 'aggregateprogress':
      return progress(timeSpent(c, issue), (issue.fields.timeestimate as number | undefined) ?? null);
    case 'workratio': {
      const orig = issue.fields.timeoriginalestimate as number | undefined;
      const spent = timeSpent(c, issue);
      return orig ? Math.round(((spent ?? 0) / orig) * 100) : -1;
    }
    case 'security':
      return null;
    case 'timetracking': {
      const orig = issue.fields.timeoriginalestimate as number | undefined;
      const rem = issue.fields.timeestimate as number | undefined;
      const spent = timeSpent(c, issue);
      const out: Record<string, unknown> = {};
      if (orig != null) Object.assign(out, { originalEstimate: formatDuration(orig), originalEstimateSeconds: orig });
      if (rem != null) Object.assign(out, { remainingEstimate: formatDuration(rem), remainingEstimateSeconds: rem });
      if (spent != null) Object.assign(out, { timeSpent: formatDuration(spent), timeSpentSeconds: spent });
      return out;
    }
    case FIELD.rank:
      return lexoRank(issue.rank);
  }
  if (v === undefined || v === null) {
    if (f.id === 'labels' || f.id === 'components' || f.id === 'fixVersions' || f.id === 'versions') return [];
    return null;
  }
  switch (kindOf(f)) {
    case 'string':
    case 'adf':
    case 'number':
    case 'date':
      return v;
    case 'datetime':
      return jiraTime(v as number);
    case 'user':
      return userRef(c, v);
    case 'users':
      return (v as string[]).map((a) => userRef(c, a)).filter(Boolean);
    case 'status': {
      const s = st.statuses.get(v as string);
      return s ? statusBean(c, s) : null;
    }
    case 'priority': {
      const p = st.priorities.get(v as string);
      return p ? priorityBean(c, p) : null;
    }
    case 'resolution': {
      const r = st.resolutions.get(v as string);
      return r ? resolutionBean(c, r) : null;
    }
    case 'issuetype':
      return issueTypeBean(c, st.issueTypes.get(v as string)!);
    case 'project':
      return projectRef(c, st.projects.get(v as string)!);
    case 'labels':
      return v;
    case 'components':
      return (v as string[]).map((id) => st.components.get(id)).filter(Boolean).map((x) => componentBean(c, x!));
    case 'versions':
      return (v as string[]).map((id) => st.versions.get(id)).filter(Boolean).map((x) => versionBean(c, x!));
    case 'option': {
      const o = f.options?.find((x) => x.id === v);
      return o ? optionBean(c, f.id, o) : null;
    }
    case 'cascade': {
      const { parent, child } = v as { parent: string; child?: string };
      const p = f.options?.find((x) => x.id === parent);
      if (!p) return null;
      const out: Record<string, unknown> = optionBean(c, f.id, p);
      const ch = child ? p.children?.find((x) => x.id === child) : undefined;
      if (ch) out.child = optionBean(c, f.id, ch);
      return out;
    }
    case 'sprint': {
      const ids = v as number[];
      if (!ids.length) return null;
      return ids.map((id) => st.sprints.get(String(id))).filter(Boolean).map((s) => sprintBean(s!));
    }
    case 'team': {
      const t = st.teams.get(v as string);
      return t ? { id: t.id, name: t.name, avatarUrl: '', isVisible: true, isVerified: false, title: t.name, isShared: true } : null;
    }
    case 'parent': {
      const p = st.issues.get(v as string);
      return p ? issueRef(c, p) : null;
    }
    default:
      return v;
  }
}

export interface FieldSelection {
  all: boolean;
  navigable: boolean;
  include: Set<string>;
  exclude: Set<string>;
  /** Only `id`: the issue bean carries no `fields` at all. */
  idOnly: boolean;
}

/** Parses Jira's `fields` parameter (`*all`, `*navigable`, `summary,-comment`, names or ids). */
export function parseFieldSelection(store: JiraStore, raw: string[] | undefined, dflt: string): FieldSelection {
  const list = (raw && raw.length ? raw : [dflt]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  const sel: FieldSelection = { all: false, navigable: false, include: new Set(), exclude: new Set(), idOnly: false };
  for (const item of list) {
    if (item === '*all') sel.all = true;
    else if (item === '*navigable') sel.navigable = true;
    else if (item.startsWith('-')) sel.exclude.add(resolveFieldId(store, item.slice(1)));
    else sel.include.add(resolveFieldId(store, item));
  }
  sel.idOnly = !sel.all && !sel.navigable && [...sel.include].every((x) => x === 'id' || x === 'key');
  return sel;
}

function resolveFieldId(store: JiraStore, nameOrId: string): string {
  if (nameOrId === 'key' || nameOrId === 'issuekey') return 'key';
  if (store.fields.has(nameOrId) || nameOrId === 'id') return nameOrId;
  const lower = nameOrId.toLowerCase();
  for (const f of store.fields.values()) if (f.name.toLowerCase() === lower) return f.id;
  return nameOrId;
}

/** Fields an issue has at all: system fields plus the custom fields on its project's screens. */
export function issueFieldDefs(store: JiraStore, issue: Issue): FieldDef[] {
  const project = store.projects.get(issue.fields.project)!;
  const cached = projectFieldCache.get(project);
  if (cached && cached.version === store.fields.size) return cached.defs;
  const customs = new Set<string>();
  for (const sc of Object.values(project.screens)) for (const f of sc.fields) if (f.startsWith('customfield_')) customs.add(f);
  customs.add(FIELD.rank);
  const defs = [...store.fields.values()].filter((f) => !f.custom || customs.has(f.id));
  projectFieldCache.set(project, { version: store.fields.size, defs });
  return defs;
}
const projectFieldCache = new WeakMap<Project, { version: number; defs: FieldDef[] }>();

export interface IssueBeanOptions {
  fields: FieldSelection;
  expand: Set<string>;
}

export function issueBean(c: RenderCtx, issue: Issue, o: IssueBeanOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${c.base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (o.fields.idOnly) {
    if (!o.fields.include.has('key')) delete out.key;
    return expandExtras(c, issue, o, out, []);
  }
  const fields: Record<string, unknown> = {};
  const defs = issueFieldDefs(c.store, issue);
  const shown: FieldDef[] = [];
  for (const f of defs) {
    if (o.fields.exclude.has(f.id)) continue;
    const wanted = o.fields.all || (o.fields.navigable && f.navigable) || o.fields.include.has(f.id);
    if (!wanted) continue;
    const v = renderField(c, issue, f);
    if (v === undefined) continue;
    fields[f.id] = v;
    shown.push(f);
  }
  out.fields = fields;
  return expandExtras(c, issue, o, out, shown);
}

function expandExtras(c: RenderCtx, issue: Issue, o: IssueBeanOptions, out: Record<string, unknown>, shown: FieldDef[]) {
  if (o.expand.size === 0) return out;
  if (o.expand.has('names')) out.names = Object.fromEntries(shown.map((f) => [f.id, f.name]));
  if (o.expand.has('schema')) out.schema = Object.fromEntries(shown.filter((f) => f.schema.type !== 'any' || f.custom).map((f) => [f.id, f.schema]));
  if (o.expand.has('renderedFields')) {
    const r: Record<string, unknown> = {};
    for (const f of shown) {
      const v = issue.fields[f.id];
      if (kindOf(f) === 'adf') r[f.id] = v ? adfToHtml(v) : null;
      else if (kindOf(f) === 'datetime') r[f.id] = typeof v === 'number' ? new Date(v).toUTCString() : null;
    }
    out.renderedFields = r;
  }
  if (o.expand.has('changelog')) {
    const hs = c.store.histories(issue.id);
    out.changelog = { startAt: 0, maxResults: hs.length, total: hs.length, histories: hs.map((h) => historyBean(c, h)) };
  }
  return out;
}

export function historyBean(c: RenderCtx, h: import('./model.js').History) {
  // The spec's ChangeDetails has no nullable members: absent rather than null.
  const items = h.items.map((it) => Object.fromEntries(Object.entries(it).filter(([, v]) => v !== null && v !== undefined)));
  return { id: h.id, author: userRef(c, h.authorId), created: jiraTime(h.created), items };
}

/** Minimal ADF → HTML (for `expand=renderedFields`). */
export function adfToHtml(node: unknown): string {
  const n = node as { type?: string; text?: string; content?: unknown[]; attrs?: Record<string, unknown>; marks?: Array<{ type: string; attrs?: Record<string, unknown> }> };
  if (!n || typeof n !== 'object') return '';
  const inner = (n.content ?? []).map(adfToHtml).join('');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  switch (n.type) {
    case 'doc':
      return inner;
    case 'paragraph':
      return `<p>${inner}</p>`;
    case 'heading':
      return `<h${n.attrs?.level ?? 1}>${inner}</h${n.attrs?.level ?? 1}>`;
    case 'bulletList':
      return `<ul>${inner}</ul>`;
    case 'orderedList':
      return `<ol>${inner}</ol>`;
    case 'listItem':
      return `<li>${inner}</li>`;
    case 'codeBlock':
      return `<pre><code>${inner}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${inner}</blockquote>`;
    case 'panel':
      return `<div class="panel ${String(n.attrs?.panelType ?? 'info')}">${inner}</div>`;
    case 'table':
      return `<table>${inner}</table>`;
    case 'tableRow':
      return `<tr>${inner}</tr>`;
    case 'tableHeader':
      return `<th>${inner}</th>`;
    case 'tableCell':
      return `<td>${inner}</td>`;
    case 'rule':
      return '<hr />';
    case 'hardBreak':
      return '<br />';
    case 'mention':
      return `<a class="user-hover" data-account-id="${String(n.attrs?.id ?? '')}">${esc(String(n.attrs?.text ?? ''))}</a>`;
    case 'emoji':
      return esc(String(n.attrs?.text ?? n.attrs?.shortName ?? ''));
    case 'text': {
      let t = esc(n.text ?? '');
      for (const m of n.marks ?? []) {
        if (m.type === 'strong') t = `<b>${t}</b>`;
        else if (m.type === 'em') t = `<em>${t}</em>`;
        else if (m.type === 'code') t = `<tt>${t}</tt>`;
        else if (m.type === 'strike') t = `<del>${t}</del>`;
        else if (m.type === 'link') t = `<a href="${String(m.attrs?.href ?? '')}">${t}</a>`;
      }
      return t;
    }
    default:
      return inner;
  }
}

export { isoDate };
