// Working time of an SLA calendar: the windows of each local day (in the calendar's time zone,
// daylight saving included) minus holidays. A calendar without working hours runs around the clock.
import type { Calendar } from '../model.js';

const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock fields of an instant. */
function local(t: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = +p.value;
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

function offsetAt(t: number, timeZone: string): number {
  const l = local(t, timeZone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - Math.floor(t / 1000) * 1000;
}

/** The instant of a local wall-clock time (`dayIndex` = days since epoch of the local date). */
function zoned(dayIndex: number, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const guess = dayIndex * DAY + h * 3_600_000 + m * 60_000;
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

function localDayIndex(t: number, timeZone: string): number {
  const l = local(t, timeZone);
  return Math.floor(Date.UTC(l.year, l.month - 1, l.day) / DAY);
}

/** Working windows `[start, end)` of one local day. */
function windowsOfDay(cal: Calendar, dayIndex: number): Array<[number, number]> {
  const date = new Date(dayIndex * DAY);
  if (cal.holidays.includes(date.toISOString().slice(0, 10))) return [];
  const weekday = date.getUTCDay();
  const out: Array<[number, number]> = [];
  for (const w of cal.workingHours) {
    if (w.days.includes(weekday))
      out.push([zoned(dayIndex, w.start, cal.timeZone), zoned(dayIndex, w.end, cal.timeZone)]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const aroundTheClock = (cal: Calendar) => cal.workingHours.length === 0;

/** Working milliseconds in `[from, to)`. */
export function workingMs(cal: Calendar, from: number, to: number): number {
  if (to <= from) return 0;
  if (aroundTheClock(cal)) return to - from;
  let total = 0;
  const last = localDayIndex(to, cal.timeZone) + 1;
  for (let d = localDayIndex(from, cal.timeZone) - 1; d <= last; d++) {
    for (const [s, e] of windowsOfDay(cal, d)) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
  }
  return total;
}

/** The instant at which `ms` working milliseconds after `from` have passed. */
export function addWorking(cal: Calendar, from: number, ms: number): number {
  if (aroundTheClock(cal)) return from + ms;
  let left = ms;
  const first = localDayIndex(from, cal.timeZone) - 1;
  for (let d = first; d < first + 3660; d++) {
    for (const [s, e] of windowsOfDay(cal, d)) {
      const start = Math.max(s, from);
      if (e <= start) continue;
      if (e - start >= left) return start + left;
      left -= e - start;
    }
  }
  return from + ms; // a calendar without working days: never reached in practice
}

export function isWorkingTime(cal: Calendar, t: number): boolean {
  return workingMs(cal, t, t + 1) > 0;
}
