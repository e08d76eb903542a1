// Setting fields the way Jira does: `fields` (set) and `update` (set/add/remove/edit
// operations), checked against the screen, with Jira's per-field error messages, and a
// changelog entry for every change.
import { ApiError } from '../core/http.js';
import { kindOf, SETTABLE_KINDS } from './fields.js';
import { displayValue, isAdf, notOnScreen, parseValue, rawString, type MutationContext } from './field-values.js';
import type { Adf, ChangeItem, FieldDef, Issue, IssueFields, Project, ScreenConfig, Transition } from './model.js';
import type { JiraStore } from './store.js';

type Errors = Record<string, string>;

export { displayValue, isAdf, parseValue, type MutationContext };

export function screenFor(project: Project, issueTypeId: string): ScreenConfig {
  return project.screens[issueTypeId] ?? project.screens['*'] ?? { fields: [], required: [] };
}

export interface FieldChanges {
  /** New stored values by field id (timetracking expanded into timeoriginalestimate/timeestimate). */
  values: Record<string, unknown>;
  comments: Adf[];
  links: Array<{ typeId: string; inward?: string; outward?: string }>;
}

/**
 * Validates `fields` + `update` for an issue (existing, or the draft of a new one) against
 * `allowed` (the screen). Collects every error, Jira style, and throws one 400.
 */
export function collectChanges(
  m: MutationContext,
  project: Project,
  issueTypeId: string,
  fields: Record<string, unknown> | undefined,
  update: Record<string, Array<Record<string, unknown>>> | undefined,
  allowed: Set<string>,
  current: Issue | undefined,
): FieldChanges {
  const st = m.store;
  const errors: Errors = {};
  const out: FieldChanges = { values: {}, comments: [], links: [] };
  const resolve = (key: string) =>
    st.fields.get(key) ?? [...st.fields.values()].find((f) => f.name.toLowerCase() === key.toLowerCase());

  const setOne = (key: string, f: FieldDef, v: unknown) => {
    try {
      const parsed = parseValue(m, f, project, issueTypeId, v, current);
      if (f.id === 'timetracking') {
        const t = parsed as { orig?: number; rem?: number };
        if (t.orig !== undefined) out.values.timeoriginalestimate = t.orig;
        if (t.rem !== undefined) out.values.timeestimate = t.rem;
        else if (t.orig !== undefined && !current?.fields.timeestimate) out.values.timeestimate = t.orig;
      } else out.values[f.id] = parsed;
    } catch (e) {
      if (typeof e === 'string') errors[key] = e;
      else throw e;
    }
  };

  for (const [key, v] of Object.entries(fields ?? {})) {
    const f = resolve(key);
    if (!f || !SETTABLE_KINDS.has(kindOf(f)) || !allowed.has(f.id)) {
      if (f?.id === 'project' || f?.id === 'issuetype') continue; // handled by the caller
      errors[key] = notOnScreen(key);
      continue;
    }
    setOne(key, f, v);
  }

  for (const [key, ops] of Object.entries(update ?? {})) {
    if (!Array.isArray(ops)) {
      errors[key] = 'Operation value must be an array of operations';
      continue;
    }
    if (key === 'comment') {
      for (const op of ops) {
        const body = (op.add as { body?: unknown } | undefined)?.body;
        if (!isAdf(body))
          errors.comment = 'Comment body must be an Atlassian Document (see the Atlassian Document Format)';
        else out.comments.push(body);
      }
      continue;
    }
    if (key === 'issuelinks') {
      for (const op of ops) {
        const add = op.add as
          | {
              type?: { id?: string; name?: string };
              inwardIssue?: { key?: string; id?: string };
              outwardIssue?: { key?: string; id?: string };
            }
          | undefined;
        const type =
          add?.type &&
          (st.issueLinkTypes.get(String(add.type.id)) ??
            [...st.issueLinkTypes.values()].find((t) => t.name === add.type!.name));
        if (!add || !type) {
          errors.issuelinks = 'No issue link type with name or id could be found.';
          continue;
        }
        const other = st.issue(
          String(add.inwardIssue?.key ?? add.inwardIssue?.id ?? add.outwardIssue?.key ?? add.outwardIssue?.id ?? ''),
        );
        if (!other) {
          errors.issuelinks = 'Issue does not exist or you do not have permission to see it.';
          continue;
        }
        out.links.push({ typeId: type.id, ...(add.inwardIssue ? { inward: other.id } : { outward: other.id }) });
      }
      continue;
    }
    const f = resolve(key);
    if (!f || !SETTABLE_KINDS.has(kindOf(f)) || !allowed.has(f.id)) {
      errors[key] = notOnScreen(key);
      continue;
    }
    const kind = kindOf(f);
    const multi = kind === 'labels' || kind === 'components' || kind === 'versions' || kind === 'users';
    let acc: unknown[] | undefined = multi
      ? [...(((out.values[f.id] ?? current?.fields[f.id]) as unknown[] | undefined) ?? [])]
      : undefined;
    for (const op of ops) {
      const [verb, arg] = Object.entries(op)[0] ?? [];
      if (verb === 'set') {
        setOne(key, f, arg);
        acc = multi ? [...((out.values[f.id] as unknown[]) ?? [])] : undefined;
      } else if ((verb === 'add' || verb === 'remove') && multi) {
        try {
          const parsed = parseValue(m, f, project, issueTypeId, [arg], current) as unknown[];
          if (verb === 'add') acc = [...new Set([...acc!, ...parsed])];
          else acc = acc!.filter((x) => !parsed.includes(x));
          out.values[f.id] = acc;
        } catch (e) {
          if (typeof e === 'string') errors[key] = e;
          else throw e;
        }
      } else if (verb === 'edit' && f.id === 'timetracking') {
        setOne(key, f, arg);
      } else {
        errors[key] =
          `Field '${key}' does not support operation '${verb ?? ''}' Supported operation(s) are: '${multi ? 'add,set,remove' : 'set'}'`;
      }
    }
  }
  if (Object.keys(errors).length) throw new ApiError(400, [], errors);
  return out;
}

/** Writes values, bumps `updated`, records one changelog entry. */
export function applyChanges(
  m: MutationContext,
  issue: Issue,
  values: Record<string, unknown>,
  record = true,
): ChangeItem[] {
  const st = m.store;
  const items: ChangeItem[] = [];
  for (const [id, v] of Object.entries(values)) {
    const before = issue.fields[id];
    if (JSON.stringify(before ?? null) === JSON.stringify(v ?? null)) continue;
    const f = st.fields.get(id) ?? st.fields.get(id === 'timeoriginalestimate' || id === 'timeestimate' ? id : '')!;
    if (id === 'parent') {
      if (before) st.removeChild(before as string, issue.id);
      if (v) st.addChild(v as string, issue.id);
    }
    if (v === null || v === undefined) delete issue.fields[id];
    else issue.fields[id] = v;
    if (f) {
      const simple =
        kindOf(f) === 'adf' ||
        kindOf(f) === 'string' ||
        kindOf(f) === 'labels' ||
        kindOf(f) === 'number' ||
        kindOf(f) === 'date';
      items.push({
        field: f.custom ? f.name : f.id === 'issuetype' ? 'issuetype' : f.id,
        fieldtype: f.custom ? 'custom' : 'jira',
        fieldId: f.id,
        from: simple ? null : rawString(before),
        fromString: displayValue(st, f, before),
        to: simple ? null : rawString(v),
        toString: displayValue(st, f, v),
      });
    }
  }
  if (items.length || Object.keys(values).length) {
    issue.fields.updated = m.now;
    st.touch();
  }
  if (record && items.length) {
    st.addHistory({
      id: String(st.nextId('history')),
      issueId: issue.id,
      authorId: m.accountId,
      created: m.now,
      items,
    });
  }
  return items;
}

export function availableTransitions(st: JiraStore, issue: Issue): Transition[] {
  const wf = st.workflowOf(issue);
  // Global transitions (no `from`) are always offered, as Jira does.
  return wf.transitions.filter((t) => t.from.length === 0 || t.from.includes(issue.fields.status));
}

/** Status change with its side effects (resolution, statuscategorychangedate, changelog). */
export function moveToStatus(m: MutationContext, issue: Issue, to: string, extra: Record<string, unknown>): void {
  const st = m.store;
  const fromCat = st.statuses.get(issue.fields.status)!.categoryId;
  const toCat = st.statuses.get(to)!.categoryId;
  const values: Record<string, unknown> = { ...extra, status: to };
  const doneCat = 3;
  if (toCat === doneCat) {
    if (!values.resolution && !issue.fields.resolution) values.resolution = '10000';
    if (!issue.fields.resolutiondate) values.resolutiondate = m.now;
  } else if (fromCat === doneCat) {
    values.resolution = null;
    values.resolutiondate = null;
  }
  if (fromCat !== toCat) values.statuscategorychangedate = m.now;
  const items = applyChanges(m, issue, values, false).filter(
    (i) => i.fieldId !== 'resolutiondate' && i.fieldId !== 'statuscategorychangedate',
  );
  if (items.length)
    st.addHistory({
      id: String(st.nextId('history')),
      issueId: issue.id,
      authorId: m.accountId,
      created: m.now,
      items,
    });
}

/** A new issue record (not yet stored). */
export function newIssue(
  m: MutationContext,
  project: Project,
  issueTypeId: string,
  values: Record<string, unknown>,
): Issue {
  const st = m.store;
  const wf = st.workflows.get(project.workflowId)!;
  const n = st.nextId(`key:${project.key}`, 1);
  const id = String(st.nextId('issue'));
  let maxRank = 0;
  for (const i of st.issues.values()) if (i.rank > maxRank) maxRank = i.rank;
  const fields: IssueFields = {
    summary: '',
    issuetype: issueTypeId,
    project: project.id,
    status: wf.initialStatusId,
    created: m.now,
    updated: m.now,
    statuscategorychangedate: m.now,
    creator: m.accountId,
    reporter: m.accountId,
    labels: [],
  };
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined) fields[k] = v;
  return {
    id,
    key: `${project.key}-${n}`,
    fields,
    watchers: [m.accountId],
    voters: [],
    rank: maxRank + 100,
    remoteLinks: [],
    properties: {},
  };
}
