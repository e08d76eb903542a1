import type { Definition, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import { InputError } from '../plugin-api/errors.js';
import type { MediaResolver } from './adf-inline-to-mdast.js';
import { AdfMarkdownRenderer, externalImage } from './adf-to-markdown.js';
import type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';
import { fitBlocks, type FlowParent } from './adf-content-rules.js';
import { parseMarkdown } from './markdown-dialect.js';
import { InlineConverter, type Definitions } from './mdast-inline-to-adf.js';
import { gfmTableToAdf, reconcileTable } from './mdast-table-to-adf.js';
import { PlaceholderResolver } from './placeholder-resolver.js';
import { parsePlaceholder, type Placeholder, type PlaceholderMdast } from './placeholder-syntax.js';
import { ListConverter } from './mdast-list-to-adf.js';
import { applyPlaceholderEdit, PANEL_TYPES } from './placeholder-edits.js';
import { storagePlaceholder } from './storage-placeholders.js';
import { normaliseAdf } from './adf-normalise.js';
import { canonicalJson, type NodeIds } from './node-ids.js';
import { INLINE_TYPES } from './adf-shape.js';
import { callout, detailsClose, detailsParts, opensDetails } from './markdown-extras.js';
import type { ReadDocument } from './read-documents.js';
import { mentionName, type MentionTable } from './mentions.js';
import { inheritInPlace } from './adf-inherit.js';
import { BlockReuse, isKnownBlock, type KnownBlock } from './block-reuse.js';
import { parseInPieces, shiftPositions } from './markdown-chunks.js';
import { findClose, markerOf } from './container-markers.js';

/** Options of a Markdown → ADF conversion. */
export interface MarkdownToAdfOptions {
  /** The current document: placeholders resolve against it, unchanged blocks come back verbatim. */
  base?: AdfDoc;
  /** The media resolver used when the Markdown was read (lets blocks with media match verbatim). */
  media?: MediaResolver;
  /** @internal Reuse unchanged blocks of `base` verbatim (default true); tests turn it off. */
  reuseBlocks?: boolean;
  /** @internal The base's ids, when the caller already computed them. */
  ids?: NodeIds;
  /** @internal The result is written as Confluence storage (storage-only placeholders allowed). */
  forStorage?: boolean;
  /** Documents read on this connection: placeholders copied from them resolve. */
  others?: readonly ReadDocument[];
  /** Key of the document being written (its own earlier reads are not "other documents"). */
  source?: string;
  /** Mentions checked against the product's user directory (`resolveMentions`). */
  mentions?: MentionTable;
}

const CONTAINERS = new Set(['panel', 'expand', 'layout', 'column', 'macro', 'table']);

/**
 * Markdown → ADF. Each block whose Markdown is exactly what the current document's block renders
 * to is that block, verbatim (so invisible attributes — localIds, widths, alignment — survive);
 * everything else is converted, with placeholders resolved against the current document.
 */
export class MarkdownAdfConverter {
  private readonly resolver: PlaceholderResolver;
  private readonly inline: InlineConverter;
  private readonly reuse = new BlockReuse();
  private readonly renderer: AdfMarkdownRenderer;
  private readonly lists: ListConverter;
  private readonly definitions: Definitions = new Map();
  /** Nodes taken as they are from the current document (block reuse, ids): never re-fitted. */
  private readonly verbatim = new WeakSet<AdfNode>();
  private source = '';

  constructor(private readonly options: MarkdownToAdfOptions = {}) {
    this.resolver = new PlaceholderResolver(options.base, {
      ids: options.ids,
      others: options.others,
      target: options.source,
      format: options.forStorage === true ? 'storage' : 'adf',
    });
    const reuse = options.base !== undefined && options.reuseBlocks !== false;
    // Render the base exactly as it was read (same verifier), so unchanged blocks match verbatim.
    const verify = reuse
      ? MarkdownAdfConverter.verifier(options.base!.content, options.media, this.resolver.ids)
      : undefined;
    this.renderer = new AdfMarkdownRenderer({ ids: this.resolver.ids, media: options.media, verify });
    this.inline = new InlineConverter(this.resolver, this.definitions, options.forStorage === true, options.mentions);
    this.lists = new ListConverter(
      this.inline,
      (node) => this.block(node),
      (item) => this.slice(item, item),
      (nodes, parent) => this.fit(nodes, parent),
    );
    if (reuse) this.indexFlow(options.base!.content);
    // Blocks copied whole from another document read in this session come back as they were there.
    if (options.reuseBlocks !== false) {
      const format = options.forStorage === true ? 'storage' : 'adf';
      for (const doc of options.others ?? []) {
        if (doc.format !== format || doc.key === options.source) continue;
        for (const block of doc.blocks) this.reuse.add(block.markdown, block.node);
      }
    }
  }

  /**
   * A check that one block's Markdown converts back to that block (after normalisation), for the
   * renderer's fallback on serialiser corner cases. Placeholders resolve against `content`.
   */
  static verifier(
    content: AdfNode[],
    media?: MediaResolver,
    ids?: NodeIds,
  ): (markdown: string, node: AdfNode) => boolean {
    const converter = new MarkdownAdfConverter({
      base: { type: 'doc', version: 1, content },
      media,
      reuseBlocks: false,
      ids,
    });
    return (markdown, node) => {
      try {
        const out = converter.convert(markdown).content;
        return out.length === 1 && canonicalJson(normaliseAdf(out[0]!)) === canonicalJson(normaliseAdf(node));
      } catch {
        return false;
      }
    };
  }

  /** Converts a whole document. */
  convert(markdown: string): AdfDoc {
    markdown = markdown.replace(/\r\n?/g, '\n'); // CRLF from some clients: same blocks, same reuse
    this.source = markdown;
    // Blocks of the current document that come back unchanged are found, not parsed (BlockReuse).
    const root = this.reuse.size > 0 ? this.reuse.parse(markdown) : parseInPieces(markdown);
    this.collectDefinitions(root);
    let content = this.fit(this.flow(root.children, 'doc'), 'doc');
    // Edited blocks keep the ids of the blocks they replace (reuse on: a write against the document).
    if (this.options.base !== undefined && this.options.reuseBlocks !== false)
      content = inheritInPlace(this.options.base.content, content);
    return { type: 'doc', version: 1, content };
  }

  /**
   * Makes blocks legal where they go in ADF. Storage has no such rules (macros nest in macros,
   * headings sit in list items), and nodes taken verbatim from the current document stay as they were.
   */
  private fit(nodes: AdfNode[], parent: FlowParent): AdfNode[] {
    if (this.options.forStorage === true) return nodes;
    return fitBlocks(nodes, parent, (node) => this.verbatim.has(node));
  }

  private indexFlow(nodes: readonly AdfNode[]): void {
    for (const block of this.renderer.renderFlow(nodes)) {
      this.reuse.add(block.markdown, block.node);
      this.lists.index(block.node, this.renderer);
      const kind = block.node.type;
      if (
        kind === 'panel' ||
        kind === 'expand' ||
        kind === 'nestedExpand' ||
        kind === 'layoutSection' ||
        kind === 'layoutColumn' ||
        kind === 'bodiedExtension'
      ) {
        this.indexFlow(block.node.content ?? []);
      }
    }
  }

  private collectDefinitions(root: Root): void {
    const defs = this.definitions;
    defs.clear();
    for (const node of root.children) {
      if (node.type === 'definition')
        defs.set((node as Definition).identifier.toLowerCase(), { url: node.url, title: node.title ?? null });
    }
  }

  private flow(nodes: readonly RootContent[], parent: FlowParent): AdfNode[] {
    const out: AdfNode[] = [];
    let children = nodes;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (isKnownBlock(child)) {
        const known = child as unknown as KnownBlock;
        const reused = this.take(known, known);
        if (reused !== undefined) {
          out.push(reused);
          continue;
        }
        // Its block was taken already (the model repeated it): what parsing gives, in its place.
        const parsed = parseMarkdown(this.slice(known, known)!).children;
        for (const node of parsed) shiftPositions(node, known.position.start.offset!);
        children = [...children.slice(0, i), ...parsed, ...children.slice(i + 1)];
        i--;
        continue;
      }
      if (opensDetails(child)) {
        const close = detailsClose(children, i);
        if (close !== -1) {
          out.push(this.details(children, i, close, parent));
          i = close;
          continue;
        }
      }
      const open = markerOf(child);
      if (open !== undefined && !open.closing && (CONTAINERS.has(open.kind) || open.id !== undefined)) {
        const close = findClose(children, i, open.kind, (ph) => this.resolver.isLeaf(ph));
        if (close !== -1) {
          const reused = this.take(children[i]!, children[close]!);
          out.push(reused ?? this.container(open, children.slice(i + 1, close), parent));
          i = close;
          continue;
        }
        // An unclosed container marker with an id may be an opaque node of that type (a panel whose
        // structure could not be read); anything else unclosed is a mistake worth naming.
        const mustClose = CONTAINERS.has(open.kind) && open.kind !== 'macro' && open.kind !== 'table';
        if (mustClose && !(open.id !== undefined && this.resolver.hasNode(open))) {
          throw new InputError(
            `⟦${open.kind}…⟧ is not closed: end its body with ⟦/${open.kind}⟧ on a line of its own.`,
          );
        }
      }
      if (open?.closing)
        throw new InputError(
          `⟦/${open.kind}⟧ closes nothing: remove it or add the matching ⟦${open.kind} …⟧ before it.`,
        );
      const reused = this.take(child, child);
      if (reused !== undefined) out.push(reused);
      else out.push(...this.block(child));
    }
    return out;
  }

  /** The current document's block whose Markdown is exactly this source range, if any. */
  private take(first: { position?: Position }, last: { position?: Position }): AdfNode | undefined {
    if (this.reuse.size === 0) return undefined;
    const text = this.slice(first, last);
    const node = text === undefined ? undefined : this.reuse.take(text);
    if (node !== undefined) this.verbatim.add(node);
    return node;
  }

  private slice(first: { position?: Position }, last: { position?: Position }): string | undefined {
    if (first.position?.start.offset === undefined || last.position?.end.offset === undefined) return undefined;
    return this.source.slice(first.position.start.offset, last.position.end.offset);
  }

  /** `<details><summary>Title</summary> … </details>` (from html node `from` to `close`): an expand. */
  private details(children: readonly RootContent[], from: number, close: number, parent: FlowParent): AdfNode {
    const { title, head, tail } = detailsParts(children, from, close);
    const type = parent === 'expand' || parent === 'nestedExpand' || parent === 'tableCell' ? 'nestedExpand' : 'expand';
    const content = this.fit(
      [...this.fragment(head, type), ...this.flow(children.slice(from + 1, close), type), ...this.fragment(tail, type)],
      type,
    );
    return {
      type,
      attrs: title === undefined ? {} : { title },
      content: content.length > 0 ? content : [emptyParagraph()],
    };
  }

  /** Blocks from Markdown that sat inside an html node (the body of a one-block `<details>`). */
  private fragment(markdown: string, parent: FlowParent): AdfNode[] {
    if (markdown.trim() === '') return [];
    const source = this.source;
    this.source = markdown;
    try {
      return this.flow(parseMarkdown(markdown).children, parent);
    } finally {
      this.source = source;
    }
  }

  private container(open: Placeholder, body: RootContent[], parent: FlowParent): AdfNode {
    if (open.kind === 'table') {
      const table = body.length === 1 && body[0]!.type === 'table' ? body[0] : undefined;
      if (table === undefined) throw new InputError('⟦table…⟧ must wrap exactly one Markdown table.');
      // A table copied from a document no longer at hand is rebuilt from its preview.
      const base = open.id === undefined ? undefined : this.resolver.findNode(open);
      if (base === undefined) return gfmTableToAdf(table, this.inline);
      return reconcileTable(base, table, this.inline, { ids: this.resolver.ids, media: this.options.media });
    }
    const known = open.id === undefined ? undefined : this.resolver.findShell(open);
    // A container from no document at hand is what its marker says (a panel, an expand…).
    if (open.id !== undefined && known === undefined && open.kind === 'macro') this.resolver.unresolvable(open);
    const shell = known !== undefined ? applyPlaceholderEdit(known, open) : this.newShell(open, parent);
    const childParent: FlowParent = shell.type === 'layoutSection' ? 'layoutSection' : (shell.type as FlowParent);
    let content = this.fit(this.flow(body, childParent), childParent);
    if (content.length === 0) content = shell.type === 'layoutSection' ? [] : [{ type: 'paragraph', content: [] }];
    const { content: _old, ...rest } = shell;
    void _old;
    return shell.content === undefined ? { ...rest, content } : { ...shell, content };
  }

  private newShell(open: Placeholder, parent: FlowParent): AdfNode {
    switch (open.kind) {
      case 'panel': {
        const panelType = open.arg === '' ? 'info' : open.arg;
        if (!PANEL_TYPES.includes(panelType))
          throw new InputError(`⟦panel ${open.arg}⟧: the panel type is one of ${PANEL_TYPES.join(', ')}.`);
        return { type: 'panel', attrs: { panelType } };
      }
      case 'expand':
        return {
          type: parent === 'expand' || parent === 'tableCell' ? 'nestedExpand' : 'expand',
          attrs: open.arg === '' ? {} : { title: open.arg },
        };
      case 'layout':
        return { type: 'layoutSection' };
      case 'column': {
        const width = Number(open.arg);
        return {
          type: 'layoutColumn',
          attrs: { width: Number.isFinite(width) && width > 0 && width <= 100 ? width : 50 },
        };
      }
    }
    throw new InputError(
      `⟦${open.kind} ${open.arg}⟧ cannot be created from Markdown; only copied from what was read (with its ^id).`,
    );
  }

  private block(node: RootContent): AdfNode[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node)];
      case 'heading': {
        const { marks, rest } = this.blockMarks(node.children);
        const heading: AdfNode = { type: 'heading', attrs: { level: node.depth }, content: this.inline.convert(rest) };
        if (marks.length > 0) heading.marks = marks;
        return [heading];
      }
      case 'thematicBreak':
        return [{ type: 'rule' }];
      case 'code': {
        const ref = /^\^([0-9a-z]{3,16})$/.exec(node.meta ?? node.lang ?? '');
        const language = ref !== null && node.meta == null ? undefined : (node.lang ?? undefined);
        const text = node.value === '' ? [] : [{ type: 'text', text: node.value }];
        const shell =
          ref === null ? undefined : this.resolver.findShell({ kind: 'code', arg: '', id: ref[1], closing: false });
        if (shell !== undefined) {
          const attrs = { ...(shell.attrs ?? {}) };
          if (language !== undefined) attrs.language = language;
          return [
            { ...shell, ...(shell.attrs !== undefined || language !== undefined ? { attrs } : {}), content: text },
          ];
        }
        const code: AdfNode = { type: 'codeBlock' };
        if (language) code.attrs = { language };
        code.content = text;
        return [code];
      }
      case 'blockquote': {
        const panel = callout(node, this.options.forStorage === true ? 'storage' : 'adf');
        if (panel !== undefined) {
          // `> [!WARNING]` (GitHub's callout) is a panel.
          const body = this.fit(
            panel.children.flatMap((c) => this.block(c)),
            'panel',
          );
          return [
            {
              type: 'panel',
              attrs: { panelType: panel.panelType },
              content: body.length > 0 ? body : [emptyParagraph()],
            },
          ];
        }
        const content = this.fit(
          node.children.flatMap((c) => this.block(c)),
          'blockquote',
        );
        return content.length === 0 ? [] : [{ type: 'blockquote', content }];
      }
      case 'list':
        return [this.lists.convert(node)];
      case 'table':
        return [gfmTableToAdf(node, this.inline)];
      case 'html':
        return [{ type: 'paragraph', content: node.value === '' ? [] : [{ type: 'text', text: node.value }] }];
      case 'footnoteDefinition': {
        // `[^1]: text` reads as its paragraph led by the superscript label, where it is defined.
        const blocks = node.children.flatMap((c) => this.block(c));
        const label: AdfNode = { type: 'text', text: node.label ?? node.identifier, marks: [SUP] };
        if (blocks[0]?.type === 'paragraph')
          blocks[0] = { ...blocks[0], content: [label, { type: 'text', text: ' ' }, ...(blocks[0].content ?? [])] };
        else blocks.unshift({ type: 'paragraph', content: [label] });
        return blocks;
      }
      default:
        return [];
    }
  }

  private paragraph(node: Paragraph): AdfNode {
    const only = node.children.length === 1 ? node.children[0]! : undefined;
    if (only?.type === 'placeholder') {
      const ph = parsePlaceholder((only as PlaceholderMdast).value);
      if (ph.kind === 'empty' && !ph.closing) return { type: 'paragraph', content: [] };
      const found =
        !ph.closing && ph.id !== undefined && mentionName((only as PlaceholderMdast).value) === undefined
          ? this.resolver.findNode(ph)
          : undefined;
      if (found !== undefined) {
        const target = applyPlaceholderEdit(found, ph);
        if (!isInline(target)) {
          this.verbatim.add(target);
          return target;
        }
      }
      if (
        ph.id === undefined &&
        this.options.forStorage === true &&
        (ph.kind === 'toc' || ph.kind === 'jira' || ph.kind === 'image')
      ) {
        const block = storagePlaceholder(ph, true);
        if (block !== undefined) return block;
      }
      // Cards are what their URL says (with an id from no document at hand, too).
      if (ph.kind === 'blockcard' && found === undefined) return { type: 'blockCard', attrs: { url: ph.arg } };
      if (ph.kind === 'embed' && found === undefined)
        return { type: 'embedCard', attrs: { url: ph.arg, layout: 'center' } };
    }
    if (only?.type === 'image') return externalImage(only.url, only.alt, only.title);
    // `[![alt](src)](href)`: a linked image.
    const linked = only?.type === 'link' && only.children.length === 1 ? only.children[0] : undefined;
    if (only?.type === 'link' && linked?.type === 'image' && !only.url.startsWith('accountid:'))
      return {
        ...externalImage(linked.url, linked.alt, linked.title),
        marks: [{ type: 'link', attrs: { href: only.url } }],
      };
    const { marks, rest } = this.blockMarks(node.children);
    const restOnly =
      rest.length === 1 && rest[0]!.type === 'placeholder'
        ? parsePlaceholder((rest[0] as PlaceholderMdast).value)
        : undefined;
    const paragraph: AdfNode = {
      type: 'paragraph',
      content: restOnly?.kind === 'empty' && !restOnly.closing ? [] : this.inline.convert(rest),
    };
    if (marks.length > 0) paragraph.marks = marks;
    return paragraph;
  }

  /** Leading `⟦align center⟧`, `⟦indent 2⟧`, `⟦blockmark …^id⟧` placeholders → block marks. */
  private blockMarks(children: readonly PhrasingContent[]): { marks: AdfMark[]; rest: PhrasingContent[] } {
    const marks: AdfMark[] = [];
    let i = 0;
    for (; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'placeholder') break;
      const ph = parsePlaceholder((child as PlaceholderMdast).value);
      if (ph.closing) break;
      if (ph.kind === 'align' && (ph.arg === 'center' || ph.arg === 'end'))
        marks.push({ type: 'alignment', attrs: { align: ph.arg } });
      else if (ph.kind === 'indent' && /^[1-6]$/.test(ph.arg))
        marks.push({ type: 'indentation', attrs: { level: Number(ph.arg) } });
      else if (ph.kind === 'blockmark') {
        // A block mark from no document at hand (a breakout width…) is dropped.
        const mark = this.resolver.findMark(ph);
        if (mark !== undefined) marks.push(mark);
      } else break;
    }
    const rest = children.slice(i);
    if (marks.length > 0 && rest[0]?.type === 'text' && rest[0].value.startsWith(' ')) {
      rest[0] = { ...rest[0], value: rest[0].value.slice(1) };
      if (rest[0].value === '') rest.shift();
    }
    return { marks, rest };
  }
}

function isInline(node: AdfNode): boolean {
  return INLINE_TYPES.has(node.type);
}

const SUP: AdfMark = { type: 'subsup', attrs: { type: 'sup' } };

function emptyParagraph(): AdfNode {
  return { type: 'paragraph', content: [] };
}
