/** One thing a call names, found at a declared argument path. */
export interface TargetRef {
  /** Where it was found (`issueKey`, `issues[1].parent`). */
  path: string;
  /** What kind of reference the plugin declared (`issue`, `project`, `board`, `jql`…). */
  kind: string;
  value: string;
}

/**
 * Finds every value at a declared path. A path is dot-separated; `[]` walks an array; keys match
 * case-insensitively (field names come as "Parent" or "parent"). An object value is read through
 * its `key`, `id` or `value` (Jira's `{ "key": "NOVA-1" }` shapes).
 */
export function collectTargets(args: unknown, targets: Record<string, string> | undefined): TargetRef[] {
  if (!targets) return [];
  const out: TargetRef[] = [];
  for (const [path, kind] of Object.entries(targets)) walk(args, path.split('.'), '', kind, out);
  return out;
}

function walk(node: unknown, rest: string[], at: string, kind: string, out: TargetRef[]): void {
  if (node === undefined || node === null) return;
  if (rest.length === 0) {
    for (const v of Array.isArray(node) ? node : [node]) {
      const value = leaf(v);
      if (value !== undefined) out.push({ path: at, kind, value });
    }
    return;
  }
  const [head, ...tail] = rest as [string, ...string[]];
  const many = head.endsWith('[]');
  const name = many ? head.slice(0, -2) : head;
  if (typeof node !== 'object') return;
  const key = Object.keys(node).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) return;
  const child = (node as Record<string, unknown>)[key];
  const here = at ? `${at}.${key}` : key;
  if (many && Array.isArray(child)) child.forEach((c, i) => walk(c, tail, `${here}[${i}]`, kind, out));
  else walk(child, tail, here, kind, out);
}

function leaf(v: unknown): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const inner = o.key ?? o.id ?? o.value;
    if (typeof inner === 'string' || typeof inner === 'number') return String(inner);
  }
  return undefined;
}

/** A copy of `args` with the value at `path` (as reported by {@link collectTargets}) replaced. */
export function replaceAt(args: unknown, path: string, value: string): unknown {
  const copy = structuredClone(args) as Record<string, unknown>;
  const parts = path.split('.').flatMap((p) => p.split(/\[(\d+)\]/).filter(Boolean));
  let node: Record<string, unknown> = copy;
  for (const p of parts.slice(0, -1)) node = node[p] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
  return copy;
}
