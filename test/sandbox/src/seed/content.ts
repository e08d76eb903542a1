// Realistic ADF descriptions and comments for seed issues.
import type { Adf, User } from '../jira/model.js';
import {
  code,
  codeBlock,
  date,
  doc,
  em,
  emoji,
  expand,
  h,
  inlineCard,
  link,
  media,
  mention,
  ol,
  p,
  panel,
  quote,
  rule,
  statusLozenge,
  strong,
  table,
  taskList,
  ul,
} from './adf.js';

export type Rng = () => number;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ContentCtx {
  rng: Rng;
  key: string;
  summary: string;
  reporter: User;
  assignee?: User;
  others: User[];
  now: number;
  mediaId: () => string;
}

const first = (u: User) => u.displayName.split(' ')[0]!;

export function bugDescription(c: ContentCtx): Adf {
  const device = pick(c.rng, [
    'iPhone 15 Pro, iOS 18.1',
    'Pixel 8, Android 15',
    'Galaxy S23, Android 14',
    'iPad Air, iPadOS 17.6',
  ]);
  const build = `2.5.0 (${4100 + Math.floor(c.rng() * 80)})`;
  const trace = pick(c.rng, [
    'Fatal Exception: java.lang.IllegalStateException: Fragment not attached to a context.\n  at androidx.fragment.app.Fragment.requireContext(Fragment.java:972)\n  at works.nimbus.checkout.CheckoutFragment.onPromoApplied(CheckoutFragment.kt:214)',
    'Thread 0 Crashed:\n0  NovaApp  CatalogueStore.image(for:) + 212 (CatalogueStore.swift:88)\n1  NovaApp  ProductCardView.body.getter + 640\n2  SwiftUI  ViewGraph.updateOutputs() + 124',
    'ERROR sync.replay op=update_order id=ord_9f3k2 attempt=2 status=409 body={"code":"VERSION_CONFLICT"}\nERROR sync.replay op=update_order id=ord_9f3k2 attempt=3 status=409',
    "TypeError: Cannot read properties of undefined (reading 'amount')\n    at formatTotal (checkout/total.ts:41:22)\n    at CheckoutSummary (checkout/Summary.tsx:73:9)",
  ]);
  const blocks = [
    p('Reported by ', mention(c.reporter.accountId, c.reporter.displayName), ' after testing build ', code(build), '.'),
    h(3, 'Steps to reproduce'),
    ol(
      ['Sign in with a test account that has at least one past order.'],
      ['Open the screen described in the summary.'],
      ['Repeat the action twice in quick succession.'],
    ),
    h(3, 'Expected result'),
    p("The screen updates once and keeps the user's input."),
    h(3, 'Actual result'),
    p(
      c.summary.charAt(0).toLowerCase() + c.summary.slice(1),
      '. Happens ',
      strong(pick(c.rng, ['every time', 'about 1 in 3 attempts', 'only on the first launch'])),
      '.',
    ),
    table(
      ['Environment', 'Value'],
      [
        ['Device', device],
        ['Build', build],
        ['Network', pick(c.rng, ['Wi-Fi', '4G', 'offline → Wi-Fi'])],
      ],
    ),
    codeBlock(pick(c.rng, ['text', 'kotlin', 'swift', 'javascript']), trace),
  ];
  if (c.rng() < 0.5) blocks.push(media(c.mediaId(), 'Screenshot of the problem', 1170, 2532));
  if (c.rng() < 0.4)
    blocks.push(
      panel(
        'warning',
        p(strong('Workaround: '), 'force-quit the app and open it again. Support has a macro for this.'),
      ),
    );
  return doc(...blocks);
}

export function storyDescription(c: ContentCtx): Adf {
  const persona = pick(c.rng, ['shop owner', 'returning customer', 'warehouse picker', 'first-time buyer']);
  const blocks = [
    p(
      strong('As a '),
      persona,
      strong(', I want '),
      c.summary.charAt(0).toLowerCase() + c.summary.slice(1),
      strong(', so that '),
      pick(c.rng, [
        'I can keep working when the connection drops.',
        'I finish my purchase faster.',
        'I only get the notifications I care about.',
        'the app works with the accessibility settings I rely on.',
      ]),
    ),
    h(3, 'Context'),
    p(
      'Came out of the ',
      link('customer interviews in October', 'https://nimbus-works.example/research/2024-10-interviews'),
      '. ',
      em('"I lose my cart every time I go into the cellar"'),
      ' was the most quoted pain point.',
    ),
    h(3, 'Design'),
    p(inlineCard('https://www.figma.com/file/NovaApp2024/Checkout?node-id=1204-3310')),
    panel(
      'info',
      p('Copy is final; illustrations are placeholders until the brand review on ', date(c.now + 5 * 86_400_000), '.'),
    ),
    h(3, 'Out of scope'),
    ul(['Tablet layouts'], ['Web checkout']),
  ];
  return doc(...blocks);
}

export function acceptanceCriteria(c: ContentCtx): Adf {
  return doc(
    taskList(`ac-${c.key}`, [
      ['Works offline and online', c.rng() < 0.5],
      ['VoiceOver and TalkBack labels reviewed', c.rng() < 0.4],
      ['Analytics events documented in the tracking plan', false],
    ]),
    p('Sign-off by ', mention(c.reporter.accountId, c.reporter.displayName), '.'),
  );
}

export function taskDescription(c: ContentCtx): Adf {
  const blocks = [
    p(
      pick(c.rng, [
        'Housekeeping task',
        'Follow-up from the last retro',
        'Needed before the next release',
        'Requested by the platform team',
      ]),
      ': ',
      c.summary.toLowerCase(),
      '.',
    ),
    h(3, 'Plan'),
    ul(
      ['Check current usage and owners'],
      ['Make the change behind a flag'],
      ['Roll out and remove the flag after a week'],
    ),
  ];
  if (c.rng() < 0.5) {
    blocks.push(
      codeBlock(
        'bash',
        pick(c.rng, [
          'kubectl -n orders rollout status deploy/orders-api\nkubectl -n orders get hpa orders-api -o wide',
          'psql "$ORDERS_DSN" -c "SELECT version();"\npg_upgrade --check -b /usr/lib/postgresql/14/bin -B /usr/lib/postgresql/16/bin',
          './gradlew :app:assembleRelease -PtargetSdk=35\nbundle exec fastlane android beta',
          'terraform plan -target=module.ci_runners -out=plan.out',
        ]),
      ),
    );
  }
  if (c.rng() < 0.3)
    blocks.push(
      panel(
        'note',
        p(
          'Talk to ',
          mention(pick(c.rng, c.others).accountId, pick(c.rng, c.others).displayName),
          ' before touching production.',
        ),
      ),
    );
  return doc(...blocks);
}

export function epicDescription(c: ContentCtx): Adf {
  return doc(
    h(2, 'Why'),
    p(
      c.summary,
      ' is one of our ',
      strong('Q4 goals'),
      '. Success means fewer support tickets and a higher conversion rate.',
    ),
    h(2, 'Milestones'),
    table(
      ['Milestone', 'Target', 'Status'],
      [
        ['Discovery and design', 'Sprint 22', statusLozenge('Done', 'green')],
        ['Beta behind a feature flag', 'Sprint 25', statusLozenge('In progress', 'blue')],
        ['General availability', 'Release 2.5.0', statusLozenge('Not started', 'neutral')],
      ],
    ),
    h(2, 'Metrics'),
    ul(['Checkout conversion +3 pp'], ['Crash-free sessions ≥ 99.8 %'], ['Support tickets tagged "sync" −50 %']),
    panel(
      'success',
      p(
        'Kick-off notes: ',
        link('Confluence: Q4 planning', 'https://nimbus-works.example/wiki/spaces/NOVA/pages/8812/Q4+planning'),
        ' ',
        emoji(':rocket:', '🚀'),
      ),
    ),
    expand(
      'Decision log',
      p('2024-09-30: keep SQLite over Realm (licence, team experience).'),
      p('2024-10-14: no tablet layouts in v1.'),
    ),
  );
}

export function incidentDescription(c: ContentCtx): Adf {
  const start = c.now - Math.floor(c.rng() * 20 + 2) * 86_400_000;
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  return doc(
    panel(
      'error',
      p(
        strong('Customer impact: '),
        pick(c.rng, [
          'checkout failures for some EU customers',
          'slow search results',
          'delayed order notifications',
          'none yet — risk of outage',
        ]),
        '.',
      ),
    ),
    h(3, 'Timeline (UTC)'),
    table(
      ['Time', 'Event'],
      [
        [hhmm(start), 'Alert fired: error rate above SLO burn threshold'],
        [
          hhmm(start + 6 * 60_000),
          [
            'On-call ',
            mention(c.assignee?.accountId ?? c.reporter.accountId, c.assignee?.displayName ?? c.reporter.displayName),
            ' acknowledged',
          ] as never,
        ],
        [hhmm(start + 25 * 60_000), 'Mitigation: rolled back the last deploy'],
        [hhmm(start + 41 * 60_000), 'Metrics back to normal'],
      ],
    ),
    h(3, 'Evidence'),
    codeBlock(
      'text',
      pick(c.rng, [
        '2024-11-04T09:12:44Z upstream connect error or disconnect/reset before headers. reset reason: overflow\n2024-11-04T09:12:45Z 502 POST /graphql checkout.submitOrder 12.4s',
        'redis-cli -h cache-prod-2 info memory\nused_memory_human:14.72G\nmaxmemory_human:16.00G\nevicted_keys:0',
        'ERROR backup-orders: pg_basebackup: error: could not send replication command "TIMELINE_HISTORY"',
      ]),
    ),
    h(3, 'Follow-ups'),
    ul(['Postmortem within 5 working days'], ['Add a regression alert'], ['Update the runbook']),
    rule(),
    p(em('Severity and customer impact are re-assessed at every status change.')),
  );
}

export function businessDescription(c: ContentCtx): Adf {
  const blocks = [
    p(c.summary, ' for the ', strong('Nova 2.5'), ' launch.'),
    h(3, 'Deliverables'),
    ul(
      ['First draft for review'],
      ['Final version approved by ', mention(c.reporter.accountId, c.reporter.displayName)] as never,
      ['Published and linked in the launch tracker'],
    ),
    h(3, 'Brief'),
    quote(p('Keep it short, concrete, and show the product working in a real shop.')),
  ];
  if (c.rng() < 0.5) blocks.push(media(c.mediaId(), 'Mood board', 1600, 900));
  if (c.rng() < 0.5)
    blocks.push(
      panel(
        'info',
        p('Assets live in ', link('the shared drive', 'https://drive.nimbus-works.example/launch/nova-2-5'), '.'),
      ),
    );
  return doc(...blocks);
}

export function subtaskDescription(c: ContentCtx): Adf {
  return doc(p(c.summary, '.'), ul(['Code and tests'], ['Update the parent issue when done']));
}

const COMMENTS: Array<(c: ContentCtx, who: User) => Adf> = [
  (c) =>
    doc(p('I can reproduce this on ', code(pick(c.rng, ['2.5.0 (4123)', 'main', 'staging'])), '. Looking into it.')),
  (c) =>
    doc(
      p(
        mention((c.assignee ?? c.reporter).accountId, (c.assignee ?? c.reporter).displayName),
        ' can you take a look when you have a moment? ',
        emoji(':pray:', '🙏'),
      ),
    ),
  () => doc(p('PR is up: ', inlineCard('https://github.com/nimbus-works/nova-app/pull/' + 1000))),
  () => doc(p('Estimate looks right to me. We should pair on the tricky part — ', em('the retry logic'), '.')),
  () => doc(p('Blocked until the API change is deployed. Moving back to To Do for now.')),
  (c, who) =>
    doc(
      p('Tested on staging, works for me ', emoji(':white_check_mark:', '✅')),
      p(strong(first(who)), ' — signing off.'),
    ),
  () =>
    doc(
      p('Root cause below:'),
      codeBlock(
        'diff',
        '- const total = items.reduce((a, i) => a + i.price, 0)\n+ const total = items.reduce((a, i) => a + i.price * i.quantity, 0)',
      ),
    ),
  () => doc(p('Customer ', strong('Alpine Outfitters'), ' reported the same thing through support (ticket #48213).')),
];

export function comment(c: ContentCtx, who: User, n: number): Adf {
  const f = COMMENTS[n % COMMENTS.length]!;
  const body = f(c, who);
  if (n % COMMENTS.length === 2) {
    // Give PR links distinct numbers.
    return JSON.parse(JSON.stringify(body).replace('/pull/1000', `/pull/${1000 + Math.floor(c.rng() * 900)}`)) as Adf;
  }
  return body;
}

export function worklogComment(c: ContentCtx): Adf | undefined {
  if (c.rng() < 0.3) return undefined;
  return doc(
    p(
      pick(c.rng, [
        'Investigation',
        'Implementation and tests',
        'Code review fixes',
        'Pairing session',
        'Deploy and verification',
      ]),
    ),
  );
}
