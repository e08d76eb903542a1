/**
 * Small display helpers every product's views share (timestamps, sizes, outputs without noise),
 * exported to plugins as one `display` object so the plugin API stays a short list of names.
 */

/** Compact "2026-11-25 08:10Z" from ISO timestamps (dates pass through, unparseable text too). */
export function shortTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';
}

/** Bytes as "12 B", "12 KB", "1.4 MB". */
export function fileSize(bytes: number): string;
export function fileSize(bytes: number | undefined): string | undefined;
export function fileSize(bytes: number | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drops undefined, null, empty strings and empty arrays/objects, so outputs carry no nulls or noise. */
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

/** Lines joined, empty ones dropped. */
export function lines(...parts: Array<string | undefined | false | null>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}

/** The helpers above as plugins get them (spelled out, so a plugin's declarations can name them). */
export interface DisplayHelpers {
  shortTime(iso: string | undefined): string | undefined;
  fileSize(bytes: number): string;
  fileSize(bytes: number | undefined): string | undefined;
  compact<T extends Record<string, unknown>>(obj: T): T;
  lines(...parts: Array<string | undefined | false | null>): string;
}

/** `display.fileSize(n)`, or destructured once in a plugin's view module. */
export const display: DisplayHelpers = { shortTime, fileSize, compact, lines };
