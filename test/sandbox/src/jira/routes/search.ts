// JQL search: `/search/jql` (GET/POST, nextPageToken paging), `/search/approximate-count`,
// `/jql/parse`, and the removed `/search` (410).
import { createHash } from 'node:crypto';
import { ApiError, json, JSON_TYPE, type SandboxResponse } from '../../core/http.js';
import type { Handler, HandlerContext } from '../../core/product.js';
import { compileJql } from '../jql/compile.js';
import { JqlError, parseJql, type Expr, type Operand } from '../jql/parser.js';
import type { Issue } from '../model.js';
import { issueBean, parseFieldSelection } from '../render.js';
import type { JiraStore } from '../store.js';
import { expandSet, rc, store } from './util.js';

/** Runs a JQL query: every matching issue, sorted. Throws Jira's 400 on bad JQL. */
export function runJql(ctx: HandlerContext, jql: string, opts: { requireBounded?: boolean } = {}): Issue[] {
  const st = store(ctx);
  let compiled;
  try {
    compiled = compileJql(jql, { store: st, accountId: ctx.accountId, now: ctx.now });
  } catch (e) {
    if (e instanceof JqlError) throw new ApiError(400, [e.message]);
    throw e;
  }
  if (opts.requireBounded && !compiled.bounded) {
    throw new ApiError(400, [
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ]);
  }
  const out: Issue[] = [];
  for (const i of st.issues.values()) if (compiled.filter(i)) out.push(i);
  out.sort(compiled.compare);
  return out;
}

const jqlHash = (jql: string) => createHash('sha1').update(jql).digest('base64url').slice(0, 10);

export function encodeToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, h: jqlHash(jql), v: 1 })).toString('base64url');
}

export function decodeToken(jql: string, token: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; h?: unknown };
    if (typeof t.o === 'number' && t.o >= 0 && t.h === jqlHash(jql)) return t.o;
  } catch {
    /* fall through */
  }
  throw new ApiError(400, ['The provided next page token is invalid or expired.']);
}

interface SearchArgs {
  jql?: string;
  nextPageToken?: string;
  maxResults?: number;
  fields?: string[];
  expand?: string | string[];
  properties?: string | string[];
  reconcileIssues?: number[];
}

function search(ctx: HandlerContext, a: SearchArgs) {
  const st = store(ctx);
  const jql = a.jql ?? '';
  const matches = runJql(ctx, jql, { requireBounded: true });
  const sel = parseFieldSelection(st, a.fields, 'id');
  const cap = sel.idOnly ? 5000 : 100;
  const max = Math.max(0, Math.min(cap, a.maxResults ?? 50));
  const offset = a.nextPageToken ? decodeToken(jql, a.nextPageToken) : 0;
  const slice = matches.slice(offset, offset + max);
  const r = rc(ctx);
  const expand = expandSet(a.expand);
  const cache = beanCache(
    st,
    `${ctx.base}|${ctx.accountId}|${JSON.stringify(a.fields ?? null)}|${[...expand].sort().join(',')}|${JSON.stringify(a.properties ?? null)}`,
  );
  const issues = slice.map((i) => {
    let text = cache.get(i.id);
    if (text === undefined)
      cache.set(i.id, (text = JSON.stringify(issueBean(r, i, { fields: sel, expand, properties: a.properties }))));
    return text;
  });
  const body: Record<string, unknown> = { issues: RAW };
  const end = offset + slice.length;
  if (end < matches.length && max > 0) body.nextPageToken = encodeToken(jql, end);
  body.isLast = !(end < matches.length && max > 0);
  if (expand.has('names') || expand.has('schema')) {
    const shown = new Map<string, { name: string; schema: unknown }>();
    for (const t of issues)
      for (const k of Object.keys((JSON.parse(t) as { fields?: Record<string, unknown> }).fields ?? {})) {
        const f = st.fields.get(k);
        if (f) shown.set(k, { name: f.name, schema: f.schema });
      }
    if (expand.has('names')) body.names = Object.fromEntries([...shown].map(([k, v]) => [k, v.name]));
    if (expand.has('schema')) body.schema = Object.fromEntries([...shown].map(([k, v]) => [k, v.schema]));
  }
  // The issues are pre-serialized (and cached until the next write); splice them in.
  const rest = JSON.stringify(body);
  const at = rest.indexOf(RAW_JSON);
  const payload = `${rest.slice(0, at)}[${issues.join(',')}]${rest.slice(at + RAW_JSON.length)}`;
  return { status: 200, headers: { 'content-type': JSON_TYPE }, body: payload } satisfies SandboxResponse;
}

const RAW = '\u0000issues\u0000';
const RAW_JSON = JSON.stringify(RAW);

/** Serialized issue beans for one (base, viewer, fields, expand) view, valid until the store changes. */
let cacheState: { store: JiraStore; version: number; key: string; map: Map<string, string> } | undefined;
function beanCache(st: JiraStore, key: string): Map<string, string> {
  if (!cacheState || cacheState.store !== st || cacheState.version !== st.version || cacheState.key !== key) {
    cacheState = { store: st, version: st.version, key, map: new Map() };
  }
  return cacheState.map;
}

export const searchAndReconsileIssuesUsingJql: Handler = (ctx) =>
  search(ctx, {
    jql: ctx.query.jql,
    nextPageToken: ctx.query.nextPageToken,
    maxResults: ctx.query.maxResults,
    fields: ctx.query.fields,
    expand: ctx.query.expand,
    properties: ctx.query.properties,
  });

export const searchAndReconsileIssuesUsingJqlPost: Handler = (ctx) => search(ctx, (ctx.body ?? {}) as SearchArgs);

export const countIssues: Handler = (ctx) => {
  const jql = String((ctx.body as { jql?: string } | undefined)?.jql ?? '');
  const n = runJql(ctx, jql, { requireBounded: true }).length;
  return json(200, { count: n });
};

const REMOVED = {
  errorMessages: [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ],
  errors: {},
};
export const searchForIssuesUsingJql: Handler = () => json(410, REMOVED);
export const searchForIssuesUsingJqlPost: Handler = () => json(410, REMOVED);

// ---- /jql/parse --------------------------------------------------------------------------

function operandStructure(o: Operand): Record<string, unknown> {
  switch (o.kind) {
    case 'value':
      return { value: o.value, encodedValue: o.quoted || /\s/.test(o.value) ? JSON.stringify(o.value) : o.value };
    case 'empty':
      return { value: 'EMPTY', encodedValue: 'EMPTY' };
    case 'func':
      return { function: o.name, arguments: o.args, encodedOperand: `${o.name}(${o.args.join(', ')})` };
    case 'list': {
      const values = o.items.map(operandStructure);
      return {
        values,
        encodedOperand: `(${values.map((v) => (v.encodedValue ?? v.encodedOperand) as string).join(', ')})`,
      };
    }
  }
}

function exprStructure(e: Expr): Record<string, unknown> {
  if (e.kind === 'clause') {
    const encodedName = /\s/.test(e.field) ? JSON.stringify(e.field) : e.field;
    return { field: { name: e.field, encodedName }, operator: e.op, operand: operandStructure(e.operand) };
  }
  if (e.kind === 'not') return { operator: 'not', clauses: [exprStructure(e.item)] };
  return { operator: e.kind, clauses: e.items.map(exprStructure) };
}

export const parseJqlQueries: Handler = (ctx) => {
  const body = (ctx.body ?? {}) as { queries?: string[] };
  const validation = String(ctx.query.validation ?? 'strict');
  const st: JiraStore = store(ctx);
  const queries = (body.queries ?? []).map((query) => {
    let parsed;
    try {
      parsed = parseJql(query);
    } catch (e) {
      if (e instanceof JqlError) return { query, errors: [e.message] };
      throw e;
    }
    const structure: Record<string, unknown> = {};
    if (parsed.where) structure.where = exprStructure(parsed.where);
    if (parsed.orderBy.length)
      structure.orderBy = {
        fields: parsed.orderBy.map((o) => ({ field: { name: o.field, encodedName: o.field }, direction: o.dir })),
      };
    if (validation === 'none') return { query, structure };
    try {
      compileJql(query, { store: st, accountId: ctx.accountId, now: ctx.now });
      return { query, structure };
    } catch (e) {
      if (!(e instanceof JqlError)) throw e;
      const msg = e.message;
      const isValueWarning = /does not exist for the field/.test(msg);
      if (validation === 'warn' && isValueWarning) return { query, structure, warnings: [msg] };
      return { query, errors: [msg] };
    }
  });
  return json(200, { queries });
};
