import type { PhrasingContent } from 'mdast';
import { INLINE_TYPES } from './adf-shape.js';
import { inlineToMdast, placeholderNode, type InlineRenderContext } from './adf-inline-to-mdast.js';
import type { AdfNode } from './adf-types.js';
import type { InlineConverter } from './mdast-inline-to-adf.js';
import { canonicalJson } from './node-ids.js';

/*
 * A table cell that GFM cannot hold (several blocks, lists) is previewed on one line: its blocks,
 * and the items of its lists, as units joined by `<br>` (hard breaks inside a paragraph are `<br>`
 * too). When the model edits such a cell, each unit whose lines changed is rebuilt in place — the
 * list stays a list, every other unit stays the node it was. Only when the lines no longer line up
 * with the units is the cell rebuilt from its lines (`• ` and `1. ` lines become lists again).
 */

/** One unit of a cell preview: a block, or one item of a list block, with its lines. */
interface CellUnit {
  block: number;
  item?: number;
  lines: PhrasingContent[][];
}

const BR: PhrasingContent = { type: 'html', value: '<br>' };

/** The cell's preview as one line of phrasing content. */
export function cellPreview(cell: AdfNode, ctx: InlineRenderContext): PhrasingContent[] {
  return joinLines(cellUnits(cell, ctx).flatMap((u) => u.lines));
}

function cellUnits(cell: AdfNode, ctx: InlineRenderContext): CellUnit[] {
  const units: CellUnit[] = [];
  (cell.content ?? []).forEach((block, b) => {
    if (block.type === 'bulletList' || block.type === 'orderedList' || block.type === 'taskList') {
      (block.content ?? []).forEach((item, i) => {
        const prefix: PhrasingContent = { type: 'text', value: block.type === 'orderedList' ? `${i + 1}. ` : '• ' };
        const body =
          item.type === 'listItem'
            ? (item.content ?? []).flatMap((c) => joinLines(blockLines(c, ctx)))
            : inlineToMdast(item.content ?? [], ctx);
        units.push({ block: b, item: i, lines: splitLines([prefix, ...body]) });
      });
    } else {
      units.push({ block: b, lines: blockLines(block, ctx) });
    }
  });
  return units;
}

function blockLines(block: AdfNode, ctx: InlineRenderContext): PhrasingContent[][] {
  switch (block.type) {
    case 'paragraph':
      return splitLines(inlineToMdast(block.content ?? [], ctx).map((n) => (n.type === 'break' ? BR : n)));
    case 'heading':
      return [[{ type: 'strong', children: inlineToMdast(block.content ?? [], ctx) }]];
    case 'codeBlock':
      return [[{ type: 'inlineCode', value: (block.content ?? []).map((t) => t.text ?? '').join('') }]];
    default:
      return [[placeholderNode(block.type, undefined, ctx.ids.nodeId(block))]];
  }
}

/** The edited cell's blocks: the original cell's, with each changed unit rebuilt in place. */
export function rebuildCell(
  cell: AdfNode,
  edited: PhrasingContent[],
  inline: InlineConverter,
  ctx: InlineRenderContext,
): AdfNode[] {
  const units = cellUnits(cell, ctx);
  // The model may have read the cell with emphasis spelled as `<strong>` (see `readable`).
  const variants = [cellUnits(cell, { ...ctx, spanMarks: 'html' }), cellUnits(cell, { ...ctx, spanMarks: 'html-all' })];
  const lines = splitLines(edited);
  const blocks = [...(cell.content ?? [])];
  if (lines.length !== units.reduce((sum, u) => sum + u.lines.length, 0)) return fromLines(lines, inline);
  let at = 0;
  for (const [u, unit] of units.entries()) {
    const mine = lines.slice(at, at + unit.lines.length);
    at += unit.lines.length;
    if ([unit, ...variants.map((v) => v[u])].some((x) => x !== undefined && shape(mine) === shape(x.lines))) continue;
    const block = blocks[unit.block]!;
    const rebuilt =
      unit.item === undefined ? rebuildBlock(block, mine, inline) : rebuildItem(block, unit.item, mine, inline);
    if (rebuilt === undefined) return fromLines(lines, inline);
    blocks[unit.block] = rebuilt;
  }
  return blocks;
}

function rebuildBlock(block: AdfNode, lines: PhrasingContent[][], inline: InlineConverter): AdfNode | undefined {
  switch (block.type) {
    case 'paragraph':
      return { ...block, content: inline.convert(joinLines(lines, { type: 'break' })) };
    case 'heading': {
      const only = lines.length === 1 && lines[0]!.length === 1 ? lines[0]![0] : undefined;
      return { ...block, content: inline.convert(only?.type === 'strong' ? only.children : lines[0]!) };
    }
    case 'codeBlock': {
      const only = lines.length === 1 && lines[0]!.length === 1 ? lines[0]![0] : undefined;
      if (only?.type !== 'inlineCode') return undefined;
      return { ...block, content: only.value === '' ? [] : [{ type: 'text', text: only.value }] };
    }
    default:
      return undefined;
  }
}

function rebuildItem(
  list: AdfNode,
  index: number,
  lines: PhrasingContent[][],
  inline: InlineConverter,
): AdfNode | undefined {
  const item = list.content?.[index];
  const text = stripPrefix(lines[0]!, list.type === 'orderedList' ? /^\d+\. / : /^• /);
  if (item === undefined || text === undefined) return undefined;
  const body = [text, ...lines.slice(1)];
  let rebuilt: AdfNode;
  if (item.type === 'taskItem' && body.length === 1) rebuilt = { ...item, content: inline.convert(text) };
  else if (item.type === 'listItem' && item.content?.length === 1 && item.content[0]!.type === 'paragraph')
    rebuilt = {
      ...item,
      content: [{ ...item.content[0]!, content: inline.convert(joinLines(body, { type: 'break' })) }],
    };
  else return undefined;
  return { ...list, content: list.content!.map((c, i) => (i === index ? rebuilt : c)) };
}

/** A cell rebuilt from its lines: `• ` and `1. ` lines become lists, the rest paragraphs. */
function fromLines(lines: PhrasingContent[][], inline: InlineConverter): AdfNode[] {
  const out: AdfNode[] = [];
  for (const line of lines) {
    const bullet = stripPrefix(line, /^• /);
    const ordered = bullet === undefined ? stripPrefix(line, /^\d+\. /) : undefined;
    const text = bullet ?? ordered;
    if (text !== undefined) {
      const type = bullet !== undefined ? 'bulletList' : 'orderedList';
      const item: AdfNode = { type: 'listItem', content: [{ type: 'paragraph', content: inline.convert(text) }] };
      const last = out[out.length - 1];
      if (last?.type === type) last.content!.push(item);
      else
        out.push(type === 'orderedList' ? { type, attrs: { order: 1 }, content: [item] } : { type, content: [item] });
      continue;
    }
    const content = inline.convert(line);
    // A line that is one block placeholder (⟦panel^id⟧) is that block.
    if (content.length === 1 && !INLINE_TYPES.has(content[0]!.type)) out.push(content[0]!);
    else out.push({ type: 'paragraph', content });
  }
  return out.length > 0 ? out : [{ type: 'paragraph', content: [] }];
}

function stripPrefix(line: PhrasingContent[], prefix: RegExp): PhrasingContent[] | undefined {
  const first = line[0];
  if (first?.type !== 'text' || !prefix.test(first.value)) return undefined;
  const rest = first.value.replace(prefix, '');
  return rest === '' ? line.slice(1) : [{ ...first, value: rest }, ...line.slice(1)];
}

function splitLines(nodes: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'html' && /^<br\s*\/?>$/i.test(node.value)) lines.push([]);
    else lines[lines.length - 1]!.push(node);
  }
  return lines;
}

function joinLines(lines: PhrasingContent[][], separator: PhrasingContent = BR): PhrasingContent[] {
  return lines.flatMap((line, i) => (i === 0 ? line : [separator, ...line]));
}

/** Phrasing content compared without source positions. */
export function shape(nodes: unknown): string {
  return canonicalJson(stripPositions(nodes));
}

function stripPositions(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map(stripPositions);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'position') out[key] = stripPositions(value);
  return out;
}
