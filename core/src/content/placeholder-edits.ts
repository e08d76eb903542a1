import { InputError } from '../plugin-api/errors.js';
import { createDate, isoDate, STATUS_COLORS } from './adf-inline-to-mdast.js';
import type { AdfNode } from './adf-types.js';
import type { Placeholder } from './placeholder-syntax.js';

/** ADF panel types (`custom` panels may carry an icon and colour, or not). */
export const PANEL_TYPES = ['info', 'note', 'tip', 'warning', 'error', 'success', 'custom'];

/**
 * A model may edit the readable part of some placeholders that carry an `^id`: the text or colour
 * of a status, the day of a date, the URL of a card, a panel's type, an expand's title, a column's
 * width. The node keeps everything else (localId, colour, …). Other placeholders' text is a label
 * only (macros, media, unknown nodes): changing it changes nothing.
 */
export function applyPlaceholderEdit(node: AdfNode, ph: Placeholder): AdfNode {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'status': {
      const color =
        /^status:([a-z]+)$/.exec(ph.kind)?.[1] ??
        (ph.kind === 'status' && STATUS_COLORS.includes(String(attrs.color)) ? 'neutral' : undefined);
      const next = { ...attrs };
      if (ph.arg !== '' && ph.arg !== attrs.text) next.text = ph.arg;
      if (color !== undefined && STATUS_COLORS.includes(color) && color !== attrs.color) next.color = color;
      return changed(node, next);
    }
    case 'date': {
      if (ph.arg === '' || ph.arg === isoDate(attrs.timestamp)) return node;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(ph.arg) || Number.isNaN(Date.parse(ph.arg)))
        throw new InputError(`⟦date ${ph.arg}⟧ needs an ISO date like 2026-01-31.`);
      return changed(node, { ...attrs, timestamp: createDate(ph.arg).attrs!.timestamp });
    }
    case 'inlineCard':
    case 'blockCard':
      return ph.arg !== '' && typeof attrs.url === 'string' && ph.arg !== attrs.url
        ? changed(node, { ...attrs, url: ph.arg })
        : node;
    case 'panel':
      return ph.arg !== '' && ph.arg !== attrs.panelType && PANEL_TYPES.includes(ph.arg)
        ? changed(node, { ...attrs, panelType: ph.arg })
        : node;
    case 'expand':
    case 'nestedExpand':
      return ph.arg !== (attrs.title ?? '') ? changed(node, { ...attrs, title: ph.arg }) : node;
    case 'layoutColumn': {
      const width = Number(ph.arg);
      return ph.arg !== String(attrs.width ?? '') && Number.isFinite(width) && width > 0 && width <= 100
        ? changed(node, { ...attrs, width })
        : node;
    }
    default:
      return node;
  }
}

function changed(node: AdfNode, attrs: Record<string, unknown>): AdfNode {
  return JSON.stringify(attrs) === JSON.stringify(node.attrs ?? {}) ? node : { ...node, attrs };
}
