// The ENG space's "Engineering running log": where the team writes down, day by day, what was
// done and decided. One `<h2>` per week (oldest first), so each saved version added a week.
import { DIEGO, JONAS, MAYA, PRIYA, SAM, TOM } from '../company.js';
import type { PageSpec } from './types.js';
import { b, c, code, type Ids, jira, mention, p, panel, status, table, tasks, time, toc, ul } from './xhtml.js';

const DAY = 86_400_000;

interface Entry {
  by: string;
  age: number;
  body: (ids: Ids) => string;
}

export function runningLog(now: number): PageSpec {
  const ymd = (age: number) => new Date(now - age * DAY).toISOString().slice(0, 10);
  const weeks: Array<{ age: number; entries: Entry[] }> = [
    {
      age: 55,
      entries: [
        {
          by: MAYA,
          age: 55,
          body: () =>
            p(
              'Started this log. Anyone can add an entry: date, what happened, links to the issues. Keep it short; details go to the linked pages.',
            ),
        },
        {
          by: PRIYA,
          age: 54,
          body: (ids) =>
            p(
              'Kicked off the offline mode epic ',
              jira(ids, 'NOVA-1'),
              '. Spike on the catalogue cache first, queue second.',
            ),
        },
      ],
    },
    {
      age: 48,
      entries: [
        {
          by: DIEGO,
          age: 47,
          body: (ids) =>
            p(
              'SQLite catalogue cache behind a feature flag (',
              jira(ids, 'NOVA-2'),
              '). Cold start with a warm cache: 1.9 s → 1.2 s on a Pixel 6.',
            ),
        },
        {
          by: JONAS,
          age: 46,
          body: (ids) =>
            p(
              'Staging Postgres is on 16 (',
              jira(ids, 'OPS-2'),
              '). ',
              b('pg_stat_statements'),
              ' did not load after the upgrade; fixed by re-creating the extension:',
            ) +
            code(
              ids,
              'sql',
              'DROP EXTENSION IF EXISTS pg_stat_statements;\nCREATE EXTENSION pg_stat_statements;\nSELECT count(*) FROM pg_stat_statements;',
            ),
        },
      ],
    },
    {
      age: 41,
      entries: [
        {
          by: SAM,
          age: 41,
          body: (ids) =>
            p(
              'OpenTelemetry collector runs as a DaemonSet in all three clusters (',
              jira(ids, 'OPS-9'),
              '). Sampling at 10 % for now; payments excluded until ',
              jira(ids, 'OPS-14'),
              ' is understood.',
            ),
        },
        {
          by: TOM,
          age: 40,
          body: (ids) =>
            p(
              'Checkout redesign scope agreed with design: single page, Apple Pay and Google Pay first-class. Tracking in ',
              jira(ids, 'NOVA-16'),
              '.',
            ),
        },
      ],
    },
    {
      age: 34,
      entries: [
        {
          by: PRIYA,
          age: 34,
          body: (ids) =>
            p(
              'Replay worker merged (',
              jira(ids, 'NOVA-5'),
              '). Backoff: ',
              c('min(2^n × 500 ms, 5 min)'),
              ' with full jitter. Status: ',
              status(ids, 'SHIPPED', 'Green'),
            ) +
            ul(
              p('Duplicate updates after airplane mode toggles: ', jira(ids, 'NOVA-13')),
              p('Metrics for replay failures: ', jira(ids, 'NOVA-6')),
            ),
        },
        {
          by: MAYA,
          age: 33,
          body: () =>
            p(
              'Decided: conflict resolution stays "keep mine / keep theirs" for 2.5; field-level merge is out of scope. See the design page for the reasoning.',
            ),
        },
      ],
    },
    {
      age: 27,
      entries: [
        {
          by: SAM,
          age: 27,
          body: (ids) =>
            p(
              b('Incident'),
              ': checkout API returned 502s for 12 % of requests in eu-west-1 for 38 minutes (',
              jira(ids, 'OPS-16'),
              '). Root cause: the new ingress controller dropped keep-alive connections during config reloads. Postmortem is in the OPS space.',
            ) +
            panel(
              ids,
              'warning',
              p('Until the ingress fix is out, do not change ingress annotations during business hours.'),
            ),
        },
        {
          by: JONAS,
          age: 26,
          body: (ids) =>
            p(
              'Benchmarked the orders workload on PG16 vs PG14 (',
              jira(ids, 'OPS-4'),
              '): p95 of the order history query 41 ms → 29 ms. Numbers in the Postgres 16 upgrade page.',
            ),
        },
      ],
    },
    {
      age: 20,
      entries: [
        {
          by: DIEGO,
          age: 20,
          body: (ids) =>
            p(
              'Turkish locale crash on launch (',
              jira(ids, 'NOVA-47'),
              '): ',
              c('"i".toUpperCase()'),
              ' in the route table. Fixed by using ',
              c('Locale.ROOT'),
              '. Added a test that launches the app in ',
              c('tr-TR'),
              '.',
            ) +
            code(ids, 'kotlin', 'val key = name.uppercase(Locale.ROOT)\nroutes[key] ?: error("unknown route $name")'),
        },
        {
          by: TOM,
          age: 19,
          body: (ids) =>
            p(
              'Nova 2.4 shipped to 100 % on ',
              time(ymd(19)),
              '. Crash-free sessions 99.6 %. ',
              jira(ids, 'NOVA-58'),
              ' will give us the dashboard per release.',
            ),
        },
      ],
    },
    {
      age: 13,
      entries: [
        {
          by: SAM,
          age: 13,
          body: (ids) =>
            p('Kubernetes 1.31: staging done (', jira(ids, 'OPS-29'), '), production scheduled. Checklist:') +
            tasks(ids, [
              { done: true, body: `Drain and upgrade the batch node pool ${mention(SAM)}` },
              { done: true, body: 'Verify PodDisruptionBudgets on payments and orders' },
              { body: `Production control plane upgrade on ${time(ymd(6))} ${mention(JONAS)}` },
            ]),
        },
        {
          by: MAYA,
          age: 12,
          body: (ids) =>
            p(
              'Q4 hardening release agreed: crash fixes and the accessibility audit (',
              jira(ids, 'NOVA-33'),
              ') take priority over new features.',
            ),
        },
      ],
    },
    {
      age: 6,
      entries: [
        {
          by: PRIYA,
          age: 6,
          body: (ids) =>
            p('Sprint 25 is half way. Burn-down on track; one risk:') +
            table([
              ['Item', 'Owner', 'Status'],
              [p(jira(ids, 'NOVA-9')), p(mention(DIEGO)), p(status(ids, 'AT RISK', 'Yellow'))],
              [p(jira(ids, 'NOVA-17')), p(mention(PRIYA)), p(status(ids, 'IN PROGRESS', 'Blue'))],
            ]),
        },
        {
          by: JONAS,
          age: 5,
          body: (ids) =>
            p(
              'Nightly backup of the orders database failed twice (',
              jira(ids, 'OPS-18'),
              '): the WAL archive bucket hit its object lock quota. Quota raised; alert added.',
            ),
        },
        {
          by: SAM,
          age: 2,
          body: (ids) =>
            p(
              'Redis on cache-prod-2 at 92 % memory (',
              jira(ids, 'OPS-20'),
              '). Evicting the old session keys buys a week; resizing next sprint.',
            ),
        },
      ],
    },
  ];
  const body = (ids: Ids) =>
    panel(
      ids,
      'info',
      p(
        'The team writes down what was done and decided, newest week at the bottom. Add an entry with the date, your name and the issue keys.',
      ),
      'How to use this page',
    ) +
    toc(ids, 2) +
    weeks
      .map(
        (w) =>
          `<h2>Week of ${ymd(w.age)}</h2>` +
          w.entries.map((e) => `<h3>${ymd(e.age)} — ${mention(e.by)}</h3>${e.body(ids)}`).join(''),
      )
      .join('');
  return {
    title: 'Engineering running log',
    author: MAYA,
    age: 56,
    labels: ['running-log', 'engineering'],
    body,
    edits: weeks.slice(1).map((w) => [w.entries[0]!.by, w.age, `Week of ${ymd(w.age)}`] as [string, number, string]),
    comments: [
      { by: TOM, age: 18, text: 'This page is the first thing I read on Monday. Thanks for keeping it up to date.' },
      {
        by: PRIYA,
        age: 5,
        text: `Could we link the sprint reports here too? ${mention(MAYA)}`,
        replies: [{ by: MAYA, age: 4, text: 'Good idea, I will add them from Sprint 26.' }],
      },
    ],
    inline: [
      {
        by: JONAS,
        age: 33,
        selection: 'field-level merge is out of scope',
        text: 'For 2.5 only, right? The sales team keeps asking for it.',
        replies: [{ by: MAYA, age: 32, text: 'Yes, 2.5 only. We revisit for 3.0.' }],
      },
      {
        by: SAM,
        age: 26,
        selection: 'do not change ingress annotations during business hours',
        text: 'Fix is deployed, can we lift this?',
        resolved: { by: SAM, age: 15 },
      },
    ],
    issues: ['NOVA-1', 'OPS-16'],
  };
}
