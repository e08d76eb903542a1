import { distance } from 'fastest-levenshtein';

/**
 * The candidate a typo most likely meant (`jira:agil` → `jira:agile`), or undefined when none is
 * close: at most a third of the word's length in edits, and at least one.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

/** ` (did you mean "x"?)` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = closest(word, candidates);
  return hit && hit !== word ? ` (did you mean "${hit}"?)` : '';
}
