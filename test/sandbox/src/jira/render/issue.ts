// The IssueBean: which fields to show (Jira's `fields` parameter, the project's fields) and the
// `expand` extras (names, schema, renderedFields, changelog).
import { FIELD, kindOf } from '../fields.js';
import type { FieldDef, Issue, Project } from '../model.js';
import type { JiraStore } from '../store.js';
import { historyBean } from './activity.js';
import { adfToHtml } from './adf-html.js';
import type { RenderCtx } from './context.js';
import { renderField } from './field-values.js';

export interface FieldSelection {
  all: boolean;
  navigable: boolean;
  include: Set<string>;
  exclude: Set<string>;
  /** Only `id`: the issue bean carries no `fields` at all. */
  idOnly: boolean;
}

/** Parses Jira's `fields` parameter (`*all`, `*navigable`, `summary,-comment`, names or ids). */
export function parseFieldSelection(store: JiraStore, raw: string[] | undefined, dflt: string): FieldSelection {
  const list = (raw && raw.length ? raw : [dflt])
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  const sel: FieldSelection = { all: false, navigable: false, include: new Set(), exclude: new Set(), idOnly: false };
  for (const item of list) {
    if (item === '*all') sel.all = true;
    else if (item === '*navigable') sel.navigable = true;
    else if (item.startsWith('-')) sel.exclude.add(resolveFieldId(store, item.slice(1)));
    else sel.include.add(resolveFieldId(store, item));
  }
  sel.idOnly = !sel.all && !sel.navigable && [...sel.include].every((x) => x === 'id' || x === 'key');
  return sel;
}

function resolveFieldId(store: JiraStore, nameOrId: string): string {
  if (nameOrId === 'key' || nameOrId === 'issuekey') return 'key';
  if (store.fields.has(nameOrId) || nameOrId === 'id') return nameOrId;
  const lower = nameOrId.toLowerCase();
  for (const f of store.fields.values()) if (f.name.toLowerCase() === lower) return f.id;
  return nameOrId;
}

/** Fields an issue has at all: system fields plus the custom fields on its project's screens. */
export function issueFieldDefs(store: JiraStore, issue: Issue): FieldDef[] {
  const project = store.projects.get(issue.fields.project)!;
  const cached = projectFieldCache.get(project);
  if (cached && cached.version === store.fields.size) return cached.defs;
  const customs = new Set<string>();
  for (const sc of Object.values(project.screens))
    for (const f of sc.fields) if (f.startsWith('customfield_')) customs.add(f);
  customs.add(FIELD.rank);
  const defs = [...store.fields.values()].filter((f) => !f.custom || customs.has(f.id));
  projectFieldCache.set(project, { version: store.fields.size, defs });
  return defs;
}
const projectFieldCache = new WeakMap<Project, { version: number; defs: FieldDef[] }>();

export interface IssueBeanOptions {
  fields: FieldSelection;
  expand: Set<string>;
  /** Issue property keys to include (`*all`, or keys; `-key` excludes), as `properties` takes them. */
  properties?: string | string[];
}

/** The `properties` object of an issue bean: the requested entity properties. */
function requestedProperties(issue: Issue, wanted: string | string[]): Record<string, unknown> {
  const list = (Array.isArray(wanted) ? wanted : wanted.split(',')).map((k) => k.trim()).filter(Boolean);
  const all = list.includes('*all');
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(issue.properties ?? {}))
    if ((all || list.includes(k)) && !list.includes(`-${k}`)) out[k] = v;
  return out;
}

export function issueBean(c: RenderCtx, issue: Issue, o: IssueBeanOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${c.base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  if (o.fields.idOnly) {
    if (!o.fields.include.has('key')) delete out.key;
    return expandExtras(c, issue, o, out, []);
  }
  const fields: Record<string, unknown> = {};
  const defs = issueFieldDefs(c.store, issue);
  const shown: FieldDef[] = [];
  for (const f of defs) {
    if (o.fields.exclude.has(f.id)) continue;
    const wanted = o.fields.all || (o.fields.navigable && f.navigable) || o.fields.include.has(f.id);
    if (!wanted) continue;
    const v = renderField(c, issue, f);
    if (v === undefined) continue;
    fields[f.id] = v;
    shown.push(f);
  }
  out.fields = fields;
  if (o.properties !== undefined) out.properties = requestedProperties(issue, o.properties);
  return expandExtras(c, issue, o, out, shown);
}

function expandExtras(
  c: RenderCtx,
  issue: Issue,
  o: IssueBeanOptions,
  out: Record<string, unknown>,
  shown: FieldDef[],
) {
  if (o.expand.size === 0) return out;
  if (o.expand.has('names')) out.names = Object.fromEntries(shown.map((f) => [f.id, f.name]));
  if (o.expand.has('schema'))
    out.schema = Object.fromEntries(
      shown.filter((f) => f.schema.type !== 'any' || f.custom).map((f) => [f.id, f.schema]),
    );
  if (o.expand.has('renderedFields')) {
    const r: Record<string, unknown> = {};
    for (const f of shown) {
      const v = issue.fields[f.id];
      if (kindOf(f) === 'adf') r[f.id] = v ? adfToHtml(v) : null;
      else if (kindOf(f) === 'datetime') r[f.id] = typeof v === 'number' ? new Date(v).toUTCString() : null;
    }
    out.renderedFields = r;
  }
  if (o.expand.has('changelog')) {
    const hs = c.store.histories(issue.id);
    out.changelog = {
      startAt: 0,
      maxResults: hs.length,
      total: hs.length,
      histories: hs.map((h) => historyBean(c, h)),
    };
  }
  return out;
}
