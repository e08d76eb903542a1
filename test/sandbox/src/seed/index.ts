// Generates the default site deterministically: the same `now` gives byte-identical data.
import { FIELD } from '../jira/fields.js';
import type { Adf, Attachment, Comment, History, Issue, IssueFields, IssueLink, JiraData, RemoteLink, User, Worklog } from '../jira/model.js';
import { SNAPSHOT_FORMAT, type SandboxSnapshot } from '../site.js';
import { MKT_EPICS, MKT_LOOSE, NOVA_EPICS, NOVA_LOOSE, OPS_EPICS, OPS_LOOSE, type Epic, type Item } from './catalog.js';
import {
  boards,
  COMPONENTS,
  DAY,
  defaultFields,
  DIEGO,
  GRACE,
  ISSUE_TYPES,
  JONAS,
  LENA,
  LINK_TYPES,
  MAYA,
  P,
  PRIORITIES,
  PRIYA,
  PROJECTS,
  RESOLUTIONS,
  S,
  SAM,
  sprints,
  STATUS_CATEGORIES,
  STATUSES,
  T,
  TEAMS,
  TOM,
  USERS,
  versions,
  WORKFLOWS,
} from './company.js';
import {
  acceptanceCriteria,
  bugDescription,
  businessDescription,
  comment,
  epicDescription,
  incidentDescription,
  mulberry32,
  pick,
  storyDescription,
  subtaskDescription,
  taskDescription,
  worklogComment,
  type ContentCtx,
  type Rng,
} from './content.js';

export interface SeedOptions {
  /** The moment the seed is built around (dates are relative to it). Default: now, rounded down to the hour. */
  now?: number;
  /** `empty`: users, projects, fields and boards but no issues. */
  issues?: boolean;
}

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const TEAM_OF: Record<string, string[]> = {
  [P.nova]: [MAYA, DIEGO, PRIYA, TOM, GRACE],
  [P.ops]: [JONAS, SAM, TOM],
  [P.mkt]: [LENA, MAYA],
};

export function generateSeed(opts: SeedOptions = {}): SandboxSnapshot {
  const now = opts.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const rng = mulberry32(20261102);
  const users = new Map(USERS.map((u) => [u.accountId, u]));
  const data: JiraData = {
    users: structuredClone(USERS),
    statusCategories: structuredClone(STATUS_CATEGORIES),
    statuses: structuredClone(STATUSES),
    issueTypes: structuredClone(ISSUE_TYPES),
    priorities: structuredClone(PRIORITIES),
    resolutions: structuredClone(RESOLUTIONS),
    fields: defaultFields(),
    teams: structuredClone(TEAMS),
    workflows: structuredClone(WORKFLOWS),
    projects: structuredClone(PROJECTS),
    components: structuredClone(COMPONENTS),
    versions: versions(now),
    issueLinkTypes: structuredClone(LINK_TYPES),
    issues: [],
    comments: [],
    worklogs: [],
    issueLinks: [],
    attachments: [],
    histories: [],
    boards: boards(),
    sprints: sprints(now),
    counters: {},
  };
  const counters: Record<string, number> = {
    issue: 10000,
    comment: 10000,
    worklog: 10000,
    issueLink: 10000,
    attachment: 10000,
    history: 10000,
    remoteLink: 10000,
    sprint: 8,
    board: 3,
    [`key:NOVA`]: 1,
    [`key:OPS`]: 1,
    [`key:MKT`]: 1,
  };
  const next = (k: string) => counters[k]!++;

  if (opts.issues !== false) {
    const g = new Generator(data, counters, rng, now, users);
    g.project(P.nova, 'NOVA', NOVA_EPICS, NOVA_LOOSE);
    g.project(P.ops, 'OPS', OPS_EPICS, OPS_LOOSE);
    g.project(P.mkt, 'MKT', MKT_EPICS, MKT_LOOSE);
    g.links(next);
  }
  data.counters = counters;
  return { format: SNAPSHOT_FORMAT, jira: data };
}

class Generator {
  private rank = 1000;
  private mediaN = 0;
  readonly byKey = new Map<string, Issue>();
  private clock: number;

  constructor(
    private readonly d: JiraData,
    private readonly counters: Record<string, number>,
    private readonly rng: Rng,
    private readonly now: number,
    private readonly users: Map<string, User>,
  ) {
    this.clock = now - 100 * DAY;
  }

  private next(k: string): number {
    return this.counters[k]!++;
  }

  project(projectId: string, key: string, epics: Epic[], loose: Item[]): void {
    this.clock = this.now - 100 * DAY + Math.floor(this.rng() * DAY);
    for (const e of epics) {
      const epic = this.issue(projectId, key, { kind: 'epic', summary: e.summary, phase: e.phase, labels: e.labels }, undefined);
      for (const child of e.children) {
        const ci = this.issue(projectId, key, child, epic);
        for (const s of child.sub ?? []) this.issue(projectId, key, s, ci);
      }
    }
    for (const item of loose) {
      const li = this.issue(projectId, key, item, undefined);
      for (const s of item.sub ?? []) this.issue(projectId, key, s, li);
    }
  }

  private issue(projectId: string, key: string, item: Omit<Item, 'kind'> & { kind: Item['kind'] | 'epic' }, parent: Issue | undefined): Issue {
    const rng = this.rng;
    const id = String(this.next('issue'));
    const issueKey = `${key}-${this.next(`key:${key}`)}`;
    const typeId = { epic: T.epic, story: T.story, task: T.task, bug: T.bug, subtask: T.subtask, incident: T.incident }[item.kind];
    const team = TEAM_OF[projectId]!.filter((a) => this.users.get(a)!.active || item.phase === 'D');
    this.clock += Math.floor((0.3 + rng() * 0.9) * DAY * (key === 'NOVA' ? 1.4 : 2.2));
    const created = Math.min(this.clock, this.now - DAY);
    const reporterId = pick(rng, TEAM_OF[projectId]!.filter((a) => this.users.get(a)!.active));
    const reporter = this.users.get(reporterId)!;
    const unassigned = (item.phase === 'B' || item.phase === 'K' || item.phase === 'T') && rng() < 0.45;
    const assigneeId = unassigned ? undefined : pick(rng, team);
    const assignee = assigneeId ? this.users.get(assigneeId) : undefined;
    const others = USERS.filter((u) => u.active && u.accountId !== reporterId);

    const { statusId, sprintIds } = this.statusFor(key, item.phase, item.kind, parent);
    const done = statusId === S.done;
    const doneAt = done ? Math.min(created + Math.floor((2 + rng() * 12) * DAY), this.now - 2 * 3_600_000) : undefined;
    const updated = doneAt ?? Math.min(created + Math.floor(rng() * 20 * DAY), this.now - 3_600_000);

    const ctx: ContentCtx = {
      rng,
      key: issueKey,
      summary: item.summary,
      reporter,
      assignee,
      others,
      now: this.now,
      mediaId: () => `6f1e${(++this.mediaN).toString(16).padStart(4, '0')}-8c2d-4b7a-9e3f-${issueKey.toLowerCase().replace('-', '').padStart(12, '0')}`,
    };
    let description: Adf;
    switch (item.kind) {
      case 'epic':
        description = epicDescription(ctx);
        break;
      case 'story':
        description = storyDescription(ctx);
        break;
      case 'bug':
        description = bugDescription(ctx);
        break;
      case 'incident':
        description = incidentDescription(ctx);
        break;
      case 'subtask':
        description = subtaskDescription(ctx);
        break;
      default:
        description = projectId === P.mkt ? businessDescription(ctx) : taskDescription(ctx);
    }
    const prio =
      item.kind === 'incident'
        ? pick(rng, ['1', '2', '2', '3'])
        : item.kind === 'bug'
          ? pick(rng, ['2', '3', '3', '4'])
          : pick(rng, ['2', '3', '3', '3', '4', '5']);
    const fields: IssueFields = {
      summary: item.summary,
      issuetype: typeId,
      project: projectId,
      status: statusId,
      created,
      updated,
      statuscategorychangedate: statusId === WORKFLOW_INITIAL[projectId] ? created : updated,
      description,
      priority: prio,
      reporter: reporterId,
      creator: reporterId,
      assignee: assigneeId ?? null,
      labels: [...(item.labels ?? [])].sort(),
      resolution: done ? (rng() < 0.9 ? '10000' : '10001') : null,
      resolutiondate: doneAt ?? null,
    };
    if (parent) fields.parent = parent.id;
    if (sprintIds.length) fields[FIELD.sprint] = sprintIds;
    if (projectId === P.nova && item.kind !== 'epic') {
      fields.components = this.componentsFor(item.labels ?? []);
      if (item.kind !== 'subtask') {
        fields[FIELD.storyPoints] = pick(rng, [1, 2, 3, 3, 5, 5, 8, 13]);
        fields.fixVersions = item.phase === 'D' ? [pick(rng, ['10001', '10002'])] : item.phase === 'A' || item.phase === 'N' ? ['10002'] : [];
      }
      fields[FIELD.team] = TEAMS[0]!.id;
    }
    if (projectId === P.ops && item.kind !== 'subtask') {
      fields[FIELD.team] = TEAMS[1]!.id;
      fields.components = [pick(rng, ['10004', '10005', '10006', '10007'])];
      if (rng() < 0.3) fields[FIELD.customer] = pick(rng, ['Alpine Outfitters', 'Harbor Books', 'Kaffeehaus Lina', 'Northwind Traders']);
    }
    if (projectId === P.mkt && item.kind !== 'subtask') {
      fields[FIELD.team] = TEAMS[2]!.id;
      if (rng() < 0.4) fields[FIELD.reviewers] = [MAYA, pick(rng, [LENA, TOM])].filter((v, i, a) => a.indexOf(v) === i);
    }
    if (item.kind === 'bug' || item.kind === 'incident') {
      fields[FIELD.severity] = item.kind === 'incident' ? pick(rng, ['10100', '10101', '10101']) : pick(rng, ['10101', '10102', '10102', '10103']);
      const plat = pick(rng, [
        { parent: '10110', child: '10111' },
        { parent: '10120', child: '10121' },
        { parent: '10120', child: '10122' },
        { parent: '10130', child: '10132' },
      ]);
      if (projectId === P.nova || rng() < 0.5) fields[FIELD.platform] = plat;
      if (rng() < 0.5) fields.environment = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Production, eu-west-1' }] }] };
    }
    if (item.kind === 'story') {
      fields[FIELD.acceptance] = acceptanceCriteria(ctx);
      if (rng() < 0.5) fields[FIELD.reviewers] = [pick(rng, [MAYA, TOM]), pick(rng, [PRIYA, DIEGO])];
    }
    if (item.kind === 'epic') fields[FIELD.startDate] = new Date(created + 3 * DAY).toISOString().slice(0, 10);
    if (rng() < 0.3 && !done) fields.duedate = new Date(this.now + Math.floor((rng() * 30 - 5) * DAY)).toISOString().slice(0, 10);
    if ((item.kind === 'task' || item.kind === 'subtask' || item.kind === 'bug') && rng() < 0.5) {
      const orig = pick(rng, [2, 4, 8, 16, 24]) * 3600;
      fields.timeoriginalestimate = orig;
      fields.timeestimate = done ? 0 : Math.round(orig * (0.3 + rng() * 0.7) / 1800) * 1800;
    }

    const watchers = [...new Set([reporterId, ...(assigneeId ? [assigneeId] : []), ...(rng() < 0.3 ? [pick(rng, USERS).accountId] : [])])].filter(
      (a) => this.users.get(a)!.active,
    );
    const issue: Issue = {
      id,
      key: issueKey,
      fields,
      watchers,
      voters: rng() < 0.15 ? [pick(rng, others).accountId] : [],
      rank: (this.rank += 100),
      remoteLinks: [],
      properties: {},
    };
    this.d.issues.push(issue);
    this.byKey.set(issueKey, issue);

    this.history(issue, projectId, statusId, created, updated, reporterId, assigneeId);
    this.comments(issue, ctx, created, updated);
    this.worklogs(issue, ctx, created, updated, statusId);
    this.extras(issue, ctx, created);
    return issue;
  }

  private statusFor(key: string, phase: string, kind: string, parent: Issue | undefined): { statusId: string; sprintIds: number[] } {
    const rng = this.rng;
    if (key === 'NOVA') {
      if (kind === 'epic') return { statusId: phase === 'B' ? S.todo : S.inProgress, sprintIds: [] };
      const inherit = kind === 'subtask' && parent ? ((parent.fields[FIELD.sprint] as number[] | undefined) ?? []) : undefined;
      switch (phase) {
        case 'D': {
          const sp = inherit?.length ? inherit : [pick(rng, [1, 2, 3, 4])];
          return { statusId: S.done, sprintIds: sp };
        }
        case 'A': {
          const statusId = pick(rng, [S.todo, S.inProgress, S.inProgress, S.inReview, S.done]);
          return { statusId, sprintIds: inherit ?? (rng() < 0.3 ? [4, 5] : [5]) };
        }
        case 'N':
          return { statusId: S.todo, sprintIds: inherit ?? [6] };
        default:
          return { statusId: S.todo, sprintIds: [] };
      }
    }
    if (key === 'OPS') {
      const m: Record<string, string> = { K: S.backlog, S: S.selected, P: S.inProgress, X: S.blocked, D: S.done };
      return { statusId: m[phase] ?? S.backlog, sprintIds: [] };
    }
    const m: Record<string, string> = { T: S.todo, P: S.inProgress, D: S.done };
    return { statusId: m[phase] ?? S.todo, sprintIds: [] };
  }

  private componentsFor(labels: string[]): string[] {
    if (labels.includes('ios')) return ['10000'];
    if (labels.includes('android')) return ['10001'];
    if (labels.includes('design-system')) return ['10003'];
    if (labels.includes('api') || labels.includes('offline')) return ['10002'];
    return [];
  }

  private history(issue: Issue, projectId: string, statusId: string, created: number, updated: number, reporterId: string, assigneeId?: string): void {
    const path = STATUS_PATH[projectId]![statusId] ?? [];
    const initial = WORKFLOW_INITIAL[projectId]!;
    let from = initial;
    const steps = path.length;
    const span = Math.max(updated - created, 3_600_000);
    const name = (id: string) => STATUSES.find((s) => s.id === id)!.name;
    if (assigneeId && this.rng() < 0.5) {
      this.d.histories.push({
        id: String(this.next('history')),
        issueId: issue.id,
        authorId: reporterId,
        created: created + Math.floor(span * 0.05),
        items: [
          {
            field: 'assignee',
            fieldtype: 'jira',
            fieldId: 'assignee',
            from: null,
            fromString: null,
            to: assigneeId,
            toString: this.users.get(assigneeId)!.displayName,
          },
        ],
      });
    }
    path.forEach((to, i) => {
      const h: History = {
        id: String(this.next('history')),
        issueId: issue.id,
        authorId: assigneeId ?? reporterId,
        created: created + Math.floor((span * (i + 1)) / (steps + 1)),
        items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from, fromString: name(from), to, toString: name(to) }],
      };
      if (to === S.done) {
        h.created = updated;
        h.items.push({
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: null,
          fromString: null,
          to: (issue.fields.resolution as string) ?? '10000',
          toString: RESOLUTIONS.find((r) => r.id === issue.fields.resolution)?.name ?? 'Done',
        });
      }
      this.d.histories.push(h);
      from = to;
    });
  }

  private comments(issue: Issue, ctx: ContentCtx, created: number, updated: number): void {
    const rng = this.rng;
    const n = rng() < 0.35 ? 0 : Math.floor(rng() * 4) + 1;
    for (let k = 0; k < n; k++) {
      const who = k === 0 && ctx.assignee ? ctx.assignee : pick(rng, [ctx.reporter, ...ctx.others.slice(0, 4)]);
      const at = created + Math.floor(((updated - created) * (k + 1)) / (n + 1));
      const c: Comment = {
        id: String(this.next('comment')),
        issueId: issue.id,
        authorId: who.accountId,
        updateAuthorId: who.accountId,
        body: comment(ctx, who, Math.floor(rng() * 100)),
        created: at,
        updated: rng() < 0.1 ? at + 3_600_000 : at,
      };
      if (rng() < 0.06) c.visibility = { type: 'role', value: 'Developers', identifier: 'Developers' };
      this.d.comments.push(c);
    }
  }

  private worklogs(issue: Issue, ctx: ContentCtx, created: number, updated: number, statusId: string): void {
    const rng = this.rng;
    if (issue.fields.project === P.mkt || statusId === S.todo || statusId === S.backlog || statusId === S.selected) return;
    if (issue.fields.issuetype === T.epic || rng() < 0.35) return;
    const n = 1 + Math.floor(rng() * 3);
    for (let k = 0; k < n; k++) {
      const who = ctx.assignee ?? ctx.reporter;
      const started = created + Math.floor(((updated - created) * (k + 1)) / (n + 1));
      const w: Worklog = {
        id: String(this.next('worklog')),
        issueId: issue.id,
        authorId: who.accountId,
        updateAuthorId: who.accountId,
        created: started + 3_600_000,
        updated: started + 3_600_000,
        started,
        timeSpentSeconds: pick(rng, [1800, 3600, 5400, 7200, 14400, 28800]),
      };
      const comment = worklogComment(ctx);
      if (comment) w.comment = comment;
      this.d.worklogs.push(w);
    }
  }

  private extras(issue: Issue, ctx: ContentCtx, created: number): void {
    const rng = this.rng;
    const st = issue.fields.status;
    if (issue.key.startsWith('NOVA') && (st === S.inReview || st === S.done) && issue.fields.issuetype !== T.epic && rng() < 0.6) {
      const pr = 1100 + Math.floor(rng() * 800);
      const link: RemoteLink = {
        id: this.next('remoteLink'),
        issueId: issue.id,
        globalId: `github=nimbus-works/nova-app/pull/${pr}`,
        application: { type: 'com.github', name: 'GitHub' },
        relationship: 'mentioned in',
        object: {
          url: `https://github.com/nimbus-works/nova-app/pull/${pr}`,
          title: `nova-app#${pr}: ${issue.fields.summary.slice(0, 60)}`,
          icon: { url16x16: 'https://github.com/favicon.ico', title: 'GitHub' },
          status: { resolved: st === S.done },
        },
      };
      issue.remoteLinks.push(link);
    }
    if (issue.fields.issuetype === T.incident || (issue.fields.issuetype === T.bug && rng() < 0.3)) {
      const isLog = issue.fields.issuetype === T.incident || rng() < 0.5;
      const content = isLog
        ? Buffer.from(`# ${issue.key}\n2024-11-04T09:12:44Z ERROR upstream reset\n2024-11-04T09:12:45Z WARN retrying (2/5)\n`).toString('base64')
        : PNG;
      const a: Attachment = {
        id: String(this.next('attachment')),
        issueId: issue.id,
        filename: isLog ? `${issue.key.toLowerCase()}-logs.txt` : 'screenshot.png',
        authorId: ctx.reporter.accountId,
        created: created + 600_000,
        size: Buffer.from(content, 'base64').length,
        mimeType: isLog ? 'text/plain' : 'image/png',
        content,
      };
      this.d.attachments.push(a);
    }
  }

  /** Links between seeded issues. */
  links(next: (k: string) => number): void {
    const pairs: Array<[string, string, string]> = [
      // [type, inward (sees "outward" text), outward]
      ['10000', 'NOVA-3', 'NOVA-5'],
      ['10000', 'NOVA-14', 'NOVA-16'],
      ['10000', 'OPS-3', 'OPS-6'],
      ['10000', 'OPS-7', 'OPS-5'],
      ['10003', 'NOVA-8', 'NOVA-9'],
      ['10003', 'NOVA-2', 'OPS-10'],
      ['10003', 'OPS-20', 'NOVA-13'],
      ['10003', 'MKT-2', 'NOVA-2'],
      ['10003', 'MKT-3', 'NOVA-13'],
      ['10002', 'NOVA-49', 'NOVA-8'],
      ['10003', 'OPS-24', 'OPS-13'],
      ['10000', 'OPS-18', 'NOVA-9'],
      ['10001', 'NOVA-30', 'NOVA-31'],
    ];
    for (const [typeId, a, b] of pairs) {
      const ia = this.byKey.get(a);
      const ib = this.byKey.get(b);
      if (!ia || !ib) continue;
      const l: IssueLink = { id: String(next('issueLink')), typeId, inwardIssueId: ia.id, outwardIssueId: ib.id };
      this.d.issueLinks.push(l);
    }
  }
}

const WORKFLOW_INITIAL: Record<string, string> = { [P.nova]: S.todo, [P.ops]: S.backlog, [P.mkt]: S.todo };

/** Status changes an issue went through to reach a status. */
const STATUS_PATH: Record<string, Record<string, string[]>> = {
  [P.nova]: { [S.inProgress]: [S.inProgress], [S.inReview]: [S.inProgress, S.inReview], [S.done]: [S.inProgress, S.inReview, S.done] },
  [P.ops]: {
    [S.selected]: [S.selected],
    [S.inProgress]: [S.selected, S.inProgress],
    [S.blocked]: [S.selected, S.inProgress, S.blocked],
    [S.done]: [S.selected, S.inProgress, S.done],
  },
  [P.mkt]: { [S.inProgress]: [S.inProgress], [S.done]: [S.inProgress, S.done] },
};
