// Page generators for recurring ENG pages: weekly meeting notes and sprint retrospectives,
// in the shape of Confluence's own templates (date, attendees, discussion, action items).
import type { PageSpec } from './types.js';
import { h, mention, p, table, tasks, time, ul, type Ids } from './xhtml.js';

const DAY = 86_400_000;

export function meetingNotes(
  now: number,
  age: number,
  attendees: string[],
  topics: string[],
  /** A body may need the page's ids (a Jira macro for an item that already has an issue). */
  actions: Array<{ body: string | ((ids: Ids) => string); done?: boolean }>,
): PageSpec {
  const ymd = new Date(now - age * DAY).toISOString().slice(0, 10);
  return {
    title: `${ymd} Engineering sync`,
    parent: 'Meeting notes',
    author: attendees[0]!,
    age,
    labels: ['meeting-notes', 'eng-sync'],
    body: (ids) =>
      h(2, 'Date') +
      p(time(ymd)) +
      h(2, 'Attendees') +
      ul(...attendees.map((id) => p(mention(id)))) +
      h(2, 'Discussion') +
      table([
        ['Topic', 'Who', 'Notes'],
        ...topics.map((t, k) => [
          t,
          p(mention(attendees[k % attendees.length]!)),
          p(k ? 'Agreed, see action items.' : 'Presented; questions answered in the thread.'),
        ]),
      ]) +
      h(2, 'Action items') +
      tasks(
        ids,
        actions.map((x) => ({ ...x, body: typeof x.body === 'string' ? x.body : x.body(ids) })),
      ),
  };
}

export function retrospective(
  now: number,
  sprint: string,
  age: number,
  author: string,
  well: string[],
  badly: string[],
  actions: string[],
): PageSpec {
  return {
    title: `${sprint} retrospective`,
    parent: 'Retrospectives',
    author,
    age,
    labels: ['retrospective', 'sprint'],
    body: (ids) =>
      p(
        'Sprint ',
        `<strong>${sprint}</strong>`,
        ', held on ',
        time(new Date(now - age * DAY).toISOString().slice(0, 10)),
        '.',
      ) +
      h(2, 'What went well') +
      ul(...well.map((x) => p(x))) +
      h(2, 'What did not go so well') +
      ul(...badly.map((x) => p(x))) +
      h(2, 'Actions') +
      tasks(
        ids,
        actions.map((body) => ({ body })),
      ),
  };
}
