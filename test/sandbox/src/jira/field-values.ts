// Field values the way Jira reads and shows them: one client value parsed into its stored
// form (with Jira's per-field error message), and the display string of a stored value.
import { adfText } from '../seed/adf.js';
import { FIELD, kindOf } from './fields.js';
import { parseDuration, parseJiraTime } from './format.js';
import type { Adf, FieldDef, Issue, Project } from './model.js';
import type { JiraStore } from './store.js';

export interface MutationContext {
  store: JiraStore;
  accountId: string;
  now: number;
}

export const notOnScreen = (id: string) =>
  `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
export function isAdf(v: unknown): v is Adf {
  return (
    !!v &&
    typeof v === 'object' &&
    (v as { type?: unknown }).type === 'doc' &&
    Array.isArray((v as { content?: unknown }).content)
  );
}

const ref = (v: unknown): { id?: string; name?: string; key?: string; value?: string; accountId?: string } =>
  v && typeof v === 'object' ? (v as Record<string, string>) : typeof v === 'string' ? { id: v, name: v } : {};

/** Parses one client value for a field into its stored form. Throws the field's error message as a string. */
export function parseValue(
  m: MutationContext,
  f: FieldDef,
  project: Project,
  issueTypeId: string,
  v: unknown,
  current?: Issue,
): unknown {
  const st = m.store;
  const kind = kindOf(f);
  if (v === null) {
    if (f.id === 'summary') throw 'You must specify a summary of the issue.';
    if (['issuetype', 'project', 'reporter'].includes(f.id)) throw `${f.name} is required.`;
    return kind === 'labels' || kind === 'components' || kind === 'versions' || kind === 'users' ? [] : null;
  }
  switch (kind) {
    case 'string': {
      if (typeof v !== 'string') throw `Operation value must be a string`;
      if (f.id === 'summary') {
        if (!v.trim()) throw 'You must specify a summary of the issue.';
        if (v.length > 255) throw 'Summary must be less than 255 characters.';
        if (/[\r\n]/.test(v)) throw 'The summary is invalid because it contains newline characters.';
      }
      if (f.custom && v.length > 255)
        throw `The entered text is too long. It exceeds the allowed limit of 255 characters.`;
      return v;
    }
    case 'adf':
      if (!isAdf(v)) throw 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
      return v;
    case 'user':
    case 'users': {
      const one = (x: unknown) => {
        const r = ref(x);
        const id = r.accountId ?? r.id;
        if (!id || typeof id !== 'string')
          throw `Specified user does not exist or you do not have required permissions`;
        const u = st.user(id);
        if (!u) throw `Specified user does not exist or you do not have required permissions`;
        if (!u.active && (f.id === 'assignee' || f.id === 'reporter'))
          throw `User '${u.displayName}' cannot be assigned issues.`;
        return u.accountId;
      };
      if (kind === 'users') {
        if (!Array.isArray(v)) throw 'Operation value must be an array';
        return [...new Set(v.map(one))];
      }
      return one(v);
    }
    case 'priority': {
      const r = ref(v);
      const p =
        (r.id && st.priorities.get(String(r.id))) ||
        [...st.priorities.values()].find((x) => x.name.toLowerCase() === String(r.name ?? '').toLowerCase());
      if (!p) throw 'The priority selected is invalid.';
      return p.id;
    }
    case 'resolution': {
      const r = ref(v);
      const x =
        (r.id && st.resolutions.get(String(r.id))) ||
        [...st.resolutions.values()].find((y) => y.name.toLowerCase() === String(r.name ?? '').toLowerCase());
      if (!x) throw `Could not find resolution with ${r.id ? `id '${r.id}'` : `name '${r.name ?? ''}'`}.`;
      return x.id;
    }
    case 'issuetype': {
      const r = ref(v);
      const t =
        (r.id && st.issueTypes.get(String(r.id))) ||
        [...st.issueTypes.values()].find((x) => x.name.toLowerCase() === String(r.name ?? '').toLowerCase());
      if (!t || !project.issueTypeIds.includes(t.id)) throw 'Specify a valid issue type';
      return t.id;
    }
    case 'project': {
      const r = ref(v);
      const p = st.project(String(r.id ?? r.key ?? ''));
      if (!p) throw 'Specify a valid project ID or key';
      return p.id;
    }
    case 'labels': {
      if (!Array.isArray(v)) throw 'Operation value must be an array';
      for (const l of v) {
        if (typeof l !== 'string') throw 'Operation value must be a string';
        if (/\s/.test(l)) throw `The label '${l}' contains spaces which is invalid.`;
        if (l.length > 255) throw 'The label must not exceed 255 characters.';
      }
      return [...new Set(v as string[])];
    }
    case 'components': {
      if (!Array.isArray(v)) throw 'Operation value must be an array';
      return [
        ...new Set(
          v.map((x) => {
            const r = ref(x);
            const comp = r.id
              ? st.components.get(String(r.id))
              : [...st.components.values()].find(
                  (c) => c.projectId === project.id && c.name.toLowerCase() === String(r.name ?? '').toLowerCase(),
                );
            if (!comp || comp.projectId !== project.id)
              throw r.id
                ? `Component with id '${r.id}' does not exist.`
                : `Component name '${r.name ?? ''}' is not valid`;
            return comp.id;
          }),
        ),
      ];
    }
    case 'versions': {
      if (!Array.isArray(v)) throw 'Operation value must be an array';
      return [
        ...new Set(
          v.map((x) => {
            const r = ref(x);
            const ver = r.id
              ? st.versions.get(String(r.id))
              : [...st.versions.values()].find(
                  (c) => c.projectId === project.id && c.name.toLowerCase() === String(r.name ?? '').toLowerCase(),
                );
            if (!ver || ver.projectId !== project.id)
              throw r.id ? `Version id '${r.id}' is not valid` : `Version name '${r.name ?? ''}' is not valid`;
            return ver.id;
          }),
        ),
      ];
    }
    case 'date': {
      if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
        throw `Error parsing date string: ${String(v)}`;
      return v;
    }
    case 'datetime': {
      const t = typeof v === 'string' ? parseJiraTime(v) : undefined;
      if (t === undefined) throw `Error parsing datetime string: ${String(v)}`;
      return t;
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw 'Operation value must be a number';
      return v;
    }
    case 'option': {
      const r = ref(v);
      const o = f.options?.find(
        (x) => (r.id !== undefined && x.id === String(r.id)) || (r.value !== undefined && x.value === r.value),
      );
      if (!o || o.disabled)
        throw r.id !== undefined ? `Option id '${r.id}' is not valid` : `Option value '${r.value ?? ''}' is not valid`;
      return o.id;
    }
    case 'cascade': {
      const r = ref(v) as { id?: string; value?: string; child?: unknown };
      const p = f.options?.find(
        (x) => (r.id !== undefined && x.id === String(r.id)) || (r.value !== undefined && x.value === r.value),
      );
      if (!p)
        throw r.id !== undefined ? `Option id '${r.id}' is not valid` : `Option value '${r.value ?? ''}' is not valid`;
      if (r.child === undefined || r.child === null) return { parent: p.id };
      const c = ref(r.child);
      const ch = p.children?.find(
        (x) => (c.id !== undefined && x.id === String(c.id)) || (c.value !== undefined && x.value === c.value),
      );
      if (!ch)
        throw c.id !== undefined
          ? `Option id '${c.id}' is not valid`
          : `Option value '${c.value ?? ''}' is not valid for parent option '${p.value}'`;
      return { parent: p.id, child: ch.id };
    }
    case 'sprint': {
      const id =
        typeof v === 'number' ? v : typeof v === 'object' && v && 'id' in v ? Number((v as { id: unknown }).id) : NaN;
      if (!Number.isInteger(id)) throw 'Number value expected as the Sprint id.';
      const sp = st.sprints.get(String(id));
      if (!sp) throw `Sprint with id ${id} does not exist.`;
      if (sp.state === 'closed') throw `Issue can be assigned only active or future sprints.`;
      const prev = ((current?.fields[FIELD.sprint] as number[] | undefined) ?? []).filter(
        (s) => st.sprints.get(String(s))?.state === 'closed',
      );
      return [...prev, id];
    }
    case 'team': {
      const id = typeof v === 'string' ? v : ref(v).id;
      if (!id || !st.teams.has(id)) throw `Team id '${String(id)}' is not valid.`;
      return id;
    }
    case 'parent': {
      const r = ref(v);
      const p = st.issue(String(r.key ?? r.id ?? ''));
      if (!p) throw `Could not find issue by id or key.`;
      const childType = st.issueTypes.get(issueTypeId)!;
      const parentType = st.issueTypes.get(p.fields.issuetype)!;
      if (parentType.hierarchyLevel !== childType.hierarchyLevel + 1)
        throw 'Given parent work item does not belong to appropriate hierarchy.';
      if (childType.subtask && p.fields.project !== project.id)
        throw 'Sub-tasks must be in the same project as their parent.';
      if (current && p.id === current.id) throw 'An issue cannot be its own parent.';
      return p.id;
    }
    case 'timetracking': {
      const r = v as {
        originalEstimate?: string;
        remainingEstimate?: string;
        originalEstimateSeconds?: number;
        remainingEstimateSeconds?: number;
      };
      if (!r || typeof r !== 'object') throw 'Operation value must be an object';
      const out: { orig?: number; rem?: number } = {};
      if (r.originalEstimate !== undefined || r.originalEstimateSeconds !== undefined) {
        const s = r.originalEstimateSeconds ?? parseDuration(String(r.originalEstimate));
        if (s === undefined) throw 'The original estimate specified is not valid.';
        out.orig = s;
      }
      if (r.remainingEstimate !== undefined || r.remainingEstimateSeconds !== undefined) {
        const s = r.remainingEstimateSeconds ?? parseDuration(String(r.remainingEstimate));
        if (s === undefined) throw 'The remaining estimate specified is not valid.';
        out.rem = s;
      }
      return out;
    }
  }
  throw notOnScreen(f.id);
}

/** Display string of a stored value (changelog `fromString`/`toString`). */
export function displayValue(st: JiraStore, f: FieldDef, v: unknown): string | null {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return null;
  switch (kindOf(f)) {
    case 'adf':
      return adfText(v).trim();
    case 'user':
      return st.user(v as string)?.displayName ?? String(v);
    case 'users':
      return (v as string[]).map((a) => st.user(a)?.displayName ?? a).join(', ');
    case 'status':
      return st.statuses.get(v as string)?.name ?? String(v);
    case 'priority':
      return st.priorities.get(v as string)?.name ?? String(v);
    case 'resolution':
      return st.resolutions.get(v as string)?.name ?? String(v);
    case 'issuetype':
      return st.issueTypes.get(v as string)?.name ?? String(v);
    case 'project':
      return st.projects.get(v as string)?.name ?? String(v);
    case 'labels':
      return (v as string[]).join(' ');
    case 'components':
      return (v as string[]).map((id) => st.components.get(id)?.name ?? id).join(', ');
    case 'versions':
      return (v as string[]).map((id) => st.versions.get(id)?.name ?? id).join(', ');
    case 'option':
      return f.options?.find((o) => o.id === v)?.value ?? String(v);
    case 'cascade': {
      const c = v as { parent: string; child?: string };
      const p = f.options?.find((o) => o.id === c.parent);
      const ch = p?.children?.find((o) => o.id === c.child);
      return `Parent values: ${p?.value ?? c.parent}${ch ? `Level 1 values: ${ch.value}` : ''}`;
    }
    case 'sprint':
      return (v as number[]).map((id) => st.sprints.get(String(id))?.name ?? id).join(', ');
    case 'team':
      return st.teams.get(v as string)?.name ?? String(v);
    case 'parent':
      return st.issues.get(v as string)?.key ?? String(v);
    case 'datetime':
      return new Date(v as number).toISOString();
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

export const rawString = (v: unknown): string | null => {
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return null;
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') {
    if ('parent' in (v as object))
      return [(v as { parent: string }).parent, (v as { child?: string }).child].filter(Boolean).join(',');
    return null;
  }
  return String(v);
};
