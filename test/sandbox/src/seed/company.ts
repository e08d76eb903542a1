// The seeded company, "Nimbus Works": people, projects, workflows, fields, boards and sprints.
import { createHash } from 'node:crypto';
import { defaultFields, FIELD } from '../jira/fields.js';
import type {
  Component,
  IssueLinkType,
  IssueType,
  Priority,
  Project,
  Resolution,
  ScreenConfig,
  Status,
  StatusCategory,
  Team,
  User,
  Workflow,
} from '../jira/model.js';

export const DAY = 86_400_000;

function uuidFrom(s: string): string {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const person = (displayName: string, timeZone: string, extra: Partial<User> = {}): User => {
  const first = displayName.split(' ')[0]!.toLowerCase();
  const email = `${displayName.toLowerCase().replace(/ /g, '.')}@nimbus-works.example`;
  return {
    accountId: `712020:${uuidFrom(email)}`,
    accountType: 'atlassian',
    emailAddress: email,
    displayName,
    active: true,
    timeZone,
    locale: 'en_US',
    apiToken: `sandbox-api-token-${first}`,
    groups: ['jira-software-users', 'nimbus-staff'],
    ...extra,
  };
};

export const USERS: User[] = [
  person('Maya Chen', 'Europe/London', { groups: ['jira-admins', 'jira-software-users', 'nimbus-staff'] }),
  person('Jonas Weber', 'Europe/Berlin'),
  person('Priya Raman', 'Asia/Kolkata'),
  person('Diego Alvarez', 'America/Mexico_City'),
  person('Sam Okafor', 'Africa/Lagos'),
  person('Lena Novak', 'Europe/Prague'),
  person('Tom Becker', 'America/New_York'),
  person('Grace Kim', 'Asia/Seoul', { active: false, groups: ['nimbus-contractors'] }),
];
export const [MAYA, JONAS, PRIYA, DIEGO, SAM, LENA, TOM, GRACE] = USERS.map((u) => u.accountId) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

export const STATUS_CATEGORIES: StatusCategory[] = [
  { id: 1, key: 'undefined', colorName: 'medium-gray', name: 'No Category' },
  { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  { id: 3, key: 'done', colorName: 'green', name: 'Done' },
];

export const S = {
  todo: '10000',
  inProgress: '3',
  inReview: '10001',
  done: '10002',
  backlog: '10003',
  selected: '10004',
  blocked: '10005',
} as const;

export const STATUSES: Status[] = [
  { id: S.todo, name: 'To Do', description: 'Work that has not been started.', categoryId: 2 },
  {
    id: S.inProgress,
    name: 'In Progress',
    description: 'This issue is being actively worked on at the moment by the assignee.',
    categoryId: 4,
  },
  { id: S.inReview, name: 'In Review', description: 'Waiting for code review or sign-off.', categoryId: 4 },
  { id: S.done, name: 'Done', description: 'Work that is finished.', categoryId: 3 },
  { id: S.backlog, name: 'Backlog', description: 'Triaged but not yet selected.', categoryId: 2 },
  { id: S.selected, name: 'Selected for Development', description: 'Ready to be picked up.', categoryId: 2 },
  { id: S.blocked, name: 'Blocked', description: 'Waiting on something outside the team.', categoryId: 4 },
];

export const T = {
  epic: '10000',
  story: '10001',
  task: '10002',
  bug: '10003',
  subtask: '10004',
  incident: '10005',
} as const;

export const ISSUE_TYPES: IssueType[] = [
  {
    id: T.epic,
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    subtask: false,
    hierarchyLevel: 1,
    avatarId: 10307,
  },
  {
    id: T.story,
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10315,
  },
  {
    id: T.task,
    name: 'Task',
    description: 'A small, distinct piece of work.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10318,
  },
  { id: T.bug, name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0, avatarId: 10303 },
  {
    id: T.subtask,
    name: 'Subtask',
    description: 'A small piece of work that is part of a larger task.',
    subtask: true,
    hierarchyLevel: -1,
    avatarId: 10316,
  },
  {
    id: T.incident,
    name: 'Incident',
    description: 'An unplanned interruption or reduction in quality of service.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10304,
  },
];

export const PRIORITIES: Priority[] = [
  { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437' },
  { id: '2', name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15C75' },
  { id: '3', name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232' },
  { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070' },
  {
    id: '5',
    name: 'Lowest',
    description: 'Trivial problem with little or no impact on progress.',
    statusColor: '#999999',
  },
];

export const RESOLUTIONS: Resolution[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: "This issue won't be actioned." },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

export const LINK_TYPES: IssueLinkType[] = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export const TEAMS: Team[] = [
  { id: uuidFrom('team:mobile'), name: 'Mobile Squad' },
  { id: uuidFrom('team:platform'), name: 'Platform Team' },
  { id: uuidFrom('team:growth'), name: 'Growth Marketing' },
];

const tr = (
  id: string,
  name: string,
  to: string,
  from: string[] = [],
  screen: string[] = [],
  required: string[] = [],
) => ({
  id,
  name,
  to,
  from,
  screen,
  required,
});

export const WORKFLOWS: Workflow[] = [
  {
    id: 'wf-software',
    name: 'Software Simplified Workflow for Project NOVA',
    statusIds: [S.todo, S.inProgress, S.inReview, S.done],
    initialStatusId: S.todo,
    transitions: [
      tr('11', 'To Do', S.todo),
      tr('21', 'In Progress', S.inProgress),
      tr('31', 'In Review', S.inReview, [], [FIELD.reviewers]),
      tr('41', 'Done', S.done, [], ['resolution']),
    ],
  },
  {
    id: 'wf-ops',
    name: 'OPS Kanban Workflow',
    statusIds: [S.backlog, S.selected, S.inProgress, S.blocked, S.done],
    initialStatusId: S.backlog,
    transitions: [
      tr('11', 'Select for development', S.selected, [S.backlog]),
      tr('21', 'Start progress', S.inProgress, [S.backlog, S.selected]),
      tr('31', 'Block', S.blocked, [S.inProgress], ['comment'], ['comment']),
      tr('41', 'Unblock', S.inProgress, [S.blocked]),
      tr('51', 'Resolve', S.done, [S.inProgress], ['resolution', 'comment'], ['resolution']),
      tr('61', 'Reopen', S.backlog, [S.done]),
      tr('71', 'Back to backlog', S.backlog, [S.selected, S.inProgress]),
    ],
  },
  {
    id: 'wf-business',
    name: 'Business Project Workflow',
    statusIds: [S.todo, S.inProgress, S.done],
    initialStatusId: S.todo,
    transitions: [tr('11', 'To Do', S.todo), tr('21', 'In Progress', S.inProgress), tr('31', 'Done', S.done)],
  },
];

const base = [
  'summary',
  'issuetype',
  'project',
  'description',
  'reporter',
  'assignee',
  'priority',
  'labels',
  'duedate',
];
const req = ['summary', 'issuetype', 'project', 'reporter'];
const screen = (fields: string[], required: string[] = []): ScreenConfig => ({
  fields: [...new Set(fields)],
  required: [...req, ...required],
});

export const P = { nova: '10000', ops: '10001', mkt: '10002' } as const;

export const PROJECTS: Project[] = [
  {
    id: P.nova,
    key: 'NOVA',
    name: 'Nova Mobile App',
    description: 'The Nimbus Works mobile app for iOS and Android, and the API behind it.',
    projectTypeKey: 'software',
    style: 'classic',
    leadAccountId: MAYA,
    issueTypeIds: [T.epic, T.story, T.task, T.bug, T.subtask],
    workflowId: 'wf-software',
    categoryName: 'Product',
    archived: false,
    screens: {
      [T.epic]: screen([...base, FIELD.startDate, FIELD.team]),
      [T.story]: screen([
        ...base,
        'components',
        'fixVersions',
        'parent',
        FIELD.storyPoints,
        FIELD.sprint,
        FIELD.team,
        FIELD.startDate,
        FIELD.reviewers,
        FIELD.acceptance,
        'timetracking',
      ]),
      [T.task]: screen([
        ...base,
        'components',
        'fixVersions',
        'parent',
        FIELD.storyPoints,
        FIELD.sprint,
        FIELD.team,
        FIELD.startDate,
        FIELD.reviewers,
        'timetracking',
      ]),
      [T.bug]: screen(
        [
          ...base,
          'components',
          'fixVersions',
          'versions',
          'environment',
          'parent',
          FIELD.severity,
          FIELD.platform,
          FIELD.storyPoints,
          FIELD.sprint,
          FIELD.team,
          FIELD.reviewers,
          'timetracking',
        ],
        [FIELD.severity],
      ),
      [T.subtask]: screen([...base, 'parent', 'timetracking', FIELD.sprint], ['parent']),
    },
  },
  {
    id: P.ops,
    key: 'OPS',
    name: 'Platform Operations',
    description: 'Infrastructure, reliability and on-call work for every Nimbus Works service.',
    projectTypeKey: 'software',
    style: 'classic',
    leadAccountId: JONAS,
    issueTypeIds: [T.epic, T.task, T.bug, T.incident, T.subtask],
    workflowId: 'wf-ops',
    categoryName: 'Engineering',
    archived: false,
    screens: {
      [T.epic]: screen([...base, FIELD.startDate, FIELD.team]),
      [T.task]: screen([...base, 'components', 'parent', FIELD.team, FIELD.customer, 'timetracking']),
      [T.bug]: screen(
        [
          ...base,
          'components',
          'parent',
          'environment',
          FIELD.severity,
          FIELD.platform,
          FIELD.team,
          FIELD.customer,
          'timetracking',
        ],
        [FIELD.severity],
      ),
      [T.incident]: screen(
        [
          ...base,
          'components',
          'parent',
          'environment',
          FIELD.severity,
          FIELD.platform,
          FIELD.team,
          FIELD.customer,
          'timetracking',
        ],
        [FIELD.severity, 'priority'],
      ),
      [T.subtask]: screen([...base, 'parent', 'timetracking'], ['parent']),
    },
  },
  {
    id: P.mkt,
    key: 'MKT',
    name: 'Marketing Launches',
    description: 'Campaigns, launch checklists and content for product releases.',
    projectTypeKey: 'business',
    style: 'classic',
    leadAccountId: LENA,
    issueTypeIds: [T.epic, T.task, T.subtask],
    workflowId: 'wf-business',
    categoryName: 'Go-to-market',
    archived: false,
    screens: {
      [T.epic]: screen([...base, FIELD.startDate, FIELD.team]),
      [T.task]: screen([...base, 'parent', FIELD.startDate, FIELD.reviewers, FIELD.customer, FIELD.team]),
      [T.subtask]: screen([...base, 'parent'], ['parent']),
    },
  },
];

export const COMPONENTS: Component[] = [
  { id: '10000', projectId: P.nova, name: 'iOS', description: 'Swift app', leadAccountId: DIEGO },
  { id: '10001', projectId: P.nova, name: 'Android', description: 'Kotlin app', leadAccountId: PRIYA },
  {
    id: '10002',
    projectId: P.nova,
    name: 'Backend API',
    description: 'GraphQL gateway and services',
    leadAccountId: TOM,
  },
  { id: '10003', projectId: P.nova, name: 'Design System', description: 'Shared UI components' },
  { id: '10004', projectId: P.ops, name: 'Kubernetes', description: 'Clusters and workloads', leadAccountId: SAM },
  { id: '10005', projectId: P.ops, name: 'Databases', description: 'Postgres and Redis', leadAccountId: JONAS },
  { id: '10006', projectId: P.ops, name: 'CI/CD', description: 'Build and deploy pipelines' },
  { id: '10007', projectId: P.ops, name: 'Observability', description: 'Metrics, logs, traces, alerts' },
];

export { defaultFields };

export { boards, sprints, versions } from './calendar.js';
