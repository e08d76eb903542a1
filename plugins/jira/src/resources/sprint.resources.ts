import { inject, Resource, ResourceProvider, type ResourceContent, type ResourceContext } from '@atlassian-mcp/core';
import { JiraAgile } from '../client/jira-agile.js';
import { SprintDirectory } from '../client/sprint-directory.js';
import { uriDecoded } from '../client/jira-containers.js';
import { shortTime } from '../view/display.js';

/** `jira://sprint/{id}`: a sprint by id or name, completed from the boards' sprints. */
@ResourceProvider()
export class SprintResources {
  constructor(
    @inject(SprintDirectory) private readonly sprints: SprintDirectory,
    @inject(JiraAgile) private readonly agile: JiraAgile,
  ) {}

  @Resource({
    name: 'jira-sprint',
    uri: 'jira://sprint/{id}',
    title: 'Jira sprint',
    description: 'A sprint by id or name: state, dates, goal, and its issues by status category',
    mimeType: 'text/markdown',
    complete: { id: 'completeSprint' },
    scopes: ['read:board-scope:jira-software', 'read:sprint:jira-software', 'read:issue-details:jira', 'read:jql:jira'],
    targets: { id: 'sprint' },
  })
  async readSprint(uri: URL, variables: Record<string, string>, ctx: ResourceContext): Promise<ResourceContent[]> {
    const s = await this.sprints.find(uriDecoded(variables.id!));
    const page = await this.agile.issues({ sprintId: s.id }, { fields: ['status'], startAt: 0, maxResults: 100 });
    const counts = new Map<string, number>();
    for (const issue of page.issues ?? []) {
      const category = (issue.fields?.status as { statusCategory?: { name?: string } } | undefined)?.statusCategory
        ?.name;
      counts.set(category ?? '?', (counts.get(category ?? '?') ?? 0) + 1);
    }
    const total = page.total ?? page.issues?.length ?? 0;
    const { inline, fence } = ctx.render;
    const dates = [shortTime(s.startDate), shortTime(s.endDate)].filter(Boolean).join(' → ');
    const text = [
      `# ${inline(s.name)} (sprint ${s.id})`,
      [s.state, dates, s.originBoardId !== undefined && `board ${s.originBoardId}`].filter(Boolean).join(' · '),
      s.goal && fence(s.goal, 'goal'),
      `issues: ${total}${counts.size ? ` — ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}${
        total > (page.issues?.length ?? 0) ? ' (first 100 counted)' : ''
      }`,
    ]
      .filter(Boolean)
      .join('\n');
    return [{ uri: uri.href, mimeType: 'text/markdown', text }];
  }

  /** Sprint names (and ids, for digits) that start with what was typed; active sprints first. */
  async completeSprint(prefix: string): Promise<string[]> {
    const typed = prefix.trim().toLowerCase();
    return (await this.sprints.all()).flatMap((s) => [
      ...(s.name.toLowerCase().startsWith(typed) ? [s.name] : []),
      ...(/^\d+$/.test(typed) && String(s.id).startsWith(typed) ? [String(s.id)] : []),
    ]);
  }
}
