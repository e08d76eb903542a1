import type { BlockContent, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { AdfDoc, AdfNode } from './adf-types.js';
import { inlineToMdast, placeholderNode, type InlineRenderContext } from './adf-inline-to-mdast.js';
import { isPlainTable, plainTableToMdast, previewTableToMdast } from './adf-table-to-mdast.js';
import { stringifyMarkdown } from './markdown-dialect.js';
import { canonicalJson } from './node-ids.js';
import { formatPlaceholder } from './placeholder-syntax.js';
import { INLINE_TYPES, wellShaped } from './adf-shape.js';
import { plainText } from './section-edit.js';

/** One rendered block: the ADF node and exactly the Markdown written for it. */
export interface RenderedBlock {
  node: AdfNode;
  markdown: string;
}

/** Block types Markdown has no construct for: written as `⟦kind …⟧ body ⟦/kind⟧`. */
export const CONTAINER_KINDS: Record<string, string> = {
  panel: 'panel',
  expand: 'expand',
  nestedExpand: 'expand',
  layoutSection: 'layout',
  layoutColumn: 'column',
  bodiedExtension: 'macro',
  table: 'table',
};

/** Markdown the model reads: ADF blocks rendered one by one (so writes can match them back). */
export class AdfMarkdownRenderer {
  constructor(private readonly ctx: InlineRenderContext) {}

  /** The whole document as Markdown. */
  render(doc: AdfDoc | { content?: AdfNode[] }): string {
    return this.renderFlow(doc.content ?? [])
      .map((b) => b.markdown)
      .join('\n\n');
  }

  /** Each block of a flow (document or container body) with its Markdown. */
  renderFlow(nodes: readonly AdfNode[]): RenderedBlock[] {
    const out: RenderedBlock[] = [];
    const lists = { previous: undefined as string | undefined, flipped: false };
    for (const node of nodes) {
      let markdown: string | undefined;
      try {
        // Schema-invalid structure, or an inline node where a block belongs: one opaque placeholder
        // (its text as the label), written back as it was. Reading never throws.
        if (wellShaped(node) && !INLINE_TYPES.has(node.type)) markdown = this.renderBlock(node, lists);
      } catch {
        markdown = undefined;
      }
      // A block must show as something, or a write-back would lose it (an empty list, say).
      if (markdown === undefined || markdown.trim() === '') {
        markdown = this.opaque(node);
        lists.previous = undefined;
      }
      out.push({ node, markdown });
    }
    return out;
  }

  private renderBlock(node: AdfNode, lists: { previous: string | undefined; flipped: boolean }): string {
    const container = this.containerOpen(node);
    if (container !== undefined) {
      lists.previous = undefined;
      const close = formatPlaceholder('/' + (CONTAINER_KINDS[node.type] ?? node.type));
      const body =
        node.type === 'table'
          ? [
              this.readable(
                (ctx) => stringifyMarkdown({ type: 'root', children: [previewTableToMdast(node, ctx)] }),
                node,
                (table) => [container, table, close].join('\n\n'),
              ),
            ]
          : this.renderFlow(node.content ?? []).map((b) => b.markdown);
      return [container, ...body, close].join('\n\n');
    }
    const mdast = this.block(node);
    const listKind = mdast.type === 'list' ? (mdast.ordered ? 'ordered' : 'bullet') : undefined;
    lists.flipped = listKind !== undefined && listKind === lists.previous ? !lists.flipped : false;
    lists.previous = listKind;
    const markdown = this.readable(
      (ctx) =>
        stringifyMarkdown(
          { type: 'root', children: [ctx === this.ctx ? mdast : new AdfMarkdownRenderer(ctx).block(node)] },
          lists.flipped,
        ),
      node,
    );
    if (this.ctx.verify !== undefined && atRisk(node) && !this.ctx.verify(markdown, node)) {
      // The serialiser's emphasis escaping has corner cases (`*` runs next to `**`): spell the
      // marks out as ⟦strong⟧ spans for this block when that is what makes it come back intact.
      const safe = new AdfMarkdownRenderer({ ...this.ctx, spanMarks: true, verify: undefined });
      const alternative = stringifyMarkdown({ type: 'root', children: [safe.block(node)] }, lists.flipped);
      if (this.ctx.verify(alternative, node)) return alternative;
    }
    return markdown;
  }

  /**
   * `render(ctx)`, unless its emphasis inside a word needs character references as `**`
   * (`owne&#x72;**, I want**`): then with the marks as `<strong>` (`owner<strong>, I want</strong>`),
   * when that comes back as the same node. The model never reads `&#x..;` in prose.
   */
  private readable(
    render: (ctx: InlineRenderContext) => string,
    node: AdfNode,
    whole: (markdown: string) => string = (markdown) => markdown,
  ): string {
    const markdown = render(this.ctx);
    if (this.ctx.spanMarks !== undefined || !CHARACTER_REFERENCE.test(markdown)) return markdown;
    // The spellings below differ only in strong/em/strike marks: without any, they are this one.
    if (!hasEmphasis(node)) return markdown;
    let best = markdown;
    for (const spanMarks of ['html', 'html-all'] as const) {
      const alternative = render({ ...this.ctx, spanMarks, verify: undefined });
      if (references(alternative) >= references(best)) continue;
      if (this.ctx.verify === undefined || !this.ctx.verify(whole(alternative), node)) continue;
      best = alternative;
      if (references(best) === 0) break;
    }
    return best;
  }

  private opaque(node: AdfNode): string {
    const text = plainText(node).replace(/\s+/g, ' ').trim();
    const label = text.length > 60 ? text.slice(0, 59) + '…' : text;
    return stringifyMarkdown({
      type: 'root',
      children: [{ type: 'paragraph', children: [placeholderNode(node.type, label, this.ctx.ids.nodeId(node))] }],
    });
  }

  /** The opening placeholder when `node` renders as a container, else undefined. */
  private containerOpen(node: AdfNode): string | undefined {
    const attrs = node.attrs ?? {};
    const shellId = (idless: AdfNode) => (sameShell(node, idless) ? undefined : this.ctx.ids.shellId(node));
    switch (node.type) {
      case 'panel':
        return formatPlaceholder(
          'panel',
          String(attrs.panelType ?? ''),
          shellId({ type: 'panel', attrs: { panelType: attrs.panelType } }),
        );
      case 'expand':
      case 'nestedExpand': {
        // `⟦expand⟧` creates an expand without a title: an empty title needs the id to survive.
        const title = typeof attrs.title === 'string' ? attrs.title : undefined;
        return formatPlaceholder(
          'expand',
          title ?? '',
          shellId({ type: node.type, attrs: title === undefined || title === '' ? {} : { title } }),
        );
      }
      case 'layoutSection':
        return formatPlaceholder('layout', undefined, shellId({ type: 'layoutSection' }));
      case 'layoutColumn':
        return formatPlaceholder(
          'column',
          String(attrs.width ?? ''),
          shellId({ type: 'layoutColumn', attrs: { width: attrs.width } }),
        );
      case 'bodiedExtension':
        return formatPlaceholder('macro', String(attrs.extensionKey ?? ''), this.ctx.ids.shellId(node));
      case 'table':
        return isPlainTable(node) ? undefined : formatPlaceholder('table', undefined, this.ctx.ids.nodeId(node));
    }
    if (!KNOWN_BLOCKS.has(node.type) && (node.content?.length ?? 0) > 0 && !INLINE_TYPES.has(node.content![0]!.type)) {
      return formatPlaceholder(node.type, undefined, this.ctx.ids.shellId(node));
    }
    return undefined;
  }

  block(node: AdfNode): RootContent {
    const attrs = node.attrs ?? {};
    const content = node.content ?? [];
    switch (node.type) {
      case 'paragraph':
        return {
          type: 'paragraph',
          children: [
            ...this.blockMarks(node),
            ...(content.length === 0 ? [placeholderNode('empty')] : this.inline(content)),
          ],
        };
      case 'heading':
        return {
          type: 'heading',
          depth: clampDepth(attrs.level),
          children: [...this.blockMarks(node), ...inlineToMdast(content, this.ctx, { singleLine: true })],
        };
      case 'bulletList':
      case 'orderedList':
        return {
          type: 'list',
          ordered: node.type === 'orderedList',
          start: node.type === 'orderedList' ? Number(attrs.order ?? 1) : null,
          spread: false,
          children: content.map((item) => this.listItem(item)),
        };
      case 'taskList':
        return { type: 'list', ordered: false, spread: false, children: this.taskItems(node) };
      case 'decisionList':
        return {
          type: 'list',
          ordered: false,
          spread: false,
          children: content.map((item) => ({
            type: 'listItem',
            spread: false,
            children: [
              {
                type: 'paragraph',
                children: [
                  placeholderNode(
                    'decision',
                    item.attrs?.state === 'DECIDED' ? undefined : String(item.attrs?.state ?? ''),
                  ),
                  { type: 'text', value: ' ' },
                  ...this.inline(item.content ?? []),
                ],
              },
            ],
          })),
        };
      case 'codeBlock': {
        const language =
          typeof attrs.language === 'string' && attrs.language !== '' && !/\s/.test(attrs.language)
            ? attrs.language
            : undefined;
        const plain = sameShell(
          node,
          language === undefined ? { type: 'codeBlock' } : { type: 'codeBlock', attrs: { language } },
        );
        const ref = plain ? undefined : '^' + this.ctx.ids.shellId(node);
        const value = content.map((t) => t.text ?? '').join('');
        // The shell id (attributes Markdown has no room for) rides in the fence's info string.
        return language === undefined
          ? { type: 'code', lang: ref ?? null, value }
          : { type: 'code', lang: language, meta: ref ?? null, value };
      }
      case 'blockquote':
        return { type: 'blockquote', children: content.map((b) => this.block(b) as BlockContent) };
      case 'rule':
        return { type: 'thematicBreak' };
      case 'table':
        return plainTableToMdast(node, this.ctx);
      default:
        return { type: 'paragraph', children: this.leafBlock(node) };
    }
  }

  /** Block marks (alignment, indentation, …) as leading placeholders: `⟦align center⟧ Text`. */
  private blockMarks(node: AdfNode): PhrasingContent[] {
    const marks = node.marks ?? [];
    if (marks.length === 0) return [];
    const out: PhrasingContent[] = marks.map((mark) => {
      if (mark.type === 'alignment' && Object.keys(mark.attrs ?? {}).length === 1)
        return placeholderNode('align', String(mark.attrs!.align));
      if (mark.type === 'indentation' && Object.keys(mark.attrs ?? {}).length === 1)
        return placeholderNode('indent', String(mark.attrs!.level));
      return placeholderNode('blockmark', mark.type, this.ctx.ids.markId(mark));
    });
    out.push({ type: 'text', value: ' ' });
    return out;
  }

  private listItem(item: AdfNode): ListItem {
    return {
      type: 'listItem',
      spread: false,
      children: (item.content ?? []).map((b) => this.block(b) as BlockContent),
    };
  }

  private taskItems(list: AdfNode): ListItem[] {
    const items: ListItem[] = [];
    for (const child of list.content ?? []) {
      if (child.type === 'taskList' && items.length > 0) {
        items[items.length - 1]!.children.push({
          type: 'list',
          ordered: false,
          spread: false,
          children: this.taskItems(child),
        });
      } else if (
        child.type === 'taskItem' ||
        (child.type === 'blockTaskItem' && child.content?.length === 1 && child.content[0]!.type === 'paragraph')
      ) {
        // A block task holding one paragraph reads as a task; an edit keeps it a block task (inheritInPlace).
        const inline = this.inline(
          child.type === 'taskItem' ? (child.content ?? []) : (child.content![0]!.content ?? []),
        );
        items.push({
          type: 'listItem',
          spread: false,
          checked: child.attrs?.state === 'DONE',
          children: [{ type: 'paragraph', children: inline }],
        });
      } else {
        items.push({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: this.leafBlock(child) }],
        });
      }
    }
    return items;
  }

  /** Blocks that are one placeholder in a paragraph of their own. */
  private leafBlock(node: AdfNode): PhrasingContent[] {
    const attrs = node.attrs ?? {};
    const id = () => this.ctx.ids.nodeId(node);
    switch (node.type) {
      case 'mediaSingle': {
        const media = node.content?.[0];
        const mAttrs = media?.attrs ?? {};
        const caption = node.content?.[1];
        const title =
          caption?.type === 'caption' && caption.content?.length === 1 ? caption.content[0]!.text : undefined;
        const link = node.marks?.length === 1 ? node.marks[0]! : undefined;
        const linkHref =
          link?.type === 'link' && Object.keys(link.attrs ?? {}).join() === 'href'
            ? String(link.attrs!.href)
            : undefined;
        const { marks: _marks, ...bare } = node;
        void _marks;
        if (
          media?.type === 'media' &&
          mAttrs.type === 'external' &&
          typeof mAttrs.url === 'string' &&
          (node.marks === undefined || linkHref !== undefined) &&
          canonicalJson(bare) === canonicalJson(externalImage(mAttrs.url, mAttrs.alt, title))
        ) {
          const image: PhrasingContent = {
            type: 'image',
            url: mAttrs.url,
            alt: typeof mAttrs.alt === 'string' ? mAttrs.alt : '',
            title: title ?? null,
          };
          return [linkHref === undefined ? image : { type: 'link', url: linkHref, title: null, children: [image] }];
        }
        return [placeholderNode('image', media ? this.mediaName(media) : undefined, id())];
      }
      case 'mediaGroup':
        return [placeholderNode('files', (node.content ?? []).map((m) => this.mediaName(m)).join(', '), id())];
      case 'extension':
        return [placeholderNode('macro', String(attrs.extensionKey ?? ''), id())];
      case 'blockCard':
        return [
          placeholderNode(
            'blockcard',
            typeof attrs.url === 'string' ? attrs.url : undefined,
            sameShell(node, { type: 'blockCard', attrs: { url: attrs.url } }) ? undefined : id(),
          ),
        ];
      case 'storageBlock':
        return [placeholderNode(String(attrs.kind), String(attrs.label ?? ''), id())];
      case 'embedCard':
        return [placeholderNode('embed', typeof attrs.url === 'string' ? attrs.url : undefined, id())];
      default:
        return [placeholderNode(node.type, undefined, id())];
    }
  }

  private mediaName(media: AdfNode): string {
    const attrs = media.attrs ?? {};
    const resolved = this.ctx.media?.(attrs);
    if (resolved !== undefined) return resolved.url === undefined ? resolved.name : `${resolved.name} ${resolved.url}`;
    if (typeof attrs.alt === 'string' && attrs.alt !== '') return attrs.alt;
    if (typeof attrs.url === 'string') return attrs.url;
    return typeof attrs.id === 'string' ? attrs.id : 'media';
  }

  private inline(nodes: readonly AdfNode[]): PhrasingContent[] {
    return inlineToMdast(nodes, this.ctx);
  }
}

/** The mediaSingle `![alt](url)` creates. */
export function externalImage(url: string, alt: unknown, title?: string | null): AdfNode {
  const attrs: Record<string, unknown> = { type: 'external', url };
  if (typeof alt === 'string' && alt !== '') attrs.alt = alt;
  const content: AdfNode[] = [{ type: 'media', attrs }];
  // An image title (`![a](u "Title")`) is the image's caption.
  if (typeof title === 'string' && title !== '')
    content.push({ type: 'caption', content: [{ type: 'text', text: title }] });
  return { type: 'mediaSingle', attrs: { layout: 'center' }, content };
}

/** canonicalJson({ type, attrs, marks }) of both are equal (compared member by member: cached per object). */
function sameShell(node: AdfNode, idless: AdfNode): boolean {
  const same = (a: unknown, b: unknown) =>
    a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b);
  return same(node.type, idless.type) && same(node.attrs, idless.attrs) && same(node.marks, idless.marks);
}

function clampDepth(level: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const n = Math.min(6, Math.max(1, Math.trunc(Number(level) || 1)));
  return n as 1 | 2 | 3 | 4 | 5 | 6;
}

const KNOWN_BLOCKS = new Set([
  'storageBlock',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'taskList',
  'decisionList',
  'codeBlock',
  'blockquote',
  'rule',
  'mediaSingle',
  'mediaGroup',
  'extension',
  'blockCard',
  'embedCard',
  'listItem',
  'taskItem',
  'decisionItem',
]);

/**
 * Blocks where the serialiser's emphasis escaping can misfire: formatted (strong/em/strike) text
 * next to `*`, `_` or `~` characters. Only these are re-parsed to verify them (it costs a parse).
 */
const CHARACTER_REFERENCE = /&#x[0-9a-f]+;/i;

function references(markdown: string): number {
  return markdown.match(/&#x[0-9a-f]+;/gi)?.length ?? 0;
}

function hasEmphasis(node: AdfNode): boolean {
  if ((node.marks ?? []).some((m) => m.type === 'strong' || m.type === 'em' || m.type === 'strike')) return true;
  return (node.content ?? []).some(hasEmphasis);
}

function atRisk(node: AdfNode): boolean {
  let marked = false;
  let delimiters = false;
  const visit = (n: AdfNode): void => {
    if (n.type === 'text') {
      if ((n.marks ?? []).some((m) => m.type === 'strong' || m.type === 'em' || m.type === 'strike')) marked = true;
      if (/[*_~]/.test(n.text ?? '')) delimiters = true;
    }
    for (const child of n.content ?? []) visit(child);
  };
  visit(node);
  return marked && delimiters;
}
