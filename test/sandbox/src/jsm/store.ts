// In-memory JSM records with lookup indexes, next to the Jira store that holds the requests'
// issues. `snapshot()` gives the records back as JSON-friendly data.
import type { Issue } from '../jira/model.js';
import type { JiraStore } from '../jira/store.js';
import { notFound } from './errors.js';
import { NO_KNOWLEDGE_BASE, type KnowledgeBaseSource } from './kb/source.js';
import type {
  Approval,
  Calendar,
  JsmData,
  Organization,
  Queue,
  RequestRecord,
  RequestType,
  RequestTypeGroup,
  ServiceDesk,
  SlaMetric,
  TemporaryAttachment,
} from './model.js';

const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x] as const));

export class JsmStore {
  desks!: Map<string, ServiceDesk>;
  groups!: Map<string, RequestTypeGroup>;
  requestTypes!: Map<string, RequestType>;
  /** By issue id. */
  requests!: Map<string, RequestRecord>;
  approvals!: Map<string, Approval>;
  calendars!: Map<string, Calendar>;
  slaMetrics!: Map<string, SlaMetric>;
  queues!: Map<string, Queue>;
  organizations!: Map<string, Organization>;
  temporaryAttachments!: Map<string, TemporaryAttachment>;
  counters!: Record<string, number>;
  /** Where KB articles come from: the site links it to Confluence (see ./kb/source.ts). */
  knowledgeBase: KnowledgeBaseSource = NO_KNOWLEDGE_BASE;

  constructor(
    data: JsmData,
    readonly jira: JiraStore,
  ) {
    this.load(data);
  }

  load(input: JsmData): void {
    const d = structuredClone(input);
    this.desks = byId(d.serviceDesks);
    this.groups = byId(d.requestTypeGroups);
    this.requestTypes = byId(d.requestTypes);
    this.requests = new Map(d.requests.map((r) => [r.issueId, r]));
    this.approvals = byId(d.approvals);
    this.calendars = byId(d.calendars);
    this.slaMetrics = new Map(d.slaMetrics.map((m) => [`${m.serviceDeskId}/${m.id}`, m]));
    this.queues = new Map(d.queues.map((q) => [`${q.serviceDeskId}/${q.id}`, q]));
    this.organizations = byId(d.organizations);
    this.temporaryAttachments = byId(d.temporaryAttachments);
    this.counters = { ...d.counters };
  }

  snapshot(): JsmData {
    return structuredClone({
      serviceDesks: [...this.desks.values()],
      requestTypeGroups: [...this.groups.values()],
      requestTypes: [...this.requestTypes.values()],
      requests: [...this.requests.values()],
      approvals: [...this.approvals.values()],
      calendars: [...this.calendars.values()],
      slaMetrics: [...this.slaMetrics.values()],
      queues: [...this.queues.values()],
      organizations: [...this.organizations.values()],
      temporaryAttachments: [...this.temporaryAttachments.values()],
      counters: { ...this.counters },
    });
  }

  nextId(kind: string, start = 1): number {
    const n = this.counters[kind] ?? start;
    this.counters[kind] = n + 1;
    return n;
  }

  // ---- desks ------------------------------------------------------------------------------

  deskOfProject(projectId: string): ServiceDesk | undefined {
    for (const d of this.desks.values()) if (d.projectId === projectId) return d;
    return undefined;
  }

  /** A desk by id or by project identifier (`ITS`, `projectKey:ITS`, `projectId:10003`). */
  desk(ref: string): ServiceDesk | undefined {
    const byDeskId = this.desks.get(ref);
    if (byDeskId) return byDeskId;
    const m = /^(projectKey|projectId):(.+)$/.exec(ref);
    const project = m ? this.jira.project(m[2]!) : this.jira.projectsByKey.get(ref.toUpperCase());
    if (!project || (m?.[1] === 'projectId' && project.id !== m[2])) return undefined;
    return this.deskOfProject(project.id);
  }

  requireDesk(ref: string): ServiceDesk {
    const d = this.desk(String(ref));
    if (!d)
      throw notFound(`Service Desk with ID ${ref} does not exist.`, 'sd.admin.servicedesk.error.not.found', [ref]);
    return d;
  }

  // ---- requests ---------------------------------------------------------------------------

  /** The request of an issue (undefined for issues outside service projects). */
  requestOf(issue: Issue): RequestRecord | undefined {
    return this.requests.get(issue.id);
  }

  /** Issue + request by id or key, or JSM's 404. */
  requireRequest(idOrKey: string): { issue: Issue; request: RequestRecord } {
    const issue = this.jira.issue(String(idOrKey));
    const request = issue && this.requests.get(issue.id);
    if (!issue || !request)
      throw notFound(
        `The request ${idOrKey} does not exist or you do not have permission to see it.`,
        'sd.customer.request.error.not.found',
        [String(idOrKey)],
      );
    return { issue, request };
  }

  requestTypesOf(deskId: string): RequestType[] {
    return [...this.requestTypes.values()].filter((t) => t.serviceDeskId === deskId);
  }

  approvalsOf(issueId: string): Approval[] {
    return [...this.approvals.values()].filter((a) => a.issueId === issueId);
  }

  slaMetricsOf(deskId: string): SlaMetric[] {
    return [...this.slaMetrics.values()].filter((m) => m.serviceDeskId === deskId);
  }

  queuesOf(deskId: string): Queue[] {
    return [...this.queues.values()].filter((q) => q.serviceDeskId === deskId);
  }

  /** Organizations the account belongs to. */
  organizationsOf(accountId: string): Organization[] {
    return [...this.organizations.values()].filter((o) => o.memberIds.includes(accountId));
  }
}
