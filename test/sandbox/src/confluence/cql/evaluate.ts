// CQL → a predicate over search entities, a relevance score and an order. Fields: space
// (space.key, space.title, space.type), type, title, text (siteSearch), label, ancestor, parent,
// id / content, container, creator, contributor, mention, created, lastmodified.
import { dateFunction, parseDateValue } from '../../jira/jql/dates.js';
import type { Entity, EntityType } from './entities.js';
import { CqlError, parseCql, type CqlNode, type CqlOp, type CqlQuery, type CqlValue } from './parser.js';
import { parseTextQuery, textScore, type TextQuery } from './text.js';

export interface CqlContext {
  now: number;
  accountId: string;
  /** Space key of `cqlcontext={"spaceKey":…}`, for `currentSpace()`. */
  contextSpaceKey?: string;
}

export interface CompiledCql {
  query: CqlQuery;
  test: (e: Entity) => boolean;
  /** Relevance (text and title matches). */
  score: (e: Entity) => number;
  /** What `text ~` / `title ~` asked for, for excerpts. */
  text?: TextQuery;
  /** Whether space entities take part (an explicit `type = space`, or a pure text search). */
  includeSpaces: boolean;
  compare: (a: Entity, b: Entity) => number;
}

const TYPES = new Set<EntityType>(['page', 'blogpost', 'folder', 'comment', 'attachment', 'space']);
const FIELD_ALIASES: Record<string, string> = {
  'space.key': 'space',
  sitesearch: 'text',
  content: 'id',
  lastmodified: 'lastmodified',
  'content.type': 'type',
};
const OPS: Record<string, CqlOp[]> = {
  text: ['~', '!~'],
  title: ['=', '!=', '~', '!~', 'in', 'not in'],
  'space.title': ['=', '!=', '~', '!~', 'in', 'not in'],
  created: ['=', '!=', '>', '>=', '<', '<='],
  lastmodified: ['=', '!=', '>', '>=', '<', '<='],
};
const EQUALITY: CqlOp[] = ['=', '!=', 'in', 'not in'];
const SUPPORTED = [
  'space',
  'space.key',
  'space.title',
  'space.type',
  'type',
  'title',
  'text',
  'siteSearch',
  'label',
  'ancestor',
  'parent',
  'id',
  'content',
  'container',
  'creator',
  'contributor',
  'mention',
  'created',
  'lastmodified',
];

export function compileCql(cql: string, cx: CqlContext): CompiledCql {
  const query = parseCql(cql);
  let text: TextQuery | undefined;
  const addText = (t: TextQuery) => {
    text = text ? { terms: [...text.terms, ...t.terms], phrases: [...text.phrases, ...t.phrases] } : t;
  };
  const scorers: Array<(e: Entity) => number> = [];
  let typeSpace = false;
  let onlyText = true;

  const compile = (n: CqlNode): ((e: Entity) => boolean) => {
    if (n.kind === 'and' || n.kind === 'or') {
      const fs = n.items.map(compile);
      return n.kind === 'and' ? (e) => fs.every((f) => f(e)) : (e) => fs.some((f) => f(e));
    }
    if (n.kind === 'not') {
      const f = compile(n.item);
      onlyText = false;
      return (e) => !f(e);
    }
    const lower = n.field.toLowerCase();
    const field = FIELD_ALIASES[lower] ?? lower;
    if (!SUPPORTED.map((f) => f.toLowerCase()).includes(lower))
      throw new CqlError(
        `No field exists with the name '${n.field}' (the sandbox knows ${SUPPORTED.join(', ')})`,
        n.position,
      );
    const allowed = OPS[field] ?? EQUALITY;
    if (!allowed.includes(n.op))
      throw new CqlError(
        `The operator '${n.op}' is not supported for the field '${n.field}'; use ${allowed.join(', ')}`,
        n.position,
      );
    if (field !== 'text' && field !== 'title') onlyText = false;
    const negate = n.op === '!=' || n.op === '!~' || n.op === 'not in';
    const test = clause(field, n, cx, (t) => {
      addText(t);
      scorers.push((e) => textScore(t, field === 'title' ? e.title : e.text()) * (field === 'title' ? 3 : 1));
    });
    if (field === 'type' && !negate && n.values.some((v) => v.kind === 'string' && v.value.toLowerCase() === 'space'))
      typeSpace = true;
    return negate ? (e) => !test(e) : test;
  };
  const test = query.where ? compile(query.where) : () => true;
  const score = (e: Entity) => scorers.reduce((sum, f) => sum + f(e), 0);
  return { query, test, score, text, includeSpaces: typeSpace || (onlyText && !!text), compare: order(query, score) };
}

/** The positive test of one clause (negation is applied by the caller). */
function clause(
  field: string,
  n: Extract<CqlNode, { kind: 'clause' }>,
  cx: CqlContext,
  onText: (t: TextQuery) => void,
): (e: Entity) => boolean {
  const strings = () => n.values.map((v) => valueString(v, n.field, cx));
  switch (field) {
    case 'text':
    case 'title': {
      if (n.op === '~' || n.op === '!~') {
        const t = parseTextQuery(strings()[0] ?? '');
        if (!t.terms.length && !t.phrases.length)
          throw new CqlError(`The value for '${n.field} ~' is empty`, n.position);
        onText(t);
        return field === 'title' ? (e) => textScore(t, e.title) > 0 : (e) => textScore(t, e.text()) > 0;
      }
      const set = new Set(strings().map((s) => s.toLowerCase()));
      return (e) => set.has(e.title.toLowerCase());
    }
    case 'space.title': {
      if (n.op === '~' || n.op === '!~') {
        const t = parseTextQuery(strings()[0] ?? '');
        return (e) => textScore(t, e.spaceTitle) > 0;
      }
      const set = new Set(strings().map((s) => s.toLowerCase()));
      return (e) => set.has(e.spaceTitle.toLowerCase());
    }
    case 'space': {
      const set = new Set(strings().map((s) => s.toUpperCase()));
      return (e) => set.has(e.spaceKey.toUpperCase());
    }
    case 'space.type': {
      const set = new Set(strings());
      return (e) => set.has(e.spaceType);
    }
    case 'type': {
      const set = new Set(strings().map((s) => s.toLowerCase()));
      for (const t of set)
        if (!TYPES.has(t as EntityType))
          throw new CqlError(
            `'${t}' is not a content type; use page, blogpost, comment, attachment, folder or space`,
            n.position,
          );
      return (e) => set.has(e.type);
    }
    case 'label': {
      const set = new Set(strings().map((s) => s.toLowerCase()));
      return (e) => e.type !== 'space' && e.labels.some((l) => set.has(l));
    }
    case 'ancestor': {
      const set = new Set(strings());
      return (e) => e.ancestors.some((a) => set.has(a));
    }
    case 'parent': {
      const set = new Set(strings());
      return (e) => e.type !== 'space' && e.parentId !== undefined && set.has(e.parentId);
    }
    case 'container': {
      const set = new Set(strings());
      return (e) => e.containerId !== undefined && set.has(e.containerId);
    }
    case 'id': {
      const set = new Set(strings());
      return (e) => e.type !== 'space' && set.has(e.id);
    }
    case 'creator': {
      const set = new Set(strings());
      return (e) => set.has(e.creator);
    }
    case 'contributor': {
      const set = new Set(strings());
      return (e) => [...e.contributors].some((c) => set.has(c));
    }
    case 'mention': {
      const set = new Set(strings());
      return (e) => [...e.mentions].some((c) => set.has(c));
    }
    case 'created':
    case 'lastmodified': {
      const v = n.values[0]!;
      const [from, to] = dateRange(v, n.field, cx);
      const get = field === 'created' ? (e: Entity) => e.created : (e: Entity) => e.lastModified;
      switch (n.op) {
        case '>':
          return (e) => get(e) >= to;
        case '>=':
          return (e) => get(e) >= from;
        case '<':
          return (e) => get(e) < from;
        case '<=':
          return (e) => get(e) < to;
        default:
          return (e) => get(e) >= from && get(e) < to;
      }
    }
  }
  throw new CqlError(`No field exists with the name '${n.field}'`, n.position);
}

function valueString(v: CqlValue, field: string, cx: CqlContext): string {
  if (v.kind === 'string') return v.value;
  const name = v.name.toLowerCase();
  if (name === 'currentuser') return cx.accountId;
  if (name === 'currentspace') {
    if (!cx.contextSpaceKey) throw new CqlError('currentSpace() needs a cqlcontext with a spaceKey');
    return cx.contextSpaceKey;
  }
  throw new CqlError(`The function '${v.name}' is not supported for the field '${field}'`);
}

const DAY = 86_400_000;
const DATE_FUNCS = [
  'now',
  'startofday',
  'endofday',
  'startofweek',
  'endofweek',
  'startofmonth',
  'endofmonth',
  'startofyear',
  'endofyear',
];

/** `[from, to)`: a whole day for `2026-11-01`, a minute for `2026-11-01 10:00`, an instant for functions. */
function dateRange(v: CqlValue, field: string, cx: CqlContext): [number, number] {
  try {
    if (v.kind === 'func') {
      const name = v.name.toLowerCase();
      if (!DATE_FUNCS.includes(name))
        throw new CqlError(`The function '${v.name}' is not supported for the field '${field}'`);
      if (name === 'now') {
        const t = v.args[0] ? parseDateValue(v.args[0], field, cx.now) : cx.now;
        return [t, t + 1];
      }
      const t = dateFunction(name, v.args, cx.now, `${v.name}()`);
      return [t, t + 1];
    }
    const s = v.value.trim();
    const t = parseDateValue(s, field, cx.now);
    if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(s)) return [t, t + DAY];
    if (/^\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}$/.test(s)) return [t, t + 60_000];
    return [t, t + 1];
  } catch (e) {
    if (e instanceof CqlError) throw e;
    throw new CqlError((e as Error).message.replace(/JQL|jql/g, 'CQL'));
  }
}

const ORDER_FIELDS: Record<string, (e: Entity) => string | number> = {
  title: (e) => e.title.toLowerCase(),
  created: (e) => e.created,
  lastmodified: (e) => e.lastModified,
  id: (e) => Number(e.id.replace(/^att/, '')),
  space: (e) => e.spaceKey,
  'space.key': (e) => e.spaceKey,
  type: (e) => e.type,
};

function order(q: CqlQuery, score: (e: Entity) => number): (a: Entity, b: Entity) => number {
  const keys = q.orderBy.map((o) => {
    const get = ORDER_FIELDS[o.field.toLowerCase()];
    if (!get) throw new CqlError(`Cannot order by '${o.field}'; use ${Object.keys(ORDER_FIELDS).join(', ')}`);
    return { get, dir: o.direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const k of keys) {
      const x = k.get(a);
      const y = k.get(b);
      if (x !== y) return (x < y ? -1 : 1) * k.dir;
    }
    if (!keys.length) {
      const d = score(b) - score(a);
      if (d) return d;
      if (a.lastModified !== b.lastModified) return b.lastModified - a.lastModified;
    }
    return Number(a.id.replace(/^att/, '')) - Number(b.id.replace(/^att/, ''));
  };
}
