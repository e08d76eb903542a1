/** One reason start-up was refused, attributed to a plugin (or to the config). */
export interface StartupProblem {
  /** Plugin specifier or id, or `config`. */
  source: string;
  message: string;
}

/** Start-up refused: every problem found, in one readable message. Never a partial tool list. */
export class StartupError extends Error {
  readonly problems: StartupProblem[];
  constructor(problems: StartupProblem[]) {
    super(
      `atlassian-mcp cannot start (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - [${p.source}] ${p.message}`).join('\n')}`,
    );
    this.name = 'StartupError';
    this.problems = problems;
  }
}
