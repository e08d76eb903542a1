import {
  inject,
  Resource,
  ResourceProvider,
  type ListedResource,
  type ResourceContent,
  type ResourceContext,
} from '@atlassian-mcp/core';
import { JiraIssues } from '../client/jira-issues.js';
import { JiraProjects } from '../client/jira-projects.js';
import { JiraSearch } from '../client/jira-search.js';
import { ProjectScope } from '../client/project-scope.js';
import { IssueActivity } from '../view/issue-activity.js';
import { renderIssue } from '../view/issue-render.js';
import { IssueViews } from '../view/issue-views.js';
import { ProjectViews, renderProject } from '../view/project-view.js';

const RECENT_JQL = 'updated >= -30d ORDER BY updated DESC';

/** `jira://project/{key}` and `jira://issue/{key}`, listed and completed. */
@ResourceProvider()
export class JiraResources {
  constructor(
    @inject(JiraIssues) private readonly issues: JiraIssues,
    @inject(JiraProjects) private readonly projects: JiraProjects,
    @inject(JiraSearch) private readonly search: JiraSearch,
    @inject(IssueViews) private readonly views: IssueViews,
    @inject(IssueActivity) private readonly activity: IssueActivity,
    @inject(ProjectScope) private readonly scope: ProjectScope,
    @inject(ProjectViews) private readonly projectViews: ProjectViews,
  ) {}

  @Resource({
    name: 'jira-issue',
    uri: 'jira://issue/{key}',
    title: 'Jira issue',
    description: 'An issue as compact Markdown: fields, description, latest comments',
    mimeType: 'text/markdown',
    list: 'listIssues',
    complete: { key: 'completeIssueKey' },
    scopes: ['read:jira-work'],
    targets: { key: 'issue' },
  })
  async readIssue(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const issue = await this.issues.get(variables.key, { expand: ['names', 'schema'] });
    const detail = await this.views.detail(issue);
    const comments = await this.activity.commentPage(detail.key, 5);
    const text = renderIssue({ ...detail, comments: comments.total > 0 ? comments : undefined }, ctx.render);
    return [{ uri: uri.href, mimeType: 'text/markdown', text }];
  }

  async listIssues(): Promise<ListedResource[]> {
    const page = await this.search.page({ jql: RECENT_JQL, fields: ['summary'], maxResults: 50 });
    return (page.issues ?? []).map((i) => ({
      uri: `jira://issue/${i.key}`,
      name: i.key ?? '',
      title: `${i.key} ${String(i.fields?.summary ?? '')}`,
      mimeType: 'text/markdown',
    }));
  }

  async completeIssueKey(prefix: string): Promise<string[]> {
    const value = prefix.trim().toUpperCase();
    const dash = value.indexOf('-');
    if (dash < 1) return (await this.completeProjectKey(value)).map((k) => `${k}-`);
    const project = value.slice(0, dash);
    if (!/^[A-Z][A-Z0-9_]*$/.test(project)) return [];
    const page = await this.search.page({
      jql: `project = "${project}" ORDER BY updated DESC`,
      fields: ['summary'],
      maxResults: 100,
    });
    return (page.issues ?? []).map((i) => i.key ?? '').filter((k) => k.startsWith(value));
  }

  @Resource({
    name: 'jira-project',
    uri: 'jira://project/{key}',
    title: 'Jira project',
    description: 'A project: lead, issue types, components, versions',
    mimeType: 'text/markdown',
    list: 'listProjects',
    complete: { key: 'completeProjectKey' },
    scopes: ['read:jira-work'],
    targets: { key: 'project' },
  })
  async readProject(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const text = `# ${renderProject(await this.projectViews.project(variables.key), ctx.render)}`;
    return [{ uri: uri.href, mimeType: 'text/markdown', text }];
  }

  async listProjects(): Promise<ListedResource[]> {
    const page = await this.projects.search(undefined, 0, 50);
    return (page.values ?? [])
      .filter((p) => this.scope.allows(p.key ?? ''))
      .map((p) => ({
        uri: `jira://project/${p.key}`,
        name: p.key ?? '',
        title: `${p.key} ${p.name}`,
        mimeType: 'text/markdown',
      }));
  }

  async completeProjectKey(prefix: string): Promise<string[]> {
    const value = prefix.trim().toUpperCase();
    const page = await this.projects.search(undefined, 0, 100);
    return (page.values ?? []).map((p) => p.key ?? '').filter((k) => k.startsWith(value) && this.scope.allows(k));
  }
}
