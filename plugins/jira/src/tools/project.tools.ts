import * as z from 'zod';
import { inject, pager, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraProjects } from '../client/jira-projects.js';
import { ProjectScope } from '../client/project-scope.js';
import { compact } from '../view/display.js';
import { ProjectViews, renderProject, type ProjectView } from '../view/project-view.js';
import { pageOut } from '../view/outputs.js';
import { projectKeyOrId } from './ids.js';

const listInput = z.object({
  query: z.string().optional(),
  limit: z.number().int().optional(),
  cursor: z.string().optional(),
});
const listOutput = pageOut('projects');
type ProjectRow = { key: string; name: string; type?: string };
const getInput = z.object({ projectKey: projectKeyOrId });
const getOutput = z.looseObject({ key: z.string() });

/** Projects. */
@ToolProvider()
export class ProjectTools {
  constructor(
    @inject(JiraProjects) private readonly projects: JiraProjects,
    @inject(ProjectScope) private readonly scope: ProjectScope,
    @inject(ProjectViews) private readonly views: ProjectViews,
  ) {}

  @Tool({
    name: 'jira_list_projects',
    title: 'List projects',
    description: 'Projects I can see: key, name, type.',
    input: listInput,
    output: listOutput,
    readOnly: true,
    toolset: 'context',
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      `${kit.fence((out.projects as ProjectRow[]).map((p) => `${p.key} · ${p.name}${p.type ? ` (${p.type})` : ''}`).join('\n'), 'projects') || 'No projects.'}\n${kit.more({ shown: out.projects.length, total: out.total as number | undefined, nextCursor: out.nextCursor, noun: 'projects' })}`,
  })
  async listProjects(
    input: z.infer<typeof listInput>,
  ): Promise<{ projects: ProjectRow[]; total?: number; nextCursor?: string }> {
    const paging = pager('jira.projects', input.cursor, { query: input.query });
    const { startAt, maxResults } = paging.offset(Math.min(100, Math.max(1, input.limit ?? 50)));
    const page = await this.projects.search(input.query, startAt, maxResults);
    const { items: values, nextCursor } = paging.offsetPage<NonNullable<typeof page.values>[number]>(page);
    return {
      // Never compacted away: an empty page is still a page (the renderer and the schema expect it).
      projects: values
        .filter((p) => this.scope.allows(p.key ?? ''))
        .map((p) => compact({ key: p.key ?? '', name: p.name ?? '', type: p.projectTypeKey })),
      ...compact({
        total: this.scope.active ? undefined : page.total,
        nextCursor,
      }),
    };
  }

  @Tool({
    name: 'jira_get_project',
    title: 'Get project',
    description: 'A project: issue types, components, versions.',
    input: getInput,
    output: getOutput,
    readOnly: true,
    toolset: 'context',
    targets: { projectKey: 'project' },
    scopes: ['read:jira-work'],
    render: (out, kit) => renderProject(out as unknown as ProjectView, kit),
  })
  async getProject(input: z.infer<typeof getInput>): Promise<ProjectView> {
    return this.views.project(input.projectKey);
  }
}
