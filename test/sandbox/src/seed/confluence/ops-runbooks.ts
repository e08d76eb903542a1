// OPS › Runbooks: one page per alert, in the team's runbook shape (when, steps, verify, rollback).
import { JONAS, SAM } from '../company.js';
import type { PageSpec } from './types.js';
import { b, code, h, ol, p, panel } from './xhtml.js';

const runbook = (
  title: string,
  o: {
    by: string;
    age: number;
    issue?: string;
    when: string;
    steps: string[];
    verify: string;
    rollback: string;
    commands?: [string, string];
  },
): PageSpec => ({
  title,
  parent: 'Runbooks',
  author: o.by,
  age: o.age,
  labels: ['runbook'],
  issues: o.issue ? [o.issue] : [],
  body: (ids) =>
    panel(ids, 'info', p(b('When to use'), ': ', o.when)) +
    h(2, 'Steps') +
    ol(...o.steps.map((s) => p(s))) +
    (o.commands ? code(ids, o.commands[0], o.commands[1]) : '') +
    h(2, 'Verify') +
    p(o.verify) +
    h(2, 'Rollback') +
    panel(ids, 'warning', p(o.rollback)),
});

export const runbookPages = (): PageSpec[] => [
  runbook('Failing over the primary database', {
    by: JONAS,
    age: 150,
    issue: 'OPS-35',
    when: 'the primary Postgres is unreachable for more than 2 minutes and the replica is healthy.',
    steps: [
      'Announce in #incidents',
      'Promote the replica',
      'Point PgBouncer at the new primary',
      'Rebuild a replica from the new primary',
    ],
    commands: [
      'bash',
      'pg_ctl promote -D /var/lib/postgresql/16/main\nkubectl -n db set env deploy/pgbouncer DB_HOST=orders-db-replica-0',
    ],
    verify: 'Orders can be created from the app; replication lag metric is back.',
    rollback: 'Do not fail back automatically: the old primary may have diverged.',
  }),
  runbook('Rotating database credentials', {
    by: JONAS,
    age: 140,
    issue: 'OPS-21',
    when: 'quarterly, or immediately after a suspected leak.',
    steps: ['Create the new role in Vault', 'Roll the services one by one', 'Revoke the old role after 24 hours'],
    commands: ['bash', 'vault write database/rotate-role/orders-app\nkubectl -n orders rollout restart deploy/orders'],
    verify: 'No authentication errors in the service logs for 30 minutes.',
    rollback: 'Re-enable the old role in Vault (it is kept for 24 hours).',
  }),
  runbook('Restoring from a nightly backup', {
    by: SAM,
    age: 130,
    issue: 'OPS-18',
    when: 'data loss or corruption that point-in-time recovery cannot fix.',
    steps: ['Pick the backup (list below)', 'Restore to a new instance', 'Compare row counts', 'Switch traffic'],
    verify: 'Row counts match the backup manifest.',
    rollback: 'Switch traffic back to the old instance; it is not deleted for 7 days.',
  }),
  runbook('Renewing TLS certificates', {
    by: SAM,
    age: 110,
    issue: 'OPS-19',
    when: 'the certificate expiry alert fires (14 days before expiry).',
    steps: ['Check cert-manager for the failing Certificate', 'Fix the DNS-01 challenge', 'Force a renewal'],
    commands: ['bash', 'kubectl -n ingress get certificate\ncmctl renew status-nimbus-works'],
    verify: 'openssl s_client shows the new expiry date.',
    rollback: 'Nothing to roll back; the old certificate stays until it expires.',
  }),
  runbook('Redis memory pressure', {
    by: SAM,
    age: 60,
    issue: 'OPS-20',
    when: 'used memory above 90 % on any cache node.',
    steps: ['Find the biggest key prefixes', 'Evict expired session keys', 'Resize the node if still above 80 %'],
    commands: ['bash', 'redis-cli --bigkeys\nredis-cli --scan --pattern "sess:*" | head'],
    verify: 'Used memory below 75 %.',
    rollback: 'Resizing is online; no rollback needed.',
  }),
];
