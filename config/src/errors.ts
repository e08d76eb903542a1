import type * as z from 'zod';

/** One problem in the configuration, with the path it is at. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** Thrown when the configuration is invalid; lists every problem, not just the first. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[], source?: string) {
    super(
      `Invalid configuration${source ? ` in ${source}` : ''}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`,
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Turns zod issues into `a.b.c: message` problems, prefixed by `base`. */
export function zodProblems(error: z.ZodError, base: (string | number)[] = []): ConfigProblem[] {
  return error.issues.map((issue) => {
    const path = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    return { path: path.length ? path.join('.') : '(root)', message: issue.message };
  });
}
