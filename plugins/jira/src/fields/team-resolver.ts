import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraSearch } from '../client/jira-search.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Atlassian teams live outside the Jira REST API and createmeta lists no allowed values, so a
 * team name is resolved from the teams already set on issues (or a team id is taken as is).
 */
@Service()
export class TeamResolver {
  constructor(@inject(JiraSearch) private readonly search: JiraSearch) {}

  async teamId(fieldId: string, fieldName: string, value: string): Promise<string> {
    if (UUID.test(value.trim())) return value.trim();
    const known = await this.knownTeams(fieldId);
    const hit = known.find((t) => t.name.toLowerCase() === value.trim().toLowerCase());
    if (hit) return hit.id;
    const names = known.map((t) => t.name).join(', ');
    throw new InputError(`Field '${fieldName}': no team named "${value}" is in use on any issue.`, {
      hint: names ? `Teams in use: ${names}. A team id (UUID) also works.` : 'Pass the team id (a UUID).',
      fieldErrors: { [fieldName]: names ? `allowed: ${names}` : 'a team id' },
    });
  }

  private async knownTeams(fieldId: string): Promise<Array<{ id: string; name: string }>> {
    const cf = /^customfield_(\d+)$/.exec(fieldId)?.[1];
    if (!cf) return [];
    const page = await this.search.page({
      jql: `cf[${cf}] IS NOT EMPTY ORDER BY updated DESC`,
      fields: [fieldId],
      maxResults: 100,
    });
    const teams = new Map<string, string>();
    for (const issue of page.issues ?? []) {
      const t = issue.fields?.[fieldId] as { id?: string; name?: string } | undefined;
      if (t?.id && t.name) teams.set(t.id, t.name);
    }
    return [...teams].map(([id, name]) => ({ id, name }));
  }
}
