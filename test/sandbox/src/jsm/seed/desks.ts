// The two service desks with their request types (fields, groups, approvals), SLA calendars and
// goals, and queues.
import { DIEGO, JONAS, LENA, MAYA } from '../../seed/company.js';
import { JSM_FIELD as F } from '../fields.js';
import type { ApprovalConfig, RequestType, RequestTypeField, RequestTypeGroup, ServiceDesk } from '../model.js';
import { AGENTS, JP, JS, JT } from './config.js';
import { CHRIS, GUS, ORG } from './people.js';

export const DESK = { its: '1', hr: '2' } as const;
export const RT = {
  help: '1',
  problem: '2',
  hardware: '3',
  access: '4',
  password: '5',
  onboard: '6',
  payroll: '7',
  timeOff: '8',
} as const;

export const SERVICE_DESKS: ServiceDesk[] = [
  {
    id: DESK.its,
    projectId: JP.its,
    agentIds: [...AGENTS.its],
    customerIds: [CHRIS, GUS],
    organizationIds: [ORG.acme, ORG.contractors],
    openToLicensedUsers: true,
    customerTransitionIds: ['51', '91'],
    knowledgeBaseSpaceKey: 'ITKB',
  },
  {
    id: DESK.hr,
    projectId: JP.hr,
    agentIds: [...AGENTS.hr],
    customerIds: [],
    organizationIds: [ORG.newHires],
    openToLicensedUsers: true,
    customerTransitionIds: ['91'],
    knowledgeBaseSpaceKey: 'HRKB',
  },
];

export const GROUPS: RequestTypeGroup[] = [
  { id: '1', serviceDeskId: DESK.its, name: 'Get help' },
  { id: '2', serviceDeskId: DESK.its, name: 'Hardware and software' },
  { id: '3', serviceDeskId: DESK.its, name: 'Access' },
  { id: '4', serviceDeskId: DESK.hr, name: 'Joining and leaving' },
  { id: '5', serviceDeskId: DESK.hr, name: 'Pay and time off' },
];

const field = (fieldId: string, name: string, required: boolean, description = ''): RequestTypeField => ({
  fieldId,
  name,
  description,
  required,
  visible: true,
});

const approval = (name: string, approverIds: string[]): ApprovalConfig => ({
  name,
  approverIds,
  required: 1,
  statusId: JS.waitingForApproval,
  approveTransitionId: '101',
  declineTransitionId: '111',
});

const rt = (
  id: string,
  serviceDeskId: string,
  issueTypeId: string,
  name: string,
  description: string,
  groupIds: string[],
  fields: RequestTypeField[],
  extra: Partial<RequestType> = {},
): RequestType => ({
  id,
  serviceDeskId,
  issueTypeId,
  name,
  description,
  helpText: '',
  groupIds,
  iconId: String(10600 + Number(id)),
  restrictionStatus: 'OPEN',
  fields,
  properties: {},
  ...extra,
});

export const REQUEST_TYPES: RequestType[] = [
  rt(
    RT.help,
    DESK.its,
    JT.serviceRequest,
    'Get IT help',
    'Ask for help with anything IT.',
    ['1'],
    [
      field('summary', 'What do you need help with?', true),
      field('description', 'Tell us more', false, 'Steps you took, error messages, screenshots.'),
      field(F.affectedAssets, 'Which device or service?', false),
    ],
    { practice: 'service_request' },
  ),
  rt(
    RT.problem,
    DESK.its,
    JT.incident,
    'Report a system problem',
    'Something is broken or down.',
    ['1'],
    [
      field('summary', "What's broken?", true),
      field('description', 'What happened, and what did you expect?', true),
      field(F.impact, 'How many people are affected?', true),
      field(F.urgency, 'How urgent is it?', false),
      field('priority', 'Priority', false),
      field(F.affectedAssets, 'Affected service', false),
    ],
    { practice: 'incident', helpText: 'For outages call the on-call line too: +49 30 1234 5678.' },
  ),
  rt(
    RT.hardware,
    DESK.its,
    JT.withApprovals,
    'Request new hardware',
    'Laptops, monitors, headsets and phones.',
    ['2'],
    [
      field('summary', 'What do you need?', true),
      field(F.hardwareType, 'Hardware type', true),
      field('description', 'Business justification', true),
      field('duedate', 'Needed by', false),
    ],
    { approval: approval('Manager approval', [MAYA]), practice: 'service_request' },
  ),
  rt(
    RT.access,
    DESK.its,
    JT.withApprovals,
    'Request software access',
    'Get a seat or a role in a company application.',
    ['2', '3'],
    [
      field('summary', 'Summary', true),
      field(F.application, 'Application', true),
      field('description', 'Why do you need it?', false),
    ],
    { approval: approval('Application owner approval', [JONAS, DIEGO]), practice: 'service_request' },
  ),
  rt(
    RT.password,
    DESK.its,
    JT.serviceRequest,
    'Reset a password',
    "Locked out? We'll get you back in.",
    ['3'],
    [
      field('summary', 'Which account?', true),
      field(F.affectedAssets, 'Which system?', false),
      { ...field('labels', 'Labels', false), visible: false, presetValues: ['password-reset'] },
    ],
    { practice: 'service_request' },
  ),
  rt(
    RT.onboard,
    DESK.hr,
    JT.withApprovals,
    'Onboard a new employee',
    'Accounts, equipment and a buddy for a new starter.',
    ['4'],
    [
      field('summary', "New employee's name", true),
      field(F.startDate, 'First working day', true),
      field(F.department, 'Department', true),
      field(F.employeeEmail, 'Work email (if known)', false),
      field('description', 'Anything else we should prepare?', false),
    ],
    { approval: approval('HR approval', [LENA]) },
  ),
  rt(
    RT.payroll,
    DESK.hr,
    JT.serviceRequest,
    'Ask a payroll question',
    'Payslips, tax codes, expenses.',
    ['5'],
    [field('summary', 'Summary', true), field('description', 'Your question', true)],
  ),
  rt(
    RT.timeOff,
    DESK.hr,
    JT.withApprovals,
    'Request time off',
    'Annual, sick, parental or unpaid leave.',
    ['5'],
    [
      field('summary', 'Summary', true),
      field(F.leaveType, 'Leave type', true),
      field(F.startDate, 'First day of leave', true),
      field('duedate', 'Last day of leave', true),
      field('description', 'Notes for your manager', false),
    ],
    { approval: approval('Line manager approval', [MAYA, LENA]) },
  ),
];
