// Turns request stories into Jira issues (fields, comments, status history, attachments) and
// their JSM records (request, approval), replaying each step through the project's workflow.
import type { Attachment, ChangeItem, Comment, History, Issue, JiraData, Workflow } from '../../jira/model.js';
import { ASSETS_WORKSPACE_ID, seededObjectId } from '../../assets/seed.js';
import { JSM_FIELD as F } from '../fields.js';
import type { Approval, RequestRecord, RequestType } from '../model.js';
import { wikiToAdf } from '../text.js';
import { JS } from './config.js';
import type { RequestSpec, Step } from './requests.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Seeded JSM records use their own id range, so the Jira seed's counters stay as they are. */
export const SEED_ID_BASE = 30000;

export interface BuiltRequests {
  issues: Issue[];
  comments: Comment[];
  histories: History[];
  attachments: Attachment[];
  requests: RequestRecord[];
  approvals: Approval[];
  /** Next number per project key. */
  keyCounters: Record<string, number>;
}

interface Ctx {
  jira: Pick<JiraData, 'statuses' | 'workflows' | 'projects'>;
  requestTypes: Map<string, RequestType>;
  deskProject: Map<string, string>;
  now: number;
  out: BuiltRequests;
  next: (kind: string) => string;
}

function statusName(c: Ctx, id: string | null): string | null {
  return id ? (c.jira.statuses.find((s) => s.id === id)?.name ?? null) : null;
}

function move(c: Ctx, issue: Issue, wf: Workflow, transitionId: string, who: string, at: number): void {
  const t = wf.transitions.find((x) => x.id === transitionId);
  if (!t || (t.from.length && !t.from.includes(issue.fields.status)))
    throw new Error(`seed: ${issue.key} cannot take transition ${transitionId} from ${issue.fields.status}`);
  const from = issue.fields.status;
  const toCat = c.jira.statuses.find((s) => s.id === t.to)!.categoryId;
  const fromCat = c.jira.statuses.find((s) => s.id === from)!.categoryId;
  const items: ChangeItem[] = [
    {
      field: 'status',
      fieldtype: 'jira',
      fieldId: 'status',
      from,
      fromString: statusName(c, from),
      to: t.to,
      toString: statusName(c, t.to),
    },
  ];
  issue.fields.status = t.to;
  if (toCat === 3 && fromCat !== 3) {
    const resolution = t.to === JS.resolved || t.to === JS.closed ? '10000' : '10001';
    if (!issue.fields.resolution) {
      items.push({
        field: 'resolution',
        fieldtype: 'jira',
        fieldId: 'resolution',
        from: null,
        fromString: null,
        to: resolution,
        toString: resolution === '10000' ? 'Done' : "Won't Do",
      });
      issue.fields.resolution = resolution;
      issue.fields.resolutiondate = at;
    }
  } else if (fromCat === 3 && toCat !== 3) {
    items.push({
      field: 'resolution',
      fieldtype: 'jira',
      fieldId: 'resolution',
      from: String(issue.fields.resolution),
      fromString: 'Done',
      to: null,
      toString: null,
    });
    delete issue.fields.resolution;
    delete issue.fields.resolutiondate;
  }
  if (fromCat !== toCat) issue.fields.statuscategorychangedate = at;
  c.out.histories.push({ id: c.next('history'), issueId: issue.id, authorId: who, created: at, items });
}

function comment(c: Ctx, issue: Issue, who: string, text: string, at: number, internal: boolean): Comment {
  const cm: Comment = {
    id: c.next('comment'),
    issueId: issue.id,
    authorId: who,
    updateAuthorId: who,
    body: wikiToAdf(text),
    created: at,
    updated: at,
    ...(internal ? { properties: { 'sd.public.comment': { internal: true } } } : {}),
  };
  c.out.comments.push(cm);
  return cm;
}

function attach(
  c: Ctx,
  issue: Issue,
  record: RequestRecord,
  who: string,
  filename: string,
  at: number,
  internal: boolean,
) {
  const text = `${filename}\n\nSeeded attachment of ${issue.key}, added by the sandbox.\n`;
  const a: Attachment = {
    id: c.next('attachment'),
    issueId: issue.id,
    filename,
    authorId: who,
    created: at,
    size: Buffer.byteLength(text),
    mimeType: 'text/plain',
    content: Buffer.from(text).toString('base64'),
  };
  c.out.attachments.push(a);
  if (internal) record.internalAttachmentIds.push(a.id);
}

function build(c: Ctx, spec: RequestSpec, rank: number): void {
  const rt = c.requestTypes.get(spec.rt)!;
  const project = c.jira.projects.find((p) => p.id === c.deskProject.get(rt.serviceDeskId))!;
  const wf = c.jira.workflows.find((w) => w.id === project.workflowId)!;
  const created = c.now - Math.round(spec.ago * HOUR);
  const n = c.out.keyCounters[project.key] ?? 1;
  c.out.keyCounters[project.key] = n + 1;
  const issue: Issue = {
    id: c.next('issue'),
    key: `${project.key}-${n}`,
    fields: {
      summary: spec.summary,
      issuetype: rt.issueTypeId,
      project: project.id,
      status: rt.approval ? rt.approval.statusId : wf.initialStatusId,
      created,
      updated: created,
      statuscategorychangedate: created,
      creator: spec.onBehalfBy ?? spec.by,
      reporter: spec.by,
      priority: spec.priority ?? '3',
      labels: spec.labels ?? [],
      [F.requestType]: rt.id,
      ...(spec.description ? { description: wikiToAdf(spec.description) } : {}),
      ...(spec.assignee ? { assignee: spec.assignee } : {}),
      ...(spec.participants?.length ? { [F.participants]: spec.participants } : {}),
      ...(spec.orgs?.length ? { [F.organizations]: spec.orgs } : {}),
      ...(spec.assets?.length
        ? {
            [F.affectedAssets]: spec.assets.map((name) => {
              const objectId = seededObjectId(name);
              return { workspaceId: ASSETS_WORKSPACE_ID, id: `${ASSETS_WORKSPACE_ID}:${objectId}`, objectId };
            }),
          }
        : {}),
      ...spec.fields,
    },
    watchers: [spec.by, ...(spec.assignee ? [spec.assignee] : [])],
    voters: [],
    rank,
    remoteLinks: [],
    properties: {},
  };
  c.out.issues.push(issue);
  const record: RequestRecord = {
    issueId: issue.id,
    serviceDeskId: rt.serviceDeskId,
    requestTypeId: rt.id,
    channel: spec.channel ?? 'portal',
    unsubscribed: [],
    subscribed: [],
    internalAttachmentIds: [],
    commentAttachments: {},
  };
  c.out.requests.push(record);

  const steps: Step[] = [...(spec.steps ?? [])];
  if (rt.approval) {
    const approval: Approval = {
      id: c.next('approval'),
      issueId: issue.id,
      name: rt.approval.name,
      statusId: rt.approval.statusId,
      approvers: rt.approval.approverIds.map((accountId) => ({ accountId, decision: 'pending' })),
      required: rt.approval.required,
      finalDecision: 'pending',
      approveTransitionId: rt.approval.approveTransitionId,
      declineTransitionId: rt.approval.declineTransitionId,
      created,
    };
    c.out.approvals.push(approval);
    if (spec.decision) {
      const [minute, who, decision] = spec.decision;
      approval.approvers.find((a) => a.accountId === who)!.decision = decision;
      approval.finalDecision = decision;
      approval.completed = created + minute * MIN;
      const tid = decision === 'approved' ? approval.approveTransitionId : approval.declineTransitionId;
      steps.push([minute, 'move', who, tid]);
    }
  }
  steps.sort((a, b) => a[0] - b[0]);
  for (const s of steps) {
    const at = created + s[0] * MIN;
    if (at > c.now) throw new Error(`seed: ${issue.key} step at +${s[0]}m is after the seed's moment`);
    if (s[1] === 'move') move(c, issue, wf, s[3], s[2], at);
    else if (s[1] === 'attach') attach(c, issue, record, s[2], s[3], at, s[4] === 'internal');
    else comment(c, issue, s[2], s[3], at, s[1] === 'note');
    issue.fields.updated = at;
  }
  if (spec.feedback) {
    const resolvedAt = issue.fields.resolutiondate as number | undefined;
    if (!resolvedAt) throw new Error(`seed: ${issue.key} has feedback but is not resolved`);
    record.feedback = {
      rating: spec.feedback[0],
      ...(spec.feedback[1] ? { comment: spec.feedback[1] } : {}),
      created: Math.min(c.now, resolvedAt + 2 * HOUR),
    };
  }
}

export function buildRequests(
  jira: Ctx['jira'],
  requestTypes: RequestType[],
  deskProject: Map<string, string>,
  specs: RequestSpec[],
  now: number,
): BuiltRequests {
  const counters: Record<string, number> = {};
  const next = (kind: string) => {
    counters[kind] = (counters[kind] ?? SEED_ID_BASE) + 1;
    return String(counters[kind]);
  };
  const out: BuiltRequests = {
    issues: [],
    comments: [],
    histories: [],
    attachments: [],
    requests: [],
    approvals: [],
    keyCounters: {},
  };
  const c: Ctx = { jira, requestTypes: new Map(requestTypes.map((t) => [t.id, t])), deskProject, now, out, next };
  specs.forEach((s, i) => build(c, s, i + 1));
  out.approvals.forEach((a, i) => (a.id = String(i + 1)));
  return out;
}
