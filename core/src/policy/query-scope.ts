import { InputError } from '../plugin-api/errors.js';

/**
 * Confines a query (JQL, CQL) to a restriction that the query cannot escape:
 * `<restriction> AND (<query>) ORDER BY …`. The query is scanned first — quoted strings (with
 * backslash escapes) are skipped, parentheses must balance and never close more than they opened
 * — so `x ) OR ( project = OPS` is refused instead of wrapped into `A AND (x ) OR ( project = OPS)`.
 */
export function constrainQuery(query: string, restriction: string): string {
  const orderAt = scan(query);
  const where = (orderAt === -1 ? query : query.slice(0, orderAt)).trim();
  const order = orderAt === -1 ? '' : ` ${query.slice(orderAt).trim()}`;
  return `${restriction}${where ? ` AND (${where})` : ''}${order}`;
}

/** Checks quotes and parentheses; returns where a top-level ORDER BY starts, or -1. */
function scan(query: string): number {
  let quote: string | undefined;
  let depth = 0;
  let orderAt = -1;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      if (--depth < 0) throw unbalanced('a ")" closes more than was opened');
    } else if (
      depth === 0 &&
      orderAt === -1 &&
      /^order\s+by\b/i.test(query.slice(i, i + 20)) &&
      (i === 0 || /[\s)]/.test(query[i - 1]!))
    )
      orderAt = i;
  }
  if (quote) throw unbalanced(`a ${quote} string is not closed`);
  if (depth > 0) throw unbalanced('a "(" is not closed');
  return orderAt;
}

function unbalanced(why: string): InputError {
  return new InputError(`The query is not well formed: ${why}.`, {
    hint: 'Balance the parentheses and quotes, then search again.',
  });
}
