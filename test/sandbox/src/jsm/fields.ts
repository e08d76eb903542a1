// The Jira custom fields JSM adds to the site (ids fixed for the sandbox; on a real site they vary,
// which is why clients discover them by name or from the request type's field list).
export const JSM_FIELD = {
  requestType: 'customfield_10010',
  participants: 'customfield_10050',
  organizations: 'customfield_10051',
  approvals: 'customfield_10052',
  satisfaction: 'customfield_10053',
  timeToFirstResponse: 'customfield_10054',
  timeToResolution: 'customfield_10055',
  impact: 'customfield_10060',
  urgency: 'customfield_10061',
  hardwareType: 'customfield_10062',
  application: 'customfield_10063',
  department: 'customfield_10064',
  employeeEmail: 'customfield_10065',
  leaveType: 'customfield_10066',
  /** An Assets object field (com.atlassian.jira.plugins.cmdb:cmdb-object-cftype). */
  affectedAssets: 'customfield_10070',
  startDate: 'customfield_10015',
} as const;

export const SD = 'com.atlassian.servicedesk';
export const CMDB_FIELD_TYPE = 'com.atlassian.jira.plugins.cmdb:cmdb-object-cftype';

/** How an Assets field value is stored on the issue (and shown by `GET /rest/api/3/issue`). */
export interface AssetRef {
  workspaceId: string;
  id: string;
  objectId: string;
}
