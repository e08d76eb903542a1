// Every response the sandbox produces for a simulated operation validates against the
// spec's response schema for that status.
import { responseValidator, startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';

const PLATFORM = 'jira-platform-v3';
const AGILE = 'jira-software-agile';

interface Case {
  api?: string;
  op: string;
  method?: string;
  path: string | (() => string);
  body?: unknown;
  status: number;
}

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const cases: Case[] = [
  { op: 'getCurrentUser', path: '/rest/api/3/myself?expand=groups', status: 200 },
  { op: 'getServerInfo', path: '/rest/api/3/serverInfo', status: 200 },
  { op: 'getIssue', path: '/rest/api/3/issue/NOVA-2', status: 200 },
  { op: 'getIssue', path: '/rest/api/3/issue/NOVA-2?expand=names,schema,renderedFields,changelog', status: 200 },
  { op: 'getIssue', path: '/rest/api/3/issue/OPS-1?fields=summary,-comment', status: 200 },
  { op: 'getIssue', path: '/rest/api/3/issue/NOVA-999', status: 404 },
  {
    op: 'createIssue',
    method: 'POST',
    path: '/rest/api/3/issue',
    body: { fields: { project: { key: 'NOVA' }, issuetype: { name: 'Task' }, summary: 'Contract test' } },
    status: 201,
  },
  {
    op: 'createIssue',
    method: 'POST',
    path: '/rest/api/3/issue',
    body: { fields: { project: { key: 'NOVA' }, issuetype: { name: 'Bug' }, summary: 'No severity' } },
    status: 400,
  },
  {
    op: 'createIssues',
    method: 'POST',
    path: '/rest/api/3/issue/bulk',
    body: { issueUpdates: [{ fields: { project: { key: 'MKT' }, issuetype: { name: 'Task' }, summary: 'Bulk one' } }] },
    status: 201,
  },
  {
    op: 'editIssue',
    method: 'PUT',
    path: '/rest/api/3/issue/NOVA-2?returnIssue=true',
    body: { fields: { summary: 'Edited' } },
    status: 200,
  },
  { op: 'getEditIssueMeta', path: '/rest/api/3/issue/NOVA-7/editmeta', status: 200 },
  { op: 'getCreateIssueMetaIssueTypes', path: '/rest/api/3/issue/createmeta/NOVA/issuetypes', status: 200 },
  { op: 'getCreateIssueMetaIssueTypeId', path: '/rest/api/3/issue/createmeta/NOVA/issuetypes/10003', status: 200 },
  { op: 'getTransitions', path: '/rest/api/3/issue/OPS-5/transitions?expand=transitions.fields', status: 200 },
  { op: 'getComments', path: '/rest/api/3/issue/NOVA-2/comment?expand=renderedBody', status: 200 },
  {
    op: 'addComment',
    method: 'POST',
    path: '/rest/api/3/issue/NOVA-2/comment',
    body: { body: adf('Hi'), visibility: { type: 'role', value: 'Developers' } },
    status: 201,
  },
  { op: 'getIssueWorklog', path: '/rest/api/3/issue/NOVA-3/worklog', status: 200 },
  {
    op: 'addWorklog',
    method: 'POST',
    path: '/rest/api/3/issue/NOVA-3/worklog',
    body: { timeSpent: '1h 30m', comment: adf('Pairing') },
    status: 201,
  },
  { op: 'getIssueLinkTypes', path: '/rest/api/3/issueLinkType', status: 200 },
  { op: 'getRemoteIssueLinks', path: '/rest/api/3/issue/NOVA-2/remotelink', status: 200 },
  {
    op: 'createOrUpdateRemoteIssueLink',
    method: 'POST',
    path: '/rest/api/3/issue/NOVA-2/remotelink',
    body: { object: { url: 'https://example.com/x', title: 'Example' } },
    status: 201,
  },
  { op: 'getIssueWatchers', path: '/rest/api/3/issue/NOVA-2/watchers', status: 200 },
  { op: 'getChangeLogs', path: '/rest/api/3/issue/NOVA-2/changelog', status: 200 },
  { op: 'getIssuePickerResource', path: '/rest/api/3/issue/picker?query=offline', status: 200 },
  { op: 'findUsers', path: '/rest/api/3/user/search?query=maya', status: 200 },
  { op: 'findAssignableUsers', path: '/rest/api/3/user/assignable/search?project=NOVA', status: 200 },
  {
    op: 'getUser',
    path: () => `/rest/api/3/user?accountId=${encodeURIComponent(sb.credentials.accountId)}`,
    status: 200,
  },
  {
    op: 'bulkGetUsers',
    path: () => `/rest/api/3/user/bulk?accountId=${encodeURIComponent(sb.credentials.accountId)}`,
    status: 200,
  },
  { op: 'searchProjects', path: '/rest/api/3/project/search?expand=description,lead,issueTypes,insight', status: 200 },
  { op: 'getProject', path: '/rest/api/3/project/NOVA', status: 200 },
  { op: 'getAllProjects', path: '/rest/api/3/project', status: 200 },
  { op: 'getProjectComponents', path: '/rest/api/3/project/NOVA/components', status: 200 },
  { op: 'getProjectVersions', path: '/rest/api/3/project/NOVA/versions', status: 200 },
  {
    op: 'createVersion',
    method: 'POST',
    path: '/rest/api/3/version',
    body: { name: '9.9.9', projectId: 10000, releaseDate: '2027-01-31' },
    status: 201,
  },
  {
    op: 'createComponent',
    method: 'POST',
    path: '/rest/api/3/component',
    body: { name: 'Watch app', project: 'NOVA' },
    status: 201,
  },
  { op: 'getStatuses', path: '/rest/api/3/status', status: 200 },
  { op: 'getStatusCategories', path: '/rest/api/3/statuscategory', status: 200 },
  { op: 'getPriorities', path: '/rest/api/3/priority', status: 200 },
  { op: 'getResolutions', path: '/rest/api/3/resolution', status: 200 },
  { op: 'getIssueAllTypes', path: '/rest/api/3/issuetype', status: 200 },
  { op: 'getAllLabels', path: '/rest/api/3/label', status: 200 },
  { op: 'getFields', path: '/rest/api/3/field', status: 200 },
  { op: 'getFieldsPaginated', path: '/rest/api/3/field/search?type=custom', status: 200 },
  { op: 'getAttachmentMeta', path: '/rest/api/3/attachment/meta', status: 200 },
  { op: 'getAttachment', path: '/rest/api/3/attachment/10000', status: 200 },
  {
    op: 'searchAndReconsileIssuesUsingJql',
    path: `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&fields=*all&maxResults=20&expand=names,schema`,
    status: 200,
  },
  {
    op: 'searchAndReconsileIssuesUsingJqlPost',
    method: 'POST',
    path: '/rest/api/3/search/jql',
    body: { jql: 'project = OPS', fields: ['summary', 'status'], maxResults: 5 },
    status: 200,
  },
  {
    op: 'searchAndReconsileIssuesUsingJql',
    path: `/rest/api/3/search/jql?jql=${encodeURIComponent('nope = 1')}`,
    status: 400,
  },
  {
    op: 'countIssues',
    method: 'POST',
    path: '/rest/api/3/search/approximate-count',
    body: { jql: 'project = NOVA' },
    status: 200,
  },
  {
    op: 'parseJqlQueries',
    method: 'POST',
    path: '/rest/api/3/jql/parse?validation=strict',
    body: { queries: ['project = NOVA AND labels in (a, b) ORDER BY created DESC', 'invalid query'] },
    status: 200,
  },
  { api: AGILE, op: 'getAllBoards', path: '/rest/agile/1.0/board', status: 200 },
  { api: AGILE, op: 'getBoard', path: '/rest/agile/1.0/board/1', status: 200 },
  { api: AGILE, op: 'getConfiguration', path: '/rest/agile/1.0/board/1/configuration', status: 200 },
  { api: AGILE, op: 'getIssuesForBoard', path: '/rest/agile/1.0/board/1/issue?maxResults=10', status: 200 },
  { api: AGILE, op: 'getIssuesForBacklog', path: '/rest/agile/1.0/board/1/backlog', status: 200 },
  { api: AGILE, op: 'getIssuesForSprint', path: '/rest/agile/1.0/sprint/5/issue', status: 200 },
  { api: AGILE, op: 'getIssuesForEpic', path: '/rest/agile/1.0/epic/NOVA-1/issue', status: 200 },
];

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());

describe('responses validate against the spec', () => {
  it.each(
    cases.map((c) => [`${c.op} ${typeof c.path === 'string' ? c.path.split('?')[0] : ''} → ${c.status}`, c] as const),
  )('%s', async (_name, c) => {
    const path = typeof c.path === 'function' ? c.path() : c.path;
    const res = await sb.fetch(path, {
      method: c.method ?? 'GET',
      headers: {
        authorization: sb.basicAuth(),
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: c.body !== undefined ? JSON.stringify(c.body) : undefined,
    });
    const text = await res.text();
    expect({ status: res.status, text: res.status === c.status ? '' : text }).toEqual({ status: c.status, text: '' });
    const v = responseValidator(c.api ?? PLATFORM, c.op, c.status);
    if (!v) return; // the spec declares no JSON schema for this response
    const ok = v(JSON.parse(text));
    expect(ok ? [] : v.errors!.slice(0, 5)).toEqual([]);
  });
});
