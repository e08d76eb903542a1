import type { Table, TableCell } from 'mdast';
import { InputError } from '../plugin-api/errors.js';
import type { InlineRenderContext } from './adf-inline-to-mdast.js';
import { previewTableToMdast, tableGrid, COLSPAN_FILLER, ROWSPAN_FILLER } from './adf-table-to-mdast.js';
import type { AdfNode } from './adf-types.js';
import { liftEdgeSpaces } from './adf-inline-to-mdast.js';
import { parseMarkdown, stringifyMarkdown } from './markdown-dialect.js';
import type { InlineConverter } from './mdast-inline-to-adf.js';
import { rebuildCell, shape } from './table-cell-units.js';
import { cellWithDetails, holdsDetails } from './table-cell-details.js';

const ALIGN_MARK: Record<string, string> = { center: 'center', right: 'end' };

/** A plain GFM table → ADF (first row headers; column alignment as paragraph `alignment` marks). */
export function gfmTableToAdf(table: Table, inline: InlineConverter): AdfNode {
  const width = table.children[0]?.children.length ?? 0;
  return {
    type: 'table',
    content: table.children.map((row, r) => ({
      type: 'tableRow',
      // GFM: missing cells are empty, extra cells are ignored.
      content: Array.from(
        { length: width },
        (_, c): TableCell => row.children[c] ?? { type: 'tableCell', children: [] },
      ).map((cell, c) => {
        const align = ALIGN_MARK[table.align?.[c] ?? ''];
        const paragraph = (content: AdfNode[], inExpand = false): AdfNode => {
          const block: AdfNode = { type: 'paragraph', content: trimCellEdges(content) };
          if (align !== undefined && !inExpand) block.marks = [{ type: 'alignment', attrs: { align } }];
          return block;
        };
        const content = holdsDetails(cell.children)
          ? cellWithDetails(cell.children, inline, paragraph)
          : [paragraph(inline.convert(cell.children))];
        return { type: r === 0 ? 'tableHeader' : 'tableCell', content };
      }),
    })),
  };
}

/**
 * The body of a `⟦table^id⟧` container → ADF, against the current table: an unchanged preview gives
 * the original table back byte for byte; otherwise every unchanged cell keeps its original node,
 * edited cells keep their attributes (spans, colours, widths) with new content, and merged
 * positions (⟦←⟧, ⟦↑⟧) stay merged.
 */
export function reconcileTable(
  base: AdfNode,
  edited: Table,
  inline: InlineConverter,
  ctx: InlineRenderContext,
): AdfNode {
  const previewOf = (c: InlineRenderContext) => {
    const table = parseMarkdown(stringifyMarkdown({ type: 'root', children: [previewTableToMdast(base, c)] }))
      .children[0];
    if (table?.type !== 'table') throw new InputError('Internal: table preview did not parse as a table.');
    return table;
  };
  const preview = previewOf(ctx);
  // The model may have read the table with emphasis spelled as `<strong>` (see `readable`).
  const htmlPreviews = [previewOf({ ...ctx, spanMarks: 'html' }), previewOf({ ...ctx, spanMarks: 'html-all' })];
  const grid = tableGrid(base);
  const sameShape = (a: TableCell | undefined, b: TableCell | undefined) =>
    a !== undefined && b !== undefined && shape(a.children) === shape(b.children);
  const same = (a: TableCell | undefined, b: TableCell | undefined) => {
    if (sameShape(a, b)) return true;
    const r = b === undefined ? -1 : preview.children.findIndex((row) => row.children.includes(b));
    const c = r === -1 ? -1 : preview.children[r]!.children.indexOf(b!);
    return r !== -1 && htmlPreviews.some((p) => sameShape(a, p.children[r]?.children[c]));
  };
  const unchanged =
    edited.children.length === preview.children.length &&
    edited.children.every(
      (row, r) =>
        row.children.length === preview.children[r]!.children.length &&
        row.children.every((cell, c) => same(cell, preview.children[r]!.children[c])),
    );
  if (unchanged) return base;

  const baseRows = base.content ?? [];
  const headerRow = (baseRows[0]?.content ?? []).every((cell) => cell.type === 'tableHeader');
  const rows = edited.children.map((row, r) => {
    const cells: AdfNode[] = [];
    row.children.forEach((cell, c) => {
      const slot = grid[r]?.[c];
      if (slot !== undefined && 'filler' in slot) {
        if (slot.filler !== '' && isFiller(cell)) return;
        if (slot.filler === '' && cell.children.length === 0) return;
      }
      const paragraph = (content: AdfNode[]): AdfNode => ({ type: 'paragraph', content: trimCellEdges(content) });
      if (slot !== undefined && 'cell' in slot) {
        if (same(cell, preview.children[r]?.children[c])) cells.push(slot.cell);
        else if (holdsDetails(cell.children))
          cells.push({ ...slot.cell, content: cellWithDetails(cell.children, inline, paragraph) });
        else cells.push({ ...slot.cell, content: rebuildCell(slot.cell, cell.children, inline, ctx) });
        return;
      }
      cells.push({
        type: r === 0 && headerRow ? 'tableHeader' : 'tableCell',
        content: holdsDetails(cell.children)
          ? cellWithDetails(cell.children, inline, paragraph)
          : [{ type: 'paragraph', content: inline.convert(cell.children) }],
      });
    });
    const baseRow = baseRows[r];
    return baseRow === undefined ? { type: 'tableRow', content: cells } : { ...baseRow, content: cells };
  });
  return { ...base, content: rows.filter((row) => row.content.length > 0) };
}

/** GFM trims cell edges; whitespace at the edge of a cell (e.g. inside a link) is not content. */
function trimCellEdges(nodes: AdfNode[]): AdfNode[] {
  const out = liftEdgeSpaces(nodes);
  const isText = (n: AdfNode | undefined) => n?.type === 'text' && !(n.marks ?? []).some((m) => m.type === 'code');
  if (isText(out[0])) out[0] = { ...out[0]!, text: out[0]!.text!.replace(/^\s+/, '') };
  const last = out.length - 1;
  if (isText(out[last])) out[last] = { ...out[last]!, text: out[last]!.text!.replace(/\s+$/, '') };
  return out.filter((n) => n.type !== 'text' || n.text !== '');
}

function isFiller(cell: TableCell): boolean {
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  return only?.type === 'placeholder' && (only.value === COLSPAN_FILLER || only.value === ROWSPAN_FILLER);
}
