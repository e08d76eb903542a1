import { liftEdgeSpaces } from './adf-inline-to-mdast.js';
import type { AdfDoc, AdfNode } from './adf-types.js';
import { INVISIBLE_ATTRS, isDefaultAttr } from './adf-inherit.js';

/**
 * The documented normalisation under which ADF → Markdown → ADF is the identity when blocks are
 * rebuilt from Markdown (unchanged blocks need none: they come back verbatim):
 * - marks are sorted by type; whitespace at the edge of formatted text sits outside the marks, and
 *   neighbouring text nodes with the same marks are one node (`liftEdgeSpaces`);
 * - attributes Markdown never shows are dropped (`INVISIBLE_ATTRS`: `localId`s, which Atlassian
 *   regenerates, and the storage element attributes the reader keeps): a write against the
 *   document carries them over from the blocks it replaces (`inheritInPlace`), a rebuild cannot;
 * - default attributes are dropped: `orderedList.order: 1`, `DEFAULT_ATTRS` (a table's
 *   `isNumberColumnEnabled: false`, `layout: "default"`), `hardBreak.text: "\n"`, empty `attrs`,
 *   empty `content` of paragraphs and code blocks;
 * - a `blockTaskItem` holding one paragraph is the `taskItem` it reads as.
 */
export function normaliseAdf<T extends AdfDoc | AdfNode>(doc: T): T {
  return normaliseNode(doc as AdfNode) as T;
}

function normaliseNode(node: AdfNode): AdfNode {
  if (node.type === 'blockTaskItem' && node.content?.length === 1 && node.content[0]!.type === 'paragraph')
    node = { type: 'taskItem', attrs: node.attrs, content: node.content[0]!.content ?? [] };
  const out: AdfNode = { ...node };
  if (node.attrs !== undefined) {
    const attrs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node.attrs))
      if (!INVISIBLE_ATTRS.includes(key) && value !== undefined && !isDefaultAttr(node.type, key, value))
        attrs[key] = value;
    if (node.type === 'orderedList' && attrs.order === 1) delete attrs.order;
    if (node.type === 'hardBreak' && attrs.text === '\n') delete attrs.text;
    if (Object.keys(attrs).length === 0) delete out.attrs;
    else out.attrs = attrs;
  }
  if (node.marks !== undefined) {
    if (node.marks.length === 0) delete out.marks;
    else out.marks = [...node.marks].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  }
  if (node.content !== undefined) {
    const content = node.content.map(normaliseNode);
    const inline = content.length > 0 && content.every((c) => c.type !== 'paragraph' && c.content === undefined);
    out.content = inline ? liftEdgeSpaces(content).map(normaliseNode) : content;
    if (out.content.length === 0 && (node.type === 'paragraph' || node.type === 'codeBlock')) delete out.content;
  }
  return out;
}
