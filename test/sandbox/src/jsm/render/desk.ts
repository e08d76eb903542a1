// ServiceDeskDTO, RequestTypeGroupDTO, RequestTypeDTO and the request type's field metadata.
import { kindOf } from '../../jira/fields.js';
import type { FieldDef } from '../../jira/model.js';
import type { RequestType, RequestTypeField, ServiceDesk } from '../model.js';
import type { JsmStore } from '../store.js';

export function deskDto(st: JsmStore, base: string, d: ServiceDesk) {
  const p = st.jira.projects.get(d.projectId)!;
  return {
    id: d.id,
    projectId: p.id,
    projectName: p.name,
    projectKey: p.key,
    projectTypeKey: p.projectTypeKey,
    _links: { self: `${base}/rest/servicedeskapi/servicedesk/${d.id}` },
  };
}

const ICON_SIZES = ['48x48', '24x24', '16x16', '32x32'];

export function requestTypeDto(st: JsmStore, base: string, t: RequestType, o: { fields?: boolean } = {}) {
  const out: Record<string, unknown> = {
    _expands: ['field'],
    id: t.id,
    _links: { self: `${base}/rest/servicedeskapi/servicedesk/${t.serviceDeskId}/requesttype/${t.id}` },
    name: t.name,
    description: t.description,
    helpText: t.helpText,
    issueTypeId: t.issueTypeId,
    serviceDeskId: t.serviceDeskId,
    portalId: t.serviceDeskId,
    groupIds: t.groupIds,
    icon: {
      id: t.iconId,
      _links: {
        iconUrls: Object.fromEntries(
          ICON_SIZES.map((s) => [
            s,
            `${base}/rest/api/2/universal_avatar/view/type/SD_REQTYPE/avatar/${t.iconId}?size=${s}`,
          ]),
        ),
      },
    },
    restrictionStatus: t.restrictionStatus,
  };
  if (t.practice) out.practice = t.practice;
  if (o.fields) out.fields = createMeta(st, t, true);
  return out;
}

function validValues(st: JsmStore, f: FieldDef): Array<{ value: string; label: string; children: unknown[] }> {
  const kind = kindOf(f);
  if (kind === 'option' || kind === 'cascade')
    return (f.options ?? [])
      .filter((o) => !o.disabled)
      .map((o) => ({
        value: o.id,
        label: o.value,
        children: (o.children ?? []).map((c) => ({ value: c.id, label: c.value, children: [] })),
      }));
  if (kind === 'priority')
    return [...st.jira.priorities.values()].map((p) => ({ value: p.id, label: p.name, children: [] }));
  return [];
}

export function fieldDto(st: JsmStore, rf: RequestTypeField) {
  const f = st.jira.fields.get(rf.fieldId);
  const schema = f ? { ...f.schema, ...(f.custom ? {} : { system: f.id }) } : { type: 'string', system: rf.fieldId };
  return {
    fieldId: rf.fieldId,
    name: rf.name,
    description: rf.description,
    required: rf.required,
    defaultValues: [],
    validValues: f ? validValues(st, f) : [],
    presetValues: rf.presetValues ?? [],
    jiraSchema: schema,
    visible: rf.visible,
  };
}

/** CustomerRequestCreateMetaDTO (hidden fields included, with `visible: false` and their preset). */
export function createMeta(st: JsmStore, t: RequestType, agent: boolean) {
  return {
    requestTypeFields: t.fields.map((f) => fieldDto(st, f)),
    canRaiseOnBehalfOf: agent,
    canAddRequestParticipants: true,
  };
}
