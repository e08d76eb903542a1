import { InputError, inject, Service } from '@atlassian-mcp/core';
import { JiraAgile, type Board, type Sprint } from './jira-agile.js';
import { ProjectScope } from './project-scope.js';

/** A sprint with the board it was created on. */
export type SprintEntry = Sprint & { board: Board };

/** Completion asks on every keystroke: a listing this fresh is reused. */
const FRESH_MS = 30_000;
const STATE_ORDER: Record<Sprint['state'], number> = { active: 0, future: 1, closed: 2 };

/**
 * Every sprint of the scrum boards the allowlist lets through (all boards without one), for
 * completion and for finding a sprint by name. A sprint counts where it was created: one shown
 * on an allowed board but created on another is left out, as the allowlist does.
 */
@Service()
export class SprintDirectory {
  private cached?: { at: number; sprints: SprintEntry[] };

  constructor(
    @inject(JiraAgile) private readonly agile: JiraAgile,
    @inject(ProjectScope) private readonly scope: ProjectScope,
  ) {}

  /** Active first, then future, then closed (most recent first). */
  async all(): Promise<SprintEntry[]> {
    if (this.cached && Date.now() - this.cached.at < FRESH_MS) return this.cached.sprints;
    const boards: Board[] = [];
    for (let startAt = 0; startAt < 100; startAt += 50) {
      const page = await this.agile.boards({ type: 'scrum', startAt, maxResults: 50 });
      boards.push(...page.values.filter((b) => this.scope.allows(b.location?.projectKey ?? '')));
      if (page.isLast !== false || page.values.length === 0) break;
    }
    const byId = new Map<number, SprintEntry>();
    await Promise.all(
      boards.map(async (board) => {
        const page = await this.agile.sprints(board.id, ['active', 'future', 'closed'], 0, 50);
        for (const s of page.values)
          if (s.originBoardId === undefined || s.originBoardId === board.id) byId.set(s.id, { ...s, board });
      }),
    );
    const sprints = [...byId.values()].sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        (a.state === 'closed' ? (b.endDate ?? '').localeCompare(a.endDate ?? '') : a.id - b.id),
    );
    this.cached = { at: Date.now(), sprints };
    return sprints;
  }

  /** A sprint by id, or by name (case-insensitive) among {@link all}. */
  async find(ref: string): Promise<Sprint> {
    const value = ref.trim();
    if (/^\d+$/.test(value)) return this.agile.sprint(Number(value));
    const all = await this.all();
    const named = all.filter((s) => s.name.toLowerCase() === value.toLowerCase());
    if (named.length === 1) return named[0]!;
    if (named.length === 0)
      throw new InputError(`No sprint is named "${value}".`, {
        hint: `Sprints: ${all
          .slice(0, 10)
          .map((s) => `${s.name} (${s.id})`)
          .join(', ')}.`,
      });
    throw new InputError(`Several sprints are named "${value}": ids ${named.map((s) => s.id).join(', ')}.`, {
      hint: 'Pass the id of the one you mean.',
    });
  }
}
