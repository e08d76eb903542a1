// Maya Chen's personal space (type `personal`, key `~mayachen`).
import { JONAS, MAYA, PRIYA } from '../company.js';
import type { SpaceSpec } from './types.js';
import { a, h, mention, p, tasks, ul } from './xhtml.js';

export function personalSpace(_now: number): SpaceSpec {
  return {
    key: '~mayachen',
    name: 'Maya Chen',
    type: 'personal',
    description: 'Personal space of Maya Chen.',
    labels: [],
    author: MAYA,
    age: 395,
    home: {
      title: 'Maya Chen',
      author: MAYA,
      age: 395,
      body: () => p('Notes and drafts. Nothing here is a decision until it is in the ENG space.'),
    },
    pages: [
      {
        title: '1:1 notes',
        author: MAYA,
        age: 90,
        labels: ['one-on-one'],
        restrictions: { read: [MAYA], update: [MAYA] },
        edits: [[MAYA, 20, 'October']],
        body: (ids) =>
          h(2, mention(JONAS)) +
          ul(p('Wants to lead the PG16 upgrade'), p('Conference talk in spring')) +
          h(2, mention(PRIYA)) +
          tasks(ids, [{ body: 'Promotion case draft' }]),
      },
      {
        title: 'Reading list',
        author: MAYA,
        age: 60,
        body: () =>
          ul(
            p(a('https://sre.google/books/', 'Site Reliability Engineering')),
            p(
              a(
                'https://www.oreilly.com/library/view/designing-data-intensive-applications/9781491903063/',
                'Designing Data-Intensive Applications',
              ),
            ),
          ),
      },
    ],
  };
}
