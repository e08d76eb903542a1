// The OPS space: platform operations — runbooks, incident postmortems (linked from their Jira
// incidents), the Postgres 16 upgrade, observability, on-call.
import { JONAS, MAYA, SAM } from '../company.js';
import { jsonFile, png, text } from './files.js';
import { postmortemPages } from './ops-postmortems.js';
import { runbookPages } from './ops-runbooks.js';
import type { SpaceSpec } from './types.js';
import {
  attachmentLink,
  c,
  children,
  code,
  expand,
  h,
  image,
  jira,
  jiraJql,
  mention,
  ol,
  p,
  pageLink,
  panel,
  status,
  table,
  tasks,
  time,
  toc,
  ul,
} from './xhtml.js';

const DAY = 86_400_000;

export function opsSpace(now: number): SpaceSpec {
  const ymd = (age: number) => new Date(now - age * DAY).toISOString().slice(0, 10);
  return {
    key: 'OPS',
    name: 'Platform Operations',
    type: 'global',
    description: 'Runbooks, postmortems and plans of the platform team.',
    labels: ['operations', 'sre'],
    author: SAM,
    age: 390,
    home: {
      title: 'Platform Operations',
      author: SAM,
      age: 390,
      labels: ['home'],
      body: (ids) =>
        p('The platform team keeps Nova running. Paged? Start with the ', pageLink('Runbooks'), '.') +
        h(2, 'Open incidents and requests') +
        jiraJql(ids, 'project = OPS AND statusCategory != Done ORDER BY priority DESC') +
        children(ids),
    },
    pages: [
      {
        title: 'Runbooks',
        author: SAM,
        age: 360,
        labels: ['runbook'],
        body: (ids) => panel(ids, 'tip', p('Every alert links to one of these pages.')) + children(ids),
      },
      ...runbookPages(),
      {
        title: 'Incident postmortems',
        author: SAM,
        age: 200,
        labels: ['postmortem'],
        body: (ids) =>
          p('Blameless postmortems, one per P1/P2 incident.') +
          jiraJql(ids, 'project = OPS AND labels = incident ORDER BY created DESC') +
          children(ids),
      },
      ...postmortemPages(now),
      {
        title: 'Postgres 16 upgrade',
        author: JONAS,
        age: 80,
        labels: ['project', 'postgres'],
        issues: ['OPS-1'],
        edits: [
          [JONAS, 45, 'Staging done'],
          [JONAS, 26, 'Benchmarks'],
          [SAM, 10, 'Maintenance window'],
        ],
        body: (ids) =>
          toc(ids, 2) +
          h(2, 'Plan') +
          p('Strategy in ', pageLink('ADR-004: Postgres 16 upgrade strategy', 'ENG'), '. Issues:') +
          jiraJql(ids, 'parent = OPS-1 ORDER BY rank') +
          h(2, 'Staging') +
          p('Done on ', time(ymd(46)), '. One problem: ', jira(ids, 'OPS-6'), '.') +
          h(2, 'Benchmarks') +
          table([
            ['Query', 'PG14 p95', 'PG16 p95'],
            ['order history', '41 ms', '29 ms'],
            ['catalogue search', '88 ms', '80 ms'],
            ['daily report', '12.1 s', '7.4 s'],
          ]) +
          p('Raw results: ', attachmentLink('pg16-benchmark.json'), '.') +
          h(2, 'Maintenance window') +
          p(
            'Production upgrade on ',
            time(ymd(-5)),
            ', 02:00–03:00 UTC. Status ',
            status(ids, 'SCHEDULED', 'Blue'),
            '.',
          ),
        attachments: [
          {
            filename: 'pg16-benchmark.json',
            mediaType: 'application/json',
            by: JONAS,
            age: 26,
            data: jsonFile({
              engine: 'postgres',
              versions: ['14.13', '16.4'],
              queries: { order_history: { p95_ms: [41, 29] }, catalogue_search: { p95_ms: [88, 80] } },
            }),
          },
        ],
        inline: [
          {
            by: MAYA,
            age: 9,
            selection: '02:00–03:00 UTC',
            text: 'That is 03:00 for Berlin, fine. Please tell customer support.',
            replies: [{ by: SAM, age: 9, text: 'Done, they have a macro ready.' }],
          },
        ],
      },
      { title: 'Observability', author: SAM, age: 100, labels: ['observability'], body: (ids) => children(ids) },
      {
        title: 'OpenTelemetry rollout plan',
        parent: 'Observability',
        author: SAM,
        age: 75,
        labels: ['observability', 'opentelemetry'],
        issues: ['OPS-8'],
        body: (ids) =>
          h(2, 'Phases') +
          table([
            ['Phase', 'Scope', 'Status'],
            ['1', 'Collector DaemonSet', p(status(ids, 'DONE', 'Green'))],
            ['2', 'GraphQL gateway traces', p(status(ids, 'IN PROGRESS', 'Blue'))],
            ['3', 'Payments (sampling fix first)', p(status(ids, 'BLOCKED', 'Red'), ' ', jira(ids, 'OPS-14'))],
          ]) +
          h(2, 'Collector config') +
          code(
            ids,
            'yaml',
            'processors:\n  probabilistic_sampler:\n    sampling_percentage: 10\nexporters:\n  otlp:\n    endpoint: tempo.observability:4317',
            'otel-collector.yaml',
          ) +
          image('otel-topology.png'),
        attachments: [
          { filename: 'otel-topology.png', mediaType: 'image/png', by: SAM, age: 75, data: png(300, 160, 4, 4) },
        ],
      },
      {
        title: 'Alerting rules migration',
        parent: 'Observability',
        author: SAM,
        age: 50,
        labels: ['observability', 'alerting'],
        issues: ['OPS-11'],
        body: (ids) =>
          p(
            'Nagios checks move to Prometheus Alertmanager (',
            jira(ids, 'OPS-11'),
            '). Export: ',
            attachmentLink('nagios-checks.txt'),
            '.',
          ) +
          code(
            ids,
            'yaml',
            '- alert: CheckoutErrorRate\n  expr: sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="checkout"}[5m])) > 0.05\n  for: 3m',
          ),
        attachments: [
          {
            filename: 'nagios-checks.txt',
            mediaType: 'text/plain',
            by: SAM,
            age: 50,
            data: text([
              'check_http!checkout.nimbus-works.example',
              'check_pgsql!orders-db',
              'check_disk!/var/lib/postgresql',
              'check_redis!cache-prod-1',
              'check_redis!cache-prod-2',
            ]),
          },
        ],
      },
      {
        title: 'SLOs: checkout',
        parent: 'Observability',
        author: SAM,
        age: 35,
        labels: ['observability', 'slo'],
        issues: ['OPS-15'],
        body: () =>
          table([
            ['SLI', 'Objective', 'Window'],
            ['Availability (non-5xx)', '99.9 %', '28 days'],
            ['Latency p95', '&lt; 400 ms', '28 days'],
          ]) + p('Error budget policy: feature work pauses when the budget is spent.'),
      },
      {
        title: 'On-call handover checklist',
        author: SAM,
        age: 90,
        labels: ['on-call', 'checklist'],
        issues: ['OPS-25'],
        body: (ids) =>
          tasks(ids, [
            { body: 'Open incidents and their owners' },
            { body: 'Alerts silenced, with their tickets' },
            { body: 'Deploys or maintenance planned this week' },
            { body: `Hand the pager over in PagerDuty and tell ${mention(SAM)}` },
          ]) + expand(ids, 'Why a checklist?', p('Two incidents in 2025 started during a handover.')),
      },
      {
        title: 'Kubernetes 1.31 upgrade plan',
        author: SAM,
        age: 22,
        labels: ['kubernetes', 'project'],
        issues: ['OPS-28'],
        body: (ids) =>
          jiraJql(ids, 'parent = OPS-28') +
          h(2, 'Order') +
          ol(p('Staging'), p('Batch node pool'), p('Production control plane'), p('Production node pools')) +
          p('Deprecated APIs checked with ', c('pluto'), '.'),
      },
      {
        title: 'Disaster recovery drill Q4',
        author: JONAS,
        age: 15,
        labels: ['dr', 'drill'],
        issues: ['OPS-33'],
        body: (ids) =>
          p('Quarterly drill: restore orders from backup into a fresh region (', jira(ids, 'OPS-33'), ').') +
          h(2, 'Goals') +
          ul(p('RTO under 2 hours'), p('RPO under 15 minutes')) +
          h(2, 'Results') +
          p('To be filled in after the drill.'),
      },
    ],
  };
}
