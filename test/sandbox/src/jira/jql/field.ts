// JQL field names → the field they search (kind, id, definition), and the values an issue
// has for that field, as compared by clauses and ORDER BY.
import { adfText } from '../../seed/adf.js';
import { kindOf } from '../fields.js';
import type { FieldDef, Issue } from '../model.js';
import type { JiraStore } from '../store.js';
import { JqlError } from './parser.js';

export type Kind =
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

export interface JqlField {
  kind: Kind;
  /** Field id in issue.fields (or a pseudo id). */
  id: string;
  def?: FieldDef;
  /** `text ~` searches several fields. */
  textIds?: string[];
}

export interface CompileContext {
  store: JiraStore;
  accountId: string;
  now: number;
}

export function resolveField(name: string, c: CompileContext): JqlField {
  const lower = name.toLowerCase();
  const st = c.store;
  switch (lower) {
    case 'text': {
      const ids = ['summary', 'description', 'environment', 'comment'];
      for (const f of st.fields.values())
        if (f.custom && (kindOf(f) === 'adf' || kindOf(f) === 'string')) ids.push(f.id);
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

export type Val = string | number | null;

export function valuesOf(f: JqlField, issue: Issue, c: CompileContext): Val[] {
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

export function textOf(f: JqlField, issue: Issue, c: CompileContext): string {
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

export const notExist = (value: string, field: string) =>
  new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
export const noFunction = (fn: string, field: string) =>
  new JqlError(`Unable to find JQL function '${fn}()' for the field '${field}'.`);
