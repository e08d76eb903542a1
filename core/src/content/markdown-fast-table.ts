import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import type { Token } from 'markdown-it';
import { inlineToMdast, type LinkLabels } from './markdown-fast-inline.js';
import type { SourceLines } from './markdown-source-lines.js';

/**
 * A top-level GFM table from markdown-it's tokens, as micromark reads it (rows and cells without
 * positions: nothing reads them). Undefined where the two may disagree: a table right under other
 * text or with text right under it, a row without a leading pipe or with more cells than the
 * header, an escaped pipe.
 */
export function tableToMdast(
  tokens: Token[],
  from: number,
  to: number,
  source: SourceLines,
  labels: LinkLabels | undefined,
): Table | undefined {
  const map = tokens[from]!.map!;
  if (map[0] > 0 && !source.blank(map[0] - 1, map[0])) return undefined;
  if (map[1] < source.lines && !source.blank(map[1], map[1] + 1)) return undefined;
  const text = source.text(map[0], map[1]);
  // Every row written with a leading pipe: markdown-it may see a table where a line starts a quote.
  if (text.includes('\\|') || text.split('\n').some((line) => line !== '' && !/^ {0,3}\|/.test(line))) return undefined;
  const align: AlignType[] = [];
  const rows: TableRow[] = [];
  let row: TableCell[] = [];
  let written = 0;
  for (let i = from + 1; i < to; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'tr_open':
        row = [];
        written = cellCount(source.text(token.map![0], token.map![1]));
        break;
      case 'th_open':
        align.push(alignOf(token));
        break;
      case 'inline': {
        const children = inlineToMdast(token, labels);
        if (children === undefined) return undefined;
        row.push({ type: 'tableCell', children });
        break;
      }
      case 'tr_close':
        // markdown-it fills a short row up with empty cells; micromark keeps the cells written.
        if (written > row.length || written === 0) return undefined;
        if (row.slice(written).some((cell) => cell.children.length > 0)) return undefined;
        rows.push({ type: 'tableRow', children: row.slice(0, written) });
        break;
      default:
        break;
    }
  }
  const table: Table = { type: 'table', align, children: rows };
  table.position = {
    start: source.point(source.firstNonSpace(map[0])),
    end: source.point(source.lineEnd(map[1] - 1)),
  };
  return table;
}

function alignOf(token: Token): AlignType {
  const style = String(token.attrGet('style') ?? '');
  const match = /text-align:(left|right|center)/.exec(style);
  return match === null ? null : (match[1] as AlignType);
}

/** GFM's cells of a row line: split at unescaped pipes, a leading and a trailing pipe dropped. */
function cellCount(line: string): number {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  if (text.trim() === '') return 0;
  let cells = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') cells++;
  }
  return cells;
}
