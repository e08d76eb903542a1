import { isoDate } from './adf-inline-to-mdast.js';
import type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';
import { attr, parseStorage, xmlText, type XmlNode } from './storage-xml.js';
import { readAdfExtension } from './storage-adf-extension.js';
import { readBlockAttrs } from './storage-block-attrs.js';
import {
  codeBlock,
  describe,
  externalImageOf,
  linkedImageOf,
  isInlineMacro,
  isPlainMacro,
  layoutType,
  layoutWidths,
  macroParams,
  macroShell,
  STATUS_COLOURS,
  statusColourName,
} from './storage-vocabulary.js';

type Element = Extract<XmlNode, { kind: 'element' }>;

/** ADF converted from storage, with the storage element each node came from. */
export interface StorageAdf {
  doc: AdfDoc;
  /** The source element of each converted block/cell: unchanged nodes are written back from it. */
  source: WeakMap<AdfNode, XmlNode>;
}

const PANELS = new Set(['info', 'note', 'warning', 'tip']);
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'hr',
  'table',
  'ac:task-list',
  'ac:layout',
  'div',
  'ac:layout-section',
  'ac:layout-cell',
  // The new editor's nodes (decision lists, custom panels…) stored as ADF inside storage.
  'ac:adf-extension',
]);
const MARK_TAGS: Record<string, AdfMark> = {
  strong: { type: 'strong' },
  b: { type: 'strong' },
  em: { type: 'em' },
  i: { type: 'em' },
  u: { type: 'underline' },
  s: { type: 'strike' },
  del: { type: 'strike' },
  strike: { type: 'strike' },
  code: { type: 'code' },
  sub: { type: 'subsup', attrs: { type: 'sub' } },
  sup: { type: 'subsup', attrs: { type: 'sup' } },
};

/**
 * Confluence storage → an ADF tree, so one Markdown renderer, one placeholder scheme and one set of
 * section edits serve both products. What ADF has no node for (macros other than code, panels,
 * expand and status; images; page, attachment and space links; unknown elements) becomes a
 * `storageBlock`/`storageInline` node carrying the element itself: it renders as a placeholder
 * (`⟦toc^k3fa⟧`, `⟦page Release notes^k3fa⟧`) and is written back unchanged. Such trees are an
 * internal form for storage only and are never sent to Atlassian as ADF.
 */
export function storageToAdf(storage: string): StorageAdf {
  const source = new WeakMap<AdfNode, XmlNode>();
  const reader = new StorageReader(source);
  return { doc: { type: 'doc', version: 1, content: reader.blocks(parseStorage(storage)) }, source };
}

class StorageReader {
  constructor(private readonly source: WeakMap<AdfNode, XmlNode>) {}

  blocks(nodes: readonly XmlNode[]): AdfNode[] {
    const out: AdfNode[] = [];
    let inline: XmlNode[] = [];
    const flush = () => {
      if (inline.some((n) => n.kind !== 'text' || n.text.trim() !== ''))
        // Text straight in a <li>, <td> or the page (no <p>): a paragraph that is written back bare.
        out.push({ type: 'paragraph', attrs: { bare: true }, content: this.inline(inline, []) });
      inline = [];
    };
    for (const node of nodes) {
      if (
        node.kind === 'element' &&
        (BLOCK_TAGS.has(node.tag) ||
          (node.tag === 'ac:structured-macro' && !isInlineMacro(node)) ||
          node.tag === 'ac:image')
      ) {
        flush();
        out.push(...this.block(node));
      } else if (node.kind === 'comment') {
        flush();
        out.push(this.raw(node, 'storageBlock'));
      } else {
        inline.push(node);
      }
    }
    flush();
    return out;
  }

  private block(el: Element): AdfNode[] {
    // Confluence wraps cell and layout content in <div class="content-wrapper">: transparent.
    if (el.tag === 'div' && el.attrs.every(([k, v]) => k === 'class' && v === 'content-wrapper'))
      return this.blocks(el.children);
    const node = this.blockNode(el);
    if (node === undefined) return [];
    if (!Array.isArray(node)) {
      this.source.set(node, el);
      return [node];
    }
    return node;
  }

  private blockNode(el: Element): AdfNode | AdfNode[] | undefined {
    const tag = el.tag;
    if (/^h[1-6]$/.test(tag)) {
      const { attrs, marks } = readBlockAttrs(el.attrs);
      return {
        type: 'heading',
        attrs: { level: Number(tag[1]), ...attrs },
        ...(marks && { marks }),
        content: this.inline(el.children, []),
      };
    }
    switch (tag) {
      case 'p':
        return (
          linkedImageOf(el) ?? { type: 'paragraph', ...readBlockAttrs(el.attrs), content: this.inline(el.children, []) }
        );
      case 'ul':
      case 'ol': {
        const items = el.children
          .filter((c): c is Element => c.kind === 'element' && c.tag === 'li')
          .map((li) => {
            const item: AdfNode = { type: 'listItem', content: this.blocks(li.children) };
            if (li.attrs.length > 0) item.attrs = { xmlAttrs: li.attrs };
            if (item.content!.length === 0) item.content!.push({ type: 'paragraph', content: [] });
            this.source.set(item, li);
            return item;
          });
        if (items.length === 0) return this.raw(el, 'storageBlock');
        const rest = el.attrs.filter(([k]) => k !== 'start');
        const xmlAttrs = rest.length > 0 ? { xmlAttrs: rest } : {};
        return tag === 'ul'
          ? { type: 'bulletList', ...(rest.length > 0 && { attrs: xmlAttrs }), content: items }
          : { type: 'orderedList', attrs: { order: Number(attr(el, 'start') ?? 1), ...xmlAttrs }, content: items };
      }
      case 'blockquote':
        return { type: 'blockquote', ...readBlockAttrs(el.attrs), content: this.blocks(el.children) };
      case 'pre': {
        // A <pre> stays a <pre> (not a code macro) when written back; its fence carries the ^id.
        const node = codeBlock(undefined, xmlText(el));
        node.attrs = { pre: true, ...(el.attrs.length > 0 && { xmlAttrs: el.attrs }) };
        return node;
      }
      case 'hr':
        return { type: 'rule' };
      case 'table':
        return this.table(el);
      case 'ac:task-list':
        return this.taskList(el);
      case 'ac:layout':
        return el.children
          .filter((c): c is Element => c.kind === 'element' && c.tag === 'ac:layout-section')
          .map((section) => {
            const node = this.layoutSection(section);
            this.source.set(node, section);
            return node;
          });
      case 'ac:structured-macro':
        return this.blockMacro(el);
      case 'ac:image':
        return externalImageOf(el) ?? this.raw(el, 'storageBlock');
      case 'ac:adf-extension':
        return (
          readAdfExtension(el, { blocks: (n) => this.blocks(n), inline: (n) => this.inline(n, []) }) ??
          this.raw(el, 'storageBlock')
        );
    }
    return this.raw(el, 'storageBlock');
  }

  private blockMacro(el: Element): AdfNode {
    const name = attr(el, 'ac:name') ?? '';
    const params = macroParams(el);
    const body = el.children.find(
      (c): c is Element => c.kind === 'element' && (c.tag === 'ac:rich-text-body' || c.tag === 'ac:plain-text-body'),
    );
    if (name === 'code' && (body === undefined || body.tag === 'ac:plain-text-body')) {
      const node = codeBlock(params.language, body === undefined ? '' : xmlText(body));
      if (!(
        Object.keys(params).length <= 1 &&
        (Object.keys(params).length === 0 || 'language' in params) &&
        el.attrs.length === 2
      )) {
        node.attrs = { ...node.attrs, macro: macroShell(el) };
      }
      return node;
    }
    if ((PANELS.has(name) || name === 'expand') && body?.tag === 'ac:rich-text-body') {
      const content = this.blocks(body.children);
      if (content.length === 0) content.push({ type: 'paragraph', content: [] });
      // A macro exactly as the writer creates it needs no shell (and so no ^id in the Markdown).
      const plain = isPlainMacro(el, name === 'expand' && params.title !== undefined ? ['title'] : []);
      if (name === 'expand')
        return {
          type: 'expand',
          attrs: plain
            ? params.title === undefined
              ? {}
              : { title: params.title }
            : { ...(params.title !== undefined && { title: params.title }), macro: macroShell(el) },
          content,
        };
      return {
        type: 'panel',
        attrs: plain ? { panelType: name } : { panelType: name, macro: macroShell(el) },
        content,
      };
    }
    if (
      body?.tag === 'ac:rich-text-body' &&
      el.children.every((c) => c.kind !== 'element' || c.tag === 'ac:parameter' || c === body)
    ) {
      // Any other macro with a rich-text body (excerpt, section, details…): its body stays editable.
      const content = this.blocks(body.children);
      if (content.length === 0) content.push({ type: 'paragraph', content: [] });
      return { type: 'bodiedExtension', attrs: { extensionKey: name, macro: macroShell(el) }, content };
    }
    return this.raw(el, 'storageBlock');
  }

  private layoutSection(section: Element): AdfNode {
    const cells = section.children.filter((c): c is Element => c.kind === 'element' && c.tag === 'ac:layout-cell');
    const widths = layoutWidths(attr(section, 'ac:type') ?? '', cells.length);
    const sectionType = attr(section, 'ac:type') ?? '';
    const rest = section.attrs.filter(([k]) => k !== 'ac:type');
    return {
      type: 'layoutSection',
      ...(sectionType === layoutType(widths.slice(0, cells.length)) && rest.length === 0
        ? {}
        : { attrs: { sectionType, ...(rest.length > 0 && { xmlAttrs: rest }) } }),
      content: cells.map((cell, i) => {
        const column: AdfNode = {
          type: 'layoutColumn',
          attrs: { width: widths[i] ?? 50, ...(cell.attrs.length > 0 && { xmlAttrs: cell.attrs }) },
          content: this.blocks(cell.children),
        };
        if (column.content!.length === 0) column.content!.push({ type: 'paragraph', content: [] });
        this.source.set(column, cell);
        return column;
      }),
    };
  }

  private table(el: Element): AdfNode {
    const rows: Element[] = [];
    const other: XmlNode[] = [];
    for (const child of el.children) {
      if (child.kind !== 'element') continue;
      if (child.tag === 'tr') rows.push(child);
      else if (child.tag === 'tbody' || child.tag === 'thead' || child.tag === 'tfoot')
        rows.push(...child.children.filter((c): c is Element => c.kind === 'element' && c.tag === 'tr'));
      else other.push(child);
    }
    const attrs: Record<string, unknown> = {};
    if (el.attrs.length > 0) attrs.xmlAttrs = el.attrs;
    if (other.length > 0) attrs.xmlExtra = other;
    const table: AdfNode = {
      type: 'table',
      content: rows.map((tr) => ({
        type: 'tableRow',
        content: tr.children
          .filter((c): c is Element => c.kind === 'element' && (c.tag === 'td' || c.tag === 'th'))
          .map((td) => {
            const cellAttrs: Record<string, unknown> = {};
            const colspan = Number(attr(td, 'colspan') ?? 1);
            const rowspan = Number(attr(td, 'rowspan') ?? 1);
            if (colspan > 1) cellAttrs.colspan = colspan;
            if (rowspan > 1) cellAttrs.rowspan = rowspan;
            const rest = td.attrs.filter(([k]) => k !== 'colspan' && k !== 'rowspan');
            if (rest.length > 0) cellAttrs.xmlAttrs = rest;
            const content = this.blocks(td.children);
            if (content.length === 0) content.push({ type: 'paragraph', content: [] });
            const cell: AdfNode = { type: td.tag === 'th' ? 'tableHeader' : 'tableCell', content };
            if (Object.keys(cellAttrs).length > 0) cell.attrs = cellAttrs;
            this.source.set(cell, td);
            return cell;
          }),
      })),
    };
    if (Object.keys(attrs).length > 0) table.attrs = attrs;
    return table;
  }

  private taskList(el: Element): AdfNode {
    const content: AdfNode[] = [];
    for (const child of el.children) {
      if (child.kind !== 'element') continue;
      if (child.tag === 'ac:task') {
        const part = (name: string) => child.children.find((c): c is Element => c.kind === 'element' && c.tag === name);
        const body = part('ac:task-body');
        const uuid = part('ac:task-uuid');
        const item: AdfNode = {
          type: 'taskItem',
          attrs: {
            ...(uuid !== undefined && { taskUuid: xmlText(uuid).trim() }),
            localId: xmlText(part('ac:task-id') ?? { kind: 'text', text: '' }).trim(),
            state:
              xmlText(part('ac:task-status') ?? { kind: 'text', text: '' }).trim() === 'complete' ? 'DONE' : 'TODO',
          },
          content:
            body === undefined
              ? []
              : this.inline(
                  body.children.flatMap((c) => (c.kind === 'element' && c.tag === 'p' ? c.children : [c])),
                  [],
                ),
        };
        this.source.set(item, child);
        content.push(item);
      } else if (child.tag === 'ac:task-list') {
        content.push(this.taskList(child));
      }
    }
    return { type: 'taskList', attrs: { localId: '', ...(el.attrs.length > 0 && { xmlAttrs: el.attrs }) }, content };
  }

  inline(nodes: readonly XmlNode[], marks: AdfMark[]): AdfNode[] {
    const out: AdfNode[] = [];
    for (const node of nodes) {
      if (node.kind === 'text' || node.kind === 'cdata') {
        if (node.text !== '')
          out.push(marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
        continue;
      }
      if (node.kind === 'comment') continue;
      const mark = MARK_TAGS[node.tag];
      if (mark !== undefined && node.attrs.length === 0) {
        out.push(...this.inline(node.children, [...marks, mark]));
      } else if (node.tag === 'a' && attr(node, 'href') !== undefined && node.attrs.length === 1) {
        out.push(...this.inline(node.children, [...marks, { type: 'link', attrs: { href: attr(node, 'href')! } }]));
      } else if (
        node.tag === 'span' &&
        node.attrs.length === 1 &&
        /^color:\s*#[0-9a-fA-F]{6};?$/.test(attr(node, 'style') ?? '')
      ) {
        const color = /#[0-9a-fA-F]{6}/.exec(attr(node, 'style')!)![0].toLowerCase();
        out.push(...this.inline(node.children, [...marks, { type: 'textColor', attrs: { color } }]));
      } else if (
        node.tag === 'ac:inline-comment-marker' &&
        node.attrs.length === 1 &&
        attr(node, 'ac:ref') !== undefined
      ) {
        out.push(
          ...this.inline(node.children, [
            ...marks,
            { type: 'annotation', attrs: { id: attr(node, 'ac:ref')!, annotationType: 'inlineComment' } },
          ]),
        );
      } else if (node.tag === 'br' && node.attrs.length === 0) {
        out.push({ type: 'hardBreak' });
      } else if (
        !node.tag.includes(':') &&
        node.children.length > 0 &&
        node.children.every((c) => c.kind === 'text' || (c.kind === 'element' && !BLOCK_TAGS.has(c.tag)))
      ) {
        // Any other inline HTML wrapper (span with a style, font, kbd…) is a mark: its text stays editable.
        out.push(
          ...this.inline(node.children, [...marks, { type: 'html:' + node.tag, attrs: { xmlAttrs: node.attrs } }]),
        );
      } else {
        const atom = this.inlineAtom(node);
        out.push(marks.length > 0 ? { ...atom, marks } : atom);
      }
    }
    return out;
  }

  private inlineAtom(el: Element): AdfNode {
    if (el.tag === 'ac:link' && el.attrs.length === 0 && el.children.length === 1) {
      const target = el.children[0]!;
      const accountId = attr(target, 'ri:account-id');
      if (
        target.kind === 'element' &&
        target.tag === 'ri:user' &&
        accountId !== undefined &&
        target.attrs.length === 1
      ) {
        return { type: 'mention', attrs: { id: accountId, text: '@' + accountId } };
      }
    }
    if (el.tag === 'time' && el.attrs.length === 1 && el.children.length === 0) {
      const iso = attr(el, 'datetime') ?? '';
      if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && isoDate(Date.parse(iso + 'T00:00:00Z')) === iso)
        return { type: 'date', attrs: { timestamp: String(Date.parse(iso + 'T00:00:00Z')) } };
    }
    if (el.tag === 'ac:emoticon' && el.children.length === 0) {
      const name = attr(el, 'ac:name') ?? '';
      const shortName = attr(el, 'ac:emoji-shortname') ?? `:${name}:`;
      return el.attrs.length === 1 && name !== ''
        ? { type: 'emoji', attrs: { shortName } }
        : { type: 'emoji', attrs: { shortName, xmlAttrs: el.attrs } };
    }
    if (el.tag === 'ac:structured-macro' && attr(el, 'ac:name') === 'status') {
      const params = macroParams(el);
      const text = params.title ?? '';
      if (text !== '') {
        const color = STATUS_COLOURS[(params.colour ?? 'grey').toLowerCase()] ?? 'neutral';
        const plain =
          el.attrs.length === 2 &&
          Object.keys(params).every((k) => k === 'title' || k === 'colour') &&
          statusColourName(color) === (params.colour ?? 'Grey');
        return plain
          ? { type: 'status', attrs: { text, color } }
          : { type: 'status', attrs: { text, color, macro: macroShell(el) } };
      }
    }
    return this.raw(el, 'storageInline');
  }

  /** An element kept verbatim, labelled for the model. */
  private raw(node: XmlNode, type: 'storageBlock' | 'storageInline'): AdfNode {
    const [kind, label] = describe(node);
    return { type, attrs: { kind, label, xml: node } };
  }
}
