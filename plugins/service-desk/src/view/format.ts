import { display } from '@atlassian-mcp/core';
import type { DateValue, JsmUser } from '../client/jsm-http.js';

export const { lines, fileSize: size } = display;

/** `2026-10-20 09:15` (UTC), or with its offset when JSM sends another one. */
export function when(d: DateValue | undefined): string | undefined {
  const iso = d?.iso8601;
  if (!iso)
    return d?.epochMillis !== undefined
      ? new Date(d.epochMillis).toISOString().slice(0, 16).replace('T', ' ')
      : undefined;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const offset = m[3] && !/^(Z|[+-]00:?00)$/.test(m[3]) ? ` ${m[3]}` : '';
  return `${m[1]} ${m[2]}${offset}`;
}

/** A person's display name (`Former user` when JSM sends none). */
export function person(u: JsmUser | undefined): string | undefined {
  if (!u) return undefined;
  return u.displayName ?? u.accountId;
}

/** `Alex Morgan <alex@acme.example>` for customers whose email is visible. */
export function personWithEmail(u: JsmUser | undefined): string | undefined {
  const name = person(u);
  return name && u?.emailAddress ? `${name} <${u.emailAddress}>` : name;
}

/** `label: a, b, c` or nothing. */
export function list(label: string, values: Array<string | undefined> | undefined): string | undefined {
  const v = (values ?? []).filter((x): x is string => !!x);
  return v.length ? `${label}: ${v.join(', ')}` : undefined;
}

/** `3` when all are shown, `3 of 7` when not. */
export function count(shown: number, total: number | undefined): string {
  return total === undefined || total <= shown ? String(shown) : `${shown} of ${total}`;
}
