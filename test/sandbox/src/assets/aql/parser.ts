// An AQL (Assets Query Language) subset: `attribute op value` with = != < > <= >= LIKE
// STARTSWITH ENDSWITH, IN / NOT IN, IS [NOT] EMPTY, AND / OR / NOT with parentheses,
// `object HAVING inboundReferences(…)` / `outboundReferences(…)`, `currentUser()`, ORDER BY.
// Unquoted values run to the next space or parenthesis, as in Assets (`Key = ITAM-12`).

export class AqlError extends Error {}

export type AqlOp = '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like' | 'startswith' | 'endswith';

export type AqlValue = { kind: 'text'; text: string } | { kind: 'currentUser' };

export type AqlExpr =
  | { kind: 'and' | 'or'; items: AqlExpr[] }
  | { kind: 'not'; item: AqlExpr }
  | { kind: 'compare'; attribute: string; op: AqlOp; value: AqlValue }
  | { kind: 'in'; attribute: string; negated: boolean; values: AqlValue[] }
  | { kind: 'empty'; attribute: string; negated: boolean }
  | { kind: 'having'; direction: 'inbound' | 'outbound'; inner?: AqlExpr };

export interface AqlQuery {
  where?: AqlExpr;
  orderBy?: { attribute: string; desc: boolean };
}

interface Token {
  kind: 'word' | 'string' | 'op' | '(' | ')' | ',' | 'end';
  text: string;
  pos: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ kind: c, text: c, pos: i++ });
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        text += src[j++];
      }
      if (j >= src.length) throw new AqlError(`AQL: missing closing quote for the value starting at position ${i}.`);
      out.push({ kind: 'string', text, pos: i });
      i = j + 1;
      continue;
    }
    const op = /^(!=|<=|>=|=|<|>)/.exec(src.slice(i));
    if (op) {
      out.push({ kind: 'op', text: op[1]!, pos: i });
      i += op[1]!.length;
      continue;
    }
    let j = i;
    while (j < src.length && !/[\s(),=!<>"']/.test(src[j]!)) j++;
    out.push({ kind: 'word', text: src.slice(i, j), pos: i });
    i = j;
  }
  out.push({ kind: 'end', text: '', pos: src.length });
  return out;
}

const WORD_OPS: Record<string, AqlOp> = { like: 'like', startswith: 'startswith', endswith: 'endswith' };

class Parser {
  private i = 0;
  constructor(private readonly t: Token[]) {}

  private peek(): Token {
    return this.t[this.i]!;
  }
  private next(): Token {
    return this.t[this.i++]!;
  }
  private isWord(w: string, at = 0): boolean {
    const tok = this.t[this.i + at];
    return tok?.kind === 'word' && tok.text.toLowerCase() === w;
  }
  private fail(expected: string): never {
    const tok = this.peek();
    const what = tok.kind === 'end' ? 'the end of the query' : `'${tok.text}'`;
    throw new AqlError(`AQL: expected ${expected} at position ${tok.pos} but found ${what}.`);
  }

  query(): AqlQuery {
    const q: AqlQuery = {};
    if (this.peek().kind !== 'end' && !this.isWord('order')) q.where = this.or();
    if (this.isWord('order')) {
      this.next();
      if (!this.isWord('by')) this.fail("'BY'");
      this.next();
      const attribute = this.attribute();
      let desc = false;
      if (this.isWord('asc') || this.isWord('desc')) desc = this.next().text.toLowerCase() === 'desc';
      q.orderBy = { attribute, desc };
    }
    if (this.peek().kind !== 'end') this.fail('AND, OR, ORDER BY or the end of the query');
    return q;
  }

  private or(): AqlExpr {
    const items = [this.and()];
    while (this.isWord('or')) {
      this.next();
      items.push(this.and());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(): AqlExpr {
    const items = [this.unary()];
    while (this.isWord('and')) {
      this.next();
      items.push(this.unary());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items };
  }

  private unary(): AqlExpr {
    if (this.isWord('not') && !this.isWord('in', 1)) {
      this.next();
      return { kind: 'not', item: this.unary() };
    }
    if (this.peek().kind === '(') {
      this.next();
      const e = this.or();
      if (this.next().kind !== ')') {
        this.i--;
        this.fail("')'");
      }
      return e;
    }
    return this.clause();
  }

  private attribute(): string {
    const tok = this.peek();
    if (tok.kind !== 'word' && tok.kind !== 'string') this.fail('an attribute name');
    return this.next().text;
  }

  private value(): AqlValue {
    const tok = this.peek();
    if (tok.kind === 'string') return { kind: 'text', text: this.next().text };
    if (tok.kind !== 'word') this.fail('a value');
    this.next();
    if (tok.text.toLowerCase() === 'currentuser' && this.peek().kind === '(') {
      this.next();
      if (this.next().kind !== ')') {
        this.i--;
        this.fail("')' after currentUser(");
      }
      return { kind: 'currentUser' };
    }
    return { kind: 'text', text: tok.text };
  }

  private clause(): AqlExpr {
    if (this.isWord('object') && this.isWord('having', 1)) {
      this.next();
      this.next();
      const fn = this.peek().text.toLowerCase();
      if (fn !== 'inboundreferences' && fn !== 'outboundreferences')
        this.fail('inboundReferences() or outboundReferences()');
      this.next();
      if (this.next().kind !== '(') {
        this.i--;
        this.fail("'('");
      }
      const inner = this.peek().kind === ')' ? undefined : this.or();
      if (this.next().kind !== ')') {
        this.i--;
        this.fail("')'");
      }
      return { kind: 'having', direction: fn === 'inboundreferences' ? 'inbound' : 'outbound', inner };
    }
    const attribute = this.attribute();
    if (this.isWord('is')) {
      this.next();
      const negated = this.isWord('not');
      if (negated) this.next();
      if (!this.isWord('empty') && !this.isWord('null')) this.fail('EMPTY');
      this.next();
      return { kind: 'empty', attribute, negated };
    }
    const negatedIn = this.isWord('not') && this.isWord('in', 1);
    if (negatedIn || this.isWord('in')) {
      this.i += negatedIn ? 2 : 1;
      if (this.next().kind !== '(') {
        this.i--;
        this.fail("'(' after IN");
      }
      const values = [this.value()];
      while (this.peek().kind === ',') {
        this.next();
        values.push(this.value());
      }
      if (this.next().kind !== ')') {
        this.i--;
        this.fail("')'");
      }
      return { kind: 'in', attribute, negated: negatedIn, values };
    }
    const tok = this.peek();
    const op =
      tok.kind === 'op' ? (tok.text as AqlOp) : tok.kind === 'word' ? WORD_OPS[tok.text.toLowerCase()] : undefined;
    if (!op) this.fail(`an operator after '${attribute}' (=, !=, <, >, <=, >=, LIKE, IN, IS EMPTY…)`);
    this.next();
    return { kind: 'compare', attribute, op, value: this.value() };
  }
}

export function parseAql(src: string): AqlQuery {
  if (src.length > 10_000) throw new AqlError('AQL: the query is too long.');
  return new Parser(tokenize(src)).query();
}
