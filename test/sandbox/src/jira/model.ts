// The Jira site's data, as plain JSON-friendly records (a snapshot is these records, verbatim).
// Timestamps are epoch milliseconds; dates are `YYYY-MM-DD`; references are ids.

export type Adf = { type: 'doc'; version: 1; content: unknown[] };

export interface User {
  accountId: string;
  accountType: 'atlassian' | 'app' | 'customer';
  emailAddress: string;
  displayName: string;
  active: boolean;
  timeZone: string;
  locale: string;
  /** Sandbox-only: the user's API token (Basic auth with their email). */
  apiToken: string;
  groups: string[];
}

export interface StatusCategory {
  id: number;
  key: 'undefined' | 'new' | 'indeterminate' | 'done';
  colorName: string;
  name: string;
}

export interface Status {
  id: string;
  name: string;
  description: string;
  categoryId: number;
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
  avatarId: number;
}

export interface Priority {
  id: string;
  name: string;
  description: string;
  statusColor: string;
}

export interface Resolution {
  id: string;
  name: string;
  description: string;
}

export interface Component {
  id: string;
  projectId: string;
  name: string;
  description: string;
  leadAccountId?: string;
}

export interface Version {
  id: string;
  projectId: string;
  name: string;
  description: string;
  released: boolean;
  archived: boolean;
  startDate?: string;
  releaseDate?: string;
}

export interface Transition {
  id: string;
  name: string;
  to: string;
  /** Status ids this transition starts from; empty = global (from any status). */
  from: string[];
  /** Field ids on the transition screen (empty = no screen). */
  screen: string[];
  /** Screen fields that must be given. */
  required: string[];
}

export interface Workflow {
  id: string;
  name: string;
  statusIds: string[];
  initialStatusId: string;
  transitions: Transition[];
}

/** Which fields an issue type's create/edit screen shows, and which are required. */
export interface ScreenConfig {
  fields: string[];
  required: string[];
}

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string;
  projectTypeKey: 'software' | 'service_desk' | 'business';
  style: 'classic' | 'next-gen';
  leadAccountId: string;
  issueTypeIds: string[];
  workflowId: string;
  /** Create/edit screen per issue type id (`*` = default). */
  screens: Record<string, ScreenConfig>;
  categoryName?: string;
  archived: boolean;
}

export interface FieldOption {
  id: string;
  value: string;
  disabled?: boolean;
  children?: FieldOption[];
}

export interface FieldDef {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  schema: { type: string; items?: string; system?: string; custom?: string; customId?: number };
  clauseNames: string[];
  searchable: boolean;
  navigable: boolean;
  orderable: boolean;
  description?: string;
  options?: FieldOption[];
}

export interface Team {
  id: string;
  name: string;
}

export interface Visibility {
  type: 'group' | 'role';
  value?: string;
  identifier?: string;
}

export interface Comment {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  body: Adf;
  created: number;
  updated: number;
  visibility?: Visibility;
  /**
   * Entity properties (`properties` on create; read back with `expand=properties`); JSM marks
   * internal comments with `sd.public.comment: {internal: true}`.
   */
  properties?: Record<string, unknown>;
}

export interface Worklog {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  comment?: Adf;
  created: number;
  updated: number;
  started: number;
  timeSpentSeconds: number;
  visibility?: Visibility;
  /** Entity properties (`properties` on create; read back with `expand=properties`). */
  properties?: Record<string, unknown>;
}

export interface IssueLinkType {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export interface IssueLink {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface RemoteLink {
  id: number;
  issueId: string;
  globalId?: string;
  application?: { type?: string; name?: string };
  relationship?: string;
  object: {
    url: string;
    title: string;
    summary?: string;
    icon?: { url16x16?: string; title?: string; link?: string };
    status?: { resolved?: boolean; icon?: { url16x16?: string; title?: string; link?: string } };
  };
}

export interface Attachment {
  id: string;
  issueId: string;
  filename: string;
  authorId: string;
  created: number;
  size: number;
  mimeType: string;
  /** Base64 of the bytes. */
  content: string;
}

export interface ChangeItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface History {
  id: string;
  issueId: string;
  authorId: string;
  created: number;
  items: ChangeItem[];
}

/**
 * Field values, stored by field id in a compact form:
 * users → accountId, options/status/priority/… → id, sprint → sprint ids, parent → issue id,
 * rich text → ADF, timestamps → epoch ms.
 */
export type IssueFields = Record<string, unknown> & {
  summary: string;
  issuetype: string;
  project: string;
  status: string;
  created: number;
  updated: number;
};

export interface Issue {
  id: string;
  key: string;
  fields: IssueFields;
  watchers: string[];
  voters: string[];
  /** Global rank (lower = higher on the board). */
  rank: number;
  remoteLinks: RemoteLink[];
  properties: Record<string, unknown>;
}

export interface BoardColumn {
  name: string;
  statusIds: string[];
}

export interface Board {
  id: number;
  name: string;
  type: 'scrum' | 'kanban' | 'simple';
  projectId: string;
  filterJql: string;
  columns: BoardColumn[];
  estimationFieldId?: string;
}

export interface Sprint {
  id: number;
  name: string;
  state: 'future' | 'active' | 'closed';
  originBoardId: number;
  goal: string;
  createdDate: number;
  startDate?: number;
  endDate?: number;
  completeDate?: number;
}

/** The whole Jira site, as a snapshot. */
export interface JiraData {
  users: User[];
  statusCategories: StatusCategory[];
  statuses: Status[];
  issueTypes: IssueType[];
  priorities: Priority[];
  resolutions: Resolution[];
  fields: FieldDef[];
  teams: Team[];
  workflows: Workflow[];
  projects: Project[];
  components: Component[];
  versions: Version[];
  issueLinkTypes: IssueLinkType[];
  issues: Issue[];
  comments: Comment[];
  worklogs: Worklog[];
  issueLinks: IssueLink[];
  attachments: Attachment[];
  histories: History[];
  boards: Board[];
  sprints: Sprint[];
  /** Next id per kind (issue, comment, worklog, …) and next issue number per project key. */
  counters: Record<string, number>;
}
