import type { AdfNode } from './adf-types.js';
import { localId } from './local-id.js';
import { attr, element, escapeText, type XmlNode } from './storage-xml.js';

/*
 * Confluence's new editor stores nodes the old storage vocabulary has no element for (decision
 * lists, note/success/error/custom panels) as ADF inside storage:
 *   <ac:adf-extension><ac:adf-node type="panel"><ac:adf-attribute key="panel-type">note</ac:adf-attribute>
 *   <ac:adf-content>…</ac:adf-content></ac:adf-node><ac:adf-fallback>…</ac:adf-fallback></ac:adf-extension>
 * Panels and decision lists read as the ADF nodes they are, so their bodies stay editable; every
 * other ADF node stays an opaque block. The fallback is a rendering of the old content for old
 * clients: an edited node is written without it (Confluence renders it afresh).
 */

type Element = Extract<XmlNode, { kind: 'element' }>;

/** What the reader lends: block and inline conversion of storage children. */
export interface AdfExtensionReader {
  blocks(nodes: readonly XmlNode[]): AdfNode[];
  inline(nodes: readonly XmlNode[]): AdfNode[];
}

const children = (el: Element, tag: string) =>
  el.children.filter((c): c is Element => c.kind === 'element' && c.tag === tag);

/** `[key, value]` of each `ac:adf-attribute` of an `ac:adf-node`, in order. */
function adfAttributes(node: Element): [string, string][] {
  return children(node, 'ac:adf-attribute').map((a) => [attr(a, 'key') ?? '', textOf(a)]);
}

/** The attributes other than those the ADF node carries itself (ids and state are attrs there). */
function otherAttributes(all: [string, string][]): [string, string][] {
  return all.filter(([k]) => k !== 'local-id' && k !== 'state');
}

function textOf(node: XmlNode): string {
  if (node.kind === 'text' || node.kind === 'cdata') return node.text;
  return node.kind === 'element' ? node.children.map(textOf).join('') : '';
}

/** An `ac:adf-extension` as a panel or decision list, or undefined when it is another node. */
export function readAdfExtension(el: Element, reader: AdfExtensionReader): AdfNode | undefined {
  if (el.attrs.length > 0) return undefined;
  const nodes = children(el, 'ac:adf-node');
  const rest = el.children.filter(
    (c) => !(c.kind === 'element' && (c.tag === 'ac:adf-node' || c.tag === 'ac:adf-fallback')),
  );
  if (nodes.length !== 1 || rest.some((c) => c.kind !== 'text' || c.text.trim() !== '')) return undefined;
  const node = nodes[0]!;
  const type = attr(node, 'type');
  const adfAttrs = adfAttributes(node);
  const get = (key: string) => adfAttrs.find(([k]) => k === key)?.[1];
  if (type === 'panel') {
    const content = children(node, 'ac:adf-content');
    if (content.length !== 1 || node.attrs.length !== 1) return undefined;
    const blocks = reader.blocks(content[0]!.children);
    if (blocks.length === 0) blocks.push({ type: 'paragraph', content: [] });
    return { type: 'panel', attrs: { panelType: get('panel-type') ?? 'info', adfAttrs }, content: blocks };
  }
  if (type === 'decision-list') {
    const items = children(node, 'ac:adf-node');
    if (items.length === 0 || items.some((i) => attr(i, 'type') !== 'decision-item' || i.attrs.length !== 1))
      return undefined;
    return {
      type: 'decisionList',
      attrs: { localId: get('local-id') ?? '', adfAttrs: otherAttributes(adfAttrs) },
      content: items.map((item) => {
        const itemAttrs = adfAttributes(item);
        const body = children(item, 'ac:adf-content')[0];
        return {
          type: 'decisionItem',
          attrs: {
            localId: itemAttrs.find(([k]) => k === 'local-id')?.[1] ?? '',
            state: itemAttrs.find(([k]) => k === 'state')?.[1] ?? 'DECIDED',
            adfAttrs: otherAttributes(itemAttrs),
          },
          content: body === undefined ? [] : reader.inline(body.children),
        };
      }),
    };
  }
  return undefined;
}

/** True when a panel came from (or must be written as) an `ac:adf-extension`. */
export function isAdfPanel(node: AdfNode): boolean {
  const attrs = node.attrs ?? {};
  if (attrs.adfAttrs !== undefined) return true;
  return attrs.macro === undefined && !['info', 'note', 'tip', 'warning'].includes(String(attrs.panelType));
}

/** A panel as an `ac:adf-extension`, its attributes updated from the node's. */
export function writeAdfPanel(node: AdfNode, body: string): string {
  const attrs = node.attrs ?? {};
  const known = (attrs.adfAttrs as [string, string][] | undefined) ?? [];
  const values = known.map(([k, v]): [string, string] => [k, k === 'panel-type' ? String(attrs.panelType) : v]);
  if (!values.some(([k]) => k === 'panel-type')) values.unshift(['panel-type', String(attrs.panelType ?? 'info')]);
  return adfExtension('panel', values, element('ac:adf-content', [], body));
}

/** A decision list as an `ac:adf-extension` (items keep their ids; new ones get fresh ones). */
export function writeAdfDecisions(node: AdfNode, inline: (nodes: readonly AdfNode[]) => string): string {
  const attrs = node.attrs ?? {};
  const listAttrs = withValues((attrs.adfAttrs as [string, string][] | undefined) ?? [], {
    'local-id': typeof attrs.localId === 'string' && attrs.localId !== '' ? attrs.localId : localId(),
  });
  const items = (node.content ?? []).map((item) => {
    const itemAttrs = withValues((item.attrs?.adfAttrs as [string, string][] | undefined) ?? [], {
      'local-id': typeof item.attrs?.localId === 'string' && item.attrs.localId !== '' ? item.attrs.localId : localId(),
      state: String(item.attrs?.state ?? 'DECIDED'),
    });
    return adfNode('decision-item', itemAttrs, element('ac:adf-content', [], inline(item.content ?? [])));
  });
  return element('ac:adf-extension', [], adfNode('decision-list', listAttrs, items.join('')));
}

function withValues(known: [string, string][], values: Record<string, string>): [string, string][] {
  const out = known.map(([k, v]): [string, string] => [k, k in values ? values[k]! : v]);
  for (const [k, v] of Object.entries(values)) if (!out.some(([key]) => key === k)) out.push([k, v]);
  return out;
}

function adfExtension(type: string, attrs: [string, string][], inner: string): string {
  return element('ac:adf-extension', [], adfNode(type, attrs, inner));
}

function adfNode(type: string, attrs: [string, string][], inner: string): string {
  const attributes = attrs.map(([k, v]) => element('ac:adf-attribute', [['key', k]], escapeText(v))).join('');
  return element('ac:adf-node', [['type', type]], attributes + inner);
}
