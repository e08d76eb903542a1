import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import type { AdfNode } from './adf-types.js';
import { inlineToMdast, placeholderNode, type InlineRenderContext } from './adf-inline-to-mdast.js';
import { cellPreview } from './table-cell-units.js';
import { INVISIBLE_ATTRS, isDefaultAttr } from './adf-inherit.js';

/** Preview-grid filler for a position covered by a cell to its left (colspan). */
export const COLSPAN_FILLER = '←';
/** Preview-grid filler for a position covered by a cell above (rowspan). */
export const ROWSPAN_FILLER = '↑';

const ALIGN: Record<string, AlignType> = { center: 'center', end: 'right' };

/**
 * A table GitHub Markdown expresses exactly: no table/cell attributes, a header row then body rows
 * of one plain paragraph per cell, equal widths, one alignment per column.
 */
export function isPlainTable(table: AdfNode): boolean {
  const shown = Object.entries(table.attrs ?? {}).filter(([key, value]) => !isDefaultAttr('table', key, value));
  if (!isEmptyRecord(Object.fromEntries(shown)) || (table.marks?.length ?? 0) > 0) return false;
  const rows = table.content ?? [];
  if (rows.length === 0) return false;
  const width = rows[0]!.content?.length ?? 0;
  if (width === 0) return false;
  const aligns = columnAlignments(table);
  if (aligns === undefined) return false;
  return rows.every((row, r) => {
    if (!isEmptyRecord(row.attrs) || row.content?.length !== width) return false;
    return row.content.every((cell) => {
      if (cell.type !== (r === 0 ? 'tableHeader' : 'tableCell') || !isEmptyRecord(cell.attrs)) return false;
      const blocks = cell.content ?? [];
      if (blocks.length !== 1 || blocks[0]!.type !== 'paragraph' || !isEmptyRecord(blocks[0]!.attrs)) return false;
      const inline = blocks[0]!.content ?? [];
      // GFM trims cell edges, so edge whitespace needs the container form.
      const plainText = (n: AdfNode | undefined) =>
        n?.type === 'text' && !(n.marks ?? []).some((m) => m.type === 'code') ? (n.text ?? '') : 'x';
      const edges = /^\s/.test(plainText(inline[0])) || /\s$/.test(plainText(inline[inline.length - 1]));
      return !edges && inline.every((n) => n.type !== 'hardBreak');
    });
  });
}

/** Per-column GFM alignment from paragraph `alignment` marks; undefined when a column is mixed. */
function columnAlignments(table: AdfNode): AlignType[] | undefined {
  const aligns: AlignType[] = [];
  for (const row of table.content ?? []) {
    for (const [c, cell] of (row.content ?? []).entries()) {
      const paragraph = cell.content?.[0];
      const marks = paragraph?.marks ?? [];
      if (marks.length > 1 || (marks.length === 1 && marks[0]!.type !== 'alignment')) return undefined;
      const align = marks.length === 1 ? (ALIGN[String(marks[0]!.attrs?.align)] ?? undefined) : null;
      if (align === undefined) return undefined;
      if (aligns.length <= c) aligns[c] = align;
      else if (aligns[c] !== align) return undefined;
    }
  }
  return aligns;
}

/**
 * No attributes GFM would lose. Invisible ones (ids, kept storage attributes: `INVISIBLE_ATTRS`)
 * do not count: an edited table keeps them from the table it replaces (`inheritInPlace`).
 */
function isEmptyRecord(record: Record<string, unknown> | undefined): boolean {
  return record === undefined || Object.keys(record).every((key) => INVISIBLE_ATTRS.includes(key));
}

/** A plain table as a GFM table. */
export function plainTableToMdast(table: AdfNode, ctx: InlineRenderContext): Table {
  return {
    type: 'table',
    align: columnAlignments(table) ?? null,
    children: (table.content ?? []).map((row) => ({
      type: 'tableRow',
      children: (row.content ?? []).map((cell) => ({
        type: 'tableCell',
        children: inlineToMdast(cell.content?.[0]?.content ?? [], ctx),
      })),
    })),
  };
}

/** One position of the preview grid: the ADF cell that starts there, or a span filler. */
export type GridSlot = { cell: AdfNode; row: number; index: number } | { filler: string };

/** Lays the ADF rows out on a rectangular grid, honouring colspan and rowspan. */
export function tableGrid(table: AdfNode): GridSlot[][] {
  const grid: GridSlot[][] = [];
  for (const [r, row] of (table.content ?? []).entries()) {
    grid[r] ??= [];
    let c = 0;
    for (const [index, cell] of (row.content ?? []).entries()) {
      while (grid[r]![c] !== undefined) c++;
      const colspan = Math.max(1, Number(cell.attrs?.colspan ?? 1) || 1);
      const rowspan = Math.max(1, Number(cell.attrs?.rowspan ?? 1) || 1);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) {
          grid[r + dr]![c + dc] =
            dr === 0 && dc === 0 ? { cell, row: r, index } : { filler: dr === 0 ? COLSPAN_FILLER : ROWSPAN_FILLER };
        }
      }
      c += colspan;
    }
  }
  const width = Math.max(...grid.map((row) => row.length));
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= { filler: '' };
  return grid;
}

/**
 * Any other table: a readable GFM preview (merged positions shown as ⟦←⟧/⟦↑⟧, several blocks in
 * a cell joined with `<br>`). The caller wraps it in a `⟦table^id⟧` container, so unchanged cells
 * come back as the original nodes on write.
 */
export function previewTableToMdast(table: AdfNode, ctx: InlineRenderContext): Table {
  const grid = tableGrid(table);
  const rows: TableRow[] = grid.map((slots) => ({
    type: 'tableRow',
    children: slots.map((slot): TableCell => ({
      type: 'tableCell',
      children:
        'filler' in slot ? (slot.filler === '' ? [] : [placeholderNode(slot.filler)]) : cellPreview(slot.cell, ctx),
    })),
  }));
  return { type: 'table', align: null, children: rows };
}
