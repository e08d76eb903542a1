// The MKT space: marketing — campaign briefs, brand, content calendars, press kit, customer
// stories and the launch blog posts.
import { GRACE, LENA, TOM } from '../company.js';
import { csv, pdf, png } from './files.js';
import type { SpaceSpec } from './types.js';
import {
  attachmentLink,
  b,
  children,
  emoji,
  h,
  i,
  image,
  jira,
  jiraJql,
  layout,
  mention,
  p,
  pageLink,
  panel,
  quote,
  status,
  table,
  tasks,
  time,
  ul,
} from './xhtml.js';

const DAY = 86_400_000;

export function mktSpace(now: number): SpaceSpec {
  const ymd = (age: number) => new Date(now - age * DAY).toISOString().slice(0, 10);
  return {
    key: 'MKT',
    name: 'Marketing',
    type: 'global',
    description: 'Campaigns, brand and content of the Nimbus Works marketing team.',
    labels: ['marketing'],
    author: LENA,
    age: 370,
    home: {
      title: 'Marketing',
      author: LENA,
      age: 370,
      labels: ['home'],
      body: (ids) =>
        p('Everything marketing: campaigns, brand, calendars. Requests go to the ', b('MKT'), ' Jira project.') +
        jiraJql(ids, 'project = MKT AND statusCategory != Done ORDER BY duedate') +
        children(ids),
    },
    pages: [
      { title: 'Campaigns', author: LENA, age: 300, labels: ['campaign'], body: (ids) => children(ids) },
      {
        title: 'Spring launch campaign: Nova 2.5',
        parent: 'Campaigns',
        author: LENA,
        age: 45,
        labels: ['campaign', 'launch', 'nova-2-5'],
        issues: ['MKT-1'],
        edits: [
          [LENA, 30, 'Channels'],
          [TOM, 12, 'Dates aligned with the release'],
        ],
        body: (ids) =>
          layout(
            'two_equal',
            h(2, 'Goal') + p('20,000 new merchant sign-ups in six weeks.'),
            h(2, 'Audience') + p('Market stall owners and pop-up shops.'),
          ) +
          h(2, 'Channels') +
          table([
            ['Channel', 'Owner', 'Issue'],
            ['Blog post', p(mention(LENA)), p(jira(ids, 'MKT-2'))],
            ['Email (120k)', p(mention(LENA)), p(jira(ids, 'MKT-8'))],
            ['Paid social', p(mention(LENA)), p(jira(ids, 'MKT-10'))],
            ['Landing page', p(mention(GRACE)), p(jira(ids, 'MKT-21'))],
          ]) +
          h(2, 'Dates') +
          p('Launch on ', time(ymd(-21)), ', the day Nova 2.5 reaches 100 %.'),
        inline: [
          {
            by: TOM,
            age: 11,
            selection: '20,000 new merchant sign-ups',
            text: 'Is this on top of the organic baseline (about 6,000)?',
            replies: [{ by: LENA, age: 10, text: 'Yes, incremental.' }],
          },
        ],
      },
      {
        title: 'Paid social campaign brief',
        parent: 'Campaigns',
        author: LENA,
        age: 25,
        labels: ['campaign', 'social'],
        issues: ['MKT-10'],
        body: () =>
          table([
            ['Platform', 'Budget', 'Format'],
            ['Instagram', '€12,000', 'Reels'],
            ['LinkedIn', '€6,000', 'Carousel'],
            ['TikTok', '€8,000', 'Short video'],
          ]) + p('Creative guidelines in ', pageLink('Brand guidelines'), '.'),
      },
      {
        title: 'Webinar: Running a store from your phone',
        parent: 'Campaigns',
        author: LENA,
        age: 18,
        labels: ['campaign', 'webinar'],
        issues: ['MKT-13'],
        body: (ids) =>
          p('Date: ', time(ymd(-14)), '. Speakers: ', mention(TOM), ', ', mention(LENA), '.') +
          tasks(ids, [
            { body: 'Landing page and registration form' },
            { body: 'Slides', done: true },
            { body: 'Follow-up email' },
          ]),
      },
      { title: 'Brand', author: LENA, age: 280, labels: ['brand'], body: (ids) => children(ids) },
      {
        title: 'Brand guidelines',
        parent: 'Brand',
        author: GRACE,
        age: 270,
        labels: ['brand', 'guidelines'],
        edits: [[LENA, 100, 'Tone of voice']],
        body: (ids) =>
          h(2, 'Logo') +
          image('logo-clearspace.png', 400) +
          h(2, 'Colours') +
          table([
            ['Name', 'Hex', 'Use'],
            ['Nimbus Blue', '#0052CC', 'Primary'],
            ['Market Green', '#36B37E', 'Success, accents'],
            ['Signal Amber', '#FFAB00', 'Highlights'],
          ]) +
          h(2, 'Tone of voice') +
          quote('Friendly, direct, never clever at the reader’s expense.') +
          panel(ids, 'note', p('Full guide: ', attachmentLink('brand-guidelines.pdf'), '.')),
        attachments: [
          { filename: 'logo-clearspace.png', mediaType: 'image/png', by: GRACE, age: 270, data: png(240, 120, 0, 2) },
          {
            filename: 'brand-guidelines.pdf',
            mediaType: 'application/pdf',
            by: GRACE,
            age: 100,
            data: pdf('Nimbus Works brand guidelines', [
              'Logo clear space: one cap height',
              'Primary colour: Nimbus Blue #0052CC',
            ]),
            versions: 2,
          },
        ],
      },
      {
        title: 'Illustration style review',
        parent: 'Brand',
        author: LENA,
        age: 28,
        labels: ['brand', 'illustration'],
        issues: ['MKT-16'],
        body: (ids) =>
          p(
            'Review of the new illustration style (',
            jira(ids, 'MKT-16'),
            '). Status: ',
            status(ids, 'IN REVIEW', 'Blue'),
          ) + ul(p('Flat shapes, no gradients'), p('People shown at work, not posing')),
        comments: [{ by: GRACE, age: 27, text: `Uploaded three options; I prefer B ${emoji('art', '1f3a8', '🎨')}` }],
      },
      { title: 'Content calendar', author: LENA, age: 200, labels: ['calendar'], body: (ids) => children(ids) },
      {
        title: 'Q1 newsletter calendar',
        parent: 'Content calendar',
        author: LENA,
        age: 40,
        labels: ['calendar', 'newsletter'],
        issues: ['MKT-15'],
        body: () =>
          table([
            ['Issue', 'Send date', 'Theme'],
            ['January', '2027-01-14', 'Offline mode tips'],
            ['February', '2027-02-11', 'Checkout conversion'],
            ['March', '2027-03-11', 'Spring markets'],
          ]),
      },
      {
        title: 'Social media calendar: March',
        parent: 'Content calendar',
        author: LENA,
        age: 33,
        labels: ['calendar', 'social'],
        issues: ['MKT-20'],
        body: () => p('Posts per week: 3. Sheet: ', attachmentLink('social-march.csv'), '.'),
        attachments: [
          {
            filename: 'social-march.csv',
            mediaType: 'text/csv',
            by: LENA,
            age: 33,
            data: csv([
              ['date', 'channel', 'topic'],
              ['2027-03-02', 'Instagram', 'Market day checklist'],
              ['2027-03-04', 'LinkedIn', 'Customer story'],
              ['2027-03-06', 'TikTok', 'Offline mode in 30 seconds'],
            ]),
          },
        ],
      },
      {
        title: 'Press kit',
        author: LENA,
        age: 60,
        labels: ['press'],
        issues: ['MKT-5'],
        body: () =>
          h(2, 'Boilerplate') +
          p('Nimbus Works makes Nova, the app small merchants use to run their store from their phone.') +
          h(2, 'Assets') +
          ul(p(attachmentLink('fact-sheet.pdf')), p('Logos: see ', pageLink('Brand guidelines'))),
        attachments: [
          {
            filename: 'fact-sheet.pdf',
            mediaType: 'application/pdf',
            by: LENA,
            age: 60,
            data: pdf('Nimbus Works fact sheet', ['Founded 2019', 'Merchants: 48,000', 'Countries: 14']),
          },
        ],
      },
      { title: 'Customer stories', author: LENA, age: 150, labels: ['customer-story'], body: (ids) => children(ids) },
      {
        title: 'Case study: Alpine Outfitters',
        parent: 'Customer stories',
        author: LENA,
        age: 24,
        labels: ['customer-story', 'case-study'],
        issues: ['MKT-12'],
        body: () =>
          quote('We sell at twelve mountain markets a season. Offline mode means we never turn a customer away.') +
          p(i('— Anna Steiner, owner, Alpine Outfitters')) +
          h(2, 'Results') +
          ul(p('+18 % revenue per market day'), p('Checkout time halved')),
      },
      {
        title: 'Offline mode is coming to Nova',
        kind: 'blogpost',
        author: LENA,
        age: 8,
        labels: ['launch', 'blog', 'draft'],
        issues: ['MKT-2'],
        body: (ids) =>
          p(
            'No signal at the market? No problem. With Nova 2.5 you can browse your catalogue and edit orders offline ',
            emoji('rocket', '1f680', '🚀'),
            '.',
          ) + p(b('Draft'), ' — review by ', mention(TOM), ' ', status(ids, 'DRAFT', 'Grey')),
        comments: [{ by: TOM, age: 7, text: 'Please do not promise offline payments; they are a non-goal.' }],
      },
      {
        title: 'Autumn campaign: what we learned',
        kind: 'blogpost',
        author: LENA,
        age: 50,
        labels: ['retrospective', 'campaign'],
        issues: ['MKT-25'],
        body: () =>
          ul(p('Email beat paid social on cost per sign-up by 3×'), p('Video under 20 seconds performed best')),
      },
    ],
  };
}
