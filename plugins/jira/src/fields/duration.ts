import { InputError } from '@atlassian-mcp/core';

// Jira's default time tracking: 8-hour days, 5-day weeks.
const UNIT_SECONDS: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 };

/** Parses Jira durations such as "2h 30m", "1d", "1.5h", "90m" into seconds. */
export function parseDuration(text: string): number {
  const parts = text
    .trim()
    .toLowerCase()
    .match(/(\d+(?:\.\d+)?)\s*([wdhm])/g);
  const rest = text
    .trim()
    .toLowerCase()
    .replace(/(\d+(?:\.\d+)?)\s*([wdhm])/g, '')
    .trim();
  if (!parts || rest !== '') {
    throw new InputError(`Cannot read duration "${text}".`, { hint: 'Use Jira durations like "2h 30m", "1d", "45m".' });
  }
  const seconds = parts.reduce((sum, part) => {
    const [, num, unit] = /(\d+(?:\.\d+)?)\s*([wdhm])/.exec(part)!;
    return sum + Number(num) * UNIT_SECONDS[unit];
  }, 0);
  if (seconds < 60) throw new InputError(`Duration "${text}" is under a minute.`);
  return Math.round(seconds);
}

/** Formats seconds the way Jira shows them ("1d 2h 30m"). */
export function formatDuration(seconds: number): string {
  let left = Math.round(seconds / 60) * 60;
  const out: string[] = [];
  for (const unit of ['w', 'd', 'h', 'm']) {
    const n = Math.floor(left / UNIT_SECONDS[unit]);
    if (n > 0) out.push(`${n}${unit}`);
    left -= n * UNIT_SECONDS[unit];
  }
  return out.join(' ') || '0m';
}
