// NOVA › Product requirements: one PRD per epic, with Jira macros for the epic's stories.
import { GRACE, LENA, PRIYA, TOM } from '../company.js';
import type { PageSpec } from './types.js';
import { h, jira, mention, p, status, table, tasks, toc, ul } from './xhtml.js';

const prd = (
  title: string,
  o: {
    age: number;
    epic: string;
    keys: string[];
    problem: string;
    goals: string[];
    nonGoals: string[];
    edits?: PageSpec['edits'];
    inline?: PageSpec['inline'];
  },
): PageSpec => ({
  title: `PRD: ${title}`,
  parent: 'Product requirements',
  author: TOM,
  age: o.age,
  labels: ['prd', 'requirements'],
  edits: o.edits,
  issues: [o.epic],
  inline: o.inline,
  body: (ids) =>
    table([
      ['Epic', 'Owner', 'Status', 'Target release'],
      [p(jira(ids, o.epic)), p(mention(TOM)), p(status(ids, 'IN PROGRESS', 'Blue')), '2.5.0'],
    ]) +
    toc(ids, 2) +
    h(2, 'Problem') +
    p(o.problem) +
    h(2, 'Goals') +
    ul(...o.goals.map((g) => p(g))) +
    h(2, 'Non-goals') +
    ul(...o.nonGoals.map((g) => p(g))) +
    h(2, 'User stories') +
    table([['Issue', 'Notes'], ...o.keys.map((k) => [p(jira(ids, k)), ''])]) +
    h(2, 'Open questions') +
    tasks(ids, [
      { body: `Confirm the analytics events with ${mention(LENA)}` },
      { body: 'Decide the rollout percentage for the first week', done: true },
    ]),
});

/** A spec not yet broken down into Jira issues (for spec-to-backlog): requirements with acceptance criteria. */
const orderExportSpec: PageSpec = {
  title: 'Spec: Order export',
  parent: 'Product requirements',
  author: TOM,
  age: 3,
  labels: ['spec', 'requirements'],
  body: (ids) =>
    table([
      ['Owner', 'Status', 'Target release'],
      [p(mention(TOM)), p(status(ids, 'DRAFT', 'Grey')), '3.0.0'],
    ]) +
    h(2, 'Problem') +
    p('Merchants copy orders into spreadsheets by hand for their bookkeeping; support gets ten requests a week.') +
    h(2, 'Goals') +
    ul(p('Export orders without contacting support'), p('Bookkeeping tools can import the file as it is')) +
    h(2, 'Requirements') +
    h(3, 'Export orders as CSV') +
    p('As a merchant I want to export the orders of a date range as CSV so that I can do my bookkeeping.') +
    ul(
      p('The date range can span up to 12 months'),
      p('Columns: order number, date, customer, total, VAT, status'),
      p('Exports of more than 10,000 orders arrive by email within 10 minutes'),
    ) +
    h(3, 'Schedule a monthly export') +
    p('As a merchant I want last month’s orders emailed to me on the first of each month.') +
    ul(p('Merchants can turn the schedule on and off in the settings'), p('The email links the file for 7 days')) +
    h(3, 'Export from the mobile app') +
    p('As a merchant on the go I want to start an export from the app and get it by email.') +
    ul(
      p('The app offers the last 30 days, last month and a custom range'),
      p('The app shows when the export was sent'),
    ) +
    h(2, 'Non-goals') +
    ul(p('PDF invoices'), p('Exporting customers or products')) +
    h(2, 'Open questions') +
    tasks(ids, [{ body: `Do refunded orders appear with a negative total? ${mention(PRIYA)}` }]),
};

export const requirementPages = (): PageSpec[] => [
  prd('Offline mode', {
    age: 90,
    epic: 'NOVA-1',
    keys: ['NOVA-2', 'NOVA-3', 'NOVA-8', 'NOVA-9', 'NOVA-15'],
    problem: 'Merchants at markets and fairs lose their connection and cannot look up products or edit orders.',
    goals: [
      'Browse the full catalogue offline',
      'Edit orders offline; edits sync when back online',
      'Show when the data was last synced',
    ],
    nonGoals: ['Taking payments offline', 'Field-level conflict merge'],
    edits: [
      [TOM, 60, 'Stories'],
      [PRIYA, 35, 'Engineering review'],
    ],
    inline: [
      {
        by: PRIYA,
        age: 58,
        selection: 'Taking payments offline',
        text: 'Legal confirmed we cannot store card data on the device, so this stays a non-goal.',
        resolved: { by: TOM, age: 50 },
      },
    ],
  }),
  prd('Checkout redesign', {
    age: 70,
    epic: 'NOVA-16',
    keys: ['NOVA-17', 'NOVA-18', 'NOVA-19', 'NOVA-21', 'NOVA-24', 'NOVA-25'],
    problem: 'A third of buyers drop off between the cart and the payment step.',
    goals: ['One page from cart to payment', 'Apple Pay and Google Pay first', 'Delivery estimate before payment'],
    nonGoals: ['New payment providers', 'Loyalty points'],
    inline: [
      {
        by: GRACE,
        age: 66,
        selection: 'One page from cart to payment',
        text: 'The address form makes this long on small phones; can we collapse it when the address is known?',
      },
    ],
  }),
  prd('Push notification preferences', {
    age: 50,
    epic: 'NOVA-26',
    keys: ['NOVA-27', 'NOVA-28', 'NOVA-29', 'NOVA-31'],
    problem: 'Merchants turn off all notifications because they cannot choose which ones they get.',
    goals: ['Toggles per category', 'Quiet hours', 'Preferences stored server-side'],
    nonGoals: ['Email preferences'],
  }),
  prd('Accessibility (WCAG 2.2 AA)', {
    age: 40,
    epic: 'NOVA-33',
    keys: ['NOVA-34', 'NOVA-35', 'NOVA-36', 'NOVA-37', 'NOVA-38', 'NOVA-39'],
    problem: 'The external audit found 23 issues, 6 of them blocking for screen reader users.',
    goals: ['Fix every blocking finding', 'Automated checks in UI tests', 'Publish an accessibility statement'],
    nonGoals: ['AAA conformance'],
  }),
  orderExportSpec,
];
