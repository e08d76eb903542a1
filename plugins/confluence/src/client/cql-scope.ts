import { InputError } from '@atlassian-mcp/core';

/**
 * Confines a CQL query to the allowed spaces: `space in ("A", "B") AND (<query>)`, with any
 * ORDER BY kept outside the parentheses. A query whose parentheses do not balance (outside quoted
 * text) could close the wrapper early (`x) OR (space = OTHER`), so it is refused, never sent.
 */
export function scopeCql(cql: string, spaces: readonly string[] | undefined): string {
  if (!spaces || spaces.length === 0) return cql;
  const { orderBy, balanced } = scan(cql);
  if (!balanced)
    throw new InputError('The CQL query has unbalanced parentheses or quotes.', {
      hint: 'Close every ( and every quote, then call again.',
    });
  const where = (orderBy === -1 ? cql : cql.slice(0, orderBy)).trim();
  const order = orderBy === -1 ? '' : ` ${cql.slice(orderBy).trim()}`;
  const list = spaces.map((s) => `"${s.replace(/["\\]/g, '')}"`).join(', ');
  return `space in (${list})${where ? ` AND (${where})` : ''}${order}`;
}

/** Where a top-level ORDER BY starts (-1 if none), and whether quotes and parentheses balance. */
function scan(cql: string): { orderBy: number; balanced: boolean } {
  let quote: string | undefined;
  let depth = 0;
  let orderBy = -1;
  for (let i = 0; i < cql.length; i++) {
    const ch = cql[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      if (--depth < 0) return { orderBy, balanced: false };
    } else if (depth === 0 && /order\s+by\b/iy.test(cql.slice(i, i + 20)) && (i === 0 || /[\s)]/.test(cql[i - 1]!)))
      orderBy = i;
  }
  return { orderBy, balanced: depth === 0 && quote === undefined };
}
