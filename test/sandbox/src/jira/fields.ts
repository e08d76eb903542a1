// The field catalog (system fields with Jira's real ids, schemas and JQL clause names; the
// site's custom fields) and the "kind" that says how each field is stored, rendered, set
// and searched.
import type { FieldDef } from './model.js';

export type FieldKind =
  | 'string'
  | 'adf'
  | 'user'
  | 'users'
  | 'status'
  | 'priority'
  | 'resolution'
  | 'issuetype'
  | 'project'
  | 'labels'
  | 'components'
  | 'versions'
  | 'date'
  | 'datetime'
  | 'number'
  | 'option'
  | 'cascade'
  | 'sprint'
  | 'team'
  | 'parent'
  | 'rank'
  | 'timetracking'
  | 'computed';

const sys = (
  id: string,
  name: string,
  schema: FieldDef['schema'] | undefined,
  clauseNames: string[],
  flags: { orderable?: boolean; navigable?: boolean; searchable?: boolean } = {},
): FieldDef => ({
  id,
  key: id,
  name,
  custom: false,
  schema: schema ?? { type: 'any' },
  clauseNames,
  orderable: flags.orderable ?? true,
  navigable: flags.navigable ?? true,
  searchable: flags.searchable ?? true,
});

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const cf = (
  n: number,
  name: string,
  type: FieldDef['schema'],
  clauseSuffix: string | undefined,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  id: `customfield_${n}`,
  key: `customfield_${n}`,
  name,
  custom: true,
  schema: { ...type, customId: n },
  clauseNames: [`cf[${n}]`, name, ...(clauseSuffix ? [`${name}[${clauseSuffix}]`] : [])],
  orderable: true,
  navigable: true,
  searchable: true,
  ...extra,
});

export const FIELD = {
  team: 'customfield_10001',
  startDate: 'customfield_10015',
  storyPoints: 'customfield_10016',
  rank: 'customfield_10019',
  sprint: 'customfield_10020',
  severity: 'customfield_10040',
  platform: 'customfield_10041',
  reviewers: 'customfield_10042',
  acceptance: 'customfield_10043',
  customer: 'customfield_10044',
} as const;

export function defaultFields(): FieldDef[] {
  return [
    sys('issuekey', 'Key', undefined, ['id', 'issue', 'issuekey', 'key'], { orderable: false }),
    sys('summary', 'Summary', { type: 'string', system: 'summary' }, ['summary']),
    sys('description', 'Description', { type: 'string', system: 'description' }, ['description']),
    sys('environment', 'Environment', { type: 'string', system: 'environment' }, ['environment']),
    sys('issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }, ['issuetype', 'type']),
    sys('project', 'Project', { type: 'project', system: 'project' }, ['project']),
    sys('status', 'Status', { type: 'status', system: 'status' }, ['status'], { orderable: false }),
    sys('statusCategory', 'Status Category', { type: 'statusCategory', system: 'statusCategory' }, ['statusCategory'], {
      orderable: false,
    }),
    sys('priority', 'Priority', { type: 'priority', system: 'priority' }, ['priority']),
    sys('resolution', 'Resolution', { type: 'resolution', system: 'resolution' }, ['resolution']),
    sys('resolutiondate', 'Resolved', { type: 'datetime', system: 'resolutiondate' }, ['resolutiondate', 'resolved'], {
      orderable: false,
    }),
    sys('assignee', 'Assignee', { type: 'user', system: 'assignee' }, ['assignee']),
    sys('reporter', 'Reporter', { type: 'user', system: 'reporter' }, ['reporter']),
    sys('creator', 'Creator', { type: 'user', system: 'creator' }, ['creator'], { orderable: false }),
    sys('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }, ['labels']),
    sys('components', 'Components', { type: 'array', items: 'component', system: 'components' }, ['component']),
    sys('fixVersions', 'Fix versions', { type: 'array', items: 'version', system: 'fixVersions' }, ['fixVersion']),
    sys('versions', 'Affects versions', { type: 'array', items: 'version', system: 'versions' }, ['affectedVersion']),
    sys('duedate', 'Due date', { type: 'date', system: 'duedate' }, ['due', 'duedate']),
    sys('created', 'Created', { type: 'datetime', system: 'created' }, ['created', 'createdDate'], {
      orderable: false,
    }),
    sys('updated', 'Updated', { type: 'datetime', system: 'updated' }, ['updated', 'updatedDate'], {
      orderable: false,
    }),
    sys(
      'statuscategorychangedate',
      'Status Category Changed',
      { type: 'datetime', system: 'statuscategorychangedate' },
      ['statusCategoryChangedDate'],
      {
        orderable: false,
      },
    ),
    sys('parent', 'Parent', { type: 'issuelink', system: 'parent' }, ['parent']),
    sys('subtasks', 'Sub-tasks', { type: 'array', items: 'issuelinks', system: 'subtasks' }, ['subtasks'], {
      orderable: false,
    }),
    sys('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks', system: 'issuelinks' }, ['issueLink']),
    sys('comment', 'Comment', { type: 'comments-page', system: 'comment' }, ['comment'], { navigable: false }),
    sys(
      'worklog',
      'Log Work',
      { type: 'array', items: 'worklog', system: 'worklog' },
      ['worklogAuthor', 'worklogComment', 'worklogDate'],
      {
        navigable: false,
      },
    ),
    sys('attachment', 'Attachment', { type: 'array', items: 'attachment', system: 'attachment' }, ['attachments']),
    sys('watches', 'Watchers', { type: 'watches', system: 'watches' }, ['watchers'], { orderable: false }),
    sys('votes', 'Votes', { type: 'votes', system: 'votes' }, ['votes'], { orderable: false }),
    sys('timetracking', 'Time tracking', { type: 'timetracking', system: 'timetracking' }, [], {
      navigable: false,
      searchable: false,
    }),
    sys('timespent', 'Time Spent', { type: 'number', system: 'timespent' }, ['timespent'], { orderable: false }),
    sys(
      'timeoriginalestimate',
      'Original estimate',
      { type: 'number', system: 'timeoriginalestimate' },
      ['originalEstimate', 'timeoriginalestimate'],
      {
        orderable: false,
      },
    ),
    sys(
      'timeestimate',
      'Remaining Estimate',
      { type: 'number', system: 'timeestimate' },
      ['remainingEstimate', 'timeestimate'],
      { orderable: false },
    ),
    sys('aggregatetimespent', 'Σ Time Spent', { type: 'number', system: 'aggregatetimespent' }, [], {
      orderable: false,
      searchable: false,
    }),
    sys('progress', 'Progress', { type: 'progress', system: 'progress' }, ['progress'], { orderable: false }),
    sys('aggregateprogress', 'Σ Progress', { type: 'progress', system: 'aggregateprogress' }, [], {
      orderable: false,
      searchable: false,
    }),
    sys('workratio', 'Work Ratio', { type: 'number', system: 'workratio' }, ['workratio'], { orderable: false }),
    sys('lastViewed', 'Last Viewed', { type: 'datetime', system: 'lastViewed' }, ['lastViewed'], { orderable: false }),
    sys('security', 'Security Level', { type: 'securitylevel', system: 'security' }, ['level']),

    cf(
      10001,
      'Team',
      { type: 'team', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team' },
      'Team',
    ),
    cf(10015, 'Start date', { type: 'date', custom: `${CF}datepicker` }, 'Date'),
    cf(10016, 'Story Points', { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' }, 'Number', {
      description: 'Measurement of complexity and/or size of a requirement.',
    }),
    cf(10019, 'Rank', { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' }, undefined),
    cf(10020, 'Sprint', { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }, undefined, {
      clauseNames: ['cf[10020]', 'Sprint', 'sprint'],
    }),
    cf(10040, 'Severity', { type: 'option', custom: `${CF}select` }, 'Dropdown', {
      options: [
        { id: '10100', value: 'Sev 1 - Critical' },
        { id: '10101', value: 'Sev 2 - Major' },
        { id: '10102', value: 'Sev 3 - Minor' },
        { id: '10103', value: 'Sev 4 - Cosmetic' },
      ],
    }),
    cf(
      10041,
      'Affected platform',
      { type: 'option-with-child', custom: `${CF}cascadingselect` },
      'Select List (cascading)',
      {
        options: [
          {
            id: '10110',
            value: 'Web',
            children: [
              { id: '10111', value: 'Chrome' },
              { id: '10112', value: 'Firefox' },
              { id: '10113', value: 'Safari' },
            ],
          },
          {
            id: '10120',
            value: 'Mobile',
            children: [
              { id: '10121', value: 'iOS' },
              { id: '10122', value: 'Android' },
            ],
          },
          {
            id: '10130',
            value: 'Desktop',
            children: [
              { id: '10131', value: 'macOS' },
              { id: '10132', value: 'Windows' },
              { id: '10133', value: 'Linux' },
            ],
          },
        ],
      },
    ),
    cf(
      10042,
      'Reviewers',
      { type: 'array', items: 'user', custom: `${CF}multiuserpicker` },
      'User Picker (multiple users)',
    ),
    cf(10043, 'Acceptance criteria', { type: 'string', custom: `${CF}textarea` }, 'Paragraph'),
    cf(10044, 'Customer', { type: 'string', custom: `${CF}textfield` }, 'Short text'),
  ];
}

const SYSTEM_KINDS: Record<string, FieldKind> = {
  summary: 'string',
  description: 'adf',
  environment: 'adf',
  issuetype: 'issuetype',
  project: 'project',
  status: 'status',
  priority: 'priority',
  resolution: 'resolution',
  resolutiondate: 'datetime',
  assignee: 'user',
  reporter: 'user',
  creator: 'user',
  labels: 'labels',
  components: 'components',
  fixVersions: 'versions',
  versions: 'versions',
  duedate: 'date',
  created: 'datetime',
  updated: 'datetime',
  statuscategorychangedate: 'datetime',
  lastViewed: 'datetime',
  parent: 'parent',
  timetracking: 'timetracking',
};

const CUSTOM_KINDS: Record<string, FieldKind> = {
  'com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team': 'team',
  [`${CF}datepicker`]: 'date',
  [`${CF}datetime`]: 'datetime',
  'com.pyxis.greenhopper.jira:jsw-story-points': 'number',
  [`${CF}float`]: 'number',
  'com.pyxis.greenhopper.jira:gh-lexo-rank': 'rank',
  'com.pyxis.greenhopper.jira:gh-sprint': 'sprint',
  [`${CF}select`]: 'option',
  [`${CF}radiobuttons`]: 'option',
  [`${CF}cascadingselect`]: 'cascade',
  [`${CF}multiuserpicker`]: 'users',
  [`${CF}userpicker`]: 'user',
  [`${CF}textarea`]: 'adf',
  [`${CF}textfield`]: 'string',
  [`${CF}labels`]: 'labels',
  'com.atlassian.servicedesk:sd-request-participants': 'users',
};

export function kindOf(f: FieldDef): FieldKind {
  if (f.custom) return CUSTOM_KINDS[f.schema.custom ?? ''] ?? 'computed';
  return SYSTEM_KINDS[f.id] ?? 'computed';
}

/** Fields the client may set on create/edit (the rest are computed or read-only). */
export const SETTABLE_KINDS = new Set<FieldKind>([
  'string',
  'adf',
  'user',
  'users',
  'priority',
  'resolution',
  'issuetype',
  'project',
  'labels',
  'components',
  'versions',
  'date',
  'datetime',
  'number',
  'option',
  'cascade',
  'sprint',
  'team',
  'parent',
  'timetracking',
]);
