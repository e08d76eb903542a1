// SLA cycles of one request, replayed from its Jira history (status changes) and comments on the
// sandbox clock: when each cycle started and stopped, the working time it used (calendar hours,
// paused statuses excluded), and when it breached or will breach.
import type { Comment, Issue } from '../../jira/model.js';
import type { JiraStore } from '../../jira/store.js';
import type { Calendar, SlaGoal, SlaMetric } from '../model.js';
import { addWorking, isWorkingTime, workingMs } from './calendar.js';

export interface Cycle {
  start: number;
  /** Undefined while the cycle is ongoing. */
  stop?: number;
  goalMs: number;
  elapsedMs: number;
  breached: boolean;
  /** When it breached, would have breached (completed), or will breach (ongoing, running). */
  breachTime?: number;
  paused: boolean;
  withinCalendarHours: boolean;
}

export const isInternalComment = (c: Comment): boolean =>
  (c.properties?.['sd.public.comment'] as { internal?: boolean } | undefined)?.internal === true;

/** `[time, statusId]` from creation on, in order. */
export function statusTimeline(st: JiraStore, issue: Issue): Array<[number, string]> {
  const changes: Array<[number, string, string]> = [];
  for (const h of st.histories(issue.id)) {
    for (const it of h.items) if (it.fieldId === 'status' && it.to) changes.push([h.created, it.from ?? '', it.to]);
  }
  changes.sort((a, b) => a[0] - b[0]);
  const initial = changes[0]?.[1] || issue.fields.status;
  return [[issue.fields.created, initial], ...changes.map(([t, , to]) => [t, to] as [number, string])];
}

export function goalFor(metric: SlaMetric, issue: Issue, requestTypeId: string): SlaGoal | undefined {
  const has = (list: string[] | undefined, v: unknown) => !list || list.includes(String(v));
  return metric.goals.find(
    (g) =>
      has(g.issueTypeIds, issue.fields.issuetype) &&
      has(g.priorityIds, issue.fields.priority) &&
      has(g.requestTypeIds, requestTypeId),
  );
}

interface Span {
  from: number;
  to: number;
}

/** Spans of `[start, end)` during which the clock runs (not in a paused status). */
function runningSpans(timeline: Array<[number, string]>, paused: Set<string>, start: number, end: number): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const from = Math.max(timeline[i]![0], start);
    const to = Math.min(timeline[i + 1]?.[0] ?? Infinity, end);
    if (to > from && !paused.has(timeline[i]![1])) out.push({ from, to });
  }
  return out;
}

function measure(cal: Calendar, spans: Span[], goalMs: number, stop: number) {
  let elapsed = 0;
  let breachTime: number | undefined;
  for (const s of spans) {
    const w = workingMs(cal, s.from, s.to);
    if (breachTime === undefined && elapsed + w > goalMs) breachTime = addWorking(cal, s.from, goalMs - elapsed);
    elapsed += w;
  }
  return { elapsed, breachTime: breachTime ?? addWorking(cal, stop, Math.max(0, goalMs - elapsed)) };
}

export interface CycleInput {
  st: JiraStore;
  issue: Issue;
  metric: SlaMetric;
  goal: SlaGoal;
  calendar: Calendar;
  doneStatusIds: Set<string>;
  now: number;
}

/** The request's cycles for one SLA metric, oldest first (the last may be ongoing). */
export function slaCycles(i: CycleInput): Cycle[] {
  const { st, issue, metric, goal, calendar: cal, now } = i;
  const timeline = statusTimeline(st, issue).filter(([t]) => t <= now);
  const paused = new Set(metric.pauseStatusIds);
  const bounds: Array<{ start: number; stop?: number }> = [];
  if (metric.stopOn === 'resolution') {
    let open: number | undefined;
    for (const [t, s] of timeline) {
      const done = i.doneStatusIds.has(s);
      if (!done && open === undefined) open = t;
      else if (done && open !== undefined) {
        bounds.push({ start: open, stop: t });
        open = undefined;
      }
    }
    if (open !== undefined) bounds.push({ start: open });
  } else {
    const created = issue.fields.created;
    const stops = [
      ...st
        .comments(issue.id)
        .filter((c) => !isInternalComment(c) && c.authorId !== issue.fields.reporter && c.created <= now)
        .map((c) => c.created),
      ...timeline
        .filter(([t, s]) => t > created && (metric.stopStatusIds.includes(s) || i.doneStatusIds.has(s)))
        .map(([t]) => t),
    ];
    bounds.push({ start: created, stop: stops.length ? Math.min(...stops) : undefined });
  }
  return bounds.map(({ start, stop }) => {
    const end = stop ?? now;
    const { elapsed, breachTime } = measure(cal, runningSpans(timeline, paused, start, end), goal.durationMs, end);
    const current = timeline[timeline.length - 1]![1];
    const isPaused = stop === undefined && paused.has(current);
    return {
      start,
      stop,
      goalMs: goal.durationMs,
      elapsedMs: elapsed,
      breached: elapsed > goal.durationMs,
      breachTime: stop === undefined && isPaused && elapsed <= goal.durationMs ? undefined : breachTime,
      paused: isPaused,
      withinCalendarHours: isWorkingTime(cal, now),
    };
  });
}
