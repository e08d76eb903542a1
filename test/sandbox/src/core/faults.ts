// Fault injection: rules chosen per request, set programmatically (`sandbox.faults`), through
// `POST /__sandbox/faults`, or with CLI flags.
import { JSON_TYPE, type SandboxResponse } from './http.js';

export type RateLimitReason =
  | 'jira-burst-based'
  | 'jira-quota-global-based'
  | 'jira-quota-tenant-based'
  | 'jira-per-issue-on-write'
  | 'confluence-quota-global-based'
  | 'confluence-quota-tenant-based'
  | (string & {});

/** Which requests a rule applies to, and how often it fires. */
export interface FaultSelector {
  /**
   * Which requests count. Default: every Atlassian API call (`/rest/…`, `/wiki/…`, gateway
   * `/ex/…`); OAuth and admin endpoints only when named here explicitly.
   */
  match?: {
    method?: string | string[];
    /** Path prefix (`/rest/api/3/issue`), or a regular expression source (`^/rest/agile/`). Matched against the path without the gateway prefix. */
    path?: string;
    /** Spec operationId, e.g. `getIssue`, `searchAndReconsileIssuesUsingJql`. */
    operationId?: string | string[];
  };
  /** Fire on every Nth matching request (N, 2N, 3N…). Default: every matching request. */
  every?: number;
  /** Let the first N matching requests through before the rule can fire. */
  after?: number;
  /** Fire at most this many times, then the rule retires. */
  times?: number;
  /** A storm: the rule is active for this many seconds after it is set, then retires. */
  forSeconds?: number;
}

export type FaultSpec =
  | (FaultSelector & {
      type: 'rateLimit';
      /** `RateLimit-Reason`. Default `jira-burst-based`. */
      reason?: RateLimitReason;
      /** `Retry-After` seconds. Default 1. `null` omits the header. */
      retryAfter?: number | null;
      /** Seconds until `X-RateLimit-Reset`. Default: `retryAfter` (or 1). */
      resetIn?: number;
    })
  | (FaultSelector & {
      type: 'status';
      /** 500, 502, 503, 504… */
      status: number;
      retryAfter?: number;
      body?: unknown;
    })
  | (FaultSelector & { type: 'latency'; ms: number })
  | (FaultSelector & { type: 'hang' })
  | (FaultSelector & { type: 'malformedJson' })
  /** The request is processed (a write happens), then the answer never comes: the client times out. */
  | (FaultSelector & { type: 'timeoutAfterSend' })
  /** The request is processed; status and headers arrive, the body is cut short and the connection closed. */
  | (FaultSelector & { type: 'truncatedBody' })
  /** The request is processed, then the connection is reset before any byte of the answer. */
  | (FaultSelector & { type: 'resetAfterResponse' })
  /** The bearer token on the matching request is treated as expired (401) and stays expired. */
  | (FaultSelector & { type: 'expiredToken' });

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  seen: number;
  fired: number;
  setAt: number;
}

export interface FaultDecision {
  /** Added before answering. */
  latencyMs: number;
  /** Answer with this instead of calling the handler. */
  response?: SandboxResponse;
  hang: boolean;
  malformed: boolean;
  /** Run the handler, then lose its answer this way. */
  lose?: 'hang' | 'truncate' | 'reset';
  expireToken: boolean;
  /** Ids of the rules that fired. */
  fired: string[];
}

export interface FaultTarget {
  method: string;
  /** Path without the gateway prefix. */
  path: string;
  operationId?: string;
  /** API request (rest/wiki) as opposed to OAuth/admin endpoints. */
  api: boolean;
}

export class Faults {
  private rules: ActiveFault[] = [];
  private nextId = 1;
  private readonly regexCache = new Map<string, RegExp>();

  constructor(private readonly now: () => number) {}

  /** Adds one or more rules (keeps the existing ones). Returns their ids. */
  set(spec: FaultSpec | FaultSpec[]): string[] {
    const list = Array.isArray(spec) ? spec : [spec];
    const ids: string[] = [];
    for (const s of list) {
      validateSpec(s);
      const id = `f${this.nextId++}`;
      this.rules.push({ id, spec: s, seen: 0, fired: 0, setAt: this.now() });
      ids.push(id);
    }
    return ids;
  }

  /** Removes every rule, or the one with this id. */
  clear(id?: string): void {
    this.rules = id === undefined ? [] : this.rules.filter((r) => r.id !== id);
  }

  list(): ActiveFault[] {
    this.expire();
    return this.rules.map((r) => ({ ...r }));
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** Decides what happens to one request. Counts it against every matching rule. */
  decide(t: FaultTarget): FaultDecision {
    const d: FaultDecision = { latencyMs: 0, hang: false, malformed: false, expireToken: false, fired: [] };
    if (this.rules.length === 0) return d;
    this.expire();
    const now = this.now();
    for (const r of this.rules) {
      if (!this.matches(r.spec, t)) continue;
      r.seen++;
      const s = r.spec;
      if (s.after && r.seen <= s.after) continue;
      const n = r.seen - (s.after ?? 0);
      if (s.every && s.every > 1 && n % s.every !== 0) continue;
      if (s.times !== undefined && r.fired >= s.times) continue;
      // One answer-replacing fault per request; latency always stacks.
      if (s.type === 'latency') {
        r.fired++;
        d.fired.push(r.id);
        d.latencyMs += s.ms;
        continue;
      }
      if (d.response || d.hang || d.lose) continue;
      r.fired++;
      d.fired.push(r.id);
      switch (s.type) {
        case 'rateLimit':
          d.response = rateLimitResponse(s, now);
          break;
        case 'status':
          d.response = statusResponse(s);
          break;
        case 'hang':
          d.hang = true;
          break;
        case 'malformedJson':
          d.malformed = true;
          break;
        case 'timeoutAfterSend':
          d.lose = 'hang';
          break;
        case 'truncatedBody':
          d.lose = 'truncate';
          break;
        case 'resetAfterResponse':
          d.lose = 'reset';
          break;
        case 'expiredToken':
          d.expireToken = true;
          break;
      }
    }
    this.rules = this.rules.filter((r) => r.spec.times === undefined || r.fired < r.spec.times);
    return d;
  }

  private expire(): void {
    const now = this.now();
    this.rules = this.rules.filter((r) => r.spec.forSeconds === undefined || now - r.setAt < r.spec.forSeconds * 1000);
  }

  private matches(s: FaultSpec, t: FaultTarget): boolean {
    const m = s.match;
    if (!m || (m.path === undefined && m.operationId === undefined)) {
      if (!t.api) return false;
    }
    if (!m) return true;
    if (m.method !== undefined) {
      const ms = (Array.isArray(m.method) ? m.method : [m.method]).map((x) => x.toUpperCase());
      if (!ms.includes(t.method)) return false;
    }
    if (m.operationId !== undefined) {
      const ids = Array.isArray(m.operationId) ? m.operationId : [m.operationId];
      if (!t.operationId || !ids.includes(t.operationId)) return false;
    }
    if (m.path !== undefined) {
      if (m.path.startsWith('/')) {
        if (!t.path.startsWith(m.path)) return false;
      } else {
        let re = this.regexCache.get(m.path);
        if (!re) this.regexCache.set(m.path, (re = new RegExp(m.path)));
        if (!re.test(t.path)) return false;
      }
    }
    return true;
  }
}

const TYPES = new Set([
  'rateLimit',
  'status',
  'latency',
  'hang',
  'malformedJson',
  'expiredToken',
  'timeoutAfterSend',
  'truncatedBody',
  'resetAfterResponse',
]);

function validateSpec(s: FaultSpec): void {
  if (!s || typeof s !== 'object' || !TYPES.has((s as { type: string }).type)) {
    throw new Error(`fault: "type" must be one of ${[...TYPES].join(', ')}`);
  }
  if (s.type === 'status' && !(Number.isInteger(s.status) && s.status >= 400 && s.status <= 599)) {
    throw new Error('fault: "status" must be an HTTP error status (400-599)');
  }
  if (s.type === 'latency' && !(typeof s.ms === 'number' && s.ms >= 0))
    throw new Error('fault: "ms" must be a number ≥ 0');
  if (s.every !== undefined && !(Number.isInteger(s.every) && s.every >= 1))
    throw new Error('fault: "every" must be an integer ≥ 1');
  if (s.forSeconds !== undefined && !(s.forSeconds > 0)) throw new Error('fault: "forSeconds" must be > 0');
}

function rateLimitResponse(s: Extract<FaultSpec, { type: 'rateLimit' }>, now: number): SandboxResponse {
  const reason = s.reason ?? 'jira-burst-based';
  const retryAfter = s.retryAfter === undefined ? 1 : s.retryAfter;
  const resetIn = s.resetIn ?? retryAfter ?? 1;
  const headers: Record<string, string> = {
    'content-type': JSON_TYPE,
    'x-ratelimit-reset': new Date(now + resetIn * 1000).toISOString(),
    'ratelimit-reason': reason,
    'x-ratelimit-remaining': '0',
  };
  if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
  if (reason.includes('quota')) {
    const policy = reason.includes('tenant') ? 'tenant-app-quota' : 'global-app-quota';
    headers['ratelimit-policy'] = `"${policy}";q=65000;w=3600`;
    headers['ratelimit'] = `"${policy}";r=0;t=${Math.ceil(resetIn)}`;
    headers['x-ratelimit-limit'] = '65000';
  } else if (reason === 'jira-per-issue-on-write') {
    headers['x-ratelimit-limit'] = '20';
  } else {
    headers['x-ratelimit-limit'] = '100';
    headers['ratelimit-policy'] = `"jira-burst-based";q=100;w=1`;
  }
  return { status: 429, headers, body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} }) };
}

function statusResponse(s: Extract<FaultSpec, { type: 'status' }>): SandboxResponse {
  const headers: Record<string, string> = { 'content-type': JSON_TYPE };
  if (s.retryAfter !== undefined) headers['retry-after'] = String(s.retryAfter);
  const text: Record<number, string> = {
    500: 'Internal server error',
    502: 'Bad gateway',
    503: 'Service unavailable',
    504: 'Gateway timeout',
  };
  const body =
    s.body !== undefined ? s.body : { errorMessages: [text[s.status] ?? `Injected fault ${s.status}`], errors: {} };
  return { status: s.status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

/** Turns a JSON answer into one that does not parse (cut in the middle). */
export function corrupt(res: SandboxResponse): SandboxResponse {
  const text = typeof res.body === 'string' ? res.body : res.body ? res.body.toString('utf8') : '';
  const cut = text.length > 2 ? text.slice(0, Math.floor(text.length / 2)) : '{"';
  return {
    status: res.status === 204 ? 200 : res.status,
    headers: { ...res.headers, 'content-type': JSON_TYPE },
    body: cut,
  };
}
