import type { AdfNode } from './adf-types.js';

/** Where a run of blocks is going (decides which block types the schema allows there). */
export type FlowParent =
  | 'doc'
  | 'panel'
  | 'expand'
  | 'nestedExpand'
  | 'bodiedExtension'
  | 'layoutSection'
  | 'layoutColumn'
  | 'tableCell'
  | 'listItem'
  | 'blockquote'
  | string;

const COMMON = ['paragraph', 'bulletList', 'orderedList', 'codeBlock', 'mediaSingle', 'extension'];
const NON_NESTABLE = [
  ...COMMON,
  'blockCard',
  'blockquote',
  'decisionList',
  'embedCard',
  'heading',
  'mediaGroup',
  'panel',
  'rule',
  'table',
  'taskList',
];
const BLOCK = [...NON_NESTABLE, 'expand', 'bodiedExtension'];

// Transcribed from the vendored ADF schema (adf-schema-v1-full.json), content of each parent.
const ALLOWED: Record<string, Set<string>> = {
  doc: new Set([...BLOCK, 'layoutSection']),
  layoutColumn: new Set(BLOCK),
  expand: new Set([...NON_NESTABLE, 'nestedExpand']),
  bodiedExtension: new Set(NON_NESTABLE),
  nestedExpand: new Set([
    'paragraph',
    'bulletList',
    'orderedList',
    'codeBlock',
    'mediaSingle',
    'extension',
    'blockquote',
    'decisionList',
    'heading',
    'mediaGroup',
    'panel',
    'rule',
    'taskList',
  ]),
  panel: new Set([...COMMON, 'blockCard', 'decisionList', 'heading', 'mediaGroup', 'rule', 'taskList']),
  tableCell: new Set([...NON_NESTABLE.filter((t) => t !== 'table'), 'nestedExpand']),
  listItem: new Set(['paragraph', 'bulletList', 'orderedList', 'taskList', 'mediaSingle', 'codeBlock', 'extension']),
  blockquote: new Set([
    'paragraph',
    'orderedList',
    'bulletList',
    'codeBlock',
    'mediaSingle',
    'mediaGroup',
    'extension',
  ]),
  layoutSection: new Set(['layoutColumn']),
};

const KNOWN = new Set([
  ...Object.values(ALLOWED).flatMap((set) => [...set]),
  'nestedExpand',
  'heading',
  'listItem',
  'taskItem',
  'decisionItem',
  'tableRow',
  'tableCell',
  'tableHeader',
]);

/**
 * Makes converted blocks legal where they go, without dropping text: a heading where headings are
 * not allowed becomes a paragraph, a nested blockquote or other disallowed container gives up its
 * content, an expand inside an expand becomes a nestedExpand.
 */
export function fitBlocks(
  nodes: readonly AdfNode[],
  parent: FlowParent,
  keep: (node: AdfNode) => boolean = () => false,
): AdfNode[] {
  const allowed = ALLOWED[parent];
  if (allowed === undefined) return [...nodes];
  const out: AdfNode[] = [];
  for (const node of nodes) {
    // `keep`: nodes taken verbatim from the current document stay where they were.
    if (allowed.has(node.type) || !KNOWN.has(node.type) || keep(node))
      out.push(node); // unknown (future) nodes pass untouched
    else if (node.type === 'expand' && allowed.has('nestedExpand'))
      out.push({ ...node, type: 'nestedExpand', attrs: node.attrs ?? {} });
    else if (node.type === 'nestedExpand' && allowed.has('expand')) out.push({ ...node, type: 'expand' });
    else if (node.type === 'heading') out.push({ type: 'paragraph', content: node.content ?? [] });
    else if (node.type === 'table') out.push(...tableAsParagraphs(node));
    else if (node.content !== undefined && node.content.length > 0 && node.content[0]!.type !== 'text')
      out.push(...fitBlocks(node.content, parent, keep));
    else if (node.type === 'rule' || node.type === 'layoutColumn') continue;
    else if (parent !== 'layoutSection') out.push({ type: 'paragraph', content: node.content ?? [] });
  }
  return out;
}

function tableAsParagraphs(table: AdfNode): AdfNode[] {
  return (table.content ?? []).map((row) => {
    const content: AdfNode[] = [];
    for (const cell of row.content ?? []) {
      if (content.length > 0) content.push({ type: 'text', text: ' | ' });
      for (const block of cell.content ?? [])
        content.push(...(block.type === 'paragraph' ? (block.content ?? []) : []));
    }
    return { type: 'paragraph', content };
  });
}
