// Jira's wire formats for time values.

/** `2026-11-02T09:15:00.000+0000` — how Jira writes timestamps (always UTC here). */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** ISO-8601 with `Z` (agile sprint dates). */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Parses the timestamp formats Jira accepts in request bodies. */
export function parseJiraTime(s: string): number | undefined {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:?\d\d)?$/i.exec(s.trim());
  if (!m) return undefined;
  let zone = m[3] ?? 'Z';
  if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const t = Date.parse(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(t) ? undefined : t;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
/** Jira's defaults: 8 hours a day, 5 days a week. */
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

/** `1w 2d 3h 30m` → seconds (Jira's time-tracking duration syntax). */
export function parseDuration(s: string): number | undefined {
  const str = String(s).trim();
  if (/^\d+$/.test(str)) return Number(str) * MINUTE;
  const re = /(\d+(?:\.\d+)?)\s*([wdhm])/gy;
  let total = 0;
  let matched = false;
  let m: RegExpExecArray | null;
  const compact = str.replace(/\s+/g, ' ');
  re.lastIndex = 0;
  let pos = 0;
  while (pos < compact.length) {
    if (compact[pos] === ' ') {
      pos++;
      continue;
    }
    re.lastIndex = pos;
    m = re.exec(compact);
    if (!m) return undefined;
    matched = true;
    const n = Number(m[1]);
    total += n * { w: WEEK, d: DAY, h: HOUR, m: MINUTE }[m[2] as 'w' | 'd' | 'h' | 'm'];
    pos = re.lastIndex;
  }
  return matched ? Math.round(total) : undefined;
}

/** seconds → `1w 2d 3h 30m`. */
export function formatDuration(seconds: number): string {
  let s = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of [
    ['w', WEEK],
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
  ] as const) {
    const n = Math.floor(s / size);
    if (n) parts.push(`${n}${unit}`);
    s -= n * size;
  }
  return parts.length ? parts.join(' ') : '0m';
}

/** A LexoRank-looking string for an integer rank. */
export function lexoRank(rank: number): string {
  return `0|i${rank.toString(36).padStart(5, '0')}:`;
}
