// ENG › Architecture: the deep tree (Home › Architecture › System overview › Mobile app
// architecture › Offline sync design › Replay queue internals › Conflict resolution strategies)
// and the decision records.
import { DIEGO, JONAS, MAYA, PRIYA, SAM, TOM } from '../company.js';
import { adrPages } from './eng-adr.js';
import { referencePage } from './eng-reference.js';
import { png } from './files.js';
import type { PageSpec } from './types.js';
import {
  b,
  c,
  children,
  code,
  expand,
  h,
  image,
  jira,
  jiraJql,
  layout,
  mention,
  p,
  pageLink,
  panel,
  status,
  table,
  toc,
  ul,
} from './xhtml.js';

export const architecturePages = (): PageSpec[] => [
  {
    title: 'Architecture',
    author: MAYA,
    age: 300,
    labels: ['architecture'],
    body: (ids) =>
      p('How Nimbus Works systems fit together, and why. Start with the system overview; decisions live in the ADRs.') +
      children(ids),
  },
  {
    title: 'System overview',
    parent: 'Architecture',
    author: MAYA,
    age: 290,
    labels: ['architecture', 'overview'],
    edits: [
      [JONAS, 120, 'Added the GraphQL gateway'],
      [SAM, 30, 'Observability section'],
    ],
    body: (ids) =>
      toc(ids) +
      h(2, 'Components') +
      image('system-overview.png') +
      layout(
        'two_equal',
        h(3, 'Clients') + ul(p('Nova iOS and Android apps (React Native)'), p('Merchant web dashboard')),
        h(3, 'Backend') +
          ul(p('GraphQL gateway'), p('Orders, catalogue and payments services'), p('Postgres 16, Redis, S3')),
      ) +
      h(2, 'Request flow') +
      p(
        'Every client call goes through the GraphQL gateway, which fans out to the services over gRPC. Writes from the apps are queued on the device while offline and replayed in order.',
      ) +
      h(2, 'Observability') +
      p(
        'Traces via OpenTelemetry (',
        pageLink('OpenTelemetry rollout plan', 'OPS'),
        '), metrics in Prometheus, logs in Loki.',
      ),
    attachments: [
      {
        filename: 'system-overview.png',
        mediaType: 'image/png',
        by: MAYA,
        age: 120,
        data: png(320, 180, 1, 5),
        comment: 'Context diagram',
        versions: 2,
      },
    ],
    inline: [
      {
        by: TOM,
        age: 100,
        selection: 'replayed in order',
        text: 'In order per device, or globally?',
        replies: [{ by: PRIYA, age: 99, text: 'Per device. The server resolves cross-device conflicts.' }],
      },
    ],
  },
  {
    title: 'Mobile app architecture',
    parent: 'System overview',
    author: PRIYA,
    age: 250,
    labels: ['architecture', 'mobile'],
    body: (ids) =>
      h(2, 'Layers') +
      ol3(
        'UI (React Native screens, Design System components)',
        'State (Zustand stores, one per feature)',
        'Data (GraphQL client, SQLite cache, replay queue)',
      ) +
      h(2, 'Navigation') +
      p('Deep links resolve through one route table; see ', jira(ids, 'NOVA-52'), ' for the cold-start bug.') +
      h(2, 'Offline') +
      p('Details in ', pageLink('Offline sync design'), '.'),
  },
  {
    title: 'Offline sync design',
    parent: 'Mobile app architecture',
    author: PRIYA,
    age: 60,
    labels: ['architecture', 'offline', 'design'],
    edits: [
      [DIEGO, 50, 'Cache eviction'],
      [PRIYA, 35, 'Replay queue'],
      [MAYA, 33, 'Decision on conflicts'],
    ],
    issues: ['NOVA-2', 'NOVA-3'],
    body: (ids) =>
      panel(ids, 'info', p('Status: ', status(ids, 'IN REVIEW', 'Blue'), ' — owner ', mention(PRIYA))) +
      toc(ids) +
      h(2, 'Goals') +
      ul(
        p('Browse the catalogue without a connection'),
        p('Edit orders offline and never lose an edit'),
        p('Tell the user when data is stale'),
      ) +
      h(2, 'Catalogue cache') +
      p('Products and images are cached in SQLite (', jira(ids, 'NOVA-2'), '). Eviction is LRU with a 200 MB cap.') +
      code(
        ids,
        'sql',
        'CREATE TABLE product (\n  id TEXT PRIMARY KEY,\n  payload BLOB NOT NULL,\n  fetched_at INTEGER NOT NULL\n);\nCREATE INDEX product_fetched ON product (fetched_at);',
        'schema.sql',
      ) +
      h(2, 'Replay queue') +
      p(
        'Edits are appended to a durable queue and replayed on reconnect (',
        jira(ids, 'NOVA-3'),
        '); internals in ',
        pageLink('Replay queue internals'),
        '.',
      ) +
      h(2, 'Conflicts') +
      p('The server wins unless the user chooses "keep mine". ', b('Decision'), ': no field-level merge in 2.5.'),
    comments: [
      {
        by: JONAS,
        age: 34,
        text: 'The server side needs an idempotency key per queued edit, otherwise replays after a timeout duplicate orders.',
        replies: [{ by: PRIYA, age: 34, text: 'Agreed, added to the queue schema (client-generated UUID).' }],
      },
    ],
  },
  {
    title: 'Replay queue internals',
    parent: 'Offline sync design',
    author: DIEGO,
    age: 40,
    labels: ['offline', 'design'],
    issues: ['NOVA-4', 'NOVA-5'],
    body: (ids) =>
      h(2, 'Schema') +
      code(
        ids,
        'typescript',
        'interface QueuedEdit {\n  id: string;          // client UUID, also the idempotency key\n  orderId: string;\n  patch: JsonPatch[];\n  attempts: number;\n  nextAttemptAt: number;\n}',
        'queue.ts',
      ) +
      h(2, 'Backoff') +
      p('Delay is ', c('min(2^attempts × 500 ms, 5 min)'), ' with full jitter.') +
      expand(
        ids,
        'Example replay log',
        code(
          ids,
          'text',
          '09:14:02 replay q-81 attempt=1 -> 503\n09:14:03 replay q-81 attempt=2 -> 503\n09:14:05 replay q-81 attempt=3 -> 200',
        ),
      ) +
      h(2, 'Metrics') +
      table([
        ['Metric', 'Type', 'Meaning'],
        [c('replay_attempts_total'), 'counter', 'Every attempt'],
        [c('replay_failures_total'), 'counter', 'Attempts that failed (by status)'],
        [c('replay_queue_depth'), 'gauge', 'Edits waiting on the device'],
      ]),
  },
  {
    title: 'Conflict resolution strategies',
    parent: 'Replay queue internals',
    author: PRIYA,
    age: 36,
    labels: ['offline', 'spike'],
    issues: ['NOVA-7'],
    body: (ids) =>
      p('Outcome of the spike ', jira(ids, 'NOVA-7'), '.') +
      table([
        ['Strategy', 'Effort', 'User experience', 'Verdict'],
        ['Last write wins', 'S', 'Silent data loss', p(status(ids, 'REJECTED', 'Red'))],
        ['Keep mine / keep theirs', 'M', 'One dialog per conflict', p(status(ids, 'CHOSEN', 'Green'))],
        ['Field-level merge (CRDT)', 'XL', 'Invisible', p(status(ids, 'LATER', 'Grey'))],
      ]) +
      h(2, 'Notes') +
      p('CRDTs would need a schema change on every order field. Revisit for 3.0.'),
  },
  {
    title: 'Backend services',
    parent: 'System overview',
    author: JONAS,
    age: 240,
    labels: ['architecture', 'backend'],
    body: (ids) =>
      table([
        ['Service', 'Language', 'Owner', 'Runbook'],
        ['GraphQL gateway', 'TypeScript', p(mention(JONAS)), p(pageLink('GraphQL gateway'))],
        ['Orders', 'Go', p(mention(JONAS)), p(pageLink('Orders service'))],
        ['Payments', 'Kotlin', p(mention(SAM)), p(pageLink('Failing over the primary database', 'OPS'))],
      ]) + children(ids),
  },
  {
    title: 'GraphQL gateway',
    parent: 'Backend services',
    author: JONAS,
    age: 200,
    labels: ['backend', 'graphql'],
    body: (ids) =>
      p('Schema-first gateway on Apollo Server. Persisted queries only in production.') +
      code(
        ids,
        'graphql',
        'type Order {\n  id: ID!\n  status: OrderStatus!\n  lines: [OrderLine!]!\n  updatedAt: DateTime!\n}',
      ) +
      p('Traces: ', jira(ids, 'OPS-10'), '.'),
  },
  {
    title: 'Orders service',
    parent: 'Backend services',
    author: JONAS,
    age: 190,
    labels: ['backend'],
    body: () =>
      h(2, 'Endpoints') +
      table([
        ['RPC', 'Idempotent', 'Notes'],
        [c('CreateOrder'), 'yes (key)', 'Idempotency key from the app queue'],
        [c('UpdateOrder'), 'yes (key)', 'JSON patch'],
        [c('ListOrders'), 'n/a', 'Cursor paginated'],
      ]) +
      h(2, 'Storage') +
      p('Postgres 16, ', c('orders'), ' schema. Migration policy: expand, migrate, contract.'),
  },
  {
    title: 'Architecture decision records',
    parent: 'Architecture',
    author: MAYA,
    age: 280,
    labels: ['adr'],
    body: (ids) =>
      p('One page per decision. Copy the "Decision record (ADR)" template.') +
      jiraJql(ids, 'labels = architecture ORDER BY created DESC') +
      children(ids),
  },
  referencePage(),
  ...adrPages(),
];

const ol3 = (...items: string[]) => `<ol>${items.map((x) => `<li><p>${x}</p></li>`).join('')}</ol>`;
