// JQL AST → a predicate and a comparator over the store's issues, with Jira's semantic
// errors (unknown field, unsupported operator, unknown value, bad date, unknown function).
// Field resolution: ./field.ts; operand values: ./operand.ts; functions: ./functions.ts and
// ./dates.ts; clauses and operators: ./clause.ts; ORDER BY: ./order.ts.
import type { Issue } from '../model.js';
import { compileExpr } from './clause.js';
import type { CompileContext } from './field.js';
import { compileOrder } from './order.js';
import { parseJql, type JqlQuery } from './parser.js';

export type { CompileContext } from './field.js';
export { parseDateValue } from './dates.js';

export interface CompiledJql {
  query: JqlQuery;
  bounded: boolean;
  filter: (i: Issue) => boolean;
  compare: (a: Issue, b: Issue) => number;
}

const parseCache = new Map<string, JqlQuery>();

export function parseCached(jql: string): JqlQuery {
  let q = parseCache.get(jql);
  if (!q) {
    q = parseJql(jql);
    if (parseCache.size > 500) parseCache.clear();
    parseCache.set(jql, q);
  }
  return q;
}

export function compileJql(jql: string, c: CompileContext): CompiledJql {
  const query = parseCached(jql);
  const filter = query.where ? compileExpr(query.where, c) : () => true;
  return { query, bounded: !!query.where, filter, compare: compileOrder(query, c) };
}
