import type { JiraSchemas } from '../client/jira-http.js';

/** What a screen (create, edit or transition) says about one field. */
export interface FieldMeta {
  id: string;
  name: string;
  required: boolean;
  hasDefault: boolean;
  schema: JiraSchemas['JsonTypeBean'];
  allowedValues?: unknown[];
}

/** From `createmeta/{project}/issuetypes/{id}` entries. */
export function fromCreateMeta(fields: JiraSchemas['FieldCreateMetadata'][]): FieldMeta[] {
  return fields.map((f) => ({
    id: f.fieldId,
    name: f.name,
    required: f.required,
    hasDefault: f.hasDefaultValue ?? false,
    schema: f.schema,
    allowedValues: f.allowedValues,
  }));
}

/** From editmeta or a transition's `fields` map (keyed by field id). */
export function fromFieldMap(fields: Record<string, JiraSchemas['FieldMetadata']> | undefined): FieldMeta[] {
  return Object.entries(fields ?? {}).map(([id, f]) => ({
    id,
    name: f.name,
    required: f.required,
    hasDefault: f.hasDefaultValue ?? false,
    schema: f.schema,
    allowedValues: f.allowedValues,
  }));
}

/** The label a value of an allowed-values list is known by (option value, version name…). */
export function allowedLabel(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value : undefined;
  const v = value as Record<string, unknown>;
  const label = v.value ?? v.name ?? v.displayName ?? v.key;
  return typeof label === 'string' ? label : undefined;
}

/** A short "allowed: a, b, c" list for error messages (long lists are cut, and say so). */
export function describeAllowed(meta: FieldMeta, limit = 25): string {
  const labels = (meta.allowedValues ?? []).map(allowedLabel).filter((l): l is string => !!l);
  if (labels.length === 0) return '';
  const shown = labels.slice(0, limit).join(', ');
  return labels.length > limit ? `${shown}, … (${labels.length - limit} more)` : shown;
}
