/** Compact "2026-11-25 08:10Z" from Jira's ISO timestamps (dates pass through). */
export function shortTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

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

/** Bytes as "12 KB". */
export function fileSize(bytes: number | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drops undefined, empty strings and empty arrays/objects, so outputs carry no nulls or noise. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0) continue;
    out[k] = v;
  }
  return out as T;
}
