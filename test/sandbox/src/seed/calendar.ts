// Nimbus Works' release and agile calendar: versions, boards and sprints, relative to "now".
import { FIELD } from '../jira/fields.js';
import { DAY, P, S } from './company.js';
import type { Board, Sprint, Version } from '../jira/model.js';
export function versions(now: number): Version[] {
  const d = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  return [
    {
      id: '10000',
      projectId: P.nova,
      name: '2.3.0',
      description: 'Saved carts',
      released: true,
      archived: false,
      startDate: d(-120),
      releaseDate: d(-75),
    },
    {
      id: '10001',
      projectId: P.nova,
      name: '2.4.0',
      description: 'New onboarding',
      released: true,
      archived: false,
      startDate: d(-75),
      releaseDate: d(-30),
    },
    {
      id: '10002',
      projectId: P.nova,
      name: '2.5.0',
      description: 'Offline mode and checkout redesign',
      released: false,
      archived: false,
      startDate: d(-30),
      releaseDate: d(21),
    },
    {
      id: '10003',
      projectId: P.nova,
      name: '3.0.0',
      description: 'Android 15 and accessibility',
      released: false,
      archived: false,
      releaseDate: d(80),
    },
    {
      id: '10004',
      projectId: P.ops,
      name: 'Q3 hardening',
      description: 'Reliability work, Q3',
      released: true,
      archived: false,
      releaseDate: d(-40),
    },
    {
      id: '10005',
      projectId: P.ops,
      name: 'Q4 hardening',
      description: 'Reliability work, Q4',
      released: false,
      archived: false,
      releaseDate: d(50),
    },
  ];
}

export function boards(): Board[] {
  return [
    {
      id: 1,
      name: 'NOVA board',
      type: 'scrum',
      projectId: P.nova,
      filterJql: 'project = NOVA ORDER BY Rank ASC',
      estimationFieldId: FIELD.storyPoints,
      columns: [
        { name: 'To Do', statusIds: [S.todo] },
        { name: 'In Progress', statusIds: [S.inProgress] },
        { name: 'In Review', statusIds: [S.inReview] },
        { name: 'Done', statusIds: [S.done] },
      ],
    },
    {
      id: 2,
      name: 'OPS board',
      type: 'kanban',
      projectId: P.ops,
      filterJql: 'project = OPS ORDER BY Rank ASC',
      columns: [
        { name: 'Backlog', statusIds: [S.backlog] },
        { name: 'Selected for Development', statusIds: [S.selected] },
        { name: 'In Progress', statusIds: [S.inProgress, S.blocked] },
        { name: 'Done', statusIds: [S.done] },
      ],
    },
  ];
}

export function sprints(now: number): Sprint[] {
  const at = (days: number) => Math.floor((now + days * DAY) / 3_600_000) * 3_600_000;
  const closed = (id: number, n: number, startDays: number, goal: string): Sprint => ({
    id,
    name: `NOVA Sprint ${n}`,
    state: 'closed',
    originBoardId: 1,
    goal,
    createdDate: at(startDays - 7),
    startDate: at(startDays),
    endDate: at(startDays + 14),
    completeDate: at(startDays + 14),
  });
  return [
    closed(1, 21, -59, 'Ship saved carts to 100% of users'),
    closed(2, 22, -45, 'Onboarding v2 behind a flag'),
    closed(3, 23, -31, 'Offline mode: read path'),
    {
      id: 4,
      name: 'NOVA Sprint 24',
      state: 'closed',
      originBoardId: 1,
      goal: 'Offline mode: write path and sync',
      createdDate: at(-24),
      startDate: at(-17),
      endDate: at(-3),
      completeDate: at(-3),
    },
    {
      id: 5,
      name: 'NOVA Sprint 25',
      state: 'active',
      originBoardId: 1,
      goal: 'Checkout redesign beta and offline sync conflicts',
      createdDate: at(-10),
      startDate: at(-3),
      endDate: at(11),
    },
    { id: 6, name: 'NOVA Sprint 26', state: 'future', originBoardId: 1, goal: '', createdDate: at(-2) },
    { id: 7, name: 'NOVA Sprint 27', state: 'future', originBoardId: 1, goal: '', createdDate: at(-1) },
  ];
}
