// JQL operand values → the ids/numbers a field compares against, with Jira's
// "value does not exist" errors.
import { parseDateValue } from './dates.js';
import { notExist, type CompileContext, type JqlField, type Val } from './field.js';
import { resolveFunction } from './functions.js';
import { JqlError, type Operand } from './parser.js';

/** Resolves one operand value to comparable ids/numbers for the field. `null` = EMPTY. */
export function resolveOperand(f: JqlField, o: Operand, field: string, c: CompileContext): Val[] {
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
      if (!/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(raw))
        throw new JqlError(`The issue key '${raw}' for field '${field}' is invalid.`);
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
      const ts = [...st.issueTypes.values()].filter(
        (t) => t.id === raw || t.name.toLowerCase() === lower || (lower === 'sub-task' && t.subtask),
      );
      if (!ts.length) throw notExist(raw, field);
      return ts.map((t) => t.id);
    }
    case 'status': {
      const ss = [...st.statuses.values()].filter((s) => s.id === raw || s.name.toLowerCase() === lower);
      if (!ss.length) throw notExist(raw, field);
      return ss.map((s) => s.id);
    }
    case 'statusCategory': {
      const sc = [...st.statusCategories.values()].find(
        (s) => String(s.id) === raw || s.key === lower || s.name.toLowerCase() === lower,
      );
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
      const u =
        st.user(raw) ??
        st.userByEmail(raw) ??
        [...st.users.values()].find((x) => x.displayName.toLowerCase() === lower);
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
      if (raw.trim() === '' || Number.isNaN(n))
        throw new JqlError(`The value '${raw}' is not a valid number for the field '${field}'.`);
      return [n];
    }
    default:
      return [raw];
  }
}
