import { InputError } from '../plugin-api/errors.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import { formatPlaceholder } from './placeholder-syntax.js';

/** Attributes only the storage reader sets (the storage element a node came from). */
const STORAGE_ATTRS = ['macro', 'xmlAttrs', 'xmlExtra', 'adfAttrs', 'bare', 'taskUuid', 'pre', 'sectionType'];

/**
 * A node copied from a document of the other format. Into ADF: storage-only attributes go (the
 * node is what it shows: a status, a panel, a task), and storage-only content (macros, page links,
 * attached images) is refused by name — Jira has nothing to hold it. Into storage: ADF nodes are
 * what the storage writer takes already.
 */
export function adaptNode(node: AdfNode, to: 'adf' | 'storage'): AdfNode {
  if (to === 'storage') return node;
  if (node.type === 'storageBlock' || node.type === 'storageInline') {
    const shown = formatPlaceholder(String(node.attrs?.kind ?? 'macro'), String(node.attrs?.label ?? ''));
    throw new InputError(`${shown} is Confluence content Jira cannot hold.`, {
      hint: 'Remove it, or write what it says as text or a link.',
    });
  }
  const out: AdfNode = { ...node };
  if (node.attrs !== undefined) {
    const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([k]) => !STORAGE_ATTRS.includes(k)));
    if (node.type === 'taskList' && attrs.localId === '') attrs.localId = 'task-list';
    if (Object.keys(attrs).length > 0) out.attrs = attrs;
    else delete out.attrs;
  }
  if (node.marks !== undefined) out.marks = node.marks.map((m) => adaptMark(m, to)).filter((m) => m !== undefined);
  if (node.content !== undefined) out.content = node.content.map((c) => adaptNode(c, to));
  return out;
}

/** A mark copied from the other format: storage's kept HTML spans have no ADF mark. */
export function adaptMark(mark: AdfMark, to: 'adf' | 'storage'): AdfMark | undefined {
  if (to === 'adf' && mark.type.startsWith('html:')) return mark.type === 'html:kbd' ? { type: 'code' } : undefined;
  return mark;
}
