// JQL date values: absolute dates, relative periods (`-7d`, `4w 2d`) and the date functions
// (`now()`, `startOfDay()`, `endOfMonth(-1)`, …). All times are epoch ms, UTC.
import { JqlError } from './parser.js';

const DAY = 86_400_000;

const DATE_ERROR = (v: string, field: string) =>
  new JqlError(
    `Date value '${v}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );

/** `2024-01-31`, `2024/01/31 14:05`, `-7d`, `-1w 2d`, `+3h`, `0`. Returns epoch ms. */
export function parseDateValue(v: string, field: string, now: number, dateOnly = false): number {
  const s = v.trim();
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (abs) {
    const [, y, mo, d, hh, mm] = abs;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
    const check = new Date(t);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) throw DATE_ERROR(v, field);
    return t;
  }
  const off = parseOffset(s);
  if (off === undefined) throw DATE_ERROR(v, field);
  const t = addOffset(now, off);
  return dateOnly ? Math.floor(t / DAY) * DAY : t;
}

interface Offset {
  sign: number;
  parts: Array<[number, string]>;
}

function parseOffset(s: string): Offset | undefined {
  const m = /^([+-])?\s*((?:\d+\s*[yMwdhm]\s*)+)$/.exec(s);
  if (!m) return s === '0' ? { sign: 1, parts: [] } : undefined;
  const parts: Array<[number, string]> = [];
  const re = /(\d+)\s*([yMwdhm])/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m[2]!))) parts.push([Number(x[1]), x[2]!]);
  return { sign: m[1] === '-' ? -1 : 1, parts };
}

function addOffset(t: number, off: Offset): number {
  const d = new Date(t);
  for (const [n, unit] of off.parts) {
    const k = n * off.sign;
    switch (unit) {
      case 'y':
        d.setUTCFullYear(d.getUTCFullYear() + k);
        break;
      case 'M':
        d.setUTCMonth(d.getUTCMonth() + k);
        break;
      case 'w':
        d.setTime(d.getTime() + k * 7 * DAY);
        break;
      case 'd':
        d.setTime(d.getTime() + k * DAY);
        break;
      case 'h':
        d.setTime(d.getTime() + k * 3_600_000);
        break;
      case 'm':
        d.setTime(d.getTime() + k * 60_000);
        break;
    }
  }
  return d.getTime();
}

export function dateFunction(name: string, args: string[], now: number, display: string): number {
  let base = now;
  if (args.length > 1)
    throw new JqlError(`Function '${display}' expected between '0' and '1' arguments but received '${args.length}'.`);
  const defaultUnit: Record<string, string> = {
    startofday: 'd',
    endofday: 'd',
    startofweek: 'w',
    endofweek: 'w',
    startofmonth: 'M',
    endofmonth: 'M',
    startofyear: 'y',
    endofyear: 'y',
  };
  if (args[0] !== undefined && name !== 'now') {
    let a = args[0].trim();
    if (/^[+-]?\d+$/.test(a)) a = `${a}${defaultUnit[name]}`;
    const off = parseOffset(a);
    if (!off) throw new JqlError(`Function '${display}' was given an invalid increment '${args[0]}'.`);
    base = addOffset(base, off);
  } else if (args.length && name === 'now') {
    throw new JqlError(`Function '${display}' expected '0' arguments but received '${args.length}'.`);
  }
  const d = new Date(base);
  const startDay = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  switch (name) {
    case 'now':
      return base;
    case 'startofday':
      return startDay;
    case 'endofday':
      return startDay + DAY - 1;
    case 'startofweek':
      return startDay - d.getUTCDay() * DAY;
    case 'endofweek':
      return startDay + (7 - d.getUTCDay()) * DAY - 1;
    case 'startofmonth':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'endofmonth':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
    case 'startofyear':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'endofyear':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1) - 1;
  }
  return base;
}
