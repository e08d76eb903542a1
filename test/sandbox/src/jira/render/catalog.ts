// Site metadata → beans: status categories, statuses, issue types, priorities, resolutions,
// projects, components, versions, custom-field options, sprints, fields and link types.
import { isoTime } from '../format.js';
import type {
  Component,
  FieldDef,
  FieldOption,
  IssueLinkType,
  IssueType,
  Priority,
  Project,
  Resolution,
  Sprint,
  Status,
  StatusCategory,
  Version,
} from '../model.js';
import type { RenderCtx } from './context.js';

export function statusCategoryBean(c: RenderCtx, sc: StatusCategory) {
  return {
    self: `${c.base}/rest/api/3/statuscategory/${sc.id}`,
    id: sc.id,
    key: sc.key,
    colorName: sc.colorName,
    name: sc.name,
  };
}

export function statusBean(c: RenderCtx, s: Status) {
  return {
    self: `${c.base}/rest/api/3/status/${s.id}`,
    description: s.description,
    iconUrl: `${c.base}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: statusCategoryBean(c, c.store.statusCategories.get(String(s.categoryId))!),
  };
}

export function issueTypeBean(c: RenderCtx, t: IssueType) {
  return {
    self: `${c.base}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${c.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
    name: t.name,
    subtask: t.subtask,
    avatarId: t.avatarId,
    hierarchyLevel: t.hierarchyLevel,
  };
}

export function priorityBean(c: RenderCtx, p: Priority) {
  return {
    self: `${c.base}/rest/api/3/priority/${p.id}`,
    iconUrl: `${c.base}/images/icons/priorities/${p.name.toLowerCase()}.svg`,
    name: p.name,
    id: p.id,
  };
}

export function resolutionBean(c: RenderCtx, r: Resolution) {
  return { self: `${c.base}/rest/api/3/resolution/${r.id}`, id: r.id, description: r.description, name: r.name };
}

export function projectAvatarUrls(c: RenderCtx, p: Project): Record<string, string> {
  const id = 10400 + (Number(p.id) % 20);
  return {
    '48x48': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}`,
    '24x24': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=small`,
    '16x16': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=xsmall`,
    '32x32': `${c.base}/rest/api/3/universal_avatar/view/type/project/avatar/${id}?size=medium`,
  };
}

export function projectRef(c: RenderCtx, p: Project) {
  return {
    self: `${c.base}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    projectTypeKey: p.projectTypeKey,
    simplified: p.style === 'next-gen',
    avatarUrls: projectAvatarUrls(c, p),
  };
}

export function componentBean(c: RenderCtx, comp: Component) {
  return {
    self: `${c.base}/rest/api/3/component/${comp.id}`,
    id: comp.id,
    name: comp.name,
    description: comp.description,
  };
}

export function versionBean(c: RenderCtx, v: Version) {
  const out: Record<string, unknown> = {
    self: `${c.base}/rest/api/3/version/${v.id}`,
    id: v.id,
    description: v.description,
    name: v.name,
    archived: v.archived,
    released: v.released,
  };
  if (v.startDate) out.startDate = v.startDate;
  if (v.releaseDate) out.releaseDate = v.releaseDate;
  out.projectId = Number(v.projectId);
  return out;
}

export function optionBean(c: RenderCtx, fieldId: string, o: FieldOption) {
  return { self: `${c.base}/rest/api/3/customFieldOption/${o.id}`, value: o.value, id: o.id };
}

export function sprintBean(s: Sprint) {
  const out: Record<string, unknown> = {
    id: s.id,
    name: s.name,
    state: s.state,
    boardId: s.originBoardId,
    goal: s.goal,
  };
  if (s.startDate !== undefined) out.startDate = isoTime(s.startDate);
  if (s.endDate !== undefined) out.endDate = isoTime(s.endDate);
  if (s.completeDate !== undefined) out.completeDate = isoTime(s.completeDate);
  return out;
}

export function linkTypeBean(c: RenderCtx, t: IssueLinkType) {
  return {
    id: t.id,
    name: t.name,
    inward: t.inward,
    outward: t.outward,
    self: `${c.base}/rest/api/3/issueLinkType/${t.id}`,
  };
}

export function fieldBean(f: FieldDef) {
  const out: Record<string, unknown> = {
    id: f.id,
    key: f.key,
    name: f.name,
    custom: f.custom,
    orderable: f.orderable,
    navigable: f.navigable,
    searchable: f.searchable,
    clauseNames: f.clauseNames,
  };
  if (f.schema.type !== 'any' || f.custom) out.schema = f.schema;
  return out;
}
