import type { AdfNode } from './adf-types.js';

/** ADF node types that are inline content. */
export const INLINE_TYPES: ReadonlySet<string> = new Set([
  'storageInline',
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'date',
  'status',
  'inlineCard',
  'mediaInline',
  'inlineExtension',
  'placeholder',
]);

/** What each known parent may hold: inline nodes, blocks, or exactly these child types. */
const CHILDREN: Record<string, 'inline' | 'block' | ReadonlySet<string>> = {
  paragraph: 'inline',
  heading: 'inline',
  taskItem: 'inline',
  decisionItem: 'inline',
  codeBlock: new Set(['text']),
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  taskList: new Set(['taskItem', 'taskList', 'blockTaskItem']),
  decisionList: new Set(['decisionItem']),
  table: new Set(['tableRow']),
  tableRow: new Set(['tableCell', 'tableHeader']),
  layoutSection: new Set(['layoutColumn']),
  mediaSingle: new Set(['media', 'caption']),
  mediaGroup: new Set(['media']),
  listItem: 'block',
  blockTaskItem: 'block',
  tableCell: 'block',
  tableHeader: 'block',
  panel: 'block',
  expand: 'block',
  nestedExpand: 'block',
  blockquote: 'block',
  layoutColumn: 'block',
  bodiedExtension: 'block',
};

/**
 * True when a node has the structure the renderer relies on: known parents hold the kind of
 * children the schema gives them, text nodes have text, mentions an id. Unknown (future) node
 * types pass as long as their children do. A block that fails is read as one opaque placeholder
 * (written back unchanged) instead of being misread — reading never throws.
 */
export function wellShaped(node: AdfNode): boolean {
  if (node.type === 'text') return typeof node.text === 'string';
  if (node.type === 'mention' && typeof node.attrs?.id !== 'string') return false;
  const content = node.content;
  if (content === undefined) return !(node.type in CHILDREN) || CHILDREN[node.type] === 'inline';
  if (!Array.isArray(content)) return false;
  const rule = CHILDREN[node.type];
  // Lists, tables, rows and layouts need at least one child (the schema's minItems).
  if (rule instanceof Set && content.length === 0 && node.type !== 'codeBlock') return false;
  for (const child of content) {
    if (child === null || typeof child !== 'object' || typeof child.type !== 'string') return false;
    if (rule === 'inline' && !INLINE_TYPES.has(child.type) && KNOWN_TYPES.has(child.type)) return false;
    if (rule === 'block' && INLINE_TYPES.has(child.type)) return false;
    if (rule instanceof Set && !rule.has(child.type)) return false;
    if (!wellShaped(child)) return false;
  }
  return true;
}

const KNOWN_TYPES = new Set([...Object.keys(CHILDREN), 'rule', 'media', 'caption', 'extension', 'blockCard']);
