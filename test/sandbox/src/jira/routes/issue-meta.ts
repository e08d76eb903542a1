// Issues metadata: createmeta (issue types, fields with allowed values) and editmeta.
import { ApiError, json } from '../../core/http.js';
import type { Handler } from '../../core/product.js';
import { kindOf, SETTABLE_KINDS } from '../fields.js';
import type { FieldDef, Project } from '../model.js';
import { screenFor } from '../mutate.js';
import {
  componentBean,
  issueTypeBean,
  optionBean,
  priorityBean,
  resolutionBean,
  versionBean,
  type RenderCtx,
} from '../render.js';
import { page, rc, store } from './util.js';

function operationsFor(f: FieldDef): string[] {
  const k = kindOf(f);
  if (k === 'labels' || k === 'components' || k === 'versions' || k === 'users') return ['add', 'set', 'remove'];
  if (k === 'timetracking') return ['set', 'edit'];
  if (f.id === 'parent') return ['set'];
  return ['set'];
}

function allowedValues(r: RenderCtx, f: FieldDef, project: Project): unknown[] | undefined {
  const st = r.store;
  switch (kindOf(f)) {
    case 'priority':
      return [...st.priorities.values()].map((p) => priorityBean(r, p));
    case 'resolution':
      return [...st.resolutions.values()].map((x) => resolutionBean(r, x));
    case 'issuetype':
      return project.issueTypeIds.map((id) => issueTypeBean(r, st.issueTypes.get(id)!));
    case 'project':
      return [
        {
          self: `${r.base}/rest/api/3/project/${project.id}`,
          id: project.id,
          key: project.key,
          name: project.name,
          projectTypeKey: project.projectTypeKey,
        },
      ];
    case 'components':
      return [...st.components.values()].filter((c) => c.projectId === project.id).map((c) => componentBean(r, c));
    case 'versions':
      return [...st.versions.values()]
        .filter((v) => v.projectId === project.id && !v.archived)
        .map((v) => versionBean(r, v));
    case 'option':
      return f.options?.filter((o) => !o.disabled).map((o) => optionBean(r, f.id, o));
    case 'cascade':
      return f.options?.map((o) => ({
        ...optionBean(r, f.id, o),
        children: (o.children ?? []).map((c) => optionBean(r, f.id, c)),
      }));
  }
  return undefined;
}

export function fieldMeta(r: RenderCtx, f: FieldDef, project: Project, required: boolean, forCreate: boolean) {
  const out: Record<string, unknown> = {
    required,
    schema: f.schema.type === 'any' && !f.custom ? { type: 'any', system: f.id } : f.schema,
    name: f.name,
    key: f.key,
    hasDefaultValue: f.id === 'priority' || f.id === 'reporter',
    operations: operationsFor(f),
  };
  if (forCreate) out.fieldId = f.id;
  const av = allowedValues(r, f, project);
  if (av) out.allowedValues = av;
  if (f.id === 'priority') out.defaultValue = priorityBean(r, r.store.priorities.get('3')!);
  const k = kindOf(f);
  if (k === 'user' || k === 'users') out.autoCompleteUrl = `${r.base}/rest/api/3/user/search?query=`;
  if (k === 'labels') out.autoCompleteUrl = `${r.base}/rest/api/1.0/labels/suggest?query=`;
  if (f.id === 'parent') out.autoCompleteUrl = `${r.base}/rest/api/3/issue/picker?query=`;
  return out;
}

function screenFieldDefs(st: ReturnType<typeof store>, ids: string[]): FieldDef[] {
  return ids
    .map((id) => st.fields.get(id))
    .filter((f): f is FieldDef => !!f && (SETTABLE_KINDS.has(kindOf(f)) || f.id === 'attachment'));
}

export const getCreateIssueMetaIssueTypes: Handler = (ctx) => {
  const st = store(ctx);
  const project = st.requireProject(ctx.params.projectIdOrKey!);
  const r = rc(ctx);
  const types = project.issueTypeIds.map((id) => ({ ...issueTypeBean(r, st.issueTypes.get(id)!) }));
  const p = page(types, ctx.query.startAt, ctx.query.maxResults, 50, 200);
  return json(200, { issueTypes: p.values, maxResults: p.maxResults, startAt: p.startAt, total: p.total });
};

export const getCreateIssueMetaIssueTypeId: Handler = (ctx) => {
  const st = store(ctx);
  const project = st.requireProject(ctx.params.projectIdOrKey!);
  const typeId = ctx.params.issueTypeId!;
  if (!project.issueTypeIds.includes(typeId))
    throw new ApiError(404, ['Issue type with id ' + typeId + ' does not exist or is not available in this project.']);
  const screen = screenFor(project, typeId);
  const r = rc(ctx);
  const required = new Set(screen.required);
  const fields = screenFieldDefs(st, screen.fields).map((f) => fieldMeta(r, f, project, required.has(f.id), true));
  const p = page(fields, ctx.query.startAt, ctx.query.maxResults, 50, 200);
  return json(200, { fields: p.values, maxResults: p.maxResults, startAt: p.startAt, total: p.total });
};

export const getEditIssueMeta: Handler = (ctx) => {
  const st = store(ctx);
  const issue = st.requireIssue(ctx.params.issueIdOrKey!);
  const project = st.projects.get(issue.fields.project)!;
  const screen = screenFor(project, issue.fields.issuetype);
  const r = rc(ctx);
  const required = new Set(screen.required);
  const fields: Record<string, unknown> = {};
  for (const f of screenFieldDefs(st, screen.fields)) {
    if (f.id === 'project') continue;
    fields[f.id] = fieldMeta(r, f, project, required.has(f.id), false);
  }
  fields.comment = {
    required: false,
    schema: { type: 'comments-page', system: 'comment' },
    name: 'Comment',
    key: 'comment',
    operations: ['add', 'edit', 'remove'],
  };
  fields.issuelinks = {
    required: false,
    schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' },
    name: 'Linked Issues',
    key: 'issuelinks',
    autoCompleteUrl: `${ctx.base}/rest/api/2/issue/picker?currentProjectId=&showSubTaskParent=true&showSubTasks=true&currentIssueKey=${issue.key}&query=`,
    operations: ['add', 'copy'],
  };
  return json(200, { fields });
};
