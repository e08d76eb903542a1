import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraAgile, type Sprint } from '../client/jira-agile.js';

/** Finds an open (active or future) sprint of a project by name, or accepts its id. */
@Service()
export class SprintResolver {
  constructor(@inject(JiraAgile) private readonly agile: JiraAgile) {}

  async sprintId(value: unknown, projectKey: string | undefined): Promise<number> {
    if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value))) return Number(value);
    if (typeof value !== 'string') throw new InputError('Sprint: pass a sprint name or id.');
    const open = await this.openSprints(projectKey);
    const hit = open.find((s) => s.name.toLowerCase() === value.trim().toLowerCase());
    if (hit) return hit.id;
    const names = [...new Set(open.map((s) => `${s.name} (${s.state})`))];
    throw new InputError(`Sprint "${value}" is not an open sprint${projectKey ? ` of ${projectKey}` : ''}.`, {
      hint: names.length
        ? `Open sprints: ${names.join(', ')}.`
        : 'There is no open sprint; create one first (agile toolset).',
      fieldErrors: { Sprint: `allowed: ${names.join(', ')}` },
    });
  }

  async openSprints(projectKey: string | undefined): Promise<Sprint[]> {
    const boards = await this.agile.boards({ projectKeyOrId: projectKey, maxResults: 50 });
    const pages = await Promise.all(boards.values.map((b) => this.agile.sprints(b.id, ['active', 'future'])));
    const byId = new Map<number, Sprint>();
    for (const page of pages) for (const s of page.values) byId.set(s.id, s);
    return [...byId.values()];
  }
}
