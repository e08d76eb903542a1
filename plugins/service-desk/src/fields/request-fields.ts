import { inject, InputError, Service } from '@atlassian-mcp/core';
import type { RequestTypeField } from '../client/jsm-http.js';
import { JsmText } from '../text/jsm-text.js';
import { kindOf, kindWord } from './field-kinds.js';

/** What the model gives for a new request. */
export interface RequestDraft {
  summary?: string;
  description?: string;
  /** Other fields, keyed by the name the request type shows customers (or the field id). */
  fields?: Record<string, unknown>;
}

/** `requestFieldValues` ready to send, and what formatting the text fields could not carry. */
export interface ResolvedFields {
  values: Record<string, unknown>;
  notCarried: string[];
}

type Allowed = NonNullable<RequestTypeField['validValues']>;

/** `Laptop, Monitor, …` (at most 25 shown). */
export function allowedList(allowed: Allowed | undefined): string {
  const labels = (allowed ?? []).map((v) => v.label ?? v.value ?? '').filter(Boolean);
  return labels.length > 25 ? `${labels.slice(0, 25).join(', ')}, … (${labels.length} in all)` : labels.join(', ');
}

const norm = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[?:.!]+$/, '');

/**
 * Turns a draft into the request type's `requestFieldValues`: fields found by their
 * customer-facing name (or id), values checked against the allowed values, and every missing
 * required field reported, with its allowed values, before anything is sent.
 */
@Service()
export class RequestFields {
  constructor(@inject(JsmText) private readonly text: JsmText) {}

  resolve(typeName: string, meta: RequestTypeField[], draft: RequestDraft): ResolvedFields {
    const visible = meta.filter((f) => f.visible !== false && f.fieldId);
    const byKey = (key: string) =>
      visible.find((f) => f.fieldId === key) ??
      visible.find((f) => norm(f.name ?? '') === norm(key)) ??
      visible.find((f) => f.fieldId?.toLowerCase() === key.trim().toLowerCase());
    const given = new Map<RequestTypeField, unknown>();
    const errors: Record<string, string> = {};
    const unknown: string[] = [];
    const put = (key: string, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const f = byKey(key);
      if (!f) unknown.push(key);
      else given.set(f, value);
    };
    put('summary', draft.summary);
    put('description', draft.description);
    for (const [k, v] of Object.entries(draft.fields ?? {})) put(k, v);
    if (unknown.length)
      throw new InputError(`'${typeName}' has no field ${unknown.map((u) => JSON.stringify(u)).join(', ')}`, {
        hint: `Its fields: ${visible.map((f) => `${f.name} (${f.fieldId})`).join(', ')}.`,
      });

    const values: Record<string, unknown> = {};
    const notCarried = new Set<string>();
    for (const [f, raw] of given) {
      try {
        values[f.fieldId!] = this.value(f, raw, notCarried);
      } catch (e) {
        if (typeof e !== 'string') throw e;
        errors[f.name ?? f.fieldId!] = e;
      }
    }
    for (const f of visible) {
      if (f.required && !given.has(f) && !(f.presetValues?.length ?? 0)) {
        const allowed = allowedList(f.validValues);
        errors[f.name ?? f.fieldId!] =
          `required (${f.fieldId}, ${kindWord(kindOf(f))})${allowed ? `; allowed: ${allowed}` : ''}`;
      }
    }
    if (Object.keys(errors).length)
      throw new InputError(`The request cannot be created as '${typeName}': ${Object.keys(errors).join(', ')}`, {
        fieldErrors: errors,
        hint: 'Give the named fields (by the names shown) in `fields`, then call again.',
      });
    return { values, notCarried: [...notCarried] };
  }

  private value(f: RequestTypeField, raw: unknown, notCarried: Set<string>): unknown {
    const kind = kindOf(f);
    const list = Array.isArray(raw) ? raw : [raw];
    const str = (v: unknown) => {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
      throw `expected ${kindWord(kind)}`;
    };
    switch (kind) {
      case 'text':
        return str(raw);
      case 'richText': {
        const wiki = this.text.toWiki(str(raw));
        wiki.notCarried.forEach((n) => notCarried.add(n));
        return wiki.text;
      }
      case 'option':
      case 'priority':
        return { id: pick(f, str(raw)).value };
      case 'options':
        return list.map((v) => ({ id: pick(f, str(v)).value }));
      case 'cascade': {
        const [parentName, childName] = str(raw)
          .split('>')
          .map((s) => s.trim());
        const parent = pick(f, parentName!);
        if (!childName) return { id: parent.value };
        const child = parent.children?.find((c) => norm(c.label ?? '') === norm(childName) || c.value === childName);
        if (!child)
          throw `"${childName}" is not an option under "${parentName}"; allowed: ${allowedList(parent.children)}`;
        return { id: parent.value, child: { id: child.value } };
      }
      case 'user':
        return { accountId: str(raw) };
      case 'users':
        return list.map((v) => ({ accountId: str(v) }));
      case 'labels':
        return list.map((v) => {
          const s = str(v);
          if (/\s/.test(s)) throw `labels cannot contain spaces ("${s}")`;
          return s;
        });
      case 'date': {
        const s = str(raw);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw `expected a date YYYY-MM-DD, got "${s}"`;
        return s;
      }
      case 'datetime': {
        const s = str(raw);
        if (Number.isNaN(Date.parse(s))) throw `expected an ISO date-time, got "${s}"`;
        return s;
      }
      case 'number': {
        const n = typeof raw === 'number' ? raw : Number(str(raw));
        if (!Number.isFinite(n)) throw `expected a number, got "${String(raw)}"`;
        return n;
      }
      case 'assets':
        return list.map((v) => ({ id: str(v) }));
      case 'attachment':
        throw 'attach files with servicedesk_add_attachment after the request is created';
      default:
        return raw;
    }
  }
}

/** The allowed value whose label (or id) is `wanted`; a string error naming the allowed ones. */
function pick(f: RequestTypeField, wanted: string): Allowed[number] {
  const allowed = f.validValues ?? [];
  if (!allowed.length) return { value: wanted };
  const hit = allowed.find((v) => norm(v.label ?? '') === norm(wanted)) ?? allowed.find((v) => v.value === wanted);
  if (!hit) throw `"${wanted}" is not allowed; allowed: ${allowedList(allowed)}`;
  return hit;
}
