import { inject, Service, type RenderKit } from '@atlassian-mcp/core';
import { JiraProjects } from '../client/jira-projects.js';
import { compact, personName } from './display.js';

/** A project as the model reads it: the tool and the `jira://project/{key}` resource share it. */
export type ProjectView = {
  key: string;
  name: string;
  type?: string;
  lead?: string;
  issueTypes: string[];
  components: string[];
  versions: Array<{ name: string; released?: boolean; releaseDate?: string }>;
};

/** Reads a project with its components and (unarchived) versions. */
@Service()
export class ProjectViews {
  constructor(@inject(JiraProjects) private readonly projects: JiraProjects) {}

  async project(key: string): Promise<ProjectView> {
    const [project, components, versions] = await Promise.all([
      this.projects.get(key),
      this.projects.components(key),
      this.projects.versions(key),
    ]);
    return compact({
      key: project.key ?? key,
      name: project.name ?? '',
      type: project.projectTypeKey,
      lead: personName(project.lead),
      issueTypes: (project.issueTypes ?? []).map((t) => t.name ?? '').filter(Boolean),
      components: components.map((c) => c.name ?? '').filter(Boolean),
      versions: versions
        .filter((v) => !v.archived)
        .map((v) => compact({ name: v.name ?? '', released: v.released, releaseDate: v.releaseDate })),
    });
  }
}

/** Header lines of facts; every name in them (written by project admins and users) inlined. */
export function renderProject(p: ProjectView, kit: RenderKit): string {
  const names = (list: string[]) => list.map((n) => kit.inline(n, 80)).join(', ');
  return [
    `${p.key} · ${kit.inline(p.name)}${p.type ? ` (${kit.inline(p.type)})` : ''}${p.lead ? ` · lead ${kit.inline(p.lead)}` : ''}`,
    `issue types: ${names(p.issueTypes ?? [])}`,
    (p.components?.length ?? 0) > 0 && `components: ${names(p.components)}`,
    (p.versions?.length ?? 0) > 0 &&
      `versions: ${p.versions.map((v) => `${kit.inline(v.name, 80)}${v.released ? ' (released)' : ''}`).join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}
