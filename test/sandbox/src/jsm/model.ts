// Jira Service Management's own records. A request *is* a Jira issue (in `site.jira`) of a
// service project; these records hold what JSM adds around it: desks, request types, approvals,
// SLA configuration, queues, organizations and temporary attachments. Knowledge-base articles are
// Confluence pages of the space linked to a desk (./kb/source.ts).
// Ids are strings as JSM writes them; timestamps are epoch milliseconds.

export interface ServiceDesk {
  id: string;
  projectId: string;
  /** Accounts with the agent role in the project (site admins are agents everywhere). */
  agentIds: string[];
  /** Portal-only and other accounts added as customers of this desk. */
  customerIds: string[];
  /** Organizations that may raise requests here. */
  organizationIds: string[];
  /** Licensed (non-portal-only) accounts of the site may raise requests without being added. */
  openToLicensedUsers: boolean;
  /** Jira transition ids the portal offers customers ("Resolve this issue", "Cancel request"…). */
  customerTransitionIds: string[];
  /** Key of the Confluence space linked as the desk's knowledge base: its pages are the articles. */
  knowledgeBaseSpaceKey?: string;
}

export interface RequestTypeGroup {
  id: string;
  serviceDeskId: string;
  name: string;
}

export interface RequestTypeField {
  fieldId: string;
  /** The customer-facing label (may differ from the Jira field name). */
  name: string;
  description: string;
  required: boolean;
  /** Hidden fields take their preset value and are not shown to customers. */
  visible: boolean;
  presetValues?: string[];
}

export interface ApprovalConfig {
  name: string;
  approverIds: string[];
  /** How many approvals complete the step (one decline always declines). */
  required: number;
  /** The "Waiting for approval" status the request waits in. */
  statusId: string;
  approveTransitionId: string;
  declineTransitionId: string;
}

export interface RequestType {
  id: string;
  serviceDeskId: string;
  issueTypeId: string;
  name: string;
  description: string;
  helpText: string;
  groupIds: string[];
  iconId: string;
  practice?: string;
  restrictionStatus: 'OPEN' | 'RESTRICTED';
  fields: RequestTypeField[];
  approval?: ApprovalConfig;
  properties: Record<string, unknown>;
}

export interface Feedback {
  rating: number;
  comment?: string;
  created: number;
}

/** What JSM keeps per request besides the Jira issue (participants live in the issue's field). */
export interface RequestRecord {
  issueId: string;
  serviceDeskId: string;
  requestTypeId: string;
  channel: 'portal' | 'email' | 'api' | 'jira';
  /** Accounts that turned notifications off (everyone involved is subscribed by default). */
  unsubscribed: string[];
  /** Accounts that explicitly subscribed though not otherwise involved. */
  subscribed: string[];
  feedback?: Feedback;
  /** Attachments added as internal (agents only); the rest are public. */
  internalAttachmentIds: string[];
  /** Attachments added together with a comment, by comment id. */
  commentAttachments: Record<string, string[]>;
}

export interface ApproverDecision {
  accountId: string;
  decision: 'approved' | 'declined' | 'pending';
}

export interface Approval {
  id: string;
  issueId: string;
  name: string;
  statusId: string;
  approvers: ApproverDecision[];
  required: number;
  finalDecision: 'approved' | 'declined' | 'pending';
  approveTransitionId: string;
  declineTransitionId: string;
  created: number;
  completed?: number;
}

export interface WorkingHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: number[];
  /** `HH:MM`, local time of the calendar's zone. */
  start: string;
  end: string;
}

export interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  /** Empty = around the clock. */
  workingHours: WorkingHours[];
  /** `YYYY-MM-DD` local dates with no working time. */
  holidays: string[];
}

export interface SlaGoal {
  /** Matches when every given list contains the request's value (omitted = any). */
  issueTypeIds?: string[];
  priorityIds?: string[];
  requestTypeIds?: string[];
  durationMs: number;
  calendarId: string;
}

export interface SlaMetric {
  id: string;
  serviceDeskId: string;
  name: string;
  /** The Jira custom field that shows this SLA on the issue. */
  fieldId: string;
  /**
   * `first-response`: one cycle from creation to the first public comment by someone other than
   * the reporter, entering a `stopStatusIds` status, or resolution. `resolution`: a cycle from
   * creation (and from every reopening) to the request entering a done status.
   */
  stopOn: 'first-response' | 'resolution';
  stopStatusIds: string[];
  /** Statuses during which the clock is paused. */
  pauseStatusIds: string[];
  /** First matching goal wins. */
  goals: SlaGoal[];
}

export interface Queue {
  id: string;
  serviceDeskId: string;
  name: string;
  jql: string;
  fields: string[];
}

export interface Organization {
  id: string;
  uuid: string;
  name: string;
  created: number;
  memberIds: string[];
  properties: Record<string, unknown>;
}

export interface TemporaryAttachment {
  id: string;
  serviceDeskId: string;
  filename: string;
  mimeType: string;
  size: number;
  /** Base64 of the bytes. */
  content: string;
  authorId: string;
  created: number;
}

/** Everything JSM adds to the site, as a snapshot. */
export interface JsmData {
  serviceDesks: ServiceDesk[];
  requestTypeGroups: RequestTypeGroup[];
  requestTypes: RequestType[];
  requests: RequestRecord[];
  approvals: Approval[];
  calendars: Calendar[];
  slaMetrics: SlaMetric[];
  queues: Queue[];
  organizations: Organization[];
  temporaryAttachments: TemporaryAttachment[];
  /** Properties of organizations and request types are on those records; next ids per kind. */
  counters: Record<string, number>;
}

export const emptyJsmData = (): JsmData => ({
  serviceDesks: [],
  requestTypeGroups: [],
  requestTypes: [],
  requests: [],
  approvals: [],
  calendars: [],
  slaMetrics: [],
  queues: [],
  organizations: [],
  temporaryAttachments: [],
  counters: {},
});
