import { isoDate } from './adf-inline-to-mdast.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import { canonicalJson } from './node-ids.js';
import { layoutType, statusColourName } from './storage-vocabulary.js';
import { cdata, element, escapeText, serializeStorage, type XmlNode } from './storage-xml.js';
import { isAdfPanel, writeAdfDecisions, writeAdfPanel } from './storage-adf-extension.js';
import { writeBlockAttrs } from './storage-block-attrs.js';

type Element = Extract<XmlNode, { kind: 'element' }>;

const PANEL_MACRO: Record<string, string> = {
  info: 'info',
  note: 'note',
  warning: 'warning',
  tip: 'tip',
  error: 'warning',
  success: 'tip',
  custom: 'info',
};
const MARK_RANK: Record<string, number> = {
  annotation: -1, // inline comment markers wrap the formatting they comment on
  link: 0,
  strong: 1,
  em: 2,
  underline: 3,
  strike: 4,
  textColor: 5,
  subsup: 6,
  code: 9,
};

/**
 * ADF (as produced from storage or from Markdown) → Confluence storage in its canonical form.
 * Nodes that came from storage unchanged are written from their source element, so an unedited
 * block — macro parameters, table layout, anything — comes back exactly.
 */
export class StorageWriter {
  private nextTaskId: number;

  constructor(private readonly source: WeakMap<AdfNode, XmlNode> = new WeakMap()) {
    this.nextTaskId = 1;
  }

  /** Serialises a document's blocks. */
  write(nodes: readonly AdfNode[]): string {
    this.nextTaskId = Math.max(this.nextTaskId, maxTaskId(nodes) + 1);
    return this.blocks(nodes);
  }

  private blocks(nodes: readonly AdfNode[]): string {
    let out = '';
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (node.type === 'layoutSection') {
        let sections = '';
        while (i < nodes.length && nodes[i]!.type === 'layoutSection') sections += this.block(nodes[i++]!);
        i--;
        out += `<ac:layout>${sections}</ac:layout>`;
      } else {
        out += this.block(node);
      }
    }
    return out;
  }

  private block(node: AdfNode): string {
    const original = this.source.get(node);
    if (original !== undefined) return serializeStorage([original]);
    const attrs = node.attrs ?? {};
    const content = node.content ?? [];
    switch (node.type) {
      case 'paragraph':
        if (attrs.bare === true && (node.marks ?? []).length === 0) return this.inline(content);
        return element('p', writeBlockAttrs(node), this.inline(content));
      case 'heading':
        return element(
          `h${Math.min(6, Math.max(1, Number(attrs.level) || 1))}`,
          writeBlockAttrs(node),
          this.inline(content),
        );
      case 'bulletList':
        return element('ul', xmlAttrs(attrs), content.map((item) => this.listItem(item)).join(''));
      case 'orderedList': {
        const order = Number(attrs.order ?? 1);
        return element(
          'ol',
          [...(order !== 1 ? [['start', String(order)] as [string, string]] : []), ...xmlAttrs(attrs)],
          content.map((item) => this.listItem(item)).join(''),
        );
      }
      case 'decisionList':
        return writeAdfDecisions(node, (inline) => this.inline(inline));
      case 'taskList':
        return element(
          'ac:task-list',
          xmlAttrs(attrs),
          content.map((item) => (item.type === 'taskList' ? this.block(item) : this.task(item))).join(''),
        );
      case 'blockquote':
        return element('blockquote', writeBlockAttrs(node), this.blocks(content));
      case 'rule':
        return '<hr />';
      case 'codeBlock':
        return this.code(node);
      case 'panel':
        if (isAdfPanel(node)) return writeAdfPanel(node, this.blocks(content));
        return this.bodiedMacro(attrs.macro, PANEL_MACRO[String(attrs.panelType)] ?? 'info', {}, content);
      case 'expand':
      case 'nestedExpand':
        return this.bodiedMacro(
          attrs.macro,
          'expand',
          typeof attrs.title === 'string' && (attrs.title !== '' || attrs.macro !== undefined)
            ? { title: attrs.title }
            : {},
          content,
        );
      case 'bodiedExtension':
        if (attrs.macro !== undefined) return this.bodiedMacro(attrs.macro, String(attrs.extensionKey), {}, content);
        return this.blocks(content);
      case 'layoutSection': {
        const widths = content.map((c) => Number(c.attrs?.width ?? 50));
        const type =
          typeof attrs.sectionType === 'string' && attrs.sectionType !== '' ? attrs.sectionType : layoutType(widths);
        return element(
          'ac:layout-section',
          [['ac:type', type], ...xmlAttrs(attrs)],
          content.map((column) => this.block(column)).join(''),
        );
      }
      case 'layoutColumn':
        return element('ac:layout-cell', xmlAttrs(attrs), this.blocks(content));
      case 'table':
        return this.table(node);
      case 'mediaSingle': {
        const media = content[0]?.attrs ?? {};
        if (media.type === 'external' && typeof media.url === 'string') {
          const imageAttrs: [string, string][] =
            typeof media.alt === 'string' && media.alt !== '' ? [['ac:alt', media.alt]] : [];
          const caption = content[1]?.type === 'caption' ? plain(content[1]) : '';
          if (caption !== '') imageAttrs.push(['ac:title', caption]);
          const image = element('ac:image', imageAttrs, element('ri:url', [['ri:value', media.url]], ''));
          const link = node.marks?.find((m) => m.type === 'link');
          // A linked image, as Confluence's editor writes it.
          if (typeof link?.attrs?.href === 'string')
            return element('p', [], element('a', [['href', link.attrs.href]], image));
          return image;
        }
        break;
      }
      case 'storageBlock':
        return serializeStorage([attrs.xml as XmlNode]);
      case 'blockCard':
      case 'embedCard':
        if (typeof attrs.url === 'string')
          return element('p', [], element('a', [['href', attrs.url]], escapeText(attrs.url)));
        break;
    }
    // Anything else has no storage form: keep its text rather than lose it.
    return element('p', [], escapeText(plain(node)));
  }

  private listItem(item: AdfNode): string {
    const original = this.source.get(item);
    if (original !== undefined) return serializeStorage([original]);
    return element('li', xmlAttrs(item.attrs ?? {}), this.blocks(item.content ?? []));
  }

  private task(item: AdfNode): string {
    const original = this.source.get(item);
    if (original !== undefined) return serializeStorage([original]);
    const localId = String(item.attrs?.localId ?? '');
    const id = /^\d+$/.test(localId) ? localId : String(this.nextTaskId++);
    return element(
      'ac:task',
      [],
      element('ac:task-id', [], id) +
        (typeof item.attrs?.taskUuid === 'string' ? element('ac:task-uuid', [], escapeText(item.attrs.taskUuid)) : '') +
        element('ac:task-status', [], item.attrs?.state === 'DONE' ? 'complete' : 'incomplete') +
        element('ac:task-body', [], this.inline(item.content ?? [])),
    );
  }

  private code(node: AdfNode): string {
    const attrs = node.attrs ?? {};
    const text = (node.content ?? []).map((t) => t.text ?? '').join('');
    if (attrs.pre === true) return element('pre', xmlAttrs(attrs), escapeText(text));
    const shell = attrs.macro as Element | undefined;
    const language = typeof attrs.language === 'string' && attrs.language !== '' ? attrs.language : undefined;
    let params =
      shell?.children.filter(
        (c) => !(c.kind === 'element' && c.attrs.some(([k, v]) => k === 'ac:name' && v === 'language')),
      ) ?? [];
    if (language !== undefined)
      params = [
        {
          kind: 'element',
          tag: 'ac:parameter',
          attrs: [['ac:name', 'language']],
          children: [{ kind: 'text', text: language }],
        },
        ...params,
      ];
    const macroAttrs = shell?.attrs ?? [
      ['ac:name', 'code'],
      ['ac:schema-version', '1'],
    ];
    return element(
      'ac:structured-macro',
      macroAttrs,
      serializeStorage(params) + element('ac:plain-text-body', [], cdata(text)),
    );
  }

  private bodiedMacro(
    shell: unknown,
    name: string,
    params: Record<string, string>,
    content: readonly AdfNode[],
  ): string {
    return element(
      'ac:structured-macro',
      macroAttrs(shell, name),
      macroParamsXml(shell, params) + element('ac:rich-text-body', [], this.blocks(content)),
    );
  }

  private table(node: AdfNode): string {
    const attrs = node.attrs ?? {};
    const extra = (attrs.xmlExtra as XmlNode[] | undefined) ?? [];
    const rows = (node.content ?? []).map((row) =>
      element(
        'tr',
        [],
        (row.content ?? [])
          .map((cell) => {
            const original = this.source.get(cell);
            if (original !== undefined) return serializeStorage([original]);
            const cellAttrs: [string, string][] = [];
            if (Number(cell.attrs?.colspan ?? 1) > 1) cellAttrs.push(['colspan', String(cell.attrs!.colspan)]);
            if (Number(cell.attrs?.rowspan ?? 1) > 1) cellAttrs.push(['rowspan', String(cell.attrs!.rowspan)]);
            cellAttrs.push(...((cell.attrs?.xmlAttrs as [string, string][] | undefined) ?? []));
            return element(cell.type === 'tableHeader' ? 'th' : 'td', cellAttrs, this.blocks(cell.content ?? []));
          })
          .join(''),
      ),
    );
    return element(
      'table',
      (attrs.xmlAttrs as [string, string][] | undefined) ?? [],
      serializeStorage(extra) + element('tbody', [], rows.join('')),
    );
  }

  /** Inline content; runs sharing a mark are wrapped once. */
  inline(nodes: readonly AdfNode[]): string {
    return this.runs(nodes.map((node) => ({ node, marks: node.marks ?? [] })));
  }

  private runs(items: { node: AdfNode; marks: AdfMark[] }[]): string {
    let out = '';
    let i = 0;
    while (i < items.length) {
      const item = items[i]!;
      if (item.marks.length === 0) {
        out += this.atom(item.node);
        i++;
        continue;
      }
      let best = item.marks[0]!;
      let bestEnd = i + 1;
      for (const mark of item.marks) {
        const key = canonicalJson(mark);
        let end = i + 1;
        while (end < items.length && items[end]!.marks.some((m) => canonicalJson(m) === key)) end++;
        if (
          end - i > bestEnd - i ||
          (end - i === bestEnd - i && (MARK_RANK[mark.type] ?? 8) < (MARK_RANK[best.type] ?? 8))
        ) {
          best = mark;
          bestEnd = end;
        }
      }
      const key = canonicalJson(best);
      out += this.wrap(
        best,
        this.runs(
          items
            .slice(i, bestEnd)
            .map((it) => ({ node: it.node, marks: it.marks.filter((m) => canonicalJson(m) !== key) })),
        ),
      );
      i = bestEnd;
    }
    return out;
  }

  private wrap(mark: AdfMark, inner: string): string {
    const attrs = mark.attrs ?? {};
    switch (mark.type) {
      case 'strong':
        return element('strong', [], inner);
      case 'em':
        return element('em', [], inner);
      case 'underline':
        return element('u', [], inner);
      case 'strike':
        return element('s', [], inner);
      case 'code':
        return element('code', [], inner);
      case 'subsup':
        return element(attrs.type === 'sup' ? 'sup' : 'sub', [], inner);
      case 'link':
        return element('a', [['href', String(attrs.href ?? '')]], inner);
      case 'annotation':
        return element('ac:inline-comment-marker', [['ac:ref', String(attrs.id ?? '')]], inner);
      case 'textColor':
        return element('span', [['style', `color: ${String(attrs.color)};`]], inner);
      default:
        if (mark.type.startsWith('html:'))
          return element(mark.type.slice(5), (attrs.xmlAttrs as [string, string][] | undefined) ?? [], inner);
        return inner;
    }
  }

  private atom(node: AdfNode): string {
    const attrs = node.attrs ?? {};
    switch (node.type) {
      case 'text':
        return escapeText(node.text ?? '');
      case 'hardBreak':
        return '<br />';
      case 'mention':
        return element('ac:link', [], element('ri:user', [['ri:account-id', String(attrs.id)]], ''));
      case 'date':
        return element('time', [['datetime', isoDate(attrs.timestamp) ?? '']], '');
      case 'emoji': {
        const xmlAttrs = attrs.xmlAttrs as [string, string][] | undefined;
        return element(
          'ac:emoticon',
          xmlAttrs ?? [['ac:name', String(attrs.shortName ?? '').replace(/^:|:$/g, '')]],
          '',
        );
      }
      case 'status': {
        const params = { title: String(attrs.text), colour: statusColourName(String(attrs.color)) };
        return element('ac:structured-macro', macroAttrs(attrs.macro, 'status'), macroParamsXml(attrs.macro, params));
      }
      case 'inlineCard':
        return element('a', [['href', String(attrs.url)]], escapeText(String(attrs.url)));
      case 'storageInline':
        return serializeStorage([attrs.xml as XmlNode]);
      default:
        return escapeText(plain(node));
    }
  }
}

/** The storage attributes the reader kept on a node. */
function xmlAttrs(attrs: Record<string, unknown>): [string, string][] {
  return (attrs.xmlAttrs as [string, string][] | undefined) ?? [];
}

function plain(node: AdfNode): string {
  if (node.text !== undefined) return node.text;
  if (node.type === 'mention' || node.type === 'status') return String(node.attrs?.text ?? '');
  return (node.content ?? []).map(plain).join(' ');
}

function maxTaskId(nodes: readonly AdfNode[]): number {
  let max = 0;
  for (const node of nodes) {
    if (node.type === 'taskItem' && /^\d+$/.test(String(node.attrs?.localId ?? '')))
      max = Math.max(max, Number(node.attrs!.localId));
    if (node.content) max = Math.max(max, maxTaskId(node.content));
  }
  return max;
}

/** The macro element's attributes: the original ones (macro id, schema version), with `name`. */
function macroAttrs(shell: unknown, name: string): [string, string][] {
  const el = shell as Element | undefined;
  if (el === undefined)
    return [
      ['ac:name', name],
      ['ac:schema-version', '1'],
    ];
  return el.attrs.map(([k, v]) => (k === 'ac:name' ? [k, name] : [k, v]));
}

/** The macro's parameters: the original ones in their order, with `params` overriding or added. */
function macroParamsXml(shell: unknown, params: Record<string, string>): string {
  const el = shell as Element | undefined;
  const rest = { ...params };
  const xml = (el?.children ?? []).map((child) => {
    const name = child.kind === 'element' ? child.attrs.find(([k]) => k === 'ac:name')?.[1] : undefined;
    if (name === undefined || !(name in rest)) return serializeStorage([child]);
    const value = rest[name]!;
    delete rest[name];
    return element('ac:parameter', (child as Element).attrs, escapeText(value));
  });
  for (const [k, v] of Object.entries(rest)) xml.push(element('ac:parameter', [['ac:name', k]], escapeText(v)));
  return xml.join('');
}
