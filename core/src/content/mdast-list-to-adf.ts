import type { BlockContent, List, ListItem, Paragraph, RootContent } from 'mdast';
import type { AdfMarkdownRenderer } from './adf-to-markdown.js';
import type { AdfNode } from './adf-types.js';
import { localId } from './local-id.js';
import type { InlineConverter } from './mdast-inline-to-adf.js';
import { parsePlaceholder, type PlaceholderMdast } from './placeholder-syntax.js';

const LIST_TYPES = new Set(['bulletList', 'orderedList', 'taskList', 'decisionList']);
const MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]/;

/**
 * mdast lists → ADF bullet, ordered, task and decision lists. Within a list that was edited, every
 * item whose Markdown is unchanged is the current document's item, verbatim — so ticking one task
 * in a long checklist keeps every other task's `localId` (and the list's own).
 */
export class ListConverter {
  private readonly items = new Map<string, { item: AdfNode; list: AdfNode }[]>();
  /** Lists indexed only when a list is converted: most writes reuse whole lists, or have none. */
  private pending: Array<{ list: AdfNode; renderer: AdfMarkdownRenderer }> = [];

  constructor(
    private readonly inline: InlineConverter,
    private readonly block: (node: RootContent) => AdfNode[],
    private readonly sourceOf: (node: ListItem) => string | undefined,
    private readonly fit: (nodes: AdfNode[], parent: string) => AdfNode[],
  ) {}

  /** Indexes the items of a current-document list by their Markdown (marker stripped), when first needed. */
  index(list: AdfNode, renderer: AdfMarkdownRenderer): void {
    if (LIST_TYPES.has(list.type)) this.pending.push({ list, renderer });
  }

  private indexPending(): void {
    const pending = this.pending;
    this.pending = [];
    for (const { list, renderer } of pending) this.indexItems(list, renderer);
  }

  private indexItems(list: AdfNode, renderer: AdfMarkdownRenderer): void {
    for (const item of list.content ?? []) {
      if (item.type === 'taskList') continue;
      const markdown = renderer.renderFlow([{ ...list, content: [item] }])[0]?.markdown;
      if (markdown === undefined) continue;
      const key = markdown.replace(MARKER, '');
      const hits = this.items.get(key) ?? [];
      hits.push({ item, list });
      this.items.set(key, hits);
    }
  }

  convert(list: List): AdfNode {
    const items = list.children;
    if (items.length > 0 && items.every((item) => item.checked === true || item.checked === false))
      return this.taskList(list);
    if (!list.ordered && items.length > 0 && items.every((item) => decisionMarker(item.children[0]) !== undefined))
      return this.decisionList(list);
    const type = list.ordered ? 'orderedList' : 'bulletList';
    let shell: AdfNode | undefined;
    const content = items.map((item) => {
      const hit = this.take(item, 'listItem', type);
      if (hit !== undefined) {
        shell ??= hit.list;
        return hit.item;
      }
      const converted: AdfNode = {
        type: 'listItem',
        content: this.fit(
          item.children.flatMap((c) => this.block(c)),
          'listItem',
        ),
      };
      if (converted.content!.length === 0) converted.content!.push({ type: 'paragraph', content: [] });
      return converted;
    });
    if (shell !== undefined) {
      const order = list.ordered ? (list.start ?? 1) : undefined;
      return order === undefined || shell.attrs?.order === order || (shell.attrs?.order === undefined && order === 1)
        ? { ...shell, content }
        : { ...shell, attrs: { ...shell.attrs, order }, content };
    }
    return list.ordered
      ? { type: 'orderedList', attrs: { order: list.start ?? 1 }, content }
      : { type: 'bulletList', content };
  }

  private decisionList(list: List): AdfNode {
    let shell: AdfNode | undefined;
    const content = list.children.map((item) => {
      const hit = this.take(item, 'decisionItem', 'decisionList');
      if (hit !== undefined) {
        shell ??= hit.list;
        return hit.item;
      }
      const paragraph = item.children[0] as Paragraph;
      const inline = this.inline.convert(paragraph.children.slice(1));
      if (inline[0]?.type === 'text') inline[0] = { ...inline[0], text: inline[0].text!.replace(/^\s+/, '') };
      return {
        type: 'decisionItem',
        attrs: { localId: localId(), state: decisionMarker(paragraph)! },
        content: inline.filter((n) => n.type !== 'text' || n.text !== ''),
      };
    });
    return shell !== undefined
      ? { ...shell, content }
      : { type: 'decisionList', attrs: { localId: localId() }, content };
  }

  private taskList(list: List): AdfNode {
    let shell: AdfNode | undefined;
    const content: AdfNode[] = [];
    for (const item of list.children) {
      const [first, ...rest] = item.children;
      const hit = rest.length === 0 ? this.take(item, 'taskItem', 'taskList') : undefined;
      if (hit !== undefined) {
        shell ??= hit.list;
        content.push(hit.item);
        continue;
      }
      const inline = first?.type === 'paragraph' ? this.inline.convert(first.children) : [];
      content.push({
        type: 'taskItem',
        attrs: { localId: localId(), state: item.checked ? 'DONE' : 'TODO' },
        content: inline,
      });
      for (const block of first?.type === 'paragraph' ? rest : item.children) {
        if (block.type === 'list' && block.children.every((i) => i.checked === true || i.checked === false))
          content.push(this.taskList(block));
        else
          for (const b of this.block(block as BlockContent))
            content.push({ type: 'taskItem', attrs: { localId: localId(), state: 'TODO' }, content: inlineOf(b) });
      }
    }
    return shell !== undefined ? { ...shell, content } : { type: 'taskList', attrs: { localId: localId() }, content };
  }

  private take(item: ListItem, itemType: string, listType: string): { item: AdfNode; list: AdfNode } | undefined {
    if (this.pending.length > 0) this.indexPending();
    if (this.items.size === 0) return undefined;
    const source = this.sourceOf(item);
    if (source === undefined) return undefined;
    const hits = this.items.get(source.replace(MARKER, ''));
    const at = hits?.findIndex((h) => h.item.type === itemType && h.list.type === listType) ?? -1;
    return at === -1 ? undefined : hits!.splice(at, 1)[0];
  }
}

function decisionMarker(block: RootContent | undefined): string | undefined {
  if (block?.type !== 'paragraph') return undefined;
  const first = block.children[0];
  if (first?.type !== 'placeholder') return undefined;
  const ph = parsePlaceholder((first as PlaceholderMdast).value);
  return ph.kind === 'decision' && !ph.closing ? ph.arg || 'DECIDED' : undefined;
}

function inlineOf(block: AdfNode): AdfNode[] {
  if (block.type === 'paragraph' || block.type === 'heading') return block.content ?? [];
  return [{ type: 'text', text: textOfAdf(block) || ' ' }];
}

function textOfAdf(node: AdfNode): string {
  return node.text ?? (node.content ?? []).map(textOfAdf).join(' ');
}
