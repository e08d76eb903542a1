// What happened on a generated issue: its changelog, comments, worklogs, remote links and
// attachments. Each draws from the generator's RNG in a fixed order (the seed is byte-stable).
import type { Attachment, Comment, History, Issue, JiraData, RemoteLink, User, Worklog } from '../jira/model.js';
import { P, RESOLUTIONS, S, STATUSES, T } from './company.js';
import { comment, pick, worklogComment, type ContentCtx, type Rng } from './content.js';
import { STATUS_PATH, WORKFLOW_INITIAL } from './workflow.js';

/** What the activity writers need from the generator: the data, the RNG, the users and the id counters. */
export interface SeedSink {
  readonly d: JiraData;
  readonly rng: Rng;
  readonly users: Map<string, User>;
  next(k: string): number;
}

/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function history(
  g: SeedSink,
  issue: Issue,
  projectId: string,
  statusId: string,
  created: number,
  updated: number,
  reporterId: string,
  assigneeId?: string,
): void {
  const path = STATUS_PATH[projectId]![statusId] ?? [];
  const initial = WORKFLOW_INITIAL[projectId]!;
  let from = initial;
  const steps = path.length;
  const span = Math.max(updated - created, 3_600_000);
  const name = (id: string) => STATUSES.find((s) => s.id === id)!.name;
  if (assigneeId && g.rng() < 0.5) {
    g.d.histories.push({
      id: String(g.next('history')),
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
          toString: g.users.get(assigneeId)!.displayName,
        },
      ],
    });
  }
  path.forEach((to, i) => {
    const h: History = {
      id: String(g.next('history')),
      issueId: issue.id,
      authorId: assigneeId ?? reporterId,
      created: created + Math.floor((span * (i + 1)) / (steps + 1)),
      items: [
        { field: 'status', fieldtype: 'jira', fieldId: 'status', from, fromString: name(from), to, toString: name(to) },
      ],
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
    g.d.histories.push(h);
    from = to;
  });
}

export function comments(g: SeedSink, issue: Issue, ctx: ContentCtx, created: number, updated: number): void {
  const rng = g.rng;
  const n = rng() < 0.35 ? 0 : Math.floor(rng() * 4) + 1;
  for (let k = 0; k < n; k++) {
    const who = k === 0 && ctx.assignee ? ctx.assignee : pick(rng, [ctx.reporter, ...ctx.others.slice(0, 4)]);
    const at = created + Math.floor(((updated - created) * (k + 1)) / (n + 1));
    const c: Comment = {
      id: String(g.next('comment')),
      issueId: issue.id,
      authorId: who.accountId,
      updateAuthorId: who.accountId,
      body: comment(ctx, who, Math.floor(rng() * 100)),
      created: at,
      updated: rng() < 0.1 ? at + 3_600_000 : at,
    };
    if (rng() < 0.06) c.visibility = { type: 'role', value: 'Developers', identifier: 'Developers' };
    g.d.comments.push(c);
  }
}

export function worklogs(
  g: SeedSink,
  issue: Issue,
  ctx: ContentCtx,
  created: number,
  updated: number,
  statusId: string,
): void {
  const rng = g.rng;
  if (issue.fields.project === P.mkt || statusId === S.todo || statusId === S.backlog || statusId === S.selected)
    return;
  if (issue.fields.issuetype === T.epic || rng() < 0.35) return;
  const n = 1 + Math.floor(rng() * 3);
  for (let k = 0; k < n; k++) {
    const who = ctx.assignee ?? ctx.reporter;
    const started = created + Math.floor(((updated - created) * (k + 1)) / (n + 1));
    const w: Worklog = {
      id: String(g.next('worklog')),
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
    g.d.worklogs.push(w);
  }
}

export function extras(g: SeedSink, issue: Issue, ctx: ContentCtx, created: number): void {
  const rng = g.rng;
  const st = issue.fields.status;
  if (
    issue.key.startsWith('NOVA') &&
    (st === S.inReview || st === S.done) &&
    issue.fields.issuetype !== T.epic &&
    rng() < 0.6
  ) {
    const pr = 1100 + Math.floor(rng() * 800);
    const link: RemoteLink = {
      id: g.next('remoteLink'),
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
      ? Buffer.from(
          `# ${issue.key}\n2024-11-04T09:12:44Z ERROR upstream reset\n2024-11-04T09:12:45Z WARN retrying (2/5)\n`,
        ).toString('base64')
      : PNG;
    const a: Attachment = {
      id: String(g.next('attachment')),
      issueId: issue.id,
      filename: isLog ? `${issue.key.toLowerCase()}-logs.txt` : 'screenshot.png',
      authorId: ctx.reporter.accountId,
      created: created + 600_000,
      size: Buffer.from(content, 'base64').length,
      mimeType: isLog ? 'text/plain' : 'image/png',
      content,
    };
    g.d.attachments.push(a);
  }
}
