/** OAuth scopes the plugin's tools declare (classic JSM scopes, as the seed asked for, plus Assets). */
export const SCOPE = {
  read: 'read:servicedesk-request',
  write: 'write:servicedesk-request',
  customers: 'manage:servicedesk-customer',
  knowledgeBase: 'read:knowledgebase:jira-service-management',
  /** JSM's SLA and queue endpoints want Jira's read scope. */
  jiraRead: 'read:jira-work',
  /** A new customer is looked up in the site's user directory when the create's answer was lost. */
  jiraUsers: 'read:jira-user',
  assetsObjects: 'read:cmdb-object:jira',
  assetsSchemas: 'read:cmdb-schema:jira',
  assetsTypes: 'read:cmdb-type:jira',
  assetsAttributes: 'read:cmdb-attribute:jira',
  assetsWrite: 'write:cmdb-object:jira',
} as const;

/** What each toolset needs granted, for `servicedesk_check_availability`. */
export const TOOLSET_SCOPES: Record<string, string[]> = {
  requests: [SCOPE.read, SCOPE.write, SCOPE.jiraRead, SCOPE.knowledgeBase],
  approvals: [SCOPE.read, SCOPE.write],
  participants: [SCOPE.read, SCOPE.write],
  customers: [SCOPE.read, SCOPE.customers, SCOPE.jiraUsers],
  queues: [SCOPE.read, SCOPE.jiraRead],
  attachments: [SCOPE.read, SCOPE.write],
  feedback: [SCOPE.read],
  assets: [
    SCOPE.read,
    SCOPE.assetsObjects,
    SCOPE.assetsSchemas,
    SCOPE.assetsTypes,
    SCOPE.assetsAttributes,
    SCOPE.assetsWrite,
    SCOPE.jiraRead,
  ],
};
