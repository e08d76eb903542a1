import * as z from 'zod';
import { inject, Prompt, PromptProvider } from '@atlassian-mcp/core';
import { JiraProjects } from '../client/jira-projects.js';
import { ProjectScope } from '../client/project-scope.js';

const triageArgs = z.object({ project: z.string().describe('Project key') });
const standupArgs = z.object({ days: z.string().optional().describe('How many days back (default 1)') });

/** Ready-made workflows that chain the Jira tools. */
@PromptProvider()
export class JiraPrompts {
  constructor(
    @inject(JiraProjects) private readonly projects: JiraProjects,
    @inject(ProjectScope) private readonly scope: ProjectScope,
  ) {}

  @Prompt({
    name: 'jira_triage',
    title: 'Triage new issues',
    description: 'Review unassigned, unresolved issues of a project and propose priority and owner for each',
    args: triageArgs,
    complete: { project: 'completeProject' },
    targets: { project: 'project' },
  })
  async triage(args: z.infer<typeof triageArgs>): Promise<string> {
    return [
      `Triage the Jira project ${args.project}.`,
      `1. Call jira_search with jql: project = "${args.project}" AND assignee IS EMPTY AND resolution IS EMPTY ORDER BY created DESC`,
      '2. For each issue, read it with jira_get_issue (comments=3).',
      '3. Propose a priority and an owner (jira_search_users with the project finds assignable people) with one line of reasoning each.',
      '4. Ask me before changing anything; then apply with jira_update_issue and jira_assign_issue.',
    ].join('\n');
  }

  @Prompt({
    name: 'jira_standup',
    title: 'My stand-up',
    description: 'Summarise what I worked on recently and what is next, from my Jira issues and worklogs',
    args: standupArgs,
  })
  async standup(args: z.infer<typeof standupArgs>): Promise<string> {
    const days = Number(args.days ?? '1') || 1;
    return [
      'Prepare my stand-up update from Jira.',
      `1. jira_search with jql: assignee = currentUser() AND updated >= -${days}d ORDER BY updated DESC`,
      '2. For the most relevant issues, jira_get_issue with include=["worklogs"] to see what changed and the time logged.',
      '3. Write three short sections: Done, Doing, Blocked, citing issue keys.',
    ].join('\n');
  }

  async completeProject(prefix: string): Promise<string[]> {
    const page = await this.projects.search(undefined, 0, 100);
    return (page.values ?? [])
      .map((p) => p.key ?? '')
      .filter((k) => k.startsWith(prefix.toUpperCase()) && this.scope.allows(k));
  }
}
