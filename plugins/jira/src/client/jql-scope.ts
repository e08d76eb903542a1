/**
 * Confines a JQL query to the configured project allowlist: `project in (A, B) AND (<query>)`,
 * with any ORDER BY kept outside the parentheses. Quoted text is skipped when looking for it.
 */
export function scopeJql(jql: string, projects: readonly string[] | undefined): string {
  if (!projects || projects.length === 0) return jql;
  const cut = orderByIndex(jql);
  const where = (cut === -1 ? jql : jql.slice(0, cut)).trim();
  const order = cut === -1 ? '' : ` ${jql.slice(cut).trim()}`;
  const list = projects.map((p) => `"${p.replace(/"/g, '')}"`).join(', ');
  return `project in (${list})${where ? ` AND (${where})` : ''}${order}`;
}

function orderByIndex(jql: string): number {
  let quote: string | undefined;
  let found = -1;
  for (let i = 0; i < jql.length; i++) {
    const ch = jql[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (/order\s+by\b/iy.test(jql.slice(i, i + 20)) && (i === 0 || /\s|\)/.test(jql[i - 1]!))) found = i;
  }
  return found;
}
