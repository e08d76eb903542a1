const PROJECT_KEYS = ['projectKey', 'project'];
const ISSUE_KEYS = [
  'issueKey',
  'issueIdOrKey',
  'key',
  'parentKey',
  'parent',
  'otherKey',
  'before',
  'after',
  'epicKey',
  'issueKeys',
  'issues',
];

/**
 * Checks a call's arguments against the project allowlist. Returns why the call is refused,
 * or undefined when it may go ahead (or no allowlist is set).
 */
export function projectAllowed(allowed: string[] | undefined, args: unknown): string | undefined {
  if (!allowed || allowed.length === 0 || typeof args !== 'object' || args === null) return undefined;
  const set = new Set(allowed.map((p) => p.toUpperCase()));
  const rec = args as Record<string, unknown>;
  const found: string[] = [];
  for (const k of PROJECT_KEYS) if (typeof rec[k] === 'string') found.push((rec[k] as string).toUpperCase());
  for (const k of ISSUE_KEYS) {
    for (const v of [rec[k]].flat()) {
      const key =
        typeof v === 'object' && v !== null
          ? ((v as { key?: unknown; issueKey?: unknown }).issueKey ?? (v as { key?: unknown }).key)
          : v;
      if (typeof key === 'string' && /^[A-Z][A-Z0-9_]+-\d+$/i.test(key)) found.push(key.split('-')[0]!.toUpperCase());
    }
  }
  const bad = found.find((p) => !set.has(p));
  return bad ? `project ${bad} is not in the configured project allowlist` : undefined;
}
