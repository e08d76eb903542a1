// `requestFieldValues` → stored Jira values, checked against the request type: only its visible
// fields, every required one present (JSM names the missing fields), values in JSM's input formats
// (plain/wiki text for rich text unless `isAdfRequest`, options by id or value, Assets objects).
import { kindOf } from '../jira/fields.js';
import { isAdf, parseValue } from '../jira/field-values.js';
import type { Project } from '../jira/model.js';
import type { AssetsStore } from '../assets/store.js';
import { badRequest } from './errors.js';
import { CMDB_FIELD_TYPE, type AssetRef } from './fields.js';
import type { RequestType } from './model.js';
import type { JsmStore } from './store.js';
import { wikiToAdf } from './text.js';

const FAILED = 'Your request could not be created. Please check the fields have been correctly filled in.';

export interface ParsedFields {
  values: Record<string, unknown>;
  /** Temporary attachment ids given in the `attachment` field. */
  temporaryAttachmentIds: string[];
}

function assetRefs(assets: AssetsStore, v: unknown): AssetRef[] | string {
  if (!Array.isArray(v)) return 'Expected a list of Assets objects, e.g. [{"id": "<workspaceId>:<objectId>"}].';
  const out: AssetRef[] = [];
  for (const x of v) {
    const r = (x ?? {}) as { id?: unknown; objectId?: unknown; objectKey?: unknown };
    const id = typeof r.id === 'string' ? r.id : '';
    const objectId = id.includes(':') ? id.slice(id.lastIndexOf(':') + 1) : String(r.objectId ?? r.objectKey ?? id);
    if (id.includes(':') && id.slice(0, id.lastIndexOf(':')) !== assets.workspaceId)
      return `The Assets workspace in '${id}' is not this site's workspace.`;
    const o = assets.object(objectId);
    if (!o) return `The Assets object '${id || objectId}' does not exist.`;
    out.push({ workspaceId: assets.workspaceId, id: `${assets.workspaceId}:${o.id}`, objectId: o.id });
  }
  return out;
}

export function parseRequestFields(
  st: JsmStore,
  assets: AssetsStore,
  t: RequestType,
  project: Project,
  input: Record<string, unknown>,
  o: { adf: boolean; accountId: string; now: number },
): ParsedFields {
  const errors: Array<[string, string]> = [];
  const values: Record<string, unknown> = {};
  let temporaryAttachmentIds: string[] = [];
  const byId = new Map(t.fields.map((f) => [f.fieldId, f]));
  for (const [fieldId, raw] of Object.entries(input)) {
    const rf = byId.get(fieldId);
    if (fieldId === 'attachment') {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))
        errors.push([fieldId, 'Attachments are given as a list of temporary attachment ids.']);
      else temporaryAttachmentIds = raw as string[];
      continue;
    }
    if (!rf || !rf.visible) {
      errors.push([fieldId, `The field '${fieldId}' is not part of the request type '${t.name}'.`]);
      continue;
    }
    const f = st.jira.fields.get(fieldId)!;
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
    if (f.schema.custom === CMDB_FIELD_TYPE) {
      const refs = assetRefs(assets, raw);
      if (typeof refs === 'string') errors.push([fieldId, `${rf.name}: ${refs}`]);
      else values[fieldId] = refs;
      continue;
    }
    if (kindOf(f) === 'adf') {
      if (o.adf ? !isAdf(raw) : typeof raw !== 'string')
        errors.push([fieldId, `${rf.name}: ${o.adf ? 'expected an Atlassian Document' : 'expected text'}.`]);
      else values[fieldId] = o.adf ? raw : wikiToAdf(raw as string);
      continue;
    }
    try {
      values[fieldId] = parseValue(
        { store: st.jira, accountId: o.accountId, now: o.now },
        f,
        project,
        t.issueTypeId,
        raw,
      );
    } catch (e) {
      if (typeof e !== 'string') throw e;
      errors.push([fieldId, `${rf.name}: ${e}`]);
    }
  }
  for (const rf of t.fields) {
    if (!rf.visible && rf.presetValues?.length && values[rf.fieldId] === undefined) {
      const f = st.jira.fields.get(rf.fieldId);
      values[rf.fieldId] = f && kindOf(f) === 'labels' ? [...rf.presetValues] : rf.presetValues[0];
    }
  }
  const invalid = new Set(errors.map(([id]) => id));
  const missing = t.fields.filter(
    (rf) => rf.visible && rf.required && values[rf.fieldId] === undefined && !invalid.has(rf.fieldId),
  );
  if (missing.length || errors.length) {
    const messages = [...missing.map((rf) => `${rf.name} (${rf.fieldId}) is required.`), ...errors.map(([, m]) => m)];
    throw badRequest(
      `${FAILED} ${messages.join(' ')}`,
      missing.length ? 'sd.request.create.error.required.field' : 'sd.request.create.error.field.invalid',
      [...missing.map((rf) => rf.fieldId), ...invalid],
    );
  }
  return { values, temporaryAttachmentIds };
}
