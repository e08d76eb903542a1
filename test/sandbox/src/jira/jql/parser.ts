// JQL lexer + parser for the subset agents use. Syntax errors carry Jira's own wording and
// positions ("(line 1, character 9)"); semantic checks (fields, values, operators) live in
// compile.ts because they need the site's data.

export class JqlError extends Error {}

export type Operator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

export interface Pos {
  line: number;
  col: number;
}

export type Operand =
  | { kind: 'value'; value: string; quoted: boolean; pos: Pos }
  | { kind: 'empty'; pos: Pos }
  | { kind: 'list'; items: Operand[]; pos: Pos }
  | { kind: 'func'; name: string; args: string[]; pos: Pos };

export interface Clause {
  kind: 'clause';
  field: string;
  fieldPos: Pos;
  op: Operator;
  operand: Operand;
}

export type Expr =
  Clause | { kind: 'and'; items: Expr[] } | { kind: 'or'; items: Expr[] } | { kind: 'not'; item: Expr };

export interface OrderItem {
  field: string;
  dir: 'asc' | 'desc';
  pos: Pos;
}

export interface JqlQuery {
  where?: Expr;
  orderBy: OrderItem[];
}

type TokType = 'word' | 'string' | 'op' | '(' | ')' | ',' | 'eof';

interface Tok {
  type: TokType;
  text: string;
  pos: Pos;
}

const PREFIX = 'Error in the JQL Query: ';
const OPERATORS_HINT =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const at = (p: Pos) => `(line ${p.line}, character ${p.col})`;

/** Characters Jira reserves outside quotes. */
const RESERVED_CHARS = new Set(['+', ';', '?', '|', '*', '/', '%', '^', '$', '#', '@', '[', ']', '{', '}', '&']);
const RESERVED_WORDS = new Set(
  (
    'a an abort access add after alias all alter and any are as asc audit avg before begin between boolean break by byte catch cf char character check ' +
    'checkpoint collate collation column commit connect continue count create current date decimal declare decrement default defaults define delete ' +
    'delimiter desc difference distinct divide do double drop else empty encoding end equals escape exclusive exec execute exists explain false fetch file ' +
    'field first float for from function go goto grant greater group having identified if immediate in increment index initial inner inout input insert int ' +
    'integer intersect intersection into is isempty isnull join last left less like limit lock long max min minus mode modify modulo more multiply next ' +
    'noaudit not notin nowait null number object of on option or order outer output power previous prior privileges public raise raw remainder rename ' +
    'resource return returns revoke right row rowid rownum rows select session set share size sqrt start string subtract sum synonym table then to trans ' +
    'transaction trigger true uid union unique update user validate values view when whenever where while with'
  ).split(' '),
);
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'order',
  'by',
  'empty',
  'null',
  'asc',
  'desc',
  'was',
  'changed',
]);

function lex(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (n: number) => {
    for (let k = 0; k < n; k++) {
      if (src[i] === '\n') {
        line++;
        col = 1;
      } else col++;
      i++;
    }
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      advance(1);
      continue;
    }
    const pos = { line, col };
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      let out = '';
      let closed = false;
      while (j < src.length) {
        const c = src[j]!;
        if (c === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(j + 2, j + 6))) {
            out += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
          j += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          break;
        }
        out += c;
        j++;
      }
      if (!closed) throw new JqlError(`${PREFIX}The quoted string '${out}' has not been completed. ${at(pos)}`);
      advance(j + 1 - i);
      toks.push({ type: 'string', text: out, pos });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '>=' || two === '<=') {
      toks.push({ type: 'op', text: two, pos });
      advance(2);
      continue;
    }
    if (two === '&&' || two === '||') {
      toks.push({ type: 'word', text: two === '&&' ? 'AND' : 'OR', pos });
      advance(2);
      continue;
    }
    if (ch === '=' || ch === '~' || ch === '>' || ch === '<') {
      toks.push({ type: 'op', text: ch, pos });
      advance(1);
      continue;
    }
    if (ch === '!') {
      toks.push({ type: 'word', text: 'NOT', pos });
      advance(1);
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      toks.push({ type: ch, text: ch, pos });
      advance(1);
      continue;
    }
    // custom field reference cf[12345]
    const cf = /^cf\[\d+\]/i.exec(src.slice(i));
    if (cf) {
      toks.push({ type: 'word', text: cf[0], pos });
      advance(cf[0].length);
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s"'=!~<>(),]/.test(src[j]!)) {
      const c = src[j]!;
      if (RESERVED_CHARS.has(c) || c === '&' || c === '|') {
        const p = { line, col: col + (j - i) };
        const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
        throw new JqlError(
          `${PREFIX}The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${hex}' instead. ${at(p)}`,
        );
      }
      j++;
    }
    const word = src.slice(i, j);
    if (word.includes('.') && !/^[+-]?\d+(\.\d+)?$/.test(word)) {
      const off = word.indexOf('.');
      throw new JqlError(
        `${PREFIX}The character '.' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002e' instead. ${at({ line, col: col + off })}`,
      );
    }
    toks.push({ type: 'word', text: word, pos });
    advance(j - i);
  }
  toks.push({ type: 'eof', text: '', pos: { line, col } });
  return toks;
}

const isKw = (t: Tok, kw: string) => t.type === 'word' && t.text.toLowerCase() === kw;

export const MAX_JQL_LENGTH = 10_000;

/** Parses a JQL query. Throws JqlError with Jira's message on a syntax error. */
export function parseJql(src: string): JqlQuery {
  if (src.length > MAX_JQL_LENGTH) throw new JqlError(`${PREFIX}The JQL query is too long.`);
  const toks = lex(src);
  let k = 0;
  let depth = 0;
  const peek = () => toks[k]!;
  const next = () => toks[k++]!;
  const got = (t: Tok) => `'${t.text}'`;

  const parseOr = (): Expr => {
    const items = [parseAnd()];
    while (isKw(peek(), 'or')) {
      next();
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  };
  const parseAnd = (): Expr => {
    const items = [parseNot()];
    for (;;) {
      const t = peek();
      if (isKw(t, 'and')) {
        next();
        items.push(parseNot());
        continue;
      }
      if (t.type === 'eof' || t.type === ')' || isKw(t, 'or') || isKw(t, 'order')) break;
      throw new JqlError(`${PREFIX}Expecting either 'OR' or 'AND' but got ${got(t)}. ${at(t.pos)}`);
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  };
  const parseNot = (): Expr => {
    const t = peek();
    if (isKw(t, 'not')) {
      next();
      if (++depth > 50) throw new JqlError(`${PREFIX}The JQL query is too complex.`);
      const item = parseNot();
      depth--;
      return { kind: 'not', item };
    }
    if (t.type === '(') {
      next();
      if (++depth > 50) throw new JqlError(`${PREFIX}The JQL query is too complex.`);
      const e = parseOr();
      depth--;
      const c = next();
      if (c.type !== ')') {
        if (c.type === 'eof') throw new JqlError(`${PREFIX}Expecting ')' before the end of the query.`);
        throw new JqlError(`${PREFIX}Expecting ')' but got ${got(c)}. ${at(c.pos)}`);
      }
      return e;
    }
    return parseClause();
  };
  const parseField = (): { name: string; pos: Pos } => {
    const t = next();
    if (t.type === 'eof') throw new JqlError(`${PREFIX}Expecting a field name before the end of the query.`);
    if (t.type === 'string') return { name: t.text, pos: t.pos };
    if (t.type !== 'word' || KEYWORDS.has(t.text.toLowerCase())) {
      throw new JqlError(
        `${PREFIX}Expecting a field name but got ${got(t)}. You must surround ${got(t)} in quotation marks to use it as a field name. ${at(t.pos)}`,
      );
    }
    if (RESERVED_WORDS.has(t.text.toLowerCase())) {
      throw new JqlError(
        `${PREFIX}'${t.text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query. ${at(t.pos)}`,
      );
    }
    return { name: t.text, pos: t.pos };
  };
  const parseClause = (): Clause => {
    const f = parseField();
    const t = next();
    let op: Operator;
    if (t.type === 'op') op = t.text as Operator;
    else if (isKw(t, 'in')) op = 'in';
    else if (isKw(t, 'not') && isKw(peek(), 'in')) {
      next();
      op = 'not in';
    } else if (isKw(t, 'is')) {
      if (isKw(peek(), 'not')) {
        next();
        op = 'is not';
      } else op = 'is';
    } else if (isKw(t, 'was') || isKw(t, 'changed')) {
      throw new JqlError(
        `The operator '${t.text.toUpperCase()}' is not supported by the sandbox (it keeps no search history index).`,
      );
    } else if (t.type === 'eof') {
      throw new JqlError(`${PREFIX}Expecting operator before the end of the query. ${OPERATORS_HINT}`);
    } else {
      throw new JqlError(`${PREFIX}Expecting operator but got ${got(t)}. ${OPERATORS_HINT} ${at(t.pos)}`);
    }
    const operand = parseOperand(op);
    return { kind: 'clause', field: f.name, fieldPos: f.pos, op, operand };
  };
  const parseValue = (allowEmpty: boolean): Operand => {
    const t = next();
    if (t.type === 'eof')
      throw new JqlError(`${PREFIX}Expecting either a value, list or function before the end of the query.`);
    if (t.type === 'string') return { kind: 'value', value: t.text, quoted: true, pos: t.pos };
    if (t.type === 'word') {
      const lower = t.text.toLowerCase();
      if (lower === 'empty' || lower === 'null') {
        if (allowEmpty) return { kind: 'empty', pos: t.pos };
      } else if (peek().type === '(') {
        next();
        const args: string[] = [];
        if (peek().type !== ')') {
          for (;;) {
            const a = next();
            if (a.type === 'word' || a.type === 'string') args.push(a.text);
            else if (a.type === 'eof') throw new JqlError(`${PREFIX}Expecting ')' before the end of the query.`);
            else throw new JqlError(`${PREFIX}Expecting a function argument but got ${got(a)}. ${at(a.pos)}`);
            const sep = next();
            if (sep.type === ')') break;
            if (sep.type !== ',') {
              if (sep.type === 'eof') throw new JqlError(`${PREFIX}Expecting ')' before the end of the query.`);
              throw new JqlError(`${PREFIX}Expecting ',' or ')' but got ${got(sep)}. ${at(sep.pos)}`);
            }
          }
        } else next();
        return { kind: 'func', name: t.text, args, pos: t.pos };
      } else if (!KEYWORDS.has(lower) && !RESERVED_WORDS.has(lower)) {
        return { kind: 'value', value: t.text, quoted: false, pos: t.pos };
      } else if (RESERVED_WORDS.has(lower) && !KEYWORDS.has(lower)) {
        throw new JqlError(
          `${PREFIX}'${t.text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query. ${at(t.pos)}`,
        );
      }
    }
    throw new JqlError(
      `${PREFIX}Expecting either a value, list or function but got ${got(t)}. You must surround ${got(t)} in quotation marks to use it as a value. ${at(t.pos)}`,
    );
  };
  const parseOperand = (op: Operator): Operand => {
    const t = peek();
    if (op === 'is' || op === 'is not') {
      const v = next();
      if (isKw(v, 'empty') || isKw(v, 'null')) return { kind: 'empty', pos: v.pos };
      if (v.type === 'eof') throw new JqlError(`${PREFIX}Expecting 'EMPTY' before the end of the query.`);
      throw new JqlError(`${PREFIX}Expecting 'EMPTY' or 'NULL' but got ${got(v)}. ${at(v.pos)}`);
    }
    if (t.type === '(') {
      next();
      const items: Operand[] = [];
      for (;;) {
        items.push(parseValue(true));
        const sep = next();
        if (sep.type === ')') break;
        if (sep.type === ',') continue;
        if (sep.type === 'eof') throw new JqlError(`${PREFIX}Expecting ')' before the end of the query.`);
        throw new JqlError(`${PREFIX}Expecting ',' or ')' but got ${got(sep)}. ${at(sep.pos)}`);
      }
      return { kind: 'list', items, pos: t.pos };
    }
    return parseValue(true);
  };

  const q: JqlQuery = { orderBy: [] };
  if (peek().type !== 'eof' && !isKw(peek(), 'order')) q.where = parseOr();
  if (isKw(peek(), 'order')) {
    next();
    const by = next();
    if (!isKw(by, 'by')) {
      if (by.type === 'eof') throw new JqlError(`${PREFIX}Expecting 'BY' before the end of the query.`);
      throw new JqlError(`${PREFIX}Expecting 'BY' but got ${got(by)}. ${at(by.pos)}`);
    }
    for (;;) {
      const f = parseField();
      let dir: 'asc' | 'desc' = 'asc';
      if (isKw(peek(), 'asc') || isKw(peek(), 'desc')) dir = next().text.toLowerCase() as 'asc' | 'desc';
      q.orderBy.push({ field: f.name, dir, pos: f.pos });
      const t = peek();
      if (t.type === ',') {
        next();
        continue;
      }
      if (t.type === 'eof') break;
      throw new JqlError(`${PREFIX}Expecting either a ',' or the end of the query but got ${got(t)}. ${at(t.pos)}`);
    }
  }
  const rest = peek();
  if (rest.type !== 'eof') {
    if (rest.type === ')') throw new JqlError(`${PREFIX}Expecting either 'OR' or 'AND' but got ')'. ${at(rest.pos)}`);
    throw new JqlError(`${PREFIX}Expecting either 'OR' or 'AND' but got ${got(rest)}. ${at(rest.pos)}`);
  }
  return q;
}
