import { coreServices, inject, Service, type ServiceToken } from '@atlassian-mcp/core';

/** Core's scope service for this plugin (typed through its token: the plugin API stays small). */
type ScopeService = typeof coreServices.scope extends ServiceToken<infer T> ? T : never;

export const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_]*)-\d+$/;

/**
 * The project allowlist (`allow.projects`) as the Jira client sees it: core's scope service for
 * this plugin. Queries are confined by it; lists are filtered by it.
 */
@Service()
export class ProjectScope {
  constructor(@inject(coreServices.scope) private readonly scope: ScopeService) {}

  /** True when an allowlist is configured. */
  get active(): boolean {
    return this.scope.active;
  }

  /** For a list just read from Jira: is this project key (or current issue key) allowed? */
  allows(projectOrIssueKey: string): boolean {
    const allowed = this.scope.allowed;
    if (!allowed) return true;
    const m = ISSUE_KEY.exec(projectOrIssueKey);
    return allowed.includes((m ? m[1]! : projectOrIssueKey).toUpperCase());
  }

  /** The query, confined to the allowed projects. */
  jql(query: string): string {
    return this.scope.constrain('jql', query);
  }
}
