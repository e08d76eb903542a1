// Generates the seeded issues project by project from the catalog: fields, description and
// custom fields per issue type, then the issue's activity (./activity.ts) and the links between issues.
import { FIELD } from '../jira/fields.js';
import type { Adf, Issue, IssueFields, IssueLink, JiraData, User } from '../jira/model.js';
import { comments, extras, history, worklogs, type SeedSink } from './activity.js';
import type { Epic, Item } from './catalog.js';
import { DAY, DIEGO, GRACE, JONAS, LENA, MAYA, P, PRIYA, S, SAM, T, TEAMS, TOM, USERS } from './company.js';
import {
  acceptanceCriteria,
  bugDescription,
  businessDescription,
  epicDescription,
  incidentDescription,
  pick,
  storyDescription,
  subtaskDescription,
  taskDescription,
  type ContentCtx,
  type Rng,
} from './content.js';
import { statusFor, WORKFLOW_INITIAL } from './workflow.js';

const TEAM_OF: Record<string, string[]> = {
  [P.nova]: [MAYA, DIEGO, PRIYA, TOM, GRACE],
  [P.ops]: [JONAS, SAM, TOM],
  [P.mkt]: [LENA, MAYA],
};

export class Generator implements SeedSink {
  private rank = 1000;
  private mediaN = 0;
  readonly byKey = new Map<string, Issue>();
  private clock: number;

  constructor(
    readonly d: JiraData,
    private readonly counters: Record<string, number>,
    readonly rng: Rng,
    private readonly now: number,
    readonly users: Map<string, User>,
  ) {
    this.clock = now - 100 * DAY;
  }

  next(k: string): number {
    return this.counters[k]!++;
  }

  project(projectId: string, key: string, epics: Epic[], loose: Item[]): void {
    this.clock = this.now - 100 * DAY + Math.floor(this.rng() * DAY);
    for (const e of epics) {
      const epic = this.issue(
        projectId,
        key,
        { kind: 'epic', summary: e.summary, phase: e.phase, labels: e.labels },
        undefined,
      );
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

  private issue(
    projectId: string,
    key: string,
    item: Omit<Item, 'kind'> & { kind: Item['kind'] | 'epic' },
    parent: Issue | undefined,
  ): Issue {
    const rng = this.rng;
    const id = String(this.next('issue'));
    const issueKey = `${key}-${this.next(`key:${key}`)}`;
    const typeId = { epic: T.epic, story: T.story, task: T.task, bug: T.bug, subtask: T.subtask, incident: T.incident }[
      item.kind
    ];
    const team = TEAM_OF[projectId]!.filter((a) => this.users.get(a)!.active || item.phase === 'D');
    this.clock += Math.floor((0.3 + rng() * 0.9) * DAY * (key === 'NOVA' ? 1.4 : 2.2));
    const created = Math.min(this.clock, this.now - DAY);
    const reporterId = pick(
      rng,
      TEAM_OF[projectId]!.filter((a) => this.users.get(a)!.active),
    );
    const reporter = this.users.get(reporterId)!;
    const unassigned = (item.phase === 'B' || item.phase === 'K' || item.phase === 'T') && rng() < 0.45;
    const assigneeId = unassigned ? undefined : pick(rng, team);
    const assignee = assigneeId ? this.users.get(assigneeId) : undefined;
    const others = USERS.filter((u) => u.active && u.accountId !== reporterId);

    const { statusId, sprintIds } = statusFor(this.rng, key, item.phase, item.kind, parent);
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
      mediaId: () =>
        `6f1e${(++this.mediaN).toString(16).padStart(4, '0')}-8c2d-4b7a-9e3f-${issueKey.toLowerCase().replace('-', '').padStart(12, '0')}`,
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
        fields.fixVersions =
          item.phase === 'D'
            ? [pick(rng, ['10001', '10002'])]
            : item.phase === 'A' || item.phase === 'N'
              ? ['10002']
              : [];
      }
      fields[FIELD.team] = TEAMS[0]!.id;
    }
    if (projectId === P.ops && item.kind !== 'subtask') {
      fields[FIELD.team] = TEAMS[1]!.id;
      fields.components = [pick(rng, ['10004', '10005', '10006', '10007'])];
      if (rng() < 0.3)
        fields[FIELD.customer] = pick(rng, [
          'Alpine Outfitters',
          'Harbor Books',
          'Kaffeehaus Lina',
          'Northwind Traders',
        ]);
    }
    if (projectId === P.mkt && item.kind !== 'subtask') {
      fields[FIELD.team] = TEAMS[2]!.id;
      if (rng() < 0.4) fields[FIELD.reviewers] = [MAYA, pick(rng, [LENA, TOM])].filter((v, i, a) => a.indexOf(v) === i);
    }
    if (item.kind === 'bug' || item.kind === 'incident') {
      fields[FIELD.severity] =
        item.kind === 'incident'
          ? pick(rng, ['10100', '10101', '10101'])
          : pick(rng, ['10101', '10102', '10102', '10103']);
      const plat = pick(rng, [
        { parent: '10110', child: '10111' },
        { parent: '10120', child: '10121' },
        { parent: '10120', child: '10122' },
        { parent: '10130', child: '10132' },
      ]);
      if (projectId === P.nova || rng() < 0.5) fields[FIELD.platform] = plat;
      if (rng() < 0.5)
        fields.environment = {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Production, eu-west-1' }] }],
        };
    }
    if (item.kind === 'story') {
      fields[FIELD.acceptance] = acceptanceCriteria(ctx);
      if (rng() < 0.5) fields[FIELD.reviewers] = [pick(rng, [MAYA, TOM]), pick(rng, [PRIYA, DIEGO])];
    }
    if (item.kind === 'epic') fields[FIELD.startDate] = new Date(created + 3 * DAY).toISOString().slice(0, 10);
    if (rng() < 0.3 && !done)
      fields.duedate = new Date(this.now + Math.floor((rng() * 30 - 5) * DAY)).toISOString().slice(0, 10);
    if ((item.kind === 'task' || item.kind === 'subtask' || item.kind === 'bug') && rng() < 0.5) {
      const orig = pick(rng, [2, 4, 8, 16, 24]) * 3600;
      fields.timeoriginalestimate = orig;
      fields.timeestimate = done ? 0 : Math.round((orig * (0.3 + rng() * 0.7)) / 1800) * 1800;
    }

    const watchers = [
      ...new Set([
        reporterId,
        ...(assigneeId ? [assigneeId] : []),
        ...(rng() < 0.3 ? [pick(rng, USERS).accountId] : []),
      ]),
    ].filter((a) => this.users.get(a)!.active);
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

    history(this, issue, projectId, statusId, created, updated, reporterId, assigneeId);
    comments(this, issue, ctx, created, updated);
    worklogs(this, issue, ctx, created, updated, statusId);
    extras(this, issue, ctx, created);
    return issue;
  }

  private componentsFor(labels: string[]): string[] {
    if (labels.includes('ios')) return ['10000'];
    if (labels.includes('android')) return ['10001'];
    if (labels.includes('design-system')) return ['10003'];
    if (labels.includes('api') || labels.includes('offline')) return ['10002'];
    return [];
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
