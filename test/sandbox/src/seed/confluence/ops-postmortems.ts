// OPS › Incident postmortems: blameless postmortems, each linked from its Jira incident.
import { JONAS, PRIYA, SAM } from '../company.js';
import type { PageSpec } from './types.js';
import { h, jira, mention, p, status, table, tasks, time } from './xhtml.js';

const DAY = 86_400_000;

export function postmortemPages(now: number): PageSpec[] {
  const ymd = (age: number) => new Date(now - age * DAY).toISOString().slice(0, 10);
  const postmortem = (
    title: string,
    o: {
      age: number;
      issue: string;
      summary: string;
      impact: string;
      timeline: Array<[string, string]>;
      cause: string;
      actions: Array<{ body: string; done?: boolean }>;
    },
  ): PageSpec => ({
    title: `${ymd(o.age)} ${title}`,
    parent: 'Incident postmortems',
    author: SAM,
    age: o.age - 1,
    labels: ['postmortem', 'incident'],
    issues: [o.issue],
    edits: [[JONAS, o.age - 3, 'Timeline and actions']],
    body: (ids) =>
      table([
        ['Incident', 'Severity', 'Date', 'Status'],
        [p(jira(ids, o.issue)), 'P1', p(time(ymd(o.age))), p(status(ids, 'RESOLVED', 'Green'))],
      ]) +
      h(2, 'Summary') +
      p(o.summary) +
      h(2, 'Impact') +
      p(o.impact) +
      h(2, 'Timeline (UTC)') +
      table([['Time', 'Event'], ...o.timeline]) +
      h(2, 'Root cause') +
      p(o.cause) +
      h(2, 'Action items') +
      tasks(ids, o.actions),
  });
  return [
    postmortem('Checkout API 502s in eu-west-1', {
      age: 27,
      issue: 'OPS-16',
      summary: 'The checkout API returned 502 for 12 % of requests in eu-west-1 for 38 minutes.',
      impact: 'About 1,900 failed checkouts; most buyers retried successfully.',
      timeline: [
        ['09:12', 'Ingress config reload after an annotation change'],
        ['09:15', 'Alert: checkout 5xx above 5 %'],
        ['09:31', 'Ingress controller rolled back'],
        ['09:50', 'Error rate back to baseline'],
      ],
      cause: 'The new ingress controller version dropped keep-alive connections during config reloads.',
      actions: [
        { body: `Pin the ingress controller version ${mention(SAM)}`, done: true },
        { body: `Alert on 5xx per region ${mention(JONAS)}` },
      ],
    }),
    postmortem('Catalogue search latency after deploy', {
      age: 20,
      issue: 'OPS-17',
      summary: 'p99 latency of catalogue search rose from 300 ms to 2.4 s after deploy 2024.11.3.',
      impact: 'Slow search for all users for 2 hours; no errors.',
      timeline: [
        ['14:02', 'Deploy 2024.11.3'],
        ['14:20', 'Latency alert'],
        ['16:05', 'Missing index identified and created'],
      ],
      cause: 'A migration dropped and re-created an index without CONCURRENTLY; the re-create failed silently.',
      actions: [{ body: 'Lint migrations for CREATE INDEX without CONCURRENTLY' }],
    }),
    postmortem('FCM outage delayed order updates', {
      age: 9,
      issue: 'OPS-34',
      summary: 'A Firebase Cloud Messaging outage delayed order update notifications by up to 3 hours.',
      impact: 'Merchants saw new orders late; no data lost.',
      timeline: [
        ['07:40', 'FCM error rate rises'],
        ['08:10', 'Status page updated'],
        ['10:45', 'FCM recovers; backlog delivered'],
      ],
      cause: 'Upstream outage; our retry queue had no alert on its age.',
      actions: [
        { body: 'Alert when the oldest queued notification is older than 10 minutes' },
        { body: `In-app banner during provider outages ${mention(PRIYA)}` },
      ],
    }),
  ];
}
