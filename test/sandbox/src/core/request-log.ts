// The request log tests assert on: one entry per answered request (admin calls excluded),
// plus in-flight concurrency tracking.

export type AuthKind = 'basic' | 'bearer' | 'none' | 'invalid';

export interface RequestLogEntry {
  /** 1-based arrival order. */
  seq: number;
  method: string;
  /** Path as received (with the `/ex/jira/{cloudId}` prefix when the gateway was used), no query. */
  path: string;
  /** Path without the gateway prefix. */
  route: string;
  query: string;
  status: number;
  auth: AuthKind;
  /** `site` (`/rest/…` on the site host), `gateway` (`/ex/…`), `oauth`, `edge`, `other`. */
  via: 'site' | 'gateway' | 'oauth' | 'edge' | 'other';
  operationId?: string;
  accountId?: string;
  /** Ids of the fault rules that fired on this request. */
  faults?: string[];
  /** Requests being processed when this one arrived (itself included). */
  inFlight: number;
  startedAt: number;
  durationMs: number;
}

/** An array of entries with concurrency counters attached. */
export type RequestLog = RequestLogEntry[] & {
  /** Highest number of requests processed at the same time since the last `clear()`. */
  readonly maxInFlight: number;
  /** Requests being processed right now. */
  readonly inFlight: number;
  /** Empties the log and resets `maxInFlight`. */
  clear(): void;
};

export interface RequestLogControl {
  log: RequestLog;
  enter(): { seq: number; inFlight: number };
  leave(): void;
}

export function createRequestLog(limit = 10_000): RequestLogControl {
  const arr: RequestLogEntry[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let seq = 0;
  Object.defineProperties(arr, {
    maxInFlight: { get: () => maxInFlight, enumerable: false },
    inFlight: { get: () => inFlight, enumerable: false },
    clear: {
      value: () => {
        arr.length = 0;
        maxInFlight = inFlight;
      },
      enumerable: false,
    },
    push: {
      value: (...items: RequestLogEntry[]) => {
        const n = Array.prototype.push.apply(arr, items);
        if (arr.length > limit) arr.splice(0, arr.length - limit);
        return n;
      },
      enumerable: false,
    },
  });
  return {
    log: arr as RequestLog,
    enter() {
      inFlight++;
      if (inFlight > maxInFlight) maxInFlight = inFlight;
      return { seq: ++seq, inFlight };
    },
    leave() {
      inFlight--;
    },
  };
}
