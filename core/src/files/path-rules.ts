import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Where local file access may happen, and what is never reachable even inside it. */
export interface FileRules {
  /** Allowed directories, each in its given (absolute) and its real (symlinks resolved) form. */
  readonly allowed: ReadonlyArray<{ given: string; real: string }>;
  /** Absolute paths that are never read or written, nor anything under them. */
  readonly forbidden: readonly string[];
  /** The user's home directory: its dot-directories and dot-files are never reachable. */
  readonly home: string;
}

/** System trees that expose process memory, environment and devices. */
const SYSTEM_TREES = ['/proc', '/sys', '/dev'];

/** True when `child` is `parent` or lies beneath it. */
export function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The forbidden trees: system trees plus the credential store and the audit log. */
export function forbiddenTrees(extra: readonly (string | undefined)[]): string[] {
  return [...SYSTEM_TREES, ...extra.filter((p): p is string => !!p).map((p) => resolve(p))];
}

/**
 * An argument path as an absolute path: `~/x` is under HOME, a relative path is under the first
 * allowed directory (never the server's working directory, which the user did not choose).
 */
export function absolutePath(input: string, rules: FileRules): string {
  if (input === '~' || input.startsWith('~/')) return join(rules.home, input.slice(1));
  if (isAbsolute(input)) return resolve(input);
  return resolve(rules.allowed[0]?.given ?? rules.home, input);
}

/**
 * Why a path may not be touched, or undefined when it may. Checked on the path as written (before
 * any file-system call, so refusals reveal nothing) and again on its real path (symlinks followed).
 */
export function refusal(path: string, rules: FileRules, form: 'given' | 'real'): string | undefined {
  const inside = rules.allowed.find((d) => isWithin(form === 'real' ? d.real : d.given, path));
  if (!inside) return 'is outside the allowed directories';
  if (rules.forbidden.some((f) => isWithin(f, path)))
    return 'is in a protected location (credentials, audit log, system)';
  const base = form === 'real' ? inside.real : inside.given;
  // Dot-files and dot-directories (`.env`, `.git`, `.ssh`) hold secrets far more often than uploads.
  const below = relative(base, path).split(sep);
  if (below.some((part) => part.startsWith('.'))) return 'is a hidden (dot) file or inside a hidden directory';
  if (isWithin(rules.home, path)) {
    const first = relative(rules.home, path).split(sep)[0] ?? '';
    if (first.startsWith('.')) return "is inside a hidden directory of the user's home";
  }
  return undefined;
}

/** The user's home directory, resolved. */
export function homeDir(): string {
  return resolve(homedir());
}
