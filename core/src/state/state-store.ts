import { UpstreamError } from '../plugin-api/errors.js';

/** Options of {@link StateStore.set}. */
export interface SetOptions {
  /** The value expires after this long (none: kept until deleted). */
  ttlMs?: number;
  /** Write only when no value is there (a lock, a first registration). */
  onlyIfAbsent?: boolean;
}

/** Write spacing for {@link StateStore.reserveAt}: the key holding the next free moment, and the gap. */
export interface Spacing {
  key: string;
  ms: number;
  ttlMs: number;
}

/**
 * State shared by every replica of a hosted server (one process: memory; several: Redis). Values
 * are strings; callers encrypt what is secret before it gets here. Every operation is atomic on
 * its own; none is retried by the store (a caller that must not repeat an effect decides).
 * Failures to reach the store throw {@link StateUnavailableError}.
 */
export interface StateStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  /** Writes a value; false only when `onlyIfAbsent` found one there. */
  set(key: string, value: string, options?: SetOptions): Promise<boolean>;
  /**
   * Replaces `expected` (undefined: no value) with `next` (undefined: delete) in one step; false
   * when the stored value was something else, and then nothing changes.
   */
  compareAndSet(
    key: string,
    expected: string | undefined,
    next: string | undefined,
    options?: { ttlMs?: number },
  ): Promise<boolean>;
  /** Reads and deletes in one step: a single-use value (an authorization code) is taken once. */
  take(key: string): Promise<string | undefined>;
  delete(key: string): Promise<void>;
  /** Raises the number at `key` to at least `value` (a pause-until moment); returns what is stored. */
  raise(key: string, value: number, ttlMs: number): Promise<number>;
  /**
   * The first moment (epoch ms) a request may start: the latest of `now` and the numbers at
   * `waitKeys` (pauses). With `spacing`, that moment is also at least the number at its key, and
   * the key moves to the moment plus the gap — one reservation per call, across replicas.
   */
  reserveAt(now: number, waitKeys: string[], spacing?: Spacing): Promise<number>;
  /**
   * Takes one of `limit` leases under `key` for `holder` (a semaphore across replicas). A lease
   * not renewed within `leaseMs` lapses, so a replica that dies frees its leases. False when all
   * are taken.
   */
  acquireLease(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean>;
  /** Extends a held lease; false when it had lapsed. */
  renewLease(key: string, holder: string, leaseMs: number): Promise<boolean>;
  releaseLease(key: string, holder: string): Promise<void>;
  /** Leases held under `key` now. */
  leases(key: string): Promise<number>;
  /** Throws {@link StateUnavailableError} when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The shared state store cannot be reached: the call fails at once and nothing is sent to Atlassian. */
export class StateUnavailableError extends UpstreamError {
  constructor(cause?: unknown) {
    super('The server cannot reach its shared state store (Redis) right now', {
      cause,
      hint: 'Retry in a moment; the server recovers by itself when the store is back.',
    });
  }
}
