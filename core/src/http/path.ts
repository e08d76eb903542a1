import { InputError } from '../plugin-api/errors.js';

/** A value interpolated into a URL path: one segment. */
export type PathValue = string | number;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_SEGMENT = 1024;

/** Decodes percent-escapes until the text stops changing (a proxy may decode more than once). */
function fullyDecoded(value: string): string {
  let current = value;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return current;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** True when `segment` (raw or decoded) would be read as `.` or `..` by a URL parser or a server. */
function isDotSegment(segment: string): boolean {
  const decoded = fullyDecoded(segment);
  return decoded.split(/[/\\]/).some((part) => part === '.' || part === '..');
}

function shown(value: string): string {
  const safe = value.replace(LONE_SURROGATE, '\ufffd');
  return JSON.stringify(safe.length > 40 ? `${safe.slice(0, 40)}…` : safe);
}

function badId(value: string, why: string, name?: string): InputError {
  return new InputError(`${name ? `${name} ` : 'The id '}${shown(value)} is not a valid id: ${why}`, {
    hint: 'Pass the id or key exactly as Atlassian shows it (e.g. PROJ-123 or 10042).',
  });
}

/**
 * Checks one value that will become a URL path segment and percent-encodes it. Refuses (with an
 * InputError, before any request) what could change which resource the path names: empty
 * values, `.` and `..` (also percent-encoded, also inside `a/../b`), separators (`/`, `\`),
 * control characters and lone surrogates.
 */
export function pathSegment(value: PathValue, name?: string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0)
      throw badId(String(value), 'a numeric id is a whole number ≥ 0', name);
    return String(value);
  }
  if (typeof value !== 'string') throw badId(String(value), 'not a string', name);
  if (value === '') throw badId(value, 'it is empty', name);
  if (value.length > MAX_SEGMENT) throw badId(value, `it is longer than ${MAX_SEGMENT} characters`, name);
  if (LONE_SURROGATE.test(value)) throw badId(value, 'it contains an unpaired surrogate character', name);
  if (CONTROL.test(value)) throw badId(value, 'it contains a control character', name);
  const decoded = fullyDecoded(value);
  if (/[/\\]/.test(decoded)) throw badId(value, 'it contains a path separator', name);
  if (isDotSegment(value)) throw badId(value, 'it is a relative path segment', name);
  return encodeURIComponent(value);
}

/**
 * The one way an argument reaches a URL path: a tagged template that checks and encodes every
 * interpolated value as a single segment (see {@link pathSegment}).
 *
 * ```ts
 * apiPath`/rest/api/3/issue/${key}/comment/${id}`
 * ```
 */
export function apiPath(strings: TemplateStringsArray, ...values: PathValue[]): string {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += pathSegment(values[i]!) + (strings[i + 1] ?? '');
  return out;
}

/**
 * Last line of defence in the pipeline: a path (with an optional query) that would not name the
 * resource it spells — a `.`/`..` segment (also percent-encoded), an empty segment inside it,
 * a backslash, a control character or a lone surrogate — is refused before anything is sent.
 */
export function assertSafePath(raw: string): void {
  const q = raw.search(/[?#]/);
  const pathPart = q === -1 ? raw : raw.slice(0, q);
  const problem = unsafePathReason(pathPart);
  if (problem)
    throw new InputError(`Refused to send a request to ${shown(pathPart)}: ${problem}`, {
      hint: 'Check the ids in the call: each must be a single id or key, not a path.',
    });
}

/** Why a request path is unsafe, or `undefined` when it is fine. */
export function unsafePathReason(pathPart: string): string | undefined {
  if (LONE_SURROGATE.test(pathPart)) return 'it contains an unpaired surrogate character';
  if (CONTROL.test(pathPart)) return 'it contains a control character';
  if (pathPart.includes('\\')) return 'it contains a backslash';
  const segments = pathPart.split('/');
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg === '' && i > 0 && i < segments.length - 1) return 'it has an empty segment';
    if (seg !== '' && isDotSegment(seg)) return 'it has a relative (dot) segment';
  }
  return undefined;
}
