import { inject, Service } from '@atlassian-mcp/core';
import type { CustomerRequest, JsmPage, RequestComment, RequestStatus } from '../client/jsm-http.js';
import { JsmText } from '../text/jsm-text.js';
import type { CommentView } from './comments.js';
import { person, personWithEmail, size, when } from './format.js';
import { slaView, type SlaView } from './sla.js';

/** One row of a request list. */
export type RequestRow = {
  key: string;
  summary: string;
  status?: string;
  requestType?: string;
  reporter?: string;
  created?: string;
};

/** Everything a request holds, as the model reads it. */
export type RequestDetail = {
  key: string;
  id: string;
  summary: string;
  serviceDeskId?: string;
  serviceDesk?: string;
  requestTypeId?: string;
  requestType?: string;
  status?: string;
  statusCategory?: string;
  statusSince?: string;
  created?: string;
  reporter?: string;
  reporterAccountId?: string;
  /** Request type fields by their customer-facing names (Markdown values). */
  fields: Array<{ name: string; value: string }>;
  participants?: string[];
  sla?: SlaView[];
  statusHistory?: Array<{ status: string; since?: string }>;
  attachments?: Array<{ filename: string; size?: string; author?: string; created?: string }>;
  comments?: CommentView[];
  commentsTotal?: number;
  /** Transitions available now (servicedesk_transition_request). */
  transitions?: Array<{ id: string; name: string }>;
  /** What the signed-in account may do on the portal. */
  canDo?: string[];
  portalUrl?: string;
};

/** Request DTOs → compact views (wiki text turned into Markdown). */
@Service()
export class RequestViews {
  constructor(@inject(JsmText) private readonly text: JsmText) {}

  row(r: CustomerRequest): RequestRow {
    return {
      key: r.issueKey ?? r.issueId ?? '',
      summary: r.summary ?? '',
      status: r.currentStatus?.status,
      requestType: r.requestType?.name,
      reporter: person(r.reporter),
      created: when(r.createdDate)?.slice(0, 10),
    };
  }

  comment(c: RequestComment): CommentView {
    return {
      id: String(c.id ?? ''),
      public: c.public !== false,
      author: person(c.author),
      created: when(c.created),
      body: this.text.toMarkdown(c.body),
    };
  }

  status(s: RequestStatus): { status: string; since?: string } {
    return { status: s.status ?? '', since: when(s.statusDate) };
  }

  detail(r: CustomerRequest): RequestDetail {
    const page = <T>(p: JsmPage<T> | undefined) => p?.values ?? [];
    const fields = (r.requestFieldValues ?? [])
      .filter((f) => f.fieldId !== 'summary')
      .map((f) => ({ name: f.label ?? f.fieldId ?? '', value: this.fieldValue(f.value) }))
      .filter((f) => f.value !== '');
    const comments = page(r.comments);
    const actions = r.actions as Record<string, { allowed?: boolean }> | undefined;
    return {
      key: r.issueKey ?? '',
      id: r.issueId ?? '',
      summary: r.summary ?? '',
      serviceDeskId: r.serviceDeskId,
      serviceDesk: r.serviceDesk ? `${r.serviceDesk.projectName} (${r.serviceDesk.projectKey})` : undefined,
      requestTypeId: r.requestTypeId,
      requestType: r.requestType?.name,
      status: r.currentStatus?.status,
      statusCategory: r.currentStatus?.statusCategory,
      statusSince: when(r.currentStatus?.statusDate),
      created: when(r.createdDate),
      reporter: personWithEmail(r.reporter),
      reporterAccountId: r.reporter?.accountId,
      fields,
      participants: r.participants ? page(r.participants).map((u) => person(u) ?? '?') : undefined,
      sla: r.sla ? page(r.sla).map(slaView) : undefined,
      statusHistory: r.status ? oldestFirst(page(r.status)).map((s) => this.status(s)) : undefined,
      attachments: r.attachments
        ? page(r.attachments).map((a) => ({
            filename: a.filename ?? '',
            size: size(a.size),
            author: person(a.author),
            created: when(a.created),
          }))
        : undefined,
      comments: r.comments ? comments.map((c) => this.comment(c)) : undefined,
      commentsTotal: r.comments ? (r.comments.isLastPage === false ? undefined : comments.length) : undefined,
      canDo: actions
        ? Object.entries(actions)
            .filter(([, v]) => v?.allowed)
            .map(([k]) => k)
        : undefined,
      portalUrl: (r._links as { web?: string } | undefined)?.web,
    };
  }

  /** A request field value (wiki text, or a structure for option/user fields) as text. */
  private fieldValue(v: unknown): string {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string') return this.text.toMarkdown(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v))
      return v
        .map((x) => this.fieldValue(x))
        .filter(Boolean)
        .join(', ');
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const label = o.value ?? o.name ?? o.displayName ?? o.label ?? o.key ?? o.id;
      const child = o.child ? ` > ${this.fieldValue(o.child)}` : '';
      return label === undefined ? JSON.stringify(v) : `${String(label)}${child}`;
    }
    return String(v);
  }
}

/** Status history oldest first (JSM's order differs between versions). */
export function oldestFirst(list: RequestStatus[]): RequestStatus[] {
  return [...list].sort((a, b) => (a.statusDate?.epochMillis ?? 0) - (b.statusDate?.epochMillis ?? 0));
}
