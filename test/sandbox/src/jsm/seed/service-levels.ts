// SLA calendars and goals of the two desks, and their queues.
import { JSM_FIELD as F } from '../fields.js';
import type { Calendar, Queue, SlaMetric } from '../model.js';
import { JS, JT } from './config.js';
import { DESK } from './desks.js';

export const CALENDARS: Calendar[] = [
  { id: '1', name: '24/7 Calendar (Default)', timeZone: 'UTC', workingHours: [], holidays: [] },
  {
    id: '2',
    name: 'Sample 9-5 Calendar',
    timeZone: 'Europe/London',
    workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    holidays: ['2026-12-25', '2026-12-28', '2027-01-01'],
  },
  {
    id: '3',
    name: 'Berlin office hours',
    timeZone: 'Europe/Berlin',
    workingHours: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }],
    holidays: ['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'],
  },
];

const H = 3_600_000;
const M = 60_000;

export const SLA_METRICS: SlaMetric[] = [
  {
    id: '1',
    serviceDeskId: DESK.its,
    name: 'Time to first response',
    fieldId: F.timeToFirstResponse,
    stopOn: 'first-response',
    stopStatusIds: [JS.waitingForCustomer],
    pauseStatusIds: [],
    goals: [
      { issueTypeIds: [JT.incident], priorityIds: ['1', '2'], durationMs: 30 * M, calendarId: '1' },
      { issueTypeIds: [JT.incident], durationMs: H, calendarId: '1' },
      { durationMs: 4 * H, calendarId: '2' },
    ],
  },
  {
    id: '2',
    serviceDeskId: DESK.its,
    name: 'Time to resolution',
    fieldId: F.timeToResolution,
    stopOn: 'resolution',
    stopStatusIds: [],
    pauseStatusIds: [JS.waitingForCustomer, JS.pending, JS.waitingForApproval],
    goals: [
      { issueTypeIds: [JT.incident], priorityIds: ['1'], durationMs: 4 * H, calendarId: '1' },
      { issueTypeIds: [JT.incident], priorityIds: ['2'], durationMs: 8 * H, calendarId: '1' },
      { issueTypeIds: [JT.incident], durationMs: 24 * H, calendarId: '1' },
      { issueTypeIds: [JT.withApprovals], durationMs: 40 * H, calendarId: '2' },
      { durationMs: 16 * H, calendarId: '2' },
    ],
  },
  {
    id: '1',
    serviceDeskId: DESK.hr,
    name: 'Time to first response',
    fieldId: F.timeToFirstResponse,
    stopOn: 'first-response',
    stopStatusIds: [JS.waitingForCustomer],
    pauseStatusIds: [],
    goals: [{ durationMs: 8 * H, calendarId: '3' }],
  },
  {
    id: '2',
    serviceDeskId: DESK.hr,
    name: 'Time to resolution',
    fieldId: F.timeToResolution,
    stopOn: 'resolution',
    stopStatusIds: [],
    pauseStatusIds: [JS.waitingForCustomer, JS.waitingForApproval],
    goals: [
      { issueTypeIds: [JT.withApprovals], durationMs: 40 * H, calendarId: '3' },
      { durationMs: 24 * H, calendarId: '3' },
    ],
  },
];

const queue = (id: string, serviceDeskId: string, name: string, jql: string): Queue => ({
  id,
  serviceDeskId,
  name,
  jql,
  fields: [
    'issuetype',
    'issuekey',
    'summary',
    'reporter',
    'assignee',
    'status',
    'priority',
    'created',
    F.timeToResolution,
  ],
});

export const QUEUES: Queue[] = [
  queue('1', DESK.its, 'All open requests', 'project = ITS AND resolution IS EMPTY ORDER BY created DESC'),
  queue(
    '2',
    DESK.its,
    'Unassigned requests',
    'project = ITS AND assignee IS EMPTY AND resolution IS EMPTY ORDER BY created ASC',
  ),
  queue(
    '3',
    DESK.its,
    'Assigned to me',
    'project = ITS AND assignee = currentUser() AND resolution IS EMPTY ORDER BY priority DESC, created ASC',
  ),
  queue(
    '4',
    DESK.its,
    'Open incidents',
    'project = ITS AND issuetype = "[System] Incident" AND resolution IS EMPTY ORDER BY priority DESC, created ASC',
  ),
  queue(
    '5',
    DESK.its,
    'Waiting for customer',
    'project = ITS AND status = "Waiting for customer" ORDER BY updated DESC',
  ),
  queue(
    '6',
    DESK.its,
    'Waiting for approval',
    'project = ITS AND status = "Waiting for approval" ORDER BY created ASC',
  ),
  queue('7', DESK.its, 'Resolved in the last 7 days', 'project = ITS AND resolved >= -7d ORDER BY resolved DESC'),
  queue('8', DESK.hr, 'All open requests', 'project = HR AND resolution IS EMPTY ORDER BY created DESC'),
  queue('9', DESK.hr, 'Waiting for approval', 'project = HR AND status = "Waiting for approval" ORDER BY created ASC'),
  queue('10', DESK.hr, 'Resolved in the last 30 days', 'project = HR AND resolved >= -30d ORDER BY resolved DESC'),
];
