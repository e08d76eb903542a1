// JQL WHERE: AND/OR/NOT, and each clause's operator checked against its field and applied.
import type { Issue } from '../model.js';
import { resolveField, textOf, valuesOf, type CompileContext, type JqlField, type Kind } from './field.js';
import { resolveOperand } from './operand.js';
import { JqlError, type Clause, type Expr, type Operand, type Operator } from './parser.js';
import { textMatcher } from './text-search.js';

const EQ: Operator[] = ['=', '!=', 'in', 'not in'];
const EQ_EMPTY: Operator[] = [...EQ, 'is', 'is not'];
const CMP: Operator[] = ['=', '!=', 'in', 'not in', 'is', 'is not', '>', '>=', '<', '<='];
const SUPPORTED: Record<Kind, Operator[]> = {
  text: ['~', '!~', 'is', 'is not'],
  key: ['=', '!=', 'in', 'not in', '>', '>=', '<', '<='],
  project: EQ,
  issuetype: EQ,
  status: EQ,
  statusCategory: EQ,
  priority: CMP,
  resolution: EQ_EMPTY,
  user: EQ_EMPTY,
  users: EQ_EMPTY,
  labels: EQ_EMPTY,
  components: EQ_EMPTY,
  versions: EQ_EMPTY,
  date: CMP,
  datetime: CMP,
  number: CMP,
  option: EQ_EMPTY,
  cascade: EQ_EMPTY,
  sprint: EQ_EMPTY,
  team: EQ_EMPTY,
  parent: EQ,
  rank: [],
  attachments: ['is', 'is not'],
  watchers: CMP,
  votes: CMP,
};

const opName = (op: Operator) => (/^[a-z]/.test(op) ? op.toUpperCase() : op);

export function compileExpr(e: Expr, c: CompileContext): (i: Issue) => boolean {
  switch (e.kind) {
    case 'and': {
      const fs = e.items.map((x) => compileExpr(x, c));
      return (i) => fs.every((f) => f(i));
    }
    case 'or': {
      const fs = e.items.map((x) => compileExpr(x, c));
      return (i) => fs.some((f) => f(i));
    }
    case 'not': {
      const f = compileExpr(e.item, c);
      return (i) => !f(i);
    }
    case 'clause':
      return compileClause(e, c);
  }
}

function encodeOperand(o: Operand): string {
  if (o.kind === 'value') return `"${o.value}"`;
  if (o.kind === 'empty') return 'EMPTY';
  if (o.kind === 'func') return `${o.name}(${o.args.join(', ')})`;
  return `(${o.items.map(encodeOperand).join(', ')})`;
}

function compileClause(cl: Clause, c: CompileContext): (i: Issue) => boolean {
  const f = resolveField(cl.field, c);
  const field = cl.field;
  const op = cl.op;
  const isList =
    cl.operand.kind === 'list' ||
    (cl.operand.kind === 'func' &&
      !['now', 'currentuser'].includes(cl.operand.name.toLowerCase()) &&
      !/^(start|end)of/i.test(cl.operand.name));
  if ((op === 'in' || op === 'not in') && !isList) {
    throw new JqlError(
      `Operator '${op}' does not support the non-list value '${encodeOperand(cl.operand)}' for field '${field}'.`,
    );
  }
  if (op !== 'in' && op !== 'not in' && cl.operand.kind === 'list') {
    throw new JqlError(
      `Operator '${op}' does not support the list value '${encodeOperand(cl.operand)}' for field '${field}'.`,
    );
  }

  if (!SUPPORTED[f.kind].includes(op)) {
    if (f.kind === 'rank') throw new JqlError(`The field '${field}' can only be used in ORDER BY.`);
    throw new JqlError(`The operator '${opName(op)}' is not supported by the '${field}' field.`);
  }
  // Text search.
  if (f.kind === 'text') {
    if (op === 'is' || op === 'is not') {
      const want = op === 'is';
      return (i) => (textOf(f, i, c).trim() === '') === want;
    }
    if (cl.operand.kind !== 'value')
      throw new JqlError(`The field '${field}' does not support searching for EMPTY values.`);
    const m = textMatcher(cl.operand.value);
    return op === '~' ? (i) => m(textOf(f, i, c)) : (i) => !m(textOf(f, i, c));
  }

  const vals = resolveOperand(f, cl.operand, field, c);
  const wantsEmpty = vals.includes(null);
  const set = new Set(vals.filter((v) => v !== null).map(String));

  if (op === 'is' || op === 'is not') {
    const want = op === 'is';
    return (i) => (valuesOf(f, i, c).length === 0) === want;
  }
  if (op === '=' || op === 'in') {
    return (i) => {
      const vs = valuesOf(f, i, c);
      if (vs.length === 0) return wantsEmpty;
      return vs.some(
        (v) =>
          set.has(String(v)) ||
          (f.kind === 'labels' && [...set].some((s) => s.toLowerCase() === String(v).toLowerCase())),
      );
    };
  }
  if (op === '!=' || op === 'not in') {
    return (i) => {
      const vs = valuesOf(f, i, c);
      if (vs.length === 0) return !wantsEmpty && false;
      return !vs.some(
        (v) =>
          set.has(String(v)) ||
          (f.kind === 'labels' && [...set].some((s) => s.toLowerCase() === String(v).toLowerCase())),
      );
    };
  }
  // Ordered comparison.
  const target = vals[0];
  if (target === null || target === undefined)
    throw new JqlError(`The operator '${op}' does not support searching for EMPTY values for the field '${field}'.`);
  const num = ordinal(f, target, c);
  const cmp = (x: number) => (op === '>' ? x > num : op === '>=' ? x >= num : op === '<' ? x < num : x <= num);
  return (i) => {
    const vs = valuesOf(f, i, c);
    return vs.some((v) => v !== null && cmp(ordinal(f, v, c)));
  };
}

/** Numeric position for ordered comparisons (priority: Highest is greatest; key: number within project). */
function ordinal(f: JqlField, v: string | number, c: CompileContext): number {
  if (typeof v === 'number') return v;
  if (f.kind === 'priority') {
    const ids = [...c.store.priorities.keys()];
    return ids.length - ids.indexOf(v);
  }
  if (f.kind === 'key') {
    const i = c.store.issues.get(v);
    return i ? Number(i.key.split('-')[1]) : Number(v);
  }
  return Number(v);
}
