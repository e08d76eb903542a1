import type { Sandbox } from '@atlassian-mcp/sandbox';
import { rest, type Samples } from './tool-samples.js';

/** One call of a write tool that succeeds on a freshly reset sandbox (after `setup`). */
export interface WriteExample {
  args: Record<string, unknown>;
  /** Brings the sandbox to where the call makes sense (runs after each reset). */
  setup?: (sandbox: Sandbox) => Promise<void>;
}

/**
 * An example call for every write tool of every plugin in `plugins.ts`. The fault-matrix test
 * fails for a write tool that has none, so each new plugin adds its own here.
 */
export function writeExamples(s: Samples): Record<string, WriteExample> {
  const closeActiveSprint = async (sb: Sandbox) => {
    await rest(sb, 'POST', `/rest/agile/1.0/sprint/${String(s.activeSprintId)}`, { state: 'closed' });
  };
  const jira: Record<string, Record<string, unknown>> = {
    jira_add_attachment: { issueKey: s.issueKey, base64: s.base64, filename: 'fault-matrix.txt' },
    jira_add_comment: { issueKey: s.issueKey, body: 'Fault matrix comment' },
    jira_add_watcher: { issueKey: s.issueKey, user: s.otherUser },
    jira_add_web_link: { issueKey: s.issueKey, url: 'https://example.com/fault-matrix', title: 'Fault matrix' },
    jira_add_worklog: { issueKey: s.issueKey, timeSpent: '1h', started: '2026-10-02T10:00:00.000+0000' },
    jira_assign_issue: { issueKey: s.issueKey, assignee: s.otherUser },
    jira_bulk_create_issues: {
      project: s.project,
      issues: [{ summary: 'Fault matrix A' }, { summary: 'Fault matrix B' }],
    },
    jira_bulk_transition: { issueKeys: [s.issueKey], to: s.to },
    jira_close_sprint: { sprintId: s.activeSprintId },
    jira_create_component: { project: s.project, name: 'Fault matrix component' },
    jira_create_issue: { project: s.project, summary: 'Fault matrix issue' },
    jira_create_sprint: { boardId: s.boardId, name: 'Fault matrix sprint' },
    jira_create_version: { project: s.project, name: 'Fault matrix 9.9' },
    jira_delete_attachment: { attachmentId: s.attachmentId },
    jira_delete_comment: { issueKey: s.issueKey, commentId: s.commentId },
    jira_delete_issue: { issueKey: s.issueKey },
    jira_delete_worklog: { issueKey: s.issueKey, worklogId: s.worklogId },
    jira_edit_comment: { issueKey: s.issueKey, commentId: s.commentId, body: 'Edited by the fault matrix' },
    jira_link_issues: { issueKey: s.issueKey, type: 'blocks', otherKey: s.otherKey },
    jira_move_issues: { issues: [s.issueKey], sprintId: s.sprintId },
    jira_rank_issues: { issues: [s.issueKey], before: s.otherKey },
    jira_remove_link: { issueKey: s.linkedKey, otherKey: s.linkedOtherKey },
    jira_remove_watcher: { issueKey: s.issueKey, user: 'me' },
    jira_transition_issue: { issueKey: s.issueKey, to: s.to },
    jira_update_issue: { issueKey: s.issueKey, summary: 'Updated by the fault matrix' },
    jira_update_sprint: { sprintId: s.sprintId, goal: 'Fault matrix goal' },
    jira_update_version: { versionId: s.versionId, description: 'Updated by the fault matrix' },
  };
  const confluence: Record<string, Record<string, unknown>> = {
    confluence_add_comment: { pageId: s.pageId, body: 'Fault matrix comment' },
    confluence_archive_page: { pageId: s.wikiLeafId },
    confluence_copy_page: { pageId: s.wikiLeafId, parentId: s.wikiTargetId, title: 'Fault matrix copy' },
    confluence_create_blog_post: { spaceKey: s.spaceKey, title: 'Fault matrix post', body: 'Fault **matrix**' },
    confluence_create_page: { spaceKey: s.spaceKey, title: 'Fault matrix page', body: 'Fault **matrix**' },
    confluence_create_page_from_template: { templateId: '2490369', title: 'Fault matrix notes', spaceKey: s.spaceKey },
    confluence_delete_attachment: { attachmentId: s.wikiAttachmentId },
    confluence_delete_comment: { commentId: s.wikiCommentId },
    confluence_delete_page: { pageId: s.wikiLeafId },
    confluence_move_page: { pageId: s.wikiLeafId, targetId: s.wikiTargetId },
    confluence_restore_page_version: { pageId: s.pageId, version: 1 },
    confluence_update_comment: { commentId: s.wikiCommentId, body: 'Edited by the fault matrix' },
    confluence_update_labels: { pageId: s.pageId, add: ['fault-matrix'], remove: ['engineering'] },
    confluence_update_page: { pageId: s.pageId, mode: 'append', body: 'Fault matrix line' },
    confluence_upload_attachment: { pageId: s.pageId, base64: s.base64, filename: 'fault-matrix.txt' },
  };
  // Service Management: ITS-9 waits for support on the IT desk (its portal offers "Cancel request").
  // ITS-15 awaits the site admin's (Maya's) approval; organization 3 is "New Hires 2026".
  const serviceDesk: Record<string, Record<string, unknown>> = {
    servicedesk_add_comment: { issueKey: 'ITS-9', body: 'Fault matrix note', public: false },
    servicedesk_create_request: { serviceDeskId: s.serviceDeskId, requestTypeId: '1', summary: 'Fault matrix request' },
    servicedesk_transition_request: { issueKey: 'ITS-9', transition: 'Cancel request' },
    servicedesk_approve_request: { issueKey: 'ITS-15', decision: 'approve' },
    servicedesk_add_participants: { issueKey: 'ITS-9', accountIds: [s.otherAccountId] },
    servicedesk_manage_notifications: { issueKey: 'ITS-9', subscribe: false },
    servicedesk_create_customer: { email: 'fault.matrix@partner.example', displayName: 'Fault Matrix' },
    servicedesk_add_customers: { serviceDeskId: '2', accountIds: [s.otherAccountId] },
    servicedesk_add_organization_customers: { organizationId: '3', accountIds: [s.otherAccountId] },
    servicedesk_add_attachment: { issueKey: 'ITS-9', public: false, base64: s.base64, filename: 'fault-matrix.txt' },
    servicedesk_create_asset: { objectType: 'Server', attributes: { Name: 'fault-matrix-01' } },
    servicedesk_update_asset: { objectId: 'ITAM-9', attributes: { Environment: 'Staging' } },
  };
  const addParticipant = async (sb: Sandbox) => {
    await rest(sb, 'POST', '/rest/servicedeskapi/request/ITS-9/participant', { accountIds: [s.otherAccountId] });
  };
  return {
    ...Object.fromEntries(
      Object.entries({ ...jira, ...confluence, ...serviceDesk }).map(([name, args]) => [name, { args }]),
    ),
    servicedesk_remove_participants: {
      args: { issueKey: 'ITS-9', accountIds: [s.otherAccountId] },
      setup: addParticipant,
    },
    jira_start_sprint: { args: { sprintId: s.sprintId }, setup: closeActiveSprint },
  };
}
