// ENG › Architecture decision records: ADR-001 … ADR-005, each linked from its Jira issue.
import { DIEGO, JONAS, PRIYA, SAM } from '../company.js';
import type { PageSpec } from './types.js';
import { h, jira, mention, p, status, table, ul } from './xhtml.js';

const adr = (
  n: number,
  title: string,
  o: {
    by: string;
    age: number;
    status: ['ACCEPTED' | 'PROPOSED' | 'SUPERSEDED', 'Green' | 'Yellow' | 'Grey'];
    context: string;
    decision: string;
    consequences: string[];
    issue?: string;
    options?: string[][];
  },
): PageSpec => ({
  title: `ADR-${String(n).padStart(3, '0')}: ${title}`,
  parent: 'Architecture decision records',
  author: o.by,
  age: o.age,
  labels: ['adr', 'architecture'],
  body: (ids) =>
    table([
      ['Status', 'Owner', 'Decided'],
      [p(status(ids, o.status[0], o.status[1])), p(mention(o.by)), p(`<time datetime="2026-0${1 + (n % 8)}-1${n}" />`)],
    ]) +
    h(2, 'Context') +
    p(o.context) +
    (o.options ? h(2, 'Options considered') + table([['Option', 'Pros', 'Cons'], ...o.options]) : '') +
    h(2, 'Decision') +
    p(o.decision) +
    h(2, 'Consequences') +
    ul(...o.consequences.map((x) => p(x))) +
    (o.issue ? p('Tracked in ', jira(ids, o.issue), '.') : ''),
  issues: o.issue ? [o.issue] : [],
});

export const adrPages = (): PageSpec[] => [
  adr(1, 'Use SQLite for the offline catalogue cache', {
    by: PRIYA,
    age: 62,
    status: ['ACCEPTED', 'Green'],
    context: 'The catalogue must be browsable offline; AsyncStorage is too slow past a few thousand products.',
    decision: 'Use SQLite through a small repository layer; images on disk with an LRU index in SQLite.',
    consequences: ['One more native dependency', 'Queries instead of key lookups: filters work offline'],
    issue: 'NOVA-2',
    options: [
      ['AsyncStorage', 'No new dependency', 'Slow, no queries'],
      ['SQLite', 'Fast, queryable', 'Native module'],
      ['Realm', 'Sync built in', 'Licence, lock-in'],
    ],
  }),
  adr(2, 'Replay queue with exponential backoff', {
    by: DIEGO,
    age: 45,
    status: ['ACCEPTED', 'Green'],
    context: 'Offline edits must reach the server exactly once, even with flaky networks.',
    decision: 'A durable queue on the device, client UUIDs as idempotency keys, exponential backoff with full jitter.',
    consequences: ['The orders service must honour idempotency keys', 'Replays can be delayed up to five minutes'],
    issue: 'NOVA-5',
  }),
  adr(3, 'Adopt OpenTelemetry for tracing', {
    by: SAM,
    age: 70,
    status: ['ACCEPTED', 'Green'],
    context: 'Three tracing libraries, no cross-service traces.',
    decision: 'OpenTelemetry SDKs everywhere, one collector per node, Tempo as the backend.',
    consequences: ['Vendor-neutral', 'Sampling config lives in the collector'],
    issue: 'OPS-8',
  }),
  adr(4, 'Postgres 16 upgrade strategy', {
    by: JONAS,
    age: 65,
    status: ['ACCEPTED', 'Green'],
    context: 'Postgres 14 leaves support; the orders workload needs better parallel query plans.',
    decision: 'pg_upgrade in link mode during a maintenance window, after a dry run on a production snapshot.',
    consequences: ['About 20 minutes of downtime', 'Rollback means restoring the snapshot'],
    issue: 'OPS-1',
  }),
  adr(5, 'Move CI runners to ARM', {
    by: SAM,
    age: 25,
    status: ['PROPOSED', 'Yellow'],
    context: 'CI minutes are 30 % of the cloud bill.',
    decision: 'Move Linux runners to ARM instances; keep x86 for the Android emulator jobs.',
    consequences: ['Docker images must be multi-arch', 'About 35 % cheaper per minute'],
    issue: 'OPS-23',
  }),
];
