import type { SlaInformation } from '../client/jsm-http.js';
import { when } from './format.js';

/** One SLA as the model reads it: from JSM's SLA API (goal, elapsed, remaining, breached, paused). */
export type SlaView = {
  id: string;
  name: string;
  /** `running`, `paused`, `breached` (ongoing past its goal), `met` or `missed` (last cycle completed). */
  state: 'running' | 'paused' | 'breached' | 'met' | 'missed' | 'none';
  goal?: string;
  elapsed?: string;
  remaining?: string;
  /** When the ongoing cycle breaches (or breached). */
  breachAt?: string;
  /** Outside the SLA calendar's working hours right now (the clock does not run). */
  outsideCalendar?: boolean;
  completedCycles: number;
  /** Completed cycles that breached. */
  breachedCycles: number;
};

export function slaView(s: SlaInformation): SlaView {
  const done = s.completedCycles ?? [];
  const on = s.ongoingCycle;
  const last = done[done.length - 1];
  const cycle = on ?? last;
  const state: SlaView['state'] = on
    ? on.breached
      ? 'breached'
      : on.paused
        ? 'paused'
        : 'running'
    : last
      ? last.breached
        ? 'missed'
        : 'met'
      : 'none';
  return {
    id: String(s.id ?? ''),
    name: s.name ?? '',
    state,
    goal: cycle?.goalDuration?.friendly,
    elapsed: cycle?.elapsedTime?.friendly,
    remaining: cycle?.remainingTime?.friendly,
    breachAt: on ? when(on.breachTime) : undefined,
    outsideCalendar: on && on.withinCalendarHours === false ? true : undefined,
    completedCycles: done.length,
    breachedCycles: done.filter((c) => c.breached).length,
  };
}

/** `Time to first response: running, 1h 15m left of 4h (elapsed 2h 45m), breaches 2026-10-20 13:00`. */
export function slaLine(s: SlaView, inline: (text: string) => string = (t) => t): string {
  const head = `${inline(s.name)}: ${s.state.toUpperCase()}`;
  const parts: string[] = [];
  if (s.state === 'met' || s.state === 'missed') parts.push(`took ${s.elapsed ?? '?'} of ${s.goal ?? '?'}`);
  else if (s.state === 'breached')
    parts.push(`over by ${(s.remaining ?? '').replace(/^-/, '')} (goal ${s.goal ?? '?'}, elapsed ${s.elapsed ?? '?'})`);
  else if (s.state !== 'none')
    parts.push(`${s.remaining ?? '?'} left of ${s.goal ?? '?'} (elapsed ${s.elapsed ?? '?'})`);
  if (s.breachAt) parts.push(`${s.state === 'breached' ? 'breached' : 'breaches'} ${s.breachAt}`);
  if (s.outsideCalendar) parts.push('outside working hours');
  const ongoing = s.state === 'running' || s.state === 'paused' || s.state === 'breached';
  if (s.completedCycles > (ongoing ? 0 : 1))
    parts.push(`${s.completedCycles} completed cycles, ${s.breachedCycles} breached`);
  return parts.length ? `${head}, ${parts.join(', ')}` : head;
}
