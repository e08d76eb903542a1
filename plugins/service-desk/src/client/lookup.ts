// Shared by the lookups that settle a write whose answer was lost (core's `reconcile.find`).

/** Atlassian's clock and ours may differ: "created since the send" allows this much. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** What `reconcile.find` answers. */
export type Lookup<T> = { found: true; data?: T } | { found: false };

/** The write cannot be proven absent (an index may lag): the outcome stays unknown. */
export function notProvable(what: string): never {
  throw new Error(`${what} was not found, and its absence cannot be proven`);
}
