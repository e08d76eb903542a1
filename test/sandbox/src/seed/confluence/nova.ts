// The NOVA space: the Nova mobile app's product documentation — requirements with Jira
// macros for their issues, release notes, QA, design, roadmap.
import { DIEGO, GRACE, LENA, MAYA, PRIYA, TOM } from '../company.js';
import { csv, png } from './files.js';
import { requirementPages } from './nova-requirements.js';
import type { SpaceSpec } from './types.js';
import {
  attachmentLink,
  b,
  children,
  emoticon,
  expand,
  h,
  image,
  jira,
  jiraJql,
  layout,
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

export function novaSpace(now: number): SpaceSpec {
  const ymd = (age: number) => new Date(now - age * DAY).toISOString().slice(0, 10);
  return {
    key: 'NOVA',
    name: 'Nova Mobile App',
    type: 'global',
    description: 'Product documentation for the Nova mobile app: requirements, release notes, QA and design.',
    labels: ['product', 'mobile'],
    author: TOM,
    age: 380,
    home: {
      title: 'Nova Mobile App',
      author: TOM,
      age: 380,
      labels: ['home'],
      body: (ids) =>
        layout(
          'two_equal',
          h(2, 'What is Nova?') +
            p('The app merchants use to run their store from their phone: catalogue, orders, payments.'),
          h(2, 'Current release') +
            p(b('2.4.0'), ' shipped ', time(ymd(19)), '; 2.5.0 in progress ', status(ids, 'ON TRACK', 'Green')),
        ) +
        h(2, 'Epics') +
        jiraJql(ids, 'project = NOVA AND issuetype = Epic ORDER BY rank') +
        children(ids),
    },
    pages: [
      {
        title: 'Product requirements',
        author: TOM,
        age: 300,
        labels: ['prd'],
        body: (ids) => p('One page per epic. Use the "Product requirements" template.') + children(ids),
      },
      ...requirementPages(),
      { title: 'Release notes', author: TOM, age: 200, labels: ['release-notes'], body: (ids) => children(ids) },
      {
        title: 'Nova 2.4 release notes',
        parent: 'Release notes',
        author: TOM,
        age: 21,
        labels: ['release-notes', '2-4'],
        edits: [[LENA, 19, 'Copy edits']],
        body: (ids) =>
          panel(ids, 'info', p('Released ', time(ymd(19)), ' to 100 % of users.')) +
          h(2, 'New') +
          ul(p('Offline catalogue (beta) ', emoticon('star')), p('Biometric login with Face ID and fingerprint')) +
          h(2, 'Fixed') +
          ul(
            p(jira(ids, 'NOVA-47'), ' crash on launch with the Turkish locale'),
            p(jira(ids, 'NOVA-34'), ' VoiceOver read prices twice'),
            p(jira(ids, 'NOVA-57'), ' currency symbol position for en-GB'),
          ) +
          h(2, 'All issues') +
          jiraJql(ids, 'project = NOVA AND fixVersion = "2.4.0"'),
      },
      {
        title: 'Nova 2.5 release notes',
        parent: 'Release notes',
        author: TOM,
        age: 4,
        labels: ['release-notes', '2-5', 'draft'],
        body: (ids) =>
          panel(ids, 'note', p('Draft — ships ', time(ymd(-21)), '.')) +
          h(2, 'New') +
          ul(p('Offline mode for orders'), p('Redesigned checkout'), p('Notification preferences')) +
          h(2, 'All issues') +
          jiraJql(ids, 'project = NOVA AND fixVersion = "2.5.0"'),
      },
      { title: 'QA', author: PRIYA, age: 180, labels: ['qa'], body: (ids) => children(ids) },
      {
        title: 'Test plan: Offline mode',
        parent: 'QA',
        author: PRIYA,
        age: 30,
        labels: ['qa', 'offline', 'test-plan'],
        issues: ['NOVA-14'],
        body: (ids) =>
          h(2, 'Scope') +
          p('Catalogue cache, replay queue, conflict dialog, offline banner.') +
          h(2, 'Cases') +
          table([
            ['#', 'Case', 'Expected', 'Result'],
            [
              '1',
              'Kill the app while offline, reopen',
              'Catalogue images still shown',
              p(status(ids, 'PASS', 'Green')),
            ],
            [
              '2',
              'Edit an order offline, toggle airplane mode 5×',
              'Exactly one update on the server',
              p(status(ids, 'FAIL', 'Red'), ' ', jira(ids, 'NOVA-13')),
            ],
            [
              '3',
              'Edit the same order on two devices',
              'Conflict dialog on the second device',
              p(status(ids, 'PASS', 'Green')),
            ],
            [
              '4',
              '5,000 queued edits',
              'Replay completes in under 2 minutes',
              p(status(ids, 'NOT RUN', 'Grey'), ' ', jira(ids, 'NOVA-14')),
            ],
          ]) +
          expand(ids, 'Test devices', p('See ', pageLink('Device matrix'), '.')),
      },
      {
        title: 'Device matrix',
        parent: 'QA',
        author: DIEGO,
        age: 100,
        labels: ['qa', 'devices'],
        edits: [[DIEGO, 20, 'Android 15 devices']],
        body: () =>
          h(2, 'Devices') +
          table([
            ['Device', 'OS', 'Tier'],
            ['iPhone 15', 'iOS 18', 'A'],
            ['iPhone SE (2nd gen)', 'iOS 17', 'B'],
            ['Pixel 8', 'Android 15', 'A'],
            ['Samsung Galaxy A14', 'Android 14', 'A'],
          ]) +
          h(2, 'OS builds') +
          p('Raw list with OS builds: ', attachmentLink('device-matrix.csv'), '.'),
        attachments: [
          {
            filename: 'device-matrix.csv',
            mediaType: 'text/csv',
            by: DIEGO,
            age: 20,
            versions: 2,
            data: csv([
              ['device', 'os', 'build', 'tier'],
              ['iPhone 15', 'iOS 18.1', '22B83', 'A'],
              ['iPhone SE 2', 'iOS 17.6', '21G80', 'B'],
              ['Pixel 8', 'Android 15', 'AP3A.241005.015', 'A'],
              ['Galaxy A14', 'Android 14', 'UP1A.231005.007', 'A'],
            ]),
          },
        ],
      },
      { title: 'Design', author: GRACE, age: 160, labels: ['design'], body: (ids) => children(ids) },
      {
        title: 'Checkout flow designs',
        parent: 'Design',
        author: GRACE,
        age: 75,
        labels: ['design', 'checkout'],
        issues: ['NOVA-17'],
        body: () =>
          h(2, 'Cart') +
          image('checkout-cart.png', 360) +
          h(2, 'Payment') +
          image('checkout-payment.png', 360) +
          p('Figma: ', `<a href="https://www.figma.com/file/nimbus/checkout-2025">Checkout 2025</a>`, '.'),
        attachments: [
          { filename: 'checkout-cart.png', mediaType: 'image/png', by: GRACE, age: 75, data: png(180, 320, 2, 3) },
          {
            filename: 'checkout-payment.png',
            mediaType: 'image/png',
            by: GRACE,
            age: 74,
            data: png(180, 320, 3, 3),
            versions: 3,
          },
        ],
        comments: [
          {
            by: PRIYA,
            age: 70,
            text: 'Where does the promo code field go on the single page?',
            replies: [{ by: GRACE, age: 69, text: 'Collapsed under the total, see the payment frame.' }],
          },
        ],
      },
      {
        title: 'Design system buttons migration',
        parent: 'Design',
        author: DIEGO,
        age: 55,
        labels: ['design', 'design-system'],
        issues: ['NOVA-19'],
        body: (ids) =>
          p('Tracking the migration of checkout screens to the new buttons: ', jira(ids, 'NOVA-19'), '.') +
          table([
            ['Old', 'New'],
            ['PrimaryButton', 'Button variant="primary"'],
            ['LinkButton', 'Button variant="subtle"'],
          ]),
      },
      {
        title: 'Android 15 readiness checklist',
        author: DIEGO,
        age: 45,
        labels: ['android', 'checklist'],
        issues: ['NOVA-41'],
        body: (ids) =>
          tasks(ids, [
            { body: `targetSdkVersion 35 ${jira(ids, 'NOVA-42')}` },
            { body: `Edge-to-edge layout ${jira(ids, 'NOVA-43')}` },
            { body: `Foreground service types ${jira(ids, 'NOVA-44')}` },
            { body: `Predictive back ${jira(ids, 'NOVA-45')}` },
            { body: `16 KB page size ${jira(ids, 'NOVA-46')}`, done: true },
          ]),
      },
      {
        title: 'Roadmap 2026',
        author: TOM,
        age: 120,
        labels: ['roadmap'],
        edits: [
          [TOM, 60, 'H2 update'],
          [MAYA, 10, 'Engineering capacity'],
        ],
        body: (ids) =>
          toc(ids, 2) +
          h(2, 'H1') +
          ul(p('Offline mode'), p('Checkout redesign')) +
          h(2, 'H2') +
          ul(p('Notification preferences'), p('Accessibility'), p('Android 15')) +
          h(2, 'Capacity') +
          p(
            'Mobile squad: 5 engineers; platform: 3. See ',
            pageLink('Engineering running log', 'ENG'),
            ' for progress.',
          ),
      },
      {
        title: 'Nova 2.4 is out',
        kind: 'blogpost',
        author: TOM,
        age: 19,
        labels: ['release', 'announcement'],
        body: (ids) =>
          p('Nova 2.4 is rolling out today with the offline catalogue beta and biometric login. ', emoticon('tick')) +
          p('Read the ', pageLink('Nova 2.4 release notes'), ' for the details. ', jira(ids, 'NOVA-56')),
      },
    ],
  };
}
