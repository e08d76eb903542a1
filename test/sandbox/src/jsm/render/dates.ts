// JSM's DateDTO and DurationDTO: every instant comes as epoch millis, ISO 8601, Jira's format and
// a "friendly" text; every duration as millis and a friendly `2h 15m` (negative when overdue).
import { jiraTime } from '../../jira/format.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 86_400_000;

function clock(d: Date): string {
  const h = d.getUTCHours();
  const m = String(d.getUTCMinutes()).padStart(2, '0');
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `Today 9:15 AM`, `Yesterday 4:02 PM` or `28/Oct/26 4:02 PM` (site time zone: UTC). */
export function friendlyDate(ms: number, now: number): string {
  const d = new Date(ms);
  const day = Math.floor(ms / DAY);
  const today = Math.floor(now / DAY);
  if (day === today) return `Today ${clock(d)}`;
  if (day === today - 1) return `Yesterday ${clock(d)}`;
  const yy = String(d.getUTCFullYear() % 100).padStart(2, '0');
  return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${yy} ${clock(d)}`;
}

export function dateDto(ms: number, now: number) {
  return {
    iso8601: new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000'),
    jira: jiraTime(ms),
    friendly: friendlyDate(ms, now),
    epochMillis: ms,
  };
}

/** `2h 15m`, `45m`, `-1h 30m`, `0m` (SLA durations: hours and minutes only, as JSM shows them). */
export function friendlyDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${sign}${h}h ${m}m`;
  if (h) return `${sign}${h}h`;
  return `${sign}${m}m`;
}

export function durationDto(ms: number) {
  return { millis: ms, friendly: friendlyDuration(ms) };
}
