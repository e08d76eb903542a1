// The ENG space: the engineering team's wiki — running log, architecture, how we work,
// onboarding, meeting notes, retrospectives, an archive folder and blog posts.
import { DIEGO, GRACE, JONAS, LENA, MAYA, PRIYA, SAM, TOM } from '../company.js';
import { architecturePages } from './eng-architecture.js';
import { practicesPages } from './eng-practices.js';
import { meetingNotes, retrospective } from './eng-notes.js';
import { csv, pdf } from './files.js';
import { runningLog } from './running-log.js';
import type { SpaceSpec } from './types.js';
import {
  a,
  attachmentLink,
  b,
  children,
  code,
  emoticon,
  h,
  i,
  jira,
  jiraJql,
  layout,
  mention,
  p,
  pageLink,
  panel,
  status,
  table,
  time,
  ul,
} from './xhtml.js';

const day = (now: number, offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);

export function engSpace(now: number): SpaceSpec {
  return {
    key: 'ENG',
    name: 'Engineering',
    type: 'global',
    description:
      'How the Nimbus Works engineering team builds, ships and runs Nova: architecture, decisions, runbooks and the running log.',
    labels: ['engineering', 'team'],
    author: MAYA,
    age: 400,
    home: {
      title: 'Engineering Home',
      author: MAYA,
      age: 400,
      labels: ['home'],
      edits: [[MAYA, 60, 'Running log link']],
      body: (ids) =>
        layout(
          'two_right_sidebar',
          h(1, 'Engineering') +
            p('Welcome to the engineering space. We build the Nova mobile app and the platform it runs on.') +
            h(2, 'Start here') +
            ul(
              p(pageLink('Engineering running log'), ' — what happened this week'),
              p(pageLink('Architecture'), ' — how it fits together'),
              p(pageLink('How we work'), ' — reviews, releases, on-call'),
              p(pageLink('Onboarding'), ' — your first week'),
            ),
          panel(ids, 'tip', p('Questions? Ask in ', a('https://nimbus-works.slack.com/archives/C0ENG', '#eng'), '.')) +
            h(3, 'Team') +
            ul(
              p(mention(MAYA), ' (head of engineering)'),
              p(mention(JONAS)),
              p(mention(PRIYA)),
              p(mention(DIEGO)),
              p(mention(SAM)),
            ),
        ) +
        h(2, 'Open work') +
        jiraJql(ids, 'project in (NOVA, OPS) AND statusCategory != Done ORDER BY priority DESC'),
    },
    pages: [
      runningLog(now),
      ...architecturePages(),
      ...practicesPages(),
      {
        title: 'Meeting notes',
        author: MAYA,
        age: 200,
        labels: ['meeting-notes'],
        body: (ids) => p('Notes of the weekly engineering sync, newest first.') + children(ids),
      },
      meetingNotes(
        now,
        42,
        [MAYA, JONAS, PRIYA, SAM],
        ['Postgres 16 upgrade plan', 'Offline mode spike results'],
        [
          { body: `Schedule the PG16 dry run ${mention(JONAS)}`, done: true },
          { body: `Write ADR-002 ${mention(DIEGO)}`, done: true },
        ],
      ),
      meetingNotes(
        now,
        35,
        [MAYA, PRIYA, DIEGO, TOM],
        ['Checkout redesign kickoff', 'Crash-free sessions per release'],
        [
          { body: `Share the checkout designs ${mention(GRACE)}`, done: true },
          { body: `Dashboard per release ${mention(SAM)}` },
        ],
      ),
      meetingNotes(
        now,
        28,
        [MAYA, JONAS, SAM],
        ['Incident review: checkout 502s', 'Ingress controller rollback plan'],
        [{ body: `Postmortem draft ${mention(SAM)}`, done: true }],
      ),
      meetingNotes(
        now,
        14,
        [MAYA, JONAS, PRIYA, DIEGO, SAM, TOM],
        ['Q4 hardening scope', 'Kubernetes 1.31 upgrade', 'Accessibility audit'],
        [
          { body: `Publish the hardening scope ${mention(TOM)}` },
          { body: `Book the production upgrade window ${mention(SAM)}` },
        ],
      ),
      meetingNotes(
        now,
        7,
        [MAYA, PRIYA, DIEGO, LENA],
        ['Launch readiness for Nova 2.5', 'Marketing assets'],
        [{ body: `Screenshots of the new checkout for ${mention(LENA)}` }],
      ),
      // Yesterday's sync: open action items with owners and due dates for meeting-notes-to-tasks.
      meetingNotes(
        now,
        1,
        [MAYA, PRIYA, JONAS, DIEGO, SAM],
        ['Nova 2.5.0 release checklist', 'Checkout load test results', 'Beta merchant feedback'],
        [
          { body: `Write the 2.5.0 rollout plan ${mention(PRIYA)} ${time(day(now, 4))}` },
          { body: `Load-test the new checkout API at three times peak traffic ${mention(JONAS)} ${time(day(now, 6))}` },
          { body: `Update the on-call rota for the release week ${mention(SAM)}`, done: true },
          { body: (ids) => `Verify the search flicker fix on Android ${mention(DIEGO)} ${jira(ids, 'NOVA-48')}` },
          { body: `Final copy for the checkout error messages ${mention(GRACE)} ${time(day(now, 5))}` },
          { body: 'Collect feedback from the beta merchants' },
        ],
      ),
      {
        title: 'Retrospectives',
        author: PRIYA,
        age: 150,
        labels: ['retrospective'],
        body: (ids) => children(ids),
      },
      retrospective(
        now,
        'NOVA Sprint 23',
        30,
        PRIYA,
        ['Offline cache shipped behind a flag', 'Pairing on the replay worker'],
        ['Flaky UI tests', 'Late design changes'],
        ['Quarantine flaky tests within a day'],
      ),
      retrospective(
        now,
        'NOVA Sprint 24',
        16,
        DIEGO,
        ['Turkish locale fix with a regression test', 'Fast incident response'],
        ['Too much work in progress'],
        ['WIP limit of 2 per person', 'Demo on Thursday'],
      ),
      { title: 'Archive', kind: 'folder', author: MAYA, age: 100 },
      {
        title: 'Legacy REST API notes',
        parent: 'Archive',
        author: JONAS,
        age: 380,
        labels: ['legacy', 'api'],
        body: (ids) =>
          panel(
            ids,
            'warning',
            p(
              'Deprecated. The REST endpoints for wishlists are removed in ',
              jiraJql(ids, 'key = NOVA-55', 'key,summary,status'),
              '.',
            ),
          ) + code(ids, 'http', 'GET /api/v1/wishlists/{id}\nAuthorization: Bearer <token>'),
      },
      {
        title: '2025 tech radar',
        parent: 'Archive',
        author: MAYA,
        age: 370,
        labels: ['tech-radar'],
        body: () =>
          table([
            ['Ring', 'Techniques', 'Tools'],
            ['Adopt', 'Trunk-based development', 'Renovate, OpenTelemetry'],
            ['Trial', 'Contract tests', 'Tempo'],
            ['Assess', 'CRDTs', 'SQLite sync extensions'],
            ['Hold', 'Hand-rolled retry loops', 'Nagios'],
          ]),
        attachments: [
          {
            filename: 'tech-radar-2025.pdf',
            mediaType: 'application/pdf',
            by: MAYA,
            age: 370,
            data: pdf('Tech radar 2025', ['Adopt: trunk-based development', 'Hold: Nagios']),
          },
        ],
      },
      {
        title: 'Engineering weekly: offline mode ships to beta',
        kind: 'blogpost',
        author: PRIYA,
        age: 30,
        labels: ['weekly', 'offline'],
        body: () =>
          p('This week the offline catalogue went to our beta testers ', emoticon('thumbs-up'), '.') +
          ul(
            p('Cold start with a warm cache: ', b('1.2 s'), ' (was 1.9 s)'),
            p('Replay queue: 0 lost edits in 4,100 beta sessions'),
          ) +
          p('Thanks ', mention(DIEGO), ' and ', mention(JONAS), '! Details in ', pageLink('Offline sync design'), '.'),
        comments: [{ by: TOM, age: 29, text: 'Great numbers. Can we share them in the launch blog post?' }],
      },
      {
        title: 'How we cut CI time by a third',
        kind: 'blogpost',
        author: SAM,
        age: 12,
        labels: ['ci', 'weekly'],
        body: (ids) =>
          p(
            'Moving Linux runners to ARM (',
            pageLink('ADR-005: Move CI runners to ARM'),
            ') and caching Gradle took the median pipeline from 24 to 16 minutes.',
          ) +
          table([
            ['Stage', 'Before', 'After'],
            ['Install', '4 min', '1 min'],
            ['Unit tests', '9 min', '7 min'],
            ['Android build', '11 min', '8 min'],
          ]) +
          p(
            'Raw timings: ',
            attachmentLink('ci-timings.csv'),
            '. ',
            i('Next'),
            ': the iOS runners. ',
            status(ids, 'PLANNED', 'Purple'),
          ),
        attachments: [
          {
            filename: 'ci-timings.csv',
            mediaType: 'text/csv',
            by: SAM,
            age: 12,
            data: csv([
              ['pipeline', 'before_min', 'after_min'],
              ['android', 24, 16],
              ['ios', 31, 30],
              ['web', 9, 6],
            ]),
          },
        ],
      },
    ],
  };
}
