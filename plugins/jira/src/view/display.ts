import { display } from '@atlassian-mcp/core';

export const { shortTime, fileSize, compact } = display;

/** A person as the model needs them: the display name. */
export function personName(user: unknown): string | undefined {
  if (!user || typeof user !== 'object') return undefined;
  const u = user as { displayName?: string; emailAddress?: string; accountId?: string };
  return u.displayName ?? u.emailAddress ?? u.accountId;
}

/** Text for any non-rich field value (users, options, sprints, versions…), or undefined when empty. */
export function displayValue(value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(displayValue).filter((v): v is string => v !== undefined);
    return parts.length ? parts.join(', ') : undefined;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.completedCycles) || v.ongoingCycle) return slaText(v as SlaField);
    if (typeof v.displayName === 'string') return v.displayName;
    if (typeof v.value === 'string') {
      const child = displayValue(v.child);
      return child ? `${v.value} > ${child}` : v.value;
    }
    if (typeof v.name === 'string')
      return typeof v.state === 'string' ? `${v.name} (${v.state.toLowerCase()})` : v.name;
    if (typeof v.key === 'string') return v.key;
    if (typeof v.title === 'string') return v.title;
  }
  return undefined;
}

type Duration = { friendly?: string };
type SlaCycle = {
  breached?: boolean;
  paused?: boolean;
  goalDuration?: Duration;
  elapsedTime?: Duration;
  remainingTime?: Duration;
};
type SlaField = { ongoingCycle?: SlaCycle; completedCycles?: SlaCycle[] };

/**
 * A Service Management SLA field (its value repeats the SLA's name): the running cycle's time
 * left, or how the last cycle ended, as servicedesk_get_sla words it.
 */
function slaText(sla: SlaField): string | undefined {
  const goal = (c: SlaCycle) => (c.goalDuration?.friendly ? ` of ${c.goalDuration.friendly}` : '');
  const on = sla.ongoingCycle;
  if (on) {
    const state = on.breached ? 'BREACHED' : on.paused ? 'PAUSED' : 'running';
    return `${state}, ${on.remainingTime?.friendly ?? '?'} left${goal(on)}`;
  }
  const last = sla.completedCycles?.at(-1);
  if (!last) return undefined;
  return `${last.breached ? 'BREACHED' : 'MET'}, took ${last.elapsedTime?.friendly ?? '?'}${goal(last)}`;
}
