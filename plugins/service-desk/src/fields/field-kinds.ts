import type { RequestTypeField } from '../client/jsm-http.js';

/** How a request type field takes its value, from its Jira schema. */
export type FieldKind =
  | 'text'
  | 'richText'
  | 'option'
  | 'options'
  | 'cascade'
  | 'priority'
  | 'user'
  | 'users'
  | 'labels'
  | 'date'
  | 'datetime'
  | 'number'
  | 'assets'
  | 'attachment'
  | 'other';

const RICH_SYSTEM = new Set(['description', 'environment']);

export function kindOf(f: RequestTypeField): FieldKind {
  const s = f.jiraSchema;
  const custom = s?.custom ?? '';
  if (f.fieldId === 'attachment' || s?.system === 'attachment') return 'attachment';
  if (/cmdb|assets/i.test(custom) || s?.items === 'cmdb-object') return 'assets';
  if (s?.system && RICH_SYSTEM.has(s.system)) return 'richText';
  if (custom.endsWith(':textarea')) return 'richText';
  if (custom.endsWith(':cascadingselect') || s?.type === 'option-with-child') return 'cascade';
  switch (s?.type) {
    case 'string':
      return 'text';
    case 'option':
      return 'option';
    case 'priority':
      return 'priority';
    case 'user':
      return 'user';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'number':
      return 'number';
    case 'array':
      if (s.items === 'option') return 'options';
      if (s.items === 'user') return 'users';
      if (s.items === 'string') return 'labels';
      return 'other';
    default:
      return 'other';
  }
}

/** A short type word for the model ("text", "one of the values", …). */
export function kindWord(kind: FieldKind): string {
  switch (kind) {
    case 'richText':
      return 'Markdown text';
    case 'option':
    case 'priority':
      return 'one value';
    case 'options':
      return 'list of values';
    case 'cascade':
      return '"Parent > Child"';
    case 'user':
      return 'account id';
    case 'users':
      return 'list of account ids';
    case 'labels':
      return 'list of labels';
    case 'date':
      return 'date YYYY-MM-DD';
    case 'datetime':
      return 'ISO date-time';
    case 'assets':
      return 'list of Assets object ids';
    case 'attachment':
      return 'use servicedesk_add_attachment';
    default:
      return kind;
  }
}
