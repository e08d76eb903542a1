import type { AdfNode } from './adf-types.js';
import { attr, xmlText, type XmlNode } from './storage-xml.js';

/* Confluence storage vocabulary shared by the reader and the writer: macro parameters, status
 * colours, layout section types, and the labels kept elements get in placeholders. */

type Element = Extract<XmlNode, { kind: 'element' }>;

/** Storage status colour names → ADF status colours. */
export const STATUS_COLOURS: Record<string, string> = {
  grey: 'neutral',
  gray: 'neutral',
  red: 'red',
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  purple: 'purple',
};

/** The storage status colour name for an ADF status colour. */
export function statusColourName(color: string): string {
  const name = Object.entries(STATUS_COLOURS).find(([, c]) => c === color)?.[0] ?? 'grey';
  return name[0]!.toUpperCase() + name.slice(1);
}

/**
 * `<ac:image><ri:url ri:value="…" /></ac:image>` as written for `![alt](url "title")` (the title is
 * the image's `ac:title`, read as its caption); `href`: the link around it (`[![alt](url)](href)`).
 */
export function externalImageOf(el: Element, href?: string): AdfNode | undefined {
  const target = el.children[0];
  const url = target === undefined ? undefined : attr(target, 'ri:value');
  if (
    el.children.length !== 1 ||
    !el.attrs.every(([k]) => k === 'ac:alt' || k === 'ac:title') ||
    target?.kind !== 'element' ||
    target.tag !== 'ri:url' ||
    url === undefined ||
    target.attrs.length !== 1
  )
    return undefined;
  const alt = attr(el, 'ac:alt');
  const title = attr(el, 'ac:title');
  const content: AdfNode[] = [
    {
      type: 'media',
      attrs: alt === undefined || alt === '' ? { type: 'external', url } : { type: 'external', url, alt },
    },
  ];
  if (title !== undefined && title !== '') content.push({ type: 'caption', content: [{ type: 'text', text: title }] });
  const node: AdfNode = { type: 'mediaSingle', attrs: { layout: 'center' }, content };
  if (href !== undefined) node.marks = [{ type: 'link', attrs: { href } }];
  return node;
}

/** `<p><a href="…"><ac:image>…</ac:image></a></p>`: a linked external image, or undefined. */
export function linkedImageOf(p: Element): AdfNode | undefined {
  const a = p.children.length === 1 ? p.children[0] : undefined;
  if (p.attrs.length > 0 || a?.kind !== 'element' || a.tag !== 'a' || a.children.length !== 1) return undefined;
  const href = attr(a, 'href');
  const image = a.children[0]!;
  if (href === undefined || a.attrs.length !== 1 || image.kind !== 'element' || image.tag !== 'ac:image')
    return undefined;
  return externalImageOf(image, href);
}

/** True when the macro is exactly what the writer creates (schema version 1, only `allowedParams`). */
export function isPlainMacro(el: Element, allowedParams: string[]): boolean {
  const attrsPlain = el.attrs.length === 2 && attr(el, 'ac:schema-version') === '1';
  const params = el.children.filter((c): c is Element => c.kind === 'element' && c.tag === 'ac:parameter');
  return attrsPlain && params.every((p) => allowedParams.includes(attr(p, 'ac:name') ?? '') && p.attrs.length === 1);
}

/** Macros that live inside a paragraph. */
export function isInlineMacro(el: Element): boolean {
  return attr(el, 'ac:name') === 'status';
}

/** An ADF code block. */
export function codeBlock(language: string | undefined, text: string): AdfNode {
  const node: AdfNode = { type: 'codeBlock', content: text === '' ? [] : [{ type: 'text', text }] };
  if (language !== undefined && language !== '') node.attrs = { language };
  return node;
}

/** The macro element without its body: written back around a new body. */
export function macroShell(el: Element): XmlNode {
  return { ...el, children: el.children.filter((c) => c.kind === 'element' && c.tag === 'ac:parameter') };
}

/** The `ac:parameter` values of a macro, by name. */
export function macroParams(el: Element): Record<string, string> {
  const params: Record<string, string> = {};
  for (const child of el.children)
    if (child.kind === 'element' && child.tag === 'ac:parameter') params[attr(child, 'ac:name') ?? ''] = xmlText(child);
  return params;
}

const LAYOUT_WIDTHS: Record<string, number[]> = {
  single: [100],
  two_equal: [50, 50],
  two_left_sidebar: [33.33, 66.66],
  two_right_sidebar: [66.66, 33.33],
  three_equal: [33.33, 33.33, 33.33],
  three_with_sidebars: [25, 50, 25],
  four_equal: [25, 25, 25, 25],
  five_equal: [20, 20, 20, 20, 20],
};

/** Column widths (percent) of a storage layout section type. */
export function layoutWidths(type: string, count: number): number[] {
  return LAYOUT_WIDTHS[type] ?? Array.from({ length: count }, () => Math.round(10000 / Math.max(1, count)) / 100);
}

/** The storage section type for columns of these widths. */
export function layoutType(widths: number[]): string {
  const match = Object.entries(LAYOUT_WIDTHS).find(
    ([, w]) => w.length === widths.length && w.every((x, i) => Math.abs(x - widths[i]!) < 1),
  );
  return (
    match?.[0] ??
    ['single', 'two_equal', 'three_equal', 'four_equal', 'five_equal'][Math.min(4, Math.max(0, widths.length - 1))]!
  );
}

/** The text of an ADF node kept in storage: its `ac:adf-content`, never attributes or the fallback copy. */
function adfContentText(node: XmlNode): string {
  if (node.kind !== 'element') return '';
  if (node.tag === 'ac:adf-content') return xmlText(node).replace(/\s+/g, ' ').trim();
  if (node.tag === 'ac:adf-attribute' || node.tag === 'ac:adf-fallback') return '';
  return node.children
    .map(adfContentText)
    .filter((t) => t !== '')
    .join(' ');
}

/** [kind, label] for a kept element: `⟦jira PROJ-7⟧`, `⟦page Release notes⟧`, `⟦image a.png⟧`. */
export function describe(node: XmlNode): [string, string] {
  if (node.kind === 'comment') return ['comment', ''];
  if (node.kind !== 'element') return ['xml', ''];
  const params = node.tag === 'ac:structured-macro' ? macroParams(node) : {};
  const name = attr(node, 'ac:name') ?? '';
  if (node.tag === 'ac:structured-macro')
    return [name || 'macro', params.key ?? params.title ?? params.jqlQuery ?? params.name ?? ''];
  if (node.tag === 'ac:adf-extension') {
    // `⟦decision-list We ship on Monday^id⟧`: the ADF node type, and the text of its content.
    const adf = node.children.find((c): c is Element => c.kind === 'element' && c.tag === 'ac:adf-node');
    return [attr(adf ?? node, 'type') ?? 'adf-extension', adfContentText(adf ?? node).slice(0, 60)];
  }
  if (node.tag === 'ac:image' || node.tag === 'ac:link') {
    const target = node.children.find((c): c is Element => c.kind === 'element' && c.tag.startsWith('ri:'));
    const label =
      target === undefined
        ? ''
        : (attr(target, 'ri:filename') ??
          attr(target, 'ri:content-title') ??
          attr(target, 'ri:value') ??
          attr(target, 'ri:space-key') ??
          attr(target, 'ri:account-id') ??
          '');
    const kind =
      node.tag === 'ac:image'
        ? 'image'
        : target === undefined
          ? 'link'
          : target.tag.slice(3).replace('content-entity', 'page').replace('blog-post', 'blog');
    return [kind, label];
  }
  return [node.tag.replace(/^ac:/, ''), xmlText(node).slice(0, 40)];
}
