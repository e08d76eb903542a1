// What JSM adds to the Jira site: the service-desk statuses and issue types, JSM's custom fields,
// the two service projects (IT "ITS" and HR "HR") and their workflows.
import type { FieldDef, IssueType, Project, ScreenConfig, Status, Workflow } from '../../jira/model.js';
import { JONAS, LENA, MAYA, SAM } from '../../seed/company.js';
import { CMDB_FIELD_TYPE, JSM_FIELD as F, SD } from '../fields.js';

export const JS = {
  waitingForSupport: '10010',
  waitingForCustomer: '10011',
  inProgress: '10012',
  pending: '10013',
  escalated: '10014',
  waitingForApproval: '10015',
  resolved: '10016',
  closed: '10017',
  canceled: '10018',
  declined: '10019',
} as const;

export const JSM_STATUSES: Status[] = [
  {
    id: JS.waitingForSupport,
    name: 'Waiting for support',
    description: 'Waiting for an agent to pick it up.',
    categoryId: 2,
  },
  {
    id: JS.waitingForCustomer,
    name: 'Waiting for customer',
    description: 'Waiting for the customer to reply.',
    categoryId: 4,
  },
  { id: JS.inProgress, name: 'Work in progress', description: 'An agent is working on it.', categoryId: 4 },
  { id: JS.pending, name: 'Pending', description: 'Waiting on a third party or a scheduled change.', categoryId: 4 },
  { id: JS.escalated, name: 'Escalated', description: 'Handed to a specialist team.', categoryId: 4 },
  {
    id: JS.waitingForApproval,
    name: 'Waiting for approval',
    description: 'Waiting for an approver to decide.',
    categoryId: 2,
  },
  { id: JS.resolved, name: 'Resolved', description: 'The request has been fulfilled.', categoryId: 3 },
  { id: JS.closed, name: 'Closed', description: 'Resolved and closed.', categoryId: 3 },
  { id: JS.canceled, name: 'Canceled', description: 'The customer no longer needs it.', categoryId: 3 },
  { id: JS.declined, name: 'Declined', description: 'An approver declined the request.', categoryId: 3 },
];

export const JT = { serviceRequest: '10006', withApprovals: '10007', incident: '10008' } as const;

export const JSM_ISSUE_TYPES: IssueType[] = [
  {
    id: JT.serviceRequest,
    name: '[System] Service request',
    description: 'Created by JSM for service requests.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10320,
  },
  {
    id: JT.withApprovals,
    name: '[System] Service request with approvals',
    description: 'Created by JSM for service requests that need approval.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10321,
  },
  {
    id: JT.incident,
    name: '[System] Incident',
    description: 'Created by JSM for incidents.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10322,
  },
];

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const cf = (
  id: string,
  name: string,
  schema: Omit<FieldDef['schema'], 'customId'>,
  extra: Partial<FieldDef> = {},
): FieldDef => {
  const n = Number(id.replace('customfield_', ''));
  return {
    id,
    key: id,
    name,
    custom: true,
    schema: { ...schema, customId: n },
    clauseNames: [`cf[${n}]`, name],
    orderable: true,
    navigable: true,
    searchable: true,
    ...extra,
  };
};
const options = (start: number, values: string[]) => values.map((value, i) => ({ id: String(start + i), value }));

export const JSM_FIELDS: FieldDef[] = [
  cf(
    F.requestType,
    'Request Type',
    { type: 'sd-customerrequesttype', custom: `${SD}:vp-origin` },
    { clauseNames: ['cf[10010]', 'Request Type', 'Customer Request Type'] },
  ),
  cf(F.participants, 'Request participants', { type: 'array', items: 'user', custom: `${SD}:sd-request-participants` }),
  cf(F.organizations, 'Organizations', {
    type: 'array',
    items: 'sd-customerorganization',
    custom: `${SD}:sd-customer-organizations`,
  }),
  cf(F.approvals, 'Approvals', { type: 'sd-approvals', custom: `${SD}.approvals-plugin:sd-approvals` }),
  cf(F.satisfaction, 'Satisfaction', { type: 'sd-feedback', custom: `${SD}:sd-request-feedback` }),
  cf(F.timeToFirstResponse, 'Time to first response', {
    type: 'sd-servicelevelagreement',
    custom: `${SD}:sd-sla-field`,
  }),
  cf(F.timeToResolution, 'Time to resolution', { type: 'sd-servicelevelagreement', custom: `${SD}:sd-sla-field` }),
  cf(
    F.impact,
    'Impact',
    { type: 'option', custom: `${CF}select` },
    {
      options: options(10200, [
        'Extensive / Widespread',
        'Significant / Large',
        'Moderate / Limited',
        'Minor / Localized',
      ]),
    },
  ),
  cf(
    F.urgency,
    'Urgency',
    { type: 'option', custom: `${CF}select` },
    { options: options(10210, ['Critical', 'High', 'Medium', 'Low']) },
  ),
  cf(
    F.hardwareType,
    'Hardware type',
    { type: 'option', custom: `${CF}select` },
    { options: options(10220, ['Laptop', 'Monitor', 'Docking station', 'Headset', 'Mobile phone']) },
  ),
  cf(
    F.application,
    'Application',
    { type: 'option', custom: `${CF}select` },
    { options: options(10230, ['Figma', 'GitHub', 'Salesforce', 'Tableau', 'Zoom Webinar']) },
  ),
  cf(
    F.department,
    'Department',
    { type: 'option', custom: `${CF}select` },
    { options: options(10240, ['Engineering', 'Marketing', 'Operations', 'Sales', 'People']) },
  ),
  cf(F.employeeEmail, 'Work email', { type: 'string', custom: `${CF}textfield` }),
  cf(
    F.leaveType,
    'Leave type',
    { type: 'option', custom: `${CF}select` },
    { options: options(10250, ['Annual leave', 'Sick leave', 'Parental leave', 'Unpaid leave']) },
  ),
  cf(F.affectedAssets, 'Affected assets', { type: 'array', items: 'cmdb-object', custom: CMDB_FIELD_TYPE }),
];

/** Option id of a JSM select field, by value (for the seed). */
export function optionId(fieldId: string, value: string): string {
  const o = JSM_FIELDS.find((f) => f.id === fieldId)?.options?.find((x) => x.value === value);
  if (!o) throw new Error(`no option ${value} on ${fieldId}`);
  return o.id;
}

const tr = (id: string, name: string, to: string, from: string[], screen: string[] = []) => ({
  id,
  name,
  to,
  from,
  screen,
  required: [],
});

function serviceWorkflow(id: string, name: string, itsm: boolean): Workflow {
  const open = [
    JS.waitingForSupport,
    JS.waitingForCustomer,
    JS.inProgress,
    ...(itsm ? [JS.pending, JS.escalated] : []),
  ];
  return {
    id,
    name,
    statusIds: [...open, JS.waitingForApproval, JS.resolved, ...(itsm ? [JS.closed] : []), JS.canceled, JS.declined],
    initialStatusId: JS.waitingForSupport,
    transitions: [
      tr('11', 'Respond to customer', JS.waitingForCustomer, [
        JS.waitingForSupport,
        JS.inProgress,
        ...(itsm ? [JS.escalated] : []),
      ]),
      tr('21', 'Start work', JS.inProgress, [
        JS.waitingForSupport,
        JS.waitingForCustomer,
        ...(itsm ? [JS.pending, JS.escalated] : []),
      ]),
      ...(itsm
        ? [
            tr('31', 'Pending', JS.pending, [JS.inProgress]),
            tr('41', 'Escalate', JS.escalated, [JS.waitingForSupport, JS.inProgress]),
          ]
        : []),
      tr('51', 'Resolve this issue', JS.resolved, open, ['resolution']),
      ...(itsm ? [tr('61', 'Close', JS.closed, [JS.resolved])] : []),
      tr('71', 'Reopen', JS.waitingForSupport, [JS.resolved]),
      tr('81', 'Respond to support', JS.waitingForSupport, [JS.waitingForCustomer]),
      tr('91', 'Cancel request', JS.canceled, [JS.waitingForSupport, JS.waitingForCustomer, JS.waitingForApproval]),
      tr('101', 'Approve', JS.waitingForSupport, [JS.waitingForApproval]),
      tr('111', 'Decline', JS.declined, [JS.waitingForApproval]),
    ],
  };
}

export const JSM_WORKFLOWS: Workflow[] = [
  serviceWorkflow('wf-its', 'IT Service Management workflow for Project ITS', true),
  serviceWorkflow('wf-hr', 'HR Service Request workflow for Project HR', false),
];

const jsmCommon = [
  F.requestType,
  F.participants,
  F.organizations,
  F.approvals,
  F.satisfaction,
  F.timeToFirstResponse,
  F.timeToResolution,
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
const screen = (fields: string[]): ScreenConfig => ({
  fields: [...base, ...fields, ...jsmCommon],
  required: ['summary', 'issuetype', 'project', 'reporter'],
});

export const JP = { its: '10003', hr: '10004' } as const;

export const JSM_PROJECTS: Project[] = [
  {
    id: JP.its,
    key: 'ITS',
    name: 'IT Service Desk',
    description: 'Help with laptops, accounts, access and anything that is broken.',
    projectTypeKey: 'service_desk',
    style: 'classic',
    leadAccountId: SAM,
    issueTypeIds: [JT.serviceRequest, JT.withApprovals, JT.incident],
    workflowId: 'wf-its',
    categoryName: 'Service',
    archived: false,
    screens: { '*': screen([F.impact, F.urgency, F.hardwareType, F.application, F.affectedAssets]) },
  },
  {
    id: JP.hr,
    key: 'HR',
    name: 'HR Service Desk',
    description: 'People Ops: onboarding, payroll, leave and policies.',
    projectTypeKey: 'service_desk',
    style: 'classic',
    leadAccountId: LENA,
    issueTypeIds: [JT.serviceRequest, JT.withApprovals],
    workflowId: 'wf-hr',
    categoryName: 'Service',
    archived: false,
    screens: { '*': screen([F.startDate, F.department, F.employeeEmail, F.leaveType]) },
  },
];

export const AGENTS = { its: [SAM, JONAS, MAYA], hr: [LENA, MAYA] } as const;
