// Page generators for recurring ENG pages: weekly meeting notes and sprint retrospectives,
// in the shape of Confluence's own templates (date, attendees, discussion, action items).
import type { PageSpec } from './types.js';
import { h, mention, p, table, tasks, time, ul } from './xhtml.js';

const DAY = 86_400_000;

export function meetingNotes(
  now: number,
  age: number,
  attendees: string[],
  topics: string[],
  actions: Array<{ body: string; done?: boolean }>,
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
      tasks(ids, actions),
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
