import { coreServices, inject, NotAllowedError, Service } from '@atlassian-mcp/core';
import { scopeJql } from './jql-scope.js';

/**
 * The configured project allowlist (`allow.projects`), for the paths core's pipeline does not
 * see: JQL (any project can be named in it) and resource reads.
 */
@Service()
export class ProjectScope {
  private readonly projects: readonly string[] | undefined;

  constructor(@inject(coreServices.rootConfig) config: { readonly allow?: { readonly projects?: readonly string[] } }) {
    const list = config.allow?.projects?.map((p) => p.toUpperCase());
    this.projects = list && list.length > 0 ? list : undefined;
  }

  /** True when an allowlist is configured. */
  get active(): boolean {
    return this.projects !== undefined;
  }

  /** True when the project (or the project of an issue key) may be touched. */
  allows(projectOrIssueKey: string): boolean {
    if (!this.projects) return true;
    const project = projectOrIssueKey.includes('-')
      ? projectOrIssueKey.slice(0, projectOrIssueKey.lastIndexOf('-'))
      : projectOrIssueKey;
    return this.projects.includes(project.toUpperCase());
  }

  assert(projectOrIssueKey: string): void {
    if (!this.allows(projectOrIssueKey)) {
      throw new NotAllowedError(`${projectOrIssueKey} is outside the configured project allowlist.`, {
        hint: `Allowed projects: ${this.projects!.join(', ')}.`,
      });
    }
  }

  /** The query, confined to the allowed projects. */
  jql(query: string): string {
    return scopeJql(query, this.projects);
  }
}
