import type { AdfNode } from './adf-types.js';

/**
 * Drops what is not a node (null, numbers, objects without a `type`) and coerces `content`,
 * `marks` and `attrs` to their shapes, so reading a malformed document never throws — the model
 * gets what can be read. Well-formed input is returned as the same objects (ids stay stable).
 */
export function sanitizeAdfContent(content: unknown): AdfNode[] {
  if (!Array.isArray(content)) return [];
  let changed = false;
  const out: AdfNode[] = [];
  for (const item of content) {
    const node = sanitizeNode(item);
    if (node !== item) changed = true;
    if (node !== undefined) out.push(node);
  }
  return changed ? out : (content as AdfNode[]);
}

function sanitizeNode(value: unknown): AdfNode | undefined {
  if (value === null || typeof value !== 'object' || typeof (value as AdfNode).type !== 'string') return undefined;
  const node = value as AdfNode;
  const fixes: Partial<AdfNode> = {};
  if (node.content !== undefined) {
    const content = sanitizeAdfContent(node.content);
    if (content !== node.content) fixes.content = content;
  }
  if (
    node.marks !== undefined &&
    (!Array.isArray(node.marks) ||
      node.marks.some((m) => m === null || typeof m !== 'object' || typeof m.type !== 'string'))
  ) {
    fixes.marks = Array.isArray(node.marks)
      ? node.marks.filter((m) => m !== null && typeof m === 'object' && typeof m.type === 'string')
      : [];
  }
  if (node.attrs !== undefined && (node.attrs === null || typeof node.attrs !== 'object')) fixes.attrs = {};
  if (node.type === 'text' && typeof node.text !== 'string') return undefined;
  return Object.keys(fixes).length === 0 ? node : { ...node, ...fixes };
}
