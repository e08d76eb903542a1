import type { RequestType, RequestTypeField, RequestTypeGroup } from '../client/jsm-http.js';
import { allowedList } from '../fields/request-fields.js';
import { kindOf, kindWord } from '../fields/field-kinds.js';

export type DeskView = {
  id: string;
  key: string;
  name: string;
};

export type RequestTypeView = {
  id: string;
  name: string;
  serviceDeskId?: string;
  description?: string;
  helpText?: string;
  groups?: string[];
};

export type FieldView = {
  /** The name customers see on the portal (what `fields` takes). */
  name: string;
  fieldId: string;
  required: boolean;
  type: string;
  allowed?: string;
  description?: string;
};

export function requestTypeView(t: RequestType, groups?: RequestTypeGroup[]): RequestTypeView {
  const names = groups && (t.groupIds ?? []).map((id) => groups.find((g) => g.id === id)?.name ?? id);
  return {
    id: String(t.id ?? ''),
    name: t.name ?? '',
    serviceDeskId: t.serviceDeskId,
    description: t.description || undefined,
    helpText: t.helpText || undefined,
    groups: names?.length ? names : undefined,
  };
}

/** `3 Request new hardware [Hardware and software]: Laptops, monitors…` */
export function requestTypeLine(t: RequestTypeView, deskKey?: string): string {
  const where = deskKey ? ` (${deskKey})` : '';
  const groups = t.groups?.length ? ` [${t.groups.join(', ')}]` : '';
  return `${t.id}${where} ${t.name}${groups}${t.description ? `: ${t.description}` : ''}`;
}

export function fieldView(f: RequestTypeField): FieldView {
  const allowed = allowedList(f.validValues);
  return {
    name: f.name ?? f.fieldId ?? '',
    fieldId: f.fieldId ?? '',
    required: f.required === true,
    type: kindWord(kindOf(f)),
    allowed: allowed || undefined,
    description: f.description || undefined,
  };
}

/** `* Hardware type (customfield_10052, one value): Laptop, Monitor` — `*` marks required. */
export function fieldLine(f: FieldView): string {
  return `${f.required ? '* ' : '- '}${f.name} (${f.fieldId}, ${f.type})${f.allowed ? `: ${f.allowed}` : ''}${f.description ? ` — ${f.description}` : ''}`;
}
