// CQL (Confluence Query Language) lexer and parser: clauses `field op value`, AND / OR / NOT,
// parentheses, lists, function calls (`now("-7d")`, `currentUser()`), ORDER BY. Errors carry
// the position and say what was expected, like Confluence's "Could not parse cql".

export class CqlError extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(message);
  }
}

export type CqlOp = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in';

export type CqlValue = { kind: 'string'; value: string } | { kind: 'func'; name: string; args: string[] };

export type CqlNode =
  | { kind: 'and'; items: CqlNode[] }
  | { kind: 'or'; items: CqlNode[] }
  | { kind: 'not'; item: CqlNode }
  | { kind: 'clause'; field: string; op: CqlOp; values: CqlValue[]; list: boolean; position: number };

export interface CqlQuery {
  where?: CqlNode;
  orderBy: Array<{ field: string; direction: 'asc' | 'desc' }>;
}

type Tok = { type: 'word' | 'string' | 'op' | 'punct' | 'eof'; value: string; pos: number };

function lex(cql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < cql.length) {
    const ch = cql[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"' || ch === "'") {
      let v = '';
      i++;
      while (i < cql.length && cql[i] !== ch) {
        if (cql[i] === '\\' && i + 1 < cql.length) {
          v += cql[i + 1] === ch || cql[i + 1] === '\\' ? cql[i + 1] : `\\${cql[i + 1]}`;
          i += 2;
        } else v += cql[i++];
      }
      if (i >= cql.length) throw new CqlError(`Unterminated string starting at position ${start}`, start);
      i++;
      out.push({ type: 'string', value: v, pos: start });
    } else if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ type: 'punct', value: ch, pos: i++ });
    } else if (/[=!~<>]/.test(ch)) {
      const two = cql.slice(i, i + 2);
      const op = ['!=', '!~', '>=', '<='].includes(two) ? two : ch;
      if (op === '!') throw new CqlError(`Unexpected '!' at position ${i}`, i);
      i += op.length;
      out.push({ type: 'op', value: op, pos: start });
    } else {
      while (i < cql.length && !/[\s()=!~<>,"']/.test(cql[i]!)) i++;
      out.push({ type: 'word', value: cql.slice(start, i), pos: start });
    }
  }
  out.push({ type: 'eof', value: '', pos: cql.length });
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'order', 'by', 'asc', 'desc']);

export function parseCql(cql: string): CqlQuery {
  const toks = lex(cql);
  let k = 0;
  const peek = () => toks[k]!;
  const isWord = (w: string) => peek().type === 'word' && peek().value.toLowerCase() === w;
  const describe = (t: Tok) => (t.type === 'eof' ? 'the end of the query' : `'${t.value}' at position ${t.pos}`);
  const expect = (what: string): never => {
    throw new CqlError(`Expected ${what} but found ${describe(peek())}`, peek().pos);
  };

  const value = (): CqlValue => {
    const t = peek();
    if (t.type === 'string') {
      k++;
      return { kind: 'string', value: t.value };
    }
    if (t.type !== 'word' || KEYWORDS.has(t.value.toLowerCase())) return expect('a value');
    k++;
    if (peek().type === 'punct' && peek().value === '(') {
      k++;
      const args: string[] = [];
      while (!(peek().type === 'punct' && peek().value === ')')) {
        const a = peek();
        if (a.type !== 'string' && a.type !== 'word') expect(`an argument or ')' for ${t.value}()`);
        args.push(a.value);
        k++;
        if (peek().type === 'punct' && peek().value === ',') k++;
        else if (!(peek().type === 'punct' && peek().value === ')')) expect(`',' or ')' in ${t.value}()`);
      }
      k++;
      return { kind: 'func', name: t.value, args };
    }
    return { kind: 'string', value: t.value };
  };

  const clause = (): CqlNode => {
    const f = peek();
    if (f.type !== 'word' || KEYWORDS.has(f.value.toLowerCase())) return expect('a field name');
    k++;
    let op: CqlOp;
    if (peek().type === 'op') op = toks[k++]!.value as CqlOp;
    else if (isWord('in')) {
      k++;
      op = 'in';
    } else if (isWord('not')) {
      k++;
      if (!isWord('in')) expect("'in' after 'not'");
      k++;
      op = 'not in';
    } else return expect(`an operator after '${f.value}'`);
    const values: CqlValue[] = [];
    let list = false;
    if (peek().type === 'punct' && peek().value === '(') {
      list = true;
      k++;
      values.push(value());
      while (peek().type === 'punct' && peek().value === ',') {
        k++;
        values.push(value());
      }
      if (!(peek().type === 'punct' && peek().value === ')')) expect("',' or ')' to close the list");
      k++;
    } else values.push(value());
    if ((op === 'in' || op === 'not in') && !list)
      throw new CqlError(`'${op}' needs a list in parentheses, e.g. ${f.value} ${op} ("a", "b")`, f.pos);
    if (list && op !== 'in' && op !== 'not in')
      throw new CqlError(`A list of values needs 'in' or 'not in', not '${op}'`, f.pos);
    return { kind: 'clause', field: f.value, op, values, list, position: f.pos };
  };

  const primary = (): CqlNode => {
    if (peek().type === 'punct' && peek().value === '(') {
      k++;
      const inner = or();
      if (!(peek().type === 'punct' && peek().value === ')')) expect("')'");
      k++;
      return inner;
    }
    return clause();
  };
  const not = (): CqlNode => {
    if (isWord('not')) {
      k++;
      return { kind: 'not', item: not() };
    }
    return primary();
  };
  const and = (): CqlNode => {
    const items = [not()];
    while (isWord('and')) {
      k++;
      items.push(not());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const or = (): CqlNode => {
    const items = [and()];
    while (isWord('or')) {
      k++;
      items.push(and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };

  const q: CqlQuery = { orderBy: [] };
  if (!isWord('order') && peek().type !== 'eof') q.where = or();
  if (isWord('order')) {
    k++;
    if (!isWord('by')) expect("'by' after 'order'");
    k++;
    do {
      if (q.orderBy.length) k++;
      const f = peek();
      if (f.type !== 'word') expect('a field to order by');
      k++;
      let direction: 'asc' | 'desc' = 'asc';
      if (isWord('asc') || isWord('desc')) direction = toks[k++]!.value.toLowerCase() as 'asc' | 'desc';
      q.orderBy.push({ field: f.value, direction });
    } while (peek().type === 'punct' && peek().value === ',');
  }
  if (peek().type !== 'eof') expect("'and', 'or', 'order by' or the end of the query");
  if (!q.where && !q.orderBy.length) throw new CqlError('The query is empty', 0);
  return q;
}
