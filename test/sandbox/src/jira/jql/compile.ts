// JQL AST → a predicate and a comparator over the store's issues, with Jira's semantic
// errors (unknown field, unsupported operator, unknown value, bad date, unknown function).
import { adfText } from '../../seed/adf.js';
import { FIELD, kindOf } from '../fields.js';
import type { FieldDef, Issue } from '../model.js';
import type { JiraStore } from '../store.js';
import { JqlError, parseJql, type Clause, type Expr, type JqlQuery, type Operand, type Operator } from './parser.js';

type Kind =
  | 'text'
  | 'key'
  | 'project'
  | 'issuetype'
  | 'status'
  | 'statusCategory'
  | 'priority'
  | 'resolution'
  | 'user'
  | 'users'
  | 'labels'
  | 'components'
  | 'versions'
  | 'date'
  | 'datetime'
  | 'number'
  | 'option'
  | 'cascade'
  | 'sprint'
  | 'team'
  | 'parent'
  | 'rank'
  | 'attachments'
  | 'watchers'
  | 'votes';

interface JqlField {
  kind: Kind;
  /** Field id in issue.fields (or a pseudo id). */
  id: string;
  def?: FieldDef;
  /** `text ~` searches several fields. */
  textIds?: string[];
}

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
const DAY = 86_400_000;

export interface CompiledJql {
  query: JqlQuery;
  bounded: boolean;
  filter: (i: Issue) => boolean;
  compare: (a: Issue, b: Issue) => number;
}

export interface CompileContext {
  store: JiraStore;
  accountId: string;
  now: number;
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

// ---- fields ------------------------------------------------------------------------------

function resolveField(name: string, c: CompileContext): JqlField {
  const lower = name.toLowerCase();
  const st = c.store;
  switch (lower) {
    case 'text': {
      const ids = ['summary', 'description', 'environment', 'comment'];
      for (const f of st.fields.values()) if (f.custom && (kindOf(f) === 'adf' || kindOf(f) === 'string')) ids.push(f.id);
      return { kind: 'text', id: 'text', textIds: ids };
    }
    case 'comment':
      return { kind: 'text', id: 'comment', textIds: ['comment'] };
    case 'key':
    case 'issuekey':
    case 'id':
    case 'issue':
      return { kind: 'key', id: 'issuekey' };
    case 'statuscategory':
      return { kind: 'statusCategory', id: 'statusCategory' };
    case 'attachments':
      return { kind: 'attachments', id: 'attachment' };
    case 'watchers':
      return { kind: 'watchers', id: 'watches' };
    case 'votes':
      return { kind: 'votes', id: 'votes' };
  }
  let def: FieldDef | undefined;
  for (const f of st.fields.values()) {
    if (f.clauseNames.some((n) => n.toLowerCase() === lower) || (f.custom && f.name.toLowerCase() === lower)) {
      def = f;
      break;
    }
  }
  if (!def) throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
  const k = kindOf(def);
  const map: Partial<Record<string, Kind>> = {
    string: 'text',
    adf: 'text',
    user: 'user',
    users: 'users',
    status: 'status',
    priority: 'priority',
    resolution: 'resolution',
    issuetype: 'issuetype',
    project: 'project',
    labels: 'labels',
    components: 'components',
    versions: 'versions',
    date: 'date',
    datetime: 'datetime',
    number: 'number',
    option: 'option',
    cascade: 'cascade',
    sprint: 'sprint',
    team: 'team',
    parent: 'parent',
    rank: 'rank',
  };
  let kind = map[k];
  if (!kind && ['timespent', 'timeoriginalestimate', 'timeestimate', 'workratio'].includes(def.id)) kind = 'number';
  if (!kind) throw new JqlError(`The sandbox does not support searching on the field '${name}'.`);
  return { kind, id: def.id, def };
}

// ---- values ------------------------------------------------------------------------------

type Val = string | number | null;

function valuesOf(f: JqlField, issue: Issue, c: CompileContext): Val[] {
  const st = c.store;
  switch (f.kind) {
    case 'key':
      return [issue.id];
    case 'statusCategory':
      return [String(st.statuses.get(issue.fields.status)?.categoryId)];
    case 'attachments':
      return st.attachmentsOf(issue.id).map((a) => a.id);
    case 'watchers':
      return [issue.watchers.length];
    case 'votes':
      return [issue.voters.length];
    case 'rank':
      return [issue.rank];
    case 'number':
      if (f.id === 'timespent') {
        const ws = st.worklogs(issue.id);
        return ws.length ? [ws.reduce((a, w) => a + w.timeSpentSeconds, 0)] : [];
      }
      break;
    case 'cascade': {
      const v = issue.fields[f.id] as { parent: string; child?: string } | undefined;
      return v ? [v.parent, ...(v.child ? [v.child] : [])] : [];
    }
    case 'date': {
      const v = issue.fields[f.id] as string | undefined;
      return v ? [Date.parse(`${v}T00:00:00Z`)] : [];
    }
  }
  const v = issue.fields[f.id];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? x : String(x)));
  return [typeof v === 'number' ? v : String(v)];
}

function textOf(f: JqlField, issue: Issue, c: CompileContext): string {
  const parts: string[] = [];
  for (const id of f.textIds ?? [f.id]) {
    if (id === 'comment') {
      for (const cm of c.store.comments(issue.id)) parts.push(adfText(cm.body));
      continue;
    }
    const v = issue.fields[id];
    if (typeof v === 'string') parts.push(v);
    else if (v && typeof v === 'object') parts.push(adfText(v));
  }
  return parts.join('\n');
}

const notExist = (value: string, field: string) => new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
const noFunction = (fn: string, field: string) => new JqlError(`Unable to find JQL function '${fn}()' for the field '${field}'.`);

/** Resolves one operand value to comparable ids/numbers for the field. `null` = EMPTY. */
function resolveOperand(f: JqlField, o: Operand, field: string, c: CompileContext): Val[] {
  const st = c.store;
  if (o.kind === 'empty') {
    if (['project', 'issuetype', 'status', 'statusCategory', 'key'].includes(f.kind)) {
      throw new JqlError(`The field '${field}' does not support searching for EMPTY values.`);
    }
    return [null];
  }
  if (o.kind === 'list') return o.items.flatMap((it) => resolveOperand(f, it, field, c));
  if (o.kind === 'func') return resolveFunction(f, o, field, c);
  const raw = o.value;
  const lower = raw.toLowerCase();
  switch (f.kind) {
    case 'key': {
      if (/^\d+$/.test(raw)) {
        if (!st.issues.has(raw)) throw new JqlError(`An issue with key '${raw}' does not exist for field '${field}'.`);
        return [raw];
      }
      if (!/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(raw)) throw new JqlError(`The issue key '${raw}' for field '${field}' is invalid.`);
      const i = st.issue(raw);
      if (!i) throw new JqlError(`An issue with key '${raw.toUpperCase()}' does not exist for field '${field}'.`);
      return [i.id];
    }
    case 'parent': {
      const i = st.issue(raw);
      if (!i) throw new JqlError(`An issue with key '${raw}' does not exist for field '${field}'.`);
      return [i.id];
    }
    case 'project': {
      const p = st.project(raw) ?? [...st.projects.values()].find((x) => x.name.toLowerCase() === lower);
      if (!p) throw notExist(raw, field);
      return [p.id];
    }
    case 'issuetype': {
      const ts = [...st.issueTypes.values()].filter((t) => t.id === raw || t.name.toLowerCase() === lower || (lower === 'sub-task' && t.subtask));
      if (!ts.length) throw notExist(raw, field);
      return ts.map((t) => t.id);
    }
    case 'status': {
      const ss = [...st.statuses.values()].filter((s) => s.id === raw || s.name.toLowerCase() === lower);
      if (!ss.length) throw notExist(raw, field);
      return ss.map((s) => s.id);
    }
    case 'statusCategory': {
      const sc = [...st.statusCategories.values()].find((s) => String(s.id) === raw || s.key === lower || s.name.toLowerCase() === lower);
      if (!sc) throw notExist(raw, field);
      return [String(sc.id)];
    }
    case 'priority': {
      const p = [...st.priorities.values()].find((x) => x.id === raw || x.name.toLowerCase() === lower);
      if (!p) throw notExist(raw, field);
      return [p.id];
    }
    case 'resolution': {
      if (lower === 'unresolved') return [null];
      const r = [...st.resolutions.values()].find((x) => x.id === raw || x.name.toLowerCase() === lower);
      if (!r) throw notExist(raw, field);
      return [r.id];
    }
    case 'user':
    case 'users': {
      const u = st.user(raw) ?? st.userByEmail(raw) ?? [...st.users.values()].find((x) => x.displayName.toLowerCase() === lower);
      if (!u) throw notExist(raw, field);
      return [u.accountId];
    }
    case 'labels':
      return [raw];
    case 'components': {
      const cs = [...st.components.values()].filter((x) => x.id === raw || x.name.toLowerCase() === lower);
      if (!cs.length) throw notExist(raw, field);
      return cs.map((x) => x.id);
    }
    case 'versions': {
      const vs = [...st.versions.values()].filter((x) => x.id === raw || x.name.toLowerCase() === lower);
      if (!vs.length) throw notExist(raw, field);
      return vs.map((x) => x.id);
    }
    case 'option': {
      const opt = f.def?.options?.find((x) => x.id === raw || x.value.toLowerCase() === lower);
      if (!opt) throw notExist(raw, field);
      return [opt.id];
    }
    case 'cascade': {
      for (const p of f.def?.options ?? []) {
        if (p.id === raw || p.value.toLowerCase() === lower) return [p.id];
        const ch = p.children?.find((x) => x.id === raw || x.value.toLowerCase() === lower);
        if (ch) return [ch.id];
      }
      throw notExist(raw, field);
    }
    case 'team': {
      const t = [...st.teams.values()].find((x) => x.id === raw || x.name.toLowerCase() === lower);
      if (!t) throw notExist(raw, field);
      return [t.id];
    }
    case 'sprint': {
      const sp = [...st.sprints.values()].filter((s) => String(s.id) === raw || s.name.toLowerCase() === lower);
      if (!sp.length) throw notExist(raw, field);
      return sp.map((s) => s.id);
    }
    case 'date':
    case 'datetime':
      return [parseDateValue(raw, field, c.now, f.kind === 'date')];
    case 'number':
    case 'watchers':
    case 'votes': {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) throw new JqlError(`The value '${raw}' is not a valid number for the field '${field}'.`);
      return [n];
    }
    default:
      return [raw];
  }
}

function resolveFunction(f: JqlField, o: Extract<Operand, { kind: 'func' }>, field: string, c: CompileContext): Val[] {
  const name = o.name.toLowerCase();
  const st = c.store;
  const dateFns = ['now', 'startofday', 'endofday', 'startofweek', 'endofweek', 'startofmonth', 'endofmonth', 'startofyear', 'endofyear'];
  const known = [
    ...dateFns,
    'currentuser',
    'membersof',
    'opensprints',
    'closedsprints',
    'futuresprints',
    'releasedversions',
    'unreleasedversions',
    'latestreleasedversion',
    'earliestunreleasedversion',
    'standardissuetypes',
    'subtaskissuetypes',
    'cascadeoption',
  ];
  if (!known.includes(name)) throw new JqlError(`Unable to find JQL function '${o.name}()'.`);
  if (dateFns.includes(name)) {
    if (f.kind !== 'date' && f.kind !== 'datetime') throw noFunction(o.name, field);
    return [dateFunction(name, o.args, c.now, o.name)];
  }
  switch (name) {
    case 'currentuser':
      if (f.kind !== 'user' && f.kind !== 'users') throw noFunction(o.name, field);
      if (o.args.length) throw new JqlError(`Function '${o.name}' expected '0' arguments but received '${o.args.length}'.`);
      return [c.accountId];
    case 'membersof': {
      if (f.kind !== 'user' && f.kind !== 'users') throw noFunction(o.name, field);
      const g = (o.args[0] ?? '').toLowerCase();
      const us = [...st.users.values()].filter((u) => u.groups.some((x) => x.toLowerCase() === g));
      if (!us.length) throw new JqlError(`The group '${o.args[0] ?? ''}' does not exist.`);
      return us.map((u) => u.accountId);
    }
    case 'opensprints':
    case 'closedsprints':
    case 'futuresprints': {
      if (f.kind !== 'sprint') throw noFunction(o.name, field);
      const state = name === 'opensprints' ? 'active' : name === 'closedsprints' ? 'closed' : 'future';
      return [...st.sprints.values()].filter((s) => s.state === state).map((s) => s.id);
    }
    case 'releasedversions':
    case 'unreleasedversions':
    case 'latestreleasedversion':
    case 'earliestunreleasedversion': {
      if (f.kind !== 'versions') throw noFunction(o.name, field);
      let vs = [...st.versions.values()];
      if (o.args[0]) {
        const p = st.project(o.args[0]);
        if (!p) throw new JqlError(`Could not resolve the project '${o.args[0]}' provided to function '${o.name}'.`);
        vs = vs.filter((v) => v.projectId === p.id);
      }
      const released = name === 'releasedversions' || name === 'latestreleasedversion';
      vs = vs.filter((v) => v.released === released && !v.archived);
      if (name === 'latestreleasedversion' || name === 'earliestunreleasedversion') {
        vs.sort((a, b) => (a.releaseDate ?? '').localeCompare(b.releaseDate ?? ''));
        const one = name === 'latestreleasedversion' ? vs[vs.length - 1] : vs[0];
        return one ? [one.id] : [];
      }
      return vs.map((v) => v.id);
    }
    case 'standardissuetypes':
    case 'subtaskissuetypes':
      if (f.kind !== 'issuetype') throw noFunction(o.name, field);
      return [...st.issueTypes.values()].filter((t) => t.subtask === (name === 'subtaskissuetypes')).map((t) => t.id);
    case 'cascadeoption': {
      if (f.kind !== 'cascade') throw noFunction(o.name, field);
      const [pv, cv] = o.args;
      const p = f.def?.options?.find((x) => x.id === pv || x.value.toLowerCase() === (pv ?? '').toLowerCase());
      if (!p) throw notExist(pv ?? '', field);
      if (cv === undefined || cv.toLowerCase() === 'none') return [p.id];
      const ch = p.children?.find((x) => x.id === cv || x.value.toLowerCase() === cv.toLowerCase());
      if (!ch) throw notExist(cv, field);
      return [ch.id];
    }
  }
  throw new JqlError(`Unable to find JQL function '${o.name}()'.`);
}

const DATE_ERROR = (v: string, field: string) =>
  new JqlError(
    `Date value '${v}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );

/** `2024-01-31`, `2024/01/31 14:05`, `-7d`, `-1w 2d`, `+3h`, `0`. Returns epoch ms. */
export function parseDateValue(v: string, field: string, now: number, dateOnly = false): number {
  const s = v.trim();
  const abs = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s);
  if (abs) {
    const [, y, mo, d, hh, mm] = abs;
    const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
    const check = new Date(t);
    if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) throw DATE_ERROR(v, field);
    return t;
  }
  const off = parseOffset(s);
  if (off === undefined) throw DATE_ERROR(v, field);
  const t = addOffset(now, off);
  return dateOnly ? Math.floor(t / DAY) * DAY : t;
}

interface Offset {
  sign: number;
  parts: Array<[number, string]>;
}

function parseOffset(s: string): Offset | undefined {
  const m = /^([+-])?\s*((?:\d+\s*[yMwdhm]\s*)+)$/.exec(s);
  if (!m) return s === '0' ? { sign: 1, parts: [] } : undefined;
  const parts: Array<[number, string]> = [];
  const re = /(\d+)\s*([yMwdhm])/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m[2]!))) parts.push([Number(x[1]), x[2]!]);
  return { sign: m[1] === '-' ? -1 : 1, parts };
}

function addOffset(t: number, off: Offset): number {
  const d = new Date(t);
  for (const [n, unit] of off.parts) {
    const k = n * off.sign;
    switch (unit) {
      case 'y':
        d.setUTCFullYear(d.getUTCFullYear() + k);
        break;
      case 'M':
        d.setUTCMonth(d.getUTCMonth() + k);
        break;
      case 'w':
        d.setTime(d.getTime() + k * 7 * DAY);
        break;
      case 'd':
        d.setTime(d.getTime() + k * DAY);
        break;
      case 'h':
        d.setTime(d.getTime() + k * 3_600_000);
        break;
      case 'm':
        d.setTime(d.getTime() + k * 60_000);
        break;
    }
  }
  return d.getTime();
}

function dateFunction(name: string, args: string[], now: number, display: string): number {
  let base = now;
  if (args.length > 1) throw new JqlError(`Function '${display}' expected between '0' and '1' arguments but received '${args.length}'.`);
  const defaultUnit: Record<string, string> = {
    startofday: 'd',
    endofday: 'd',
    startofweek: 'w',
    endofweek: 'w',
    startofmonth: 'M',
    endofmonth: 'M',
    startofyear: 'y',
    endofyear: 'y',
  };
  if (args[0] !== undefined && name !== 'now') {
    let a = args[0].trim();
    if (/^[+-]?\d+$/.test(a)) a = `${a}${defaultUnit[name]}`;
    const off = parseOffset(a);
    if (!off) throw new JqlError(`Function '${display}' was given an invalid increment '${args[0]}'.`);
    base = addOffset(base, off);
  } else if (args.length && name === 'now') {
    throw new JqlError(`Function '${display}' expected '0' arguments but received '${args.length}'.`);
  }
  const d = new Date(base);
  const startDay = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  switch (name) {
    case 'now':
      return base;
    case 'startofday':
      return startDay;
    case 'endofday':
      return startDay + DAY - 1;
    case 'startofweek':
      return startDay - d.getUTCDay() * DAY;
    case 'endofweek':
      return startDay + (7 - d.getUTCDay()) * DAY - 1;
    case 'startofmonth':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'endofmonth':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - 1;
    case 'startofyear':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'endofyear':
      return Date.UTC(d.getUTCFullYear() + 1, 0, 1) - 1;
  }
  return base;
}

// ---- clauses -----------------------------------------------------------------------------

function compileExpr(e: Expr, c: CompileContext): (i: Issue) => boolean {
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
  const isList = cl.operand.kind === 'list' || (cl.operand.kind === 'func' && !['now', 'currentuser'].includes(cl.operand.name.toLowerCase()) && !/^(start|end)of/i.test(cl.operand.name));
  if ((op === 'in' || op === 'not in') && !isList) {
    throw new JqlError(`Operator '${op}' does not support the non-list value '${encodeOperand(cl.operand)}' for field '${field}'.`);
  }
  if (op !== 'in' && op !== 'not in' && cl.operand.kind === 'list') {
    throw new JqlError(`Operator '${op}' does not support the list value '${encodeOperand(cl.operand)}' for field '${field}'.`);
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
    if (cl.operand.kind !== 'value') throw new JqlError(`The field '${field}' does not support searching for EMPTY values.`);
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
      return vs.some((v) => set.has(String(v)) || (f.kind === 'labels' && [...set].some((s) => s.toLowerCase() === String(v).toLowerCase())));
    };
  }
  if (op === '!=' || op === 'not in') {
    return (i) => {
      const vs = valuesOf(f, i, c);
      if (vs.length === 0) return !wantsEmpty && false;
      return !vs.some((v) => set.has(String(v)) || (f.kind === 'labels' && [...set].some((s) => s.toLowerCase() === String(v).toLowerCase())));
    };
  }
  // Ordered comparison.
  const target = vals[0];
  if (target === null || target === undefined) throw new JqlError(`The operator '${op}' does not support searching for EMPTY values for the field '${field}'.`);
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

function tokenize(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');

/** Jira-ish full-text match: every query word appears (stemmed, `*` = prefix); quoted phrases must appear verbatim. */
function textMatcher(q: string): (text: string) => boolean {
  const trimmed = q.trim();
  const phrase = /^"(.*)"$/s.exec(trimmed);
  if (phrase) {
    const needle = tokenize(phrase[1]!).join(' ');
    return (text) => tokenize(text).join(' ').includes(needle);
  }
  const terms = trimmed
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const prefix = t.endsWith('*');
      const words = tokenize(prefix ? t.slice(0, -1) : t);
      return { words, prefix };
    })
    .filter((t) => t.words.length);
  return (text) => {
    const words = tokenize(text);
    const stems = new Set(words.map(stem));
    return terms.every((t) =>
      t.words.every((w, idx) => (t.prefix && idx === t.words.length - 1 ? words.some((x) => x.startsWith(w)) : stems.has(stem(w)) || words.includes(w))),
    );
  };
}

// ---- ORDER BY ----------------------------------------------------------------------------

function compileOrder(q: JqlQuery, c: CompileContext): (a: Issue, b: Issue) => number {
  const st = c.store;
  const keys: Array<{ get: (i: Issue) => number | string | undefined; dir: number }> = [];
  for (const o of q.orderBy) {
    const lower = o.field.toLowerCase();
    const dir = o.dir === 'desc' ? -1 : 1;
    if (['key', 'issuekey', 'id', 'issue'].includes(lower)) {
      keys.push({ get: (i) => `${i.key.split('-')[0]}-${i.key.split('-')[1]!.padStart(9, '0')}`, dir });
      continue;
    }
    if (lower === 'rank') {
      keys.push({ get: (i) => i.rank, dir });
      continue;
    }
    const f = resolveField(o.field, c);
    switch (f.kind) {
      case 'text':
        if (f.id !== 'summary' && f.def?.schema.custom === undefined) throw new JqlError(`Not able to sort using field '${o.field}'.`);
        keys.push({ get: (i) => (typeof i.fields[f.id] === 'string' ? (i.fields[f.id] as string).toLowerCase() : undefined), dir });
        break;
      case 'priority': {
        const ids = [...st.priorities.keys()];
        // Jira: ORDER BY priority DESC lists Highest first.
        keys.push({ get: (i) => (i.fields.priority ? ids.length - ids.indexOf(i.fields.priority as string) : undefined), dir });
        break;
      }
      case 'status': {
        const ids = [...st.statuses.keys()];
        keys.push({ get: (i) => ids.indexOf(i.fields.status), dir });
        break;
      }
      case 'user':
        keys.push({ get: (i) => (i.fields[f.id] ? st.user(i.fields[f.id] as string)?.displayName.toLowerCase() : undefined), dir });
        break;
      case 'project':
        keys.push({ get: (i) => st.projects.get(i.fields.project)?.name.toLowerCase(), dir });
        break;
      case 'issuetype':
        keys.push({ get: (i) => st.issueTypes.get(i.fields.issuetype)?.name.toLowerCase(), dir });
        break;
      case 'rank':
        keys.push({ get: (i) => i.rank, dir });
        break;
      case 'datetime':
      case 'date':
      case 'number':
      case 'watchers':
      case 'votes':
        keys.push({ get: (i) => valuesOf(f, i, c)[0] as number | undefined, dir });
        break;
      case 'sprint':
        keys.push({ get: (i) => Math.max(...((i.fields[FIELD.sprint] as number[] | undefined) ?? [-1])), dir });
        break;
      case 'parent':
        keys.push({ get: (i) => (i.fields.parent ? st.issues.get(i.fields.parent as string)?.key : undefined), dir });
        break;
      case 'resolution':
      case 'option':
      case 'team':
      case 'labels':
      case 'components':
      case 'versions':
        keys.push({ get: (i) => (valuesOf(f, i, c)[0] === undefined ? undefined : String(valuesOf(f, i, c)[0])), dir });
        break;
      default:
        throw new JqlError(`Not able to sort using field '${o.field}'.`);
    }
  }
  if (keys.length === 0) keys.push({ get: (i) => i.fields.created, dir: -1 });
  return (a, b) => {
    for (const k of keys) {
      const x = k.get(a);
      const y = k.get(b);
      if (x === y) continue;
      // Empty values last, whatever the direction.
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      if (x < y) return -k.dir;
      if (x > y) return k.dir;
    }
    return Number(b.id) - Number(a.id);
  };
}
