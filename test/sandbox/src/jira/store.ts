// In-memory Jira site: the records of `JiraData` plus lookup indexes. Handlers read and
// mutate through this class; `snapshot()` gives the records back as JSON-friendly data.
import { ApiError } from '../core/http.js';
import type { RenderCtx } from './render/context.js';
import type {
  Attachment,
  Board,
  Comment,
  Component,
  FieldDef,
  History,
  Issue,
  IssueLink,
  IssueLinkType,
  IssueType,
  JiraData,
  Priority,
  Project,
  Resolution,
  Sprint,
  Status,
  StatusCategory,
  Team,
  User,
  Version,
  Workflow,
  Worklog,
} from './model.js';

const byId = <T extends { id: string | number }>(xs: T[]) => new Map(xs.map((x) => [String(x.id), x] as const));
const groupBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    let arr = m.get(k);
    if (!arr) m.set(k, (arr = []));
    arr.push(x);
  }
  return m;
};

export class JiraStore {
  users!: Map<string, User>;
  usersByEmail!: Map<string, User>;
  statusCategories!: Map<string, StatusCategory>;
  statuses!: Map<string, Status>;
  issueTypes!: Map<string, IssueType>;
  priorities!: Map<string, Priority>;
  resolutions!: Map<string, Resolution>;
  fields!: Map<string, FieldDef>;
  teams!: Map<string, Team>;
  workflows!: Map<string, Workflow>;
  projects!: Map<string, Project>;
  projectsByKey!: Map<string, Project>;
  components!: Map<string, Component>;
  versions!: Map<string, Version>;
  issueLinkTypes!: Map<string, IssueLinkType>;
  /** Issues in creation order. */
  issues!: Map<string, Issue>;
  issuesByKey!: Map<string, Issue>;
  commentsByIssue!: Map<string, Comment[]>;
  worklogsByIssue!: Map<string, Worklog[]>;
  issueLinks!: Map<string, IssueLink>;
  linksByIssue!: Map<string, IssueLink[]>;
  attachments!: Map<string, Attachment>;
  attachmentsByIssue!: Map<string, Attachment[]>;
  historiesByIssue!: Map<string, History[]>;
  childrenByParent!: Map<string, Set<string>>;
  boards!: Map<string, Board>;
  sprints!: Map<string, Sprint>;
  counters!: Record<string, number>;
  /** Bumped on every write; caches (e.g. search results) key on it. */
  version = 0;
  /** Renderers of computed fields other products own (JSM's request type, SLAs…), by field id. */
  readonly fieldRenderers = new Map<string, (c: RenderCtx, issue: Issue) => unknown>();

  constructor(data: JiraData) {
    this.load(data);
  }

  load(input: JiraData): void {
    // Deep copy so the caller's snapshot is never mutated.
    const data = structuredClone(input) as JiraData;
    this.users = new Map(data.users.map((u) => [u.accountId, u]));
    this.usersByEmail = new Map(data.users.map((u) => [u.emailAddress.toLowerCase(), this.users.get(u.accountId)!]));
    this.statusCategories = byId(data.statusCategories);
    this.statuses = byId(data.statuses);
    this.issueTypes = byId(data.issueTypes);
    this.priorities = byId(data.priorities);
    this.resolutions = byId(data.resolutions);
    this.fields = byId(data.fields);
    this.teams = byId(data.teams);
    this.workflows = byId(data.workflows);
    this.projects = byId(data.projects);
    this.projectsByKey = new Map(data.projects.map((p) => [p.key.toUpperCase(), p]));
    this.components = byId(data.components);
    this.versions = byId(data.versions);
    this.issueLinkTypes = byId(data.issueLinkTypes);
    this.issues = byId(data.issues);
    this.issuesByKey = new Map(data.issues.map((i) => [i.key.toUpperCase(), i]));
    this.commentsByIssue = groupBy(data.comments, (c) => c.issueId);
    this.worklogsByIssue = groupBy(data.worklogs, (w) => w.issueId);
    this.issueLinks = byId(data.issueLinks);
    this.linksByIssue = new Map();
    for (const l of data.issueLinks) this.indexLink(l);
    this.attachments = byId(data.attachments);
    this.attachmentsByIssue = groupBy(data.attachments, (a) => a.issueId);
    this.historiesByIssue = groupBy(data.histories, (h) => h.issueId);
    this.childrenByParent = new Map();
    for (const i of data.issues) {
      const p = i.fields.parent as string | undefined;
      if (p) this.addChild(p, i.id);
    }
    this.boards = byId(data.boards);
    this.sprints = byId(data.sprints);
    this.counters = { ...data.counters };
    this.version++;
  }

  snapshot(): JiraData {
    const flat = <T>(m: Map<string, T[]>) => [...m.values()].flat();
    const data: JiraData = {
      users: [...this.users.values()],
      statusCategories: [...this.statusCategories.values()],
      statuses: [...this.statuses.values()],
      issueTypes: [...this.issueTypes.values()],
      priorities: [...this.priorities.values()],
      resolutions: [...this.resolutions.values()],
      fields: [...this.fields.values()],
      teams: [...this.teams.values()],
      workflows: [...this.workflows.values()],
      projects: [...this.projects.values()],
      components: [...this.components.values()],
      versions: [...this.versions.values()],
      issueLinkTypes: [...this.issueLinkTypes.values()],
      issues: [...this.issues.values()],
      comments: flat(this.commentsByIssue),
      worklogs: flat(this.worklogsByIssue),
      issueLinks: [...this.issueLinks.values()],
      attachments: [...this.attachments.values()],
      histories: flat(this.historiesByIssue),
      boards: [...this.boards.values()],
      sprints: [...this.sprints.values()],
      counters: { ...this.counters },
    };
    return structuredClone(data);
  }

  touch(): void {
    this.version++;
  }

  nextId(kind: string, start = 10000): number {
    const n = this.counters[kind] ?? start;
    this.counters[kind] = n + 1;
    return n;
  }

  // ---- lookups ----------------------------------------------------------------------------

  issue(idOrKey: string): Issue | undefined {
    return this.issues.get(idOrKey) ?? this.issuesByKey.get(idOrKey.toUpperCase());
  }

  /** Issue by id or key, or Jira's 404. */
  requireIssue(idOrKey: string): Issue {
    const i = this.issue(String(idOrKey));
    if (!i) throw new ApiError(404, ['Issue does not exist or you do not have permission to see it.']);
    return i;
  }

  project(idOrKey: string): Project | undefined {
    return this.projects.get(idOrKey) ?? this.projectsByKey.get(idOrKey.toUpperCase());
  }

  requireProject(idOrKey: string): Project {
    const p = this.project(String(idOrKey));
    if (!p) throw new ApiError(404, [`No project could be found with key '${idOrKey}'.`]);
    return p;
  }

  user(accountId: string): User | undefined {
    return this.users.get(accountId);
  }

  userByEmail(email: string): User | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  field(idOrName: string): FieldDef | undefined {
    return this.fields.get(idOrName);
  }

  workflowOf(issue: Issue): Workflow {
    return this.workflows.get(this.projects.get(issue.fields.project)!.workflowId)!;
  }

  statusCategoryOf(statusId: string): StatusCategory {
    const s = this.statuses.get(statusId)!;
    return this.statusCategories.get(String(s.categoryId))!;
  }

  comments(issueId: string): Comment[] {
    return this.commentsByIssue.get(issueId) ?? [];
  }

  worklogs(issueId: string): Worklog[] {
    return this.worklogsByIssue.get(issueId) ?? [];
  }

  links(issueId: string): IssueLink[] {
    return this.linksByIssue.get(issueId) ?? [];
  }

  attachmentsOf(issueId: string): Attachment[] {
    return this.attachmentsByIssue.get(issueId) ?? [];
  }

  histories(issueId: string): History[] {
    return this.historiesByIssue.get(issueId) ?? [];
  }

  children(issueId: string): Issue[] {
    const ids = this.childrenByParent.get(issueId);
    if (!ids) return [];
    const out: Issue[] = [];
    for (const id of ids) {
      const c = this.issues.get(id);
      if (c) out.push(c);
    }
    return out;
  }

  // ---- index maintenance ------------------------------------------------------------------

  addChild(parentId: string, childId: string): void {
    let s = this.childrenByParent.get(parentId);
    if (!s) this.childrenByParent.set(parentId, (s = new Set()));
    s.add(childId);
  }

  removeChild(parentId: string, childId: string): void {
    this.childrenByParent.get(parentId)?.delete(childId);
  }

  indexLink(l: IssueLink): void {
    for (const id of [l.inwardIssueId, l.outwardIssueId]) {
      let arr = this.linksByIssue.get(id);
      if (!arr) this.linksByIssue.set(id, (arr = []));
      arr.push(l);
    }
  }

  addLink(l: IssueLink): void {
    this.issueLinks.set(l.id, l);
    this.indexLink(l);
    this.touch();
  }

  removeLink(id: string): void {
    const l = this.issueLinks.get(id);
    if (!l) return;
    this.issueLinks.delete(id);
    for (const iid of [l.inwardIssueId, l.outwardIssueId]) {
      const arr = this.linksByIssue.get(iid);
      if (arr)
        this.linksByIssue.set(
          iid,
          arr.filter((x) => x.id !== id),
        );
    }
    this.touch();
  }

  addIssue(issue: Issue): void {
    this.issues.set(issue.id, issue);
    this.issuesByKey.set(issue.key.toUpperCase(), issue);
    const p = issue.fields.parent as string | undefined;
    if (p) this.addChild(p, issue.id);
    this.touch();
  }

  deleteIssue(issue: Issue): void {
    this.issues.delete(issue.id);
    this.issuesByKey.delete(issue.key.toUpperCase());
    const p = issue.fields.parent as string | undefined;
    if (p) this.removeChild(p, issue.id);
    for (const l of [...this.links(issue.id)]) this.removeLink(l.id);
    for (const a of this.attachmentsOf(issue.id)) this.attachments.delete(a.id);
    this.attachmentsByIssue.delete(issue.id);
    this.commentsByIssue.delete(issue.id);
    this.worklogsByIssue.delete(issue.id);
    this.historiesByIssue.delete(issue.id);
    this.childrenByParent.delete(issue.id);
    this.touch();
  }

  addHistory(h: History): void {
    let arr = this.historiesByIssue.get(h.issueId);
    if (!arr) this.historiesByIssue.set(h.issueId, (arr = []));
    arr.push(h);
  }

  addComment(c: Comment): void {
    let arr = this.commentsByIssue.get(c.issueId);
    if (!arr) this.commentsByIssue.set(c.issueId, (arr = []));
    arr.push(c);
    this.touch();
  }

  addWorklog(w: Worklog): void {
    let arr = this.worklogsByIssue.get(w.issueId);
    if (!arr) this.worklogsByIssue.set(w.issueId, (arr = []));
    arr.push(w);
    this.touch();
  }

  addAttachment(a: Attachment): void {
    this.attachments.set(a.id, a);
    let arr = this.attachmentsByIssue.get(a.issueId);
    if (!arr) this.attachmentsByIssue.set(a.issueId, (arr = []));
    arr.push(a);
    this.touch();
  }

  removeAttachment(id: string): void {
    const a = this.attachments.get(id);
    if (!a) return;
    this.attachments.delete(id);
    const arr = this.attachmentsByIssue.get(a.issueId);
    if (arr)
      this.attachmentsByIssue.set(
        a.issueId,
        arr.filter((x) => x.id !== id),
      );
    this.touch();
  }
}
