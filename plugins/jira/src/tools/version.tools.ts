import * as z from 'zod';
import { InputError, inject, Tool, ToolProvider } from '@atlassian-mcp/core';
import { JiraProjects } from '../client/jira-projects.js';
import { JiraVersions, type Version } from '../client/jira-versions.js';
import { UserResolver } from '../fields/user-resolver.js';
import { compact } from '../view/display.js';
import { itemOut, listOut } from '../view/outputs.js';
import { numericId, projectKeyOrId } from './ids.js';

const listInput = z.object({
  project: projectKeyOrId,
  released: z.boolean().optional().describe('Only released (true) or unreleased (false)'),
});
const createInput = z.object({
  project: projectKeyOrId,
  name: z.string(),
  description: z.string().optional(),
  startDate: z.string().optional(),
  releaseDate: z.string().optional(),
});
const updateInput = z.object({
  versionId: numericId,
  name: z.string().optional(),
  description: z.string().optional(),
  releaseDate: z.string().optional(),
  released: z.boolean().optional().describe('true releases it'),
  archived: z.boolean().optional(),
});
const componentInput = z.object({
  project: projectKeyOrId,
  name: z.string(),
  description: z.string().optional(),
  lead: z.string().optional().describe('Email or name'),
});

type VersionRow = {
  id: string;
  name: string;
  released?: boolean;
  archived?: boolean;
  releaseDate?: string;
  description?: string;
};

/** Versions (releases) and components. */
@ToolProvider()
export class VersionTools {
  constructor(
    @inject(JiraVersions) private readonly versions: JiraVersions,
    @inject(JiraProjects) private readonly projects: JiraProjects,
    @inject(UserResolver) private readonly users: UserResolver,
  ) {}

  @Tool({
    name: 'jira_list_versions',
    title: 'List versions',
    description: 'Versions of a project with release state and dates.',
    input: listInput,
    output: listOut('versions'),
    readOnly: true,
    toolset: 'versions',
    targets: { project: 'project' },
    scopes: ['read:jira-work'],
    render: (out, kit) =>
      kit.fence((out.versions as VersionRow[]).map((v) => versionLine(v)).join('\n'), 'versions') || 'No versions.',
  })
  async listVersions(input: z.infer<typeof listInput>) {
    const all = await this.projects.versions(input.project);
    return {
      versions: all
        .filter((v) => input.released === undefined || (v.released ?? false) === input.released)
        .map(versionRow),
    };
  }

  @Tool({
    name: 'jira_create_version',
    title: 'Create version',
    description: 'Create a version (release) in a project.',
    input: createInput,
    output: itemOut,
    readOnly: false,
    toolset: 'versions',
    targets: { project: 'project' },
    scopes: ['manage:jira-project'],
    render: (out, kit) => `Created version ${versionLine(out as unknown as VersionRow, kit.inline)}`,
  })
  async createVersion(input: z.infer<typeof createInput>) {
    const { project, ...rest } = input;
    return versionRow(await this.versions.createVersion({ project, ...rest }));
  }

  @Tool({
    name: 'jira_update_version',
    title: 'Update version',
    description: 'Rename, re-date, release or archive a version.',
    input: updateInput,
    output: itemOut,
    readOnly: false,
    idempotent: true,
    toolset: 'versions',
    targets: { versionId: 'version' },
    scopes: ['manage:jira-project'],
    render: (out, kit) => `Updated version ${versionLine(out as unknown as VersionRow, kit.inline)}`,
  })
  async updateVersion(input: z.infer<typeof updateInput>) {
    const { versionId, ...patch } = input;
    if (Object.keys(patch).length === 0) throw new InputError('Nothing to update.');
    const body: Version = { ...patch };
    if (patch.released === true && !patch.releaseDate) body.releaseDate = new Date().toISOString().slice(0, 10);
    return versionRow(await this.versions.updateVersion(versionId, body));
  }

  @Tool({
    name: 'jira_create_component',
    title: 'Create component',
    description: 'Create a component in a project.',
    input: componentInput,
    output: itemOut,
    readOnly: false,
    toolset: 'versions',
    targets: { project: 'project' },
    scopes: ['manage:jira-project', 'read:jira-user'],
    render: (out, kit) => `Created component ${kit.inline(String(out.name))} (${out.id}).`,
  })
  async createComponent(input: z.infer<typeof componentInput>) {
    const leadAccountId = input.lead ? await this.users.accountId(input.lead) : undefined;
    const created = await this.versions.createComponent(
      compact({ project: input.project, name: input.name, description: input.description, leadAccountId }),
    );
    return { id: created.id ?? '', name: created.name ?? input.name };
  }
}

function versionRow(v: Version): VersionRow {
  return compact({
    id: v.id ?? '',
    name: v.name ?? '',
    released: v.released || undefined,
    archived: v.archived || undefined,
    releaseDate: v.releaseDate,
    description: v.description,
  });
}

/** One version; outside a fence (a confirmation line) its name and description go through `inline`. */
function versionLine(v: VersionRow, inline: (text: string) => string = (t) => t): string {
  const state = v.archived ? 'archived' : v.released ? 'released' : 'unreleased';
  return `${inline(v.name)} (${v.id}, ${state}${v.releaseDate ? `, ${v.releaseDate}` : ''})${v.description ? `: ${inline(v.description)}` : ''}`;
}
