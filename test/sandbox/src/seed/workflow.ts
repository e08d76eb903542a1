// Where a generated issue sits: its status and sprints for its catalog phase, each project's
// initial status, and the status path an issue took to reach its status.
import { FIELD } from '../jira/fields.js';
import type { Issue } from '../jira/model.js';
import { P, S } from './company.js';
import { pick, type Rng } from './content.js';

export function statusFor(
  rng: Rng,
  key: string,
  phase: string,
  kind: string,
  parent: Issue | undefined,
): { statusId: string; sprintIds: number[] } {
  if (key === 'NOVA') {
    if (kind === 'epic') return { statusId: phase === 'B' ? S.todo : S.inProgress, sprintIds: [] };
    const inherit =
      kind === 'subtask' && parent ? ((parent.fields[FIELD.sprint] as number[] | undefined) ?? []) : undefined;
    switch (phase) {
      case 'D': {
        const sp = inherit?.length ? inherit : [pick(rng, [1, 2, 3, 4])];
        return { statusId: S.done, sprintIds: sp };
      }
      case 'A': {
        const statusId = pick(rng, [S.todo, S.inProgress, S.inProgress, S.inReview, S.done]);
        return { statusId, sprintIds: inherit ?? (rng() < 0.3 ? [4, 5] : [5]) };
      }
      case 'N':
        return { statusId: S.todo, sprintIds: inherit ?? [6] };
      default:
        return { statusId: S.todo, sprintIds: [] };
    }
  }
  if (key === 'OPS') {
    const m: Record<string, string> = { K: S.backlog, S: S.selected, P: S.inProgress, X: S.blocked, D: S.done };
    return { statusId: m[phase] ?? S.backlog, sprintIds: [] };
  }
  const m: Record<string, string> = { T: S.todo, P: S.inProgress, D: S.done };
  return { statusId: m[phase] ?? S.todo, sprintIds: [] };
}

export const WORKFLOW_INITIAL: Record<string, string> = { [P.nova]: S.todo, [P.ops]: S.backlog, [P.mkt]: S.todo };

/** Status changes an issue went through to reach a status. */
export const STATUS_PATH: Record<string, Record<string, string[]>> = {
  [P.nova]: {
    [S.inProgress]: [S.inProgress],
    [S.inReview]: [S.inProgress, S.inReview],
    [S.done]: [S.inProgress, S.inReview, S.done],
  },
  [P.ops]: {
    [S.selected]: [S.selected],
    [S.inProgress]: [S.selected, S.inProgress],
    [S.blocked]: [S.selected, S.inProgress, S.blocked],
    [S.done]: [S.selected, S.inProgress, S.done],
  },
  [P.mkt]: { [S.inProgress]: [S.inProgress], [S.done]: [S.inProgress, S.done] },
};
