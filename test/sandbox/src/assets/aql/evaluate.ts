// AQL → a predicate and an order over a workspace's objects. Built-in attributes: objectType,
// objectTypeId, objectSchema, objectSchemaId, objectId, Key, Name/label, Created, Updated; any
// other name is an attribute of the object's type. Values compare by every form Assets accepts:
// a status by name, a user by account id, name or email, a reference by label, key or id.
import type { JiraStore } from '../../jira/store.js';
import type { AssetObject } from '../model.js';
import type { AssetsStore } from '../store.js';
import { AqlError, parseAql, type AqlExpr, type AqlOp, type AqlValue } from './parser.js';

export interface AqlContext {
  store: AssetsStore;
  jira: JiraStore;
  accountId: string;
}

/** One value of an attribute: what it shows, and every alias it answers to. */
interface Val {
  display: string;
  aliases: string[];
}

const BUILT_IN = [
  'objecttype',
  'objecttypeid',
  'objectschema',
  'objectschemaid',
  'objectid',
  'key',
  'name',
  'label',
  'created',
  'updated',
];

function valuesOf(c: AqlContext, o: AssetObject, attribute: string): Val[] {
  const st = c.store;
  const lower = attribute.toLowerCase();
  const type = st.objectTypes.get(o.objectTypeId)!;
  const one = (display: string, ...more: string[]): Val[] => [{ display, aliases: [display, ...more] }];
  switch (lower) {
    case 'objecttype':
      return one(type.name);
    case 'objecttypeid':
      return one(type.id);
    case 'objectschema':
      return one(st.schemas.get(type.schemaId)?.name ?? '', st.schemas.get(type.schemaId)?.objectSchemaKey ?? '');
    case 'objectschemaid':
      return one(type.schemaId);
    case 'objectid':
      return one(o.id);
    case 'key':
      return one(o.objectKey);
    case 'name':
    case 'label':
      return one(o.label);
    case 'created':
      return one(new Date(o.created).toISOString());
    case 'updated':
      return one(new Date(o.updated).toISOString());
  }
  const def = st.attributesOf(o.objectTypeId).find((a) => a.name.toLowerCase() === lower);
  const raw = def ? (o.attributes.find((v) => v.attributeId === def.id)?.values ?? []) : [];
  return raw.map((v): Val => {
    if (def!.type === 7) {
      const s = st.statusTypes.get(v);
      return { display: s?.name ?? v, aliases: [s?.name ?? v, v] };
    }
    if (def!.type === 2) {
      const u = c.jira.user(v);
      return { display: u?.displayName ?? v, aliases: [v, ...(u ? [u.displayName, u.emailAddress] : [])] };
    }
    if (def!.type === 1) {
      const r = st.objects.get(v);
      return { display: r?.label ?? v, aliases: [v, ...(r ? [r.label, r.objectKey] : [])] };
    }
    return { display: v, aliases: [v] };
  });
}

const norm = (s: string) => s.toLowerCase();

function ordered(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  const da = /^\d{4}-\d\d-\d\d/.test(a) ? Date.parse(a) : NaN;
  const db = /^\d{4}-\d\d-\d\d/.test(b) ? Date.parse(b) : NaN;
  if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  return norm(a).localeCompare(norm(b));
}

function test(op: AqlOp, vals: Val[], target: string): boolean {
  const t = norm(target);
  switch (op) {
    case '=':
      return vals.some((v) => v.aliases.some((a) => norm(a) === t));
    case '!=':
      return !vals.some((v) => v.aliases.some((a) => norm(a) === t));
    case 'like':
      return vals.some((v) => v.aliases.some((a) => norm(a).includes(t)));
    case 'startswith':
      return vals.some((v) => v.aliases.some((a) => norm(a).startsWith(t)));
    case 'endswith':
      return vals.some((v) => v.aliases.some((a) => norm(a).endsWith(t)));
    default: {
      const cmp = (v: Val) => ordered(v.display, target);
      if (op === '<') return vals.some((v) => cmp(v) < 0);
      if (op === '>') return vals.some((v) => cmp(v) > 0);
      if (op === '<=') return vals.some((v) => cmp(v) <= 0);
      return vals.some((v) => cmp(v) >= 0);
    }
  }
}

function checkAttribute(c: AqlContext, attribute: string): void {
  if (BUILT_IN.includes(attribute.toLowerCase())) return;
  const lower = attribute.toLowerCase();
  if (![...c.store.attributes.values()].some((a) => a.name.toLowerCase() === lower))
    throw new AqlError(`AQL: the attribute '${attribute}' does not exist in any object type.`);
}

function checkValue(c: AqlContext, attribute: string, v: AqlValue): void {
  const lower = attribute.toLowerCase();
  if (v.kind !== 'text' || (lower !== 'objecttype' && lower !== 'objectschema')) return;
  const t = norm(v.text);
  const known =
    lower === 'objecttype'
      ? [...c.store.objectTypes.values()].some((x) => norm(x.name) === t)
      : [...c.store.schemas.values()].some((x) => norm(x.name) === t || norm(x.objectSchemaKey) === t);
  if (!known)
    throw new AqlError(`AQL: ${lower === 'objecttype' ? 'object type' : 'object schema'} '${v.text}' does not exist.`);
}

function compile(e: AqlExpr, c: AqlContext): (o: AssetObject) => boolean {
  const text = (v: AqlValue) => (v.kind === 'currentUser' ? c.accountId : v.text);
  switch (e.kind) {
    case 'and': {
      const fs = e.items.map((x) => compile(x, c));
      return (o) => fs.every((f) => f(o));
    }
    case 'or': {
      const fs = e.items.map((x) => compile(x, c));
      return (o) => fs.some((f) => f(o));
    }
    case 'not': {
      const f = compile(e.item, c);
      return (o) => !f(o);
    }
    case 'compare':
      checkAttribute(c, e.attribute);
      checkValue(c, e.attribute, e.value);
      return (o) => test(e.op, valuesOf(c, o, e.attribute), text(e.value));
    case 'in':
      checkAttribute(c, e.attribute);
      for (const v of e.values) checkValue(c, e.attribute, v);
      return (o) => {
        const vals = valuesOf(c, o, e.attribute);
        const hit = e.values.some((v) => test('=', vals, text(v)));
        return e.negated ? !hit : hit;
      };
    case 'empty':
      checkAttribute(c, e.attribute);
      return (o) => (valuesOf(c, o, e.attribute).length === 0) !== e.negated;
    case 'having': {
      const inner = e.inner ? compile(e.inner, c) : () => true;
      return (o) => {
        const related = e.direction === 'inbound' ? c.store.inbound(o.id) : c.store.outbound(o.id);
        return related.some(inner);
      };
    }
  }
}

export interface CompiledAql {
  filter: (o: AssetObject) => boolean;
  compare: (a: AssetObject, b: AssetObject) => number;
}

/** Parses and checks an AQL query (throws AqlError with a message for the caller). */
export function compileAql(src: string, c: AqlContext): CompiledAql {
  const q = parseAql(src);
  const filter = q.where ? compile(q.where, c) : () => true;
  const byId = (a: AssetObject, b: AssetObject) => Number(a.id) - Number(b.id);
  if (!q.orderBy) return { filter, compare: byId };
  const { attribute, desc } = q.orderBy;
  checkAttribute(c, attribute);
  const key = (o: AssetObject) => valuesOf(c, o, attribute)[0]?.display;
  return {
    filter,
    compare: (a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka === undefined || kb === undefined) return ka === kb ? byId(a, b) : ka === undefined ? 1 : -1;
      return (desc ? -1 : 1) * ordered(ka, kb) || byId(a, b);
    },
  };
}
