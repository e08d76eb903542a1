import { definePlugin, PLUGIN_API_VERSION } from '@atlassian-mcp/core';
import { JiraAgile } from './client/jira-agile.js';
import { JiraComments } from './client/jira-comments.js';
import { JiraFields } from './client/jira-fields.js';
import { JiraIssues } from './client/jira-issues.js';
import { JiraProjects } from './client/jira-projects.js';
import { JiraSearch } from './client/jira-search.js';
import { ProjectScope } from './client/project-scope.js';
import { JiraContainers } from './client/jira-containers.js';
import { JiraUsers } from './client/jira-users.js';
import { JiraWorklogs } from './client/jira-worklogs.js';
import { JiraLinks } from './client/jira-links.js';
import { JiraAttachments } from './client/jira-attachments.js';
import { JiraWatchers } from './client/jira-watchers.js';
import { JiraVersions } from './client/jira-versions.js';
import { SprintDirectory } from './client/sprint-directory.js';
import { jiraConfigSchema } from './config.js';
import { JiraRichText } from './content/jira-rich-text.js';
import { FieldCatalog } from './fields/field-catalog.js';
import { FieldValueResolver } from './fields/field-value-resolver.js';
import { IssueDrafts } from './fields/issue-drafts.js';
import { IssueFieldResolver } from './fields/issue-field-resolver.js';
import { IssueWorkflow } from './fields/issue-workflow.js';
import { SprintResolver } from './fields/sprint-resolver.js';
import { TeamResolver } from './fields/team-resolver.js';
import { UserResolver } from './fields/user-resolver.js';
import { CommentTools } from './tools/comment.tools.js';
import { FieldTools } from './tools/field.tools.js';
import { IssueSearchTools } from './tools/issue-search.tools.js';
import { IssueTools } from './tools/issue.tools.js';
import { ProjectTools } from './tools/project.tools.js';
import { TransitionTools } from './tools/transition.tools.js';
import { UserTools } from './tools/user.tools.js';
import { WorklogTools } from './tools/worklog.tools.js';
import { AgileTools } from './tools/agile.tools.js';
import { LinkTools } from './tools/link.tools.js';
import { AttachmentTools } from './tools/attachment.tools.js';
import { WatcherTools } from './tools/watcher.tools.js';
import { HistoryTools } from './tools/history.tools.js';
import { VersionTools } from './tools/version.tools.js';
import { AdminTools } from './tools/admin.tools.js';
import { BulkTools } from './tools/bulk.tools.js';
import { AttachmentResources } from './resources/attachment.resources.js';
import { IssueActivity } from './view/issue-activity.js';
import { IssueViews } from './view/issue-views.js';
import { ProjectViews } from './view/project-view.js';
import { JiraResources } from './resources/jira.resources.js';
import { SprintResources } from './resources/sprint.resources.js';
import { UserResources } from './resources/user.resources.js';

export { jiraConfigSchema, type JiraConfig } from './config.js';

/** The Jira plugin: issues, context and worklogs by default; agile, links, attachments and more opt-in. */
export default definePlugin({
  id: 'jira',
  apiVersion: PLUGIN_API_VERSION,
  toolPrefix: 'jira_',
  description: 'Jira Cloud: issues, JQL search, custom fields by name, comments, worklogs',
  products: ['jira'],
  config: jiraConfigSchema,
  defaultToolsets: ['issues', 'context', 'worklogs'],
  toolsets: {
    issues: 'Search, read, create, update, transition, assign and comment on issues',
    context: 'Current user, users, projects, create fields, field search',
    worklogs: 'Log and list work',
    agile: 'Boards, sprints (create/update/start/close), sprint/board/backlog/epic issues, move, rank',
    links: 'Link issues, remove links, link types, web links',
    attachments: 'List and attach files; read them as jira://attachment resources',
    watchers: 'List, add and remove watchers',
    history: 'Issue change history',
    versions: 'Versions (create/update/release) and components',
    'admin-destructive': 'Delete issues, comments, worklogs, attachments (confirmed)',
    bulk: 'Create up to 50 issues or transition many, with progress',
  },
  // allow.projects holds on what a call touches: JiraContainers finds each reference's project.
  scope: { allow: 'projects', resolver: JiraContainers },
  services: [
    ProjectScope,
    JiraContainers,
    JiraIssues,
    JiraSearch,
    JiraComments,
    JiraWorklogs,
    JiraUsers,
    JiraProjects,
    JiraFields,
    JiraAgile,
    JiraLinks,
    JiraAttachments,
    JiraWatchers,
    JiraVersions,
    JiraRichText,
    FieldCatalog,
    UserResolver,
    SprintResolver,
    SprintDirectory,
    TeamResolver,
    FieldValueResolver,
    IssueFieldResolver,
    IssueDrafts,
    IssueWorkflow,
    IssueViews,
    ProjectViews,
    IssueActivity,
  ],
  toolProviders: [
    IssueSearchTools,
    IssueTools,
    TransitionTools,
    CommentTools,
    UserTools,
    ProjectTools,
    FieldTools,
    WorklogTools,
    AgileTools,
    LinkTools,
    AttachmentTools,
    WatcherTools,
    HistoryTools,
    VersionTools,
    AdminTools,
    BulkTools,
  ],
  resourceProviders: [JiraResources, SprintResources, UserResources, AttachmentResources],
});
