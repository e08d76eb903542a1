// SLA metrics of a request as JSM's SlaInformationDTO (also what the Jira SLA fields show).
import type { Issue } from '../../jira/model.js';
import type { RequestRecord, SlaMetric } from '../model.js';
import type { JsmStore } from '../store.js';
import { dateDto, durationDto } from '../render/dates.js';
import { goalFor, slaCycles, type Cycle } from './cycles.js';

export interface SlaView {
  metric: SlaMetric;
  cycles: Cycle[];
}

function doneStatuses(st: JsmStore): Set<string> {
  const out = new Set<string>();
  for (const s of st.jira.statuses.values()) if (s.categoryId === 3) out.add(s.id);
  return out;
}

/** Every SLA of the request that has a goal for it, with its cycles at `now`. */
export function slaViews(st: JsmStore, issue: Issue, request: RequestRecord, now: number): SlaView[] {
  const done = doneStatuses(st);
  const out: SlaView[] = [];
  for (const metric of st.slaMetricsOf(request.serviceDeskId)) {
    const goal = goalFor(metric, issue, request.requestTypeId);
    const calendar = goal && st.calendars.get(goal.calendarId);
    if (!goal || !calendar) continue;
    out.push({ metric, cycles: slaCycles({ st: st.jira, issue, metric, goal, calendar, doneStatusIds: done, now }) });
  }
  return out;
}

export function slaInformation(base: string, issue: Issue, v: SlaView, now: number) {
  const d = (ms: number) => dateDto(ms, now);
  const completed = v.cycles.filter((c) => c.stop !== undefined);
  const ongoing = v.cycles.find((c) => c.stop === undefined);
  const out: Record<string, unknown> = {
    id: v.metric.id,
    name: v.metric.name,
    _links: { self: `${base}/rest/servicedeskapi/request/${issue.id}/sla/${v.metric.id}` },
    completedCycles: completed.map((c) => ({
      startTime: d(c.start),
      stopTime: d(c.stop!),
      ...(c.breachTime !== undefined ? { breachTime: d(c.breachTime) } : {}),
      breached: c.breached,
      goalDuration: durationDto(c.goalMs),
      elapsedTime: durationDto(c.elapsedMs),
      remainingTime: durationDto(c.goalMs - c.elapsedMs),
    })),
    slaDisplayFormat: 'NEW_SLA_FORMAT',
  };
  if (ongoing)
    out.ongoingCycle = {
      startTime: d(ongoing.start),
      ...(ongoing.breachTime !== undefined ? { breachTime: d(ongoing.breachTime) } : {}),
      breached: ongoing.breached,
      paused: ongoing.paused,
      withinCalendarHours: ongoing.withinCalendarHours,
      goalDuration: durationDto(ongoing.goalMs),
      elapsedTime: durationDto(ongoing.elapsedMs),
      remainingTime: durationDto(ongoing.goalMs - ongoing.elapsedMs),
    };
  return out;
}
