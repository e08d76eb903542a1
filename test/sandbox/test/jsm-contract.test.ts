// Every servicedeskapi response the sandbox produces validates against the vendored JSM spec's
// response schema for that status (the spec's DTOs forbid unknown properties).
import { responseValidator } from '@atlassian-mcp/sandbox';
import { startJsmSite, type JsmSite } from './jsm-site';

const JSM = 'jira-service-management';

interface Case {
  op: string;
  method?: string;
  path: string;
  body?: unknown;
  status: number;
  as?: Parameters<JsmSite['call']>[2] extends infer O ? (O extends { as?: infer A } ? A : never) : never;
}

const SD = '/rest/servicedeskapi';
const cases: Case[] = [
  { op: 'getInfo', path: `${SD}/info`, status: 200 },
  { op: 'getAssetsWorkspaces', path: `${SD}/assets/workspace`, status: 200 },
  { op: 'getInsightWorkspaces', path: `${SD}/insight/workspace`, status: 200 },
  { op: 'getServiceDesks', path: `${SD}/servicedesk`, status: 200 },
  { op: 'getServiceDeskById', path: `${SD}/servicedesk/1`, status: 200 },
  { op: 'getServiceDeskById', path: `${SD}/servicedesk/77`, status: 404 },
  { op: 'getRequestTypes', path: `${SD}/servicedesk/1/requesttype?expand=field`, status: 200 },
  { op: 'getAllRequestTypes', path: `${SD}/requesttype`, status: 200 },
  { op: 'getRequestTypeById', path: `${SD}/servicedesk/1/requesttype/2`, status: 200 },
  { op: 'getRequestTypeFields', path: `${SD}/servicedesk/1/requesttype/2/field`, status: 200 },
  { op: 'getRequestTypeFields', path: `${SD}/servicedesk/2/requesttype/8/field`, status: 200 },
  { op: 'getRequestTypeGroups', path: `${SD}/servicedesk/1/requesttypegroup`, status: 200 },
  {
    op: 'getCustomerRequests',
    path: `${SD}/request?requestOwnership=ALL_REQUESTS&expand=participant,status,sla,requestType,serviceDesk,attachment,action,comment`,
    status: 200,
  },
  { op: 'getCustomerRequests', path: `${SD}/request?requestStatus=SOMETIMES`, status: 400 },
  {
    op: 'getCustomerRequestByIdOrKey',
    path: `${SD}/request/ITS-7?expand=sla,status,comment.renderedBody`,
    status: 200,
  },
  { op: 'getCustomerRequestByIdOrKey', path: `${SD}/request/ITS-404`, status: 404 },
  {
    op: 'createCustomerRequest',
    method: 'POST',
    path: `${SD}/request`,
    body: { serviceDeskId: '2', requestTypeId: '7', requestFieldValues: { summary: 'Contract', description: 'Test' } },
    status: 201,
  },
  {
    op: 'createCustomerRequest',
    method: 'POST',
    path: `${SD}/request`,
    body: { serviceDeskId: '2', requestTypeId: '7', requestFieldValues: { summary: 'No description' } },
    status: 400,
  },
  { op: 'getRequestComments', path: `${SD}/request/HR-7/comment?expand=renderedBody,attachment`, status: 200 },
  {
    op: 'createRequestComment',
    method: 'POST',
    path: `${SD}/request/HR-7/comment`,
    body: { body: 'Hi', public: false },
    status: 201,
  },
  { op: 'getCustomerRequestStatus', path: `${SD}/request/ITS-7/status`, status: 200 },
  { op: 'getCustomerTransitions', path: `${SD}/request/ITS-24/transition`, status: 200 },
  { op: 'getApprovals', path: `${SD}/request/ITS-16/approval`, status: 200 },
  { op: 'getApprovalById', path: `${SD}/request/ITS-16/approval/2`, status: 200 },
  { op: 'getRequestParticipants', path: `${SD}/request/ITS-1/participant`, status: 200 },
  { op: 'getSubscriptionStatus', path: `${SD}/request/ITS-1/notification`, status: 200 },
  { op: 'getSlaInformation', path: `${SD}/request/ITS-7/sla`, status: 200 },
  { op: 'getSlaInformationById', path: `${SD}/request/ITS-3/sla/2`, status: 200 },
  { op: 'getFeedback', path: `${SD}/request/ITS-4/feedback`, status: 200, as: 'diego' },
  { op: 'getAttachmentsForRequest', path: `${SD}/request/ITS-7/attachment`, status: 200 },
  { op: 'getArticles', path: `${SD}/knowledgebase/article?query=password&highlight=true`, status: 200 },
  { op: 'getArticles', path: `${SD}/servicedesk/2/knowledgebase/article?query=payroll`, status: 200 },
  { op: 'getCustomers', path: `${SD}/servicedesk/1/customer`, status: 200 },
  { op: 'getOrganizations', path: `${SD}/organization`, status: 200 },
  { op: 'getOrganization', path: `${SD}/organization/1`, status: 200 },
  { op: 'getUsersInOrganization', path: `${SD}/organization/1/user`, status: 200 },
  { op: 'getPropertiesKeys', path: `${SD}/organization/1/property`, status: 200 },
  { op: 'getProperty', path: `${SD}/organization/1/property/account-plan`, status: 200 },
  { op: 'createOrganization', method: 'POST', path: `${SD}/organization`, body: { name: 'Initech' }, status: 201 },
  {
    op: 'createCustomer',
    method: 'POST',
    path: `${SD}/customer`,
    body: { email: 'c@c.example', displayName: 'C' },
    status: 201,
  },
  { op: 'getQueues', path: `${SD}/servicedesk/1/queue?includeCount=true`, status: 200 },
  { op: 'getQueue', path: `${SD}/servicedesk/2/queue/8`, status: 200 },
  { op: 'getIssuesInQueue', path: `${SD}/servicedesk/1/queue/1/issue`, status: 200 },
];

let s: JsmSite;
beforeAll(async () => {
  s = await startJsmSite();
});
afterAll(() => s.sb.close());

describe('JSM responses validate against the spec', () => {
  it.each(cases.map((c) => [`${c.op} ${c.path.split('?')[0]} → ${c.status}`, c] as const))('%s', async (_n, c) => {
    const r = await s.call(c.method ?? 'GET', c.path, { body: c.body, as: c.as });
    expect({ status: r.status, body: r.status === c.status ? '' : r.body }).toEqual({ status: c.status, body: '' });
    const v = responseValidator(JSM, c.op, c.status);
    if (!v) return; // no JSON schema for this response in the spec
    const ok = v(r.body);
    expect(ok ? [] : v.errors!.slice(0, 5)).toEqual([]);
  });
});
