import type { RenderKit } from '@atlassian-mcp/core';
import type { AssetsAttributeDef, AssetsObject, AssetsValue } from '../client/assets-client.js';

/** An Assets object as the model reads it: attribute values by name, references by key. */
export type AssetView = {
  id: string;
  key: string;
  label: string;
  type?: string;
  created?: string;
  updated?: string;
  attributes: Array<{ name: string; values: string[] }>;
};

/** Attributes every object has; they repeat the header (key, label, dates). */
const SYSTEM = new Set(['Key', 'Created', 'Updated']);

function valueText(v: AssetsValue): string {
  if (v.referencedObject) return `${v.referencedObject.objectKey} ${v.referencedObject.label}`;
  if (v.user) return v.user.displayName ?? v.user.accountId ?? '?';
  if (v.status) return v.status.name ?? '?';
  return v.displayValue ?? v.value ?? '';
}

export function assetView(o: AssetsObject, defs: AssetsAttributeDef[] | undefined): AssetView {
  const name = new Map((defs ?? []).map((d) => [d.id, d.name]));
  return {
    id: o.id,
    key: o.objectKey,
    label: o.label,
    type: o.objectType?.name,
    created: o.created?.slice(0, 16).replace('T', ' '),
    updated: o.updated?.slice(0, 16).replace('T', ' '),
    attributes: (o.attributes ?? [])
      .map((a) => ({
        name: name.get(a.objectTypeAttributeId) ?? `attribute ${a.objectTypeAttributeId}`,
        values: a.objectAttributeValues.map(valueText),
      }))
      .filter((a) => !SYSTEM.has(a.name) && a.values.length > 0),
  };
}

/** `ITAM-3 | Laptop | MacBook Pro 14 | Owner: Alex Morgan; Status: In use` (for a fenced list). */
export function assetRow(a: AssetView, attributes = 4): string {
  const rest = a.attributes
    .filter((x) => x.name !== 'Name')
    .slice(0, attributes)
    .map((x) => `${x.name}: ${x.values.join(', ')}`)
    .join('; ');
  return [a.key, a.type ?? '?', a.label, rest].join(' | ');
}

/** One object: facts on the header line (label inlined), its attributes fenced. */
export function renderAsset(a: AssetView, kit: RenderKit, extra: string[] = []): string {
  const head = `${a.key} · ${kit.inline(a.type ?? '?')} · ${kit.inline(a.label)} (object ${a.id}${a.updated ? `, updated ${a.updated}` : ''})`;
  const attrs = a.attributes.map((x) => `${x.name}: ${x.values.join(', ')}`).join('\n');
  return [head, attrs && kit.fence(attrs, 'attributes'), ...extra].filter(Boolean).join('\n');
}
