// ENG › How we work and Onboarding: the team's practices (code review, releases, definition of
// done, on-call) and the pages a new engineer works through.
import { DIEGO, JONAS, MAYA, PRIYA, SAM, TOM } from '../company.js';
import { text } from './files.js';
import type { PageSpec } from './types.js';
import {
  b,
  c,
  children,
  code,
  emoji,
  emoticon,
  h,
  jiraJql,
  mention,
  ol,
  p,
  pageLink,
  panel,
  quote,
  table,
  tasks,
  toc,
  ul,
} from './xhtml.js';

export const practicesPages = (): PageSpec[] => [
  {
    title: 'How we work',
    author: MAYA,
    age: 350,
    labels: ['process'],
    body: (ids) =>
      p(
        'The practices every engineer follows. Change them through a pull request to this page: propose, discuss in the comments, then edit.',
      ) + children(ids),
  },
  {
    title: 'Code review guidelines',
    parent: 'How we work',
    author: JONAS,
    age: 340,
    labels: ['process', 'code-review'],
    edits: [[MAYA, 90, 'Review time target']],
    body: (ids) =>
      h(2, 'What reviewers look for') +
      ol(
        p('Does it do what the issue says?'),
        p('Tests that fail without the change'),
        p('Names that say what things are'),
        p('No secrets, no personal data in logs'),
      ) +
      h(2, 'Turnaround') +
      p(
        'First review within one working day. Small PRs (under 400 lines) get reviewed first ',
        emoticon('smile'),
        '.',
      ) +
      panel(
        ids,
        'note',
        p(
          'Approve with comments when the comments are nits; request changes only for correctness, security or design.',
        ),
      ),
    inline: [
      {
        by: DIEGO,
        age: 85,
        selection: 'within one working day',
        text: 'Does this include PRs opened on Friday evening?',
        replies: [{ by: JONAS, age: 84, text: 'Working day, so Monday.' }],
      },
    ],
  },
  {
    title: 'Release process',
    parent: 'How we work',
    author: PRIYA,
    age: 330,
    labels: ['process', 'release'],
    edits: [
      [PRIYA, 120, 'Phased rollout'],
      [TOM, 40, 'Release notes owner'],
    ],
    body: (ids) =>
      toc(ids) +
      h(2, 'Cadence') +
      p('A release every two sprints, cut on the Monday after the sprint review.') +
      h(2, 'Steps') +
      tasks(ids, [
        { done: true, body: 'Cut the release branch: <code>git switch -c release/2.5 origin/main</code>' },
        { body: `Run the full device matrix (${pageLink('Device matrix', 'NOVA')})` },
        { body: `Release notes drafted by ${mention(TOM)}` },
        { body: 'Phased rollout: 1 %, 10 %, 50 %, 100 % over five days' },
      ]) +
      h(2, 'Phased rollout') +
      p('Halt the rollout if crash-free sessions drop below 99.5 % or a P1 bug is filed.') +
      code(
        ids,
        'bash',
        'fastlane android promote track:production rollout:0.1\nfastlane ios phased_release enable:true',
      ) +
      h(2, 'Release notes') +
      p('Drafted by product, reviewed by the release captain.'),
  },
  {
    title: 'Definition of done',
    parent: 'How we work',
    author: MAYA,
    age: 320,
    labels: ['process'],
    body: (ids) =>
      tasks(ids, [
        { body: 'Code reviewed and merged' },
        { body: 'Tests added; CI green' },
        { body: 'Accessibility checked (VoiceOver and TalkBack)' },
        { body: 'Analytics events documented' },
        { body: 'Release note written (user-facing changes)' },
      ]),
  },
  {
    title: 'On-call for engineers',
    parent: 'How we work',
    author: SAM,
    age: 300,
    labels: ['process', 'on-call'],
    body: (ids) =>
      p(
        'Engineers join the on-call rotation after three months. Handover follows ',
        pageLink('On-call handover checklist', 'OPS'),
        '.',
      ) +
      table([
        ['Severity', 'Response', 'Example'],
        ['P1', '15 minutes, 24/7', 'Checkout down'],
        ['P2', '1 hour, business hours', 'Search degraded'],
        ['P3', 'Next working day', 'Dashboard broken'],
      ]) +
      panel(ids, 'warning', p('Never silence an alert without a ticket. ', b('Never'), '.')),
  },
  {
    title: 'Onboarding',
    author: MAYA,
    age: 310,
    labels: ['onboarding'],
    body: (ids) => p('Welcome! ', emoji('wave', '1f44b', '👋'), ' Work through these pages in order.') + children(ids),
  },
  {
    title: 'Your first week',
    parent: 'Onboarding',
    author: MAYA,
    age: 305,
    labels: ['onboarding'],
    body: (ids) =>
      tasks(ids, [
        { body: `Meet your buddy (${mention(DIEGO)} or ${mention(JONAS)})` },
        { body: `Set up your laptop: ${pageLink('Development environment setup')}` },
        { body: 'Ship a one-line change to production' },
        { body: 'Shadow an on-call shift' },
      ]) + quote('The best onboarding doc is the one you fix while reading it.'),
  },
  {
    title: 'Development environment setup',
    parent: 'Onboarding',
    author: DIEGO,
    age: 300,
    labels: ['onboarding', 'tooling'],
    edits: [[DIEGO, 30, 'Node 20, Xcode 16']],
    body: (ids) =>
      h(2, 'Prerequisites') +
      ul(p('macOS 14+, Xcode 16, Android Studio Ladybug'), p('Node 20 (via ', c('fnm'), ')'), p('Docker Desktop')) +
      h(2, 'Clone and run') +
      code(
        ids,
        'bash',
        'git clone git@github.com:nimbus-works/nova-app.git\ncd nova-app\nfnm use\nnpm ci\nnpx pod-install\nnpm run ios',
        'Terminal',
      ) +
      h(2, 'Troubleshooting') +
      panel(
        ids,
        'note',
        p('If Metro cannot find a module after switching branches, run ', c('npm start -- --reset-cache'), '.'),
      ),
    attachments: [
      {
        filename: 'env-check.sh.txt',
        mediaType: 'text/plain',
        by: DIEGO,
        age: 30,
        data: text(['#!/bin/sh', 'node --version', 'xcodebuild -version', 'docker info --format "{{.ServerVersion}}"']),
        comment: 'Prints the versions of the tools',
      },
    ],
  },
  {
    title: 'Access checklist',
    parent: 'Onboarding',
    author: SAM,
    age: 295,
    labels: ['onboarding', 'security'],
    restrictions: { update: [SAM, MAYA] },
    body: (ids) =>
      table([
        ['System', 'How to get access', 'Approver'],
        ['GitHub', 'Okta tile', p(mention(MAYA))],
        ['AWS (read-only)', 'Access request in OPS', p(mention(SAM))],
        ['Grafana', 'Okta group eng', 'automatic'],
        ['Production database', p(b('Not granted'), ' — use the read replica'), p(mention(JONAS))],
      ]) +
      panel(
        ids,
        'warning',
        p('Access is reviewed every quarter (', jiraJql(ids, 'key = OPS-26', 'key,summary,status'), ').'),
      ),
  },
];
