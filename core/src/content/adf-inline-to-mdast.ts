import type { PhrasingContent } from 'mdast';
import type { AdfMark, AdfNode } from './adf-types.js';
import type { NodeIds } from './node-ids.js';
import { canonicalJson, mentionDisplay } from './node-ids.js';
import { escapePlaceholderText, placeholderBody } from './placeholder-syntax.js';

/** Resolves a media node's attrs to an attachment name (and URL) the model can use. */
export type MediaResolver = (attrs: Record<string, unknown>) => { name: string; url?: string } | undefined;

/** What inline rendering needs from the surrounding conversion. */
export interface InlineRenderContext {
  ids: NodeIds;
  media?: MediaResolver;
  /**
   * Write strong/em/strike as ⟦strong⟧…⟦/strong⟧ spans (`true`: fallback where `**`/`*` would
   * misparse) or as `<strong>`/`<em>`/`<del>` where `**` would need character references (`'html'`:
   * the marks touching a letter or digit outside them; `'html-all'`: all of them).
   */
  spanMarks?: boolean | 'html' | 'html-all';
  /** True when `markdown` converts back to `node` (set by callers that can check; see renderFlow). */
  verify?: (markdown: string, node: AdfNode) => boolean;
}

/** Marks Markdown (plus `<u>`, `<sub>`, `<sup>`) expresses natively; the rest become spans. */
const NATIVE_RANK: Record<string, number> = { link: 0, strong: 1, em: 2, strike: 3, underline: 4, subsup: 5, code: 9 };

/** A placeholder phrasing node. */
export function placeholderNode(kind: string, arg?: string, id?: string): PhrasingContent {
  return { type: 'placeholder', value: placeholderBody(kind, arg, id) };
}

/**
 * ADF inline content → mdast phrasing. Runs of inline nodes that share a mark are wrapped once
 * (`**a _b_ c**`, not `**a **_**b**_…`), choosing at each step the mark with the longest run.
 */
export function inlineToMdast(
  nodes: readonly AdfNode[],
  ctx: InlineRenderContext,
  options: { singleLine?: boolean } = {},
): PhrasingContent[] {
  const items = liftEdgeSpaces(nodes).map((node) => ({ node, marks: node.marks ?? [] }));
  if (options.singleLine) {
    // Headings are one line: hard breaks there are written as ⟦br⟧.
    return wrapRuns(
      items.map((it) =>
        it.node.type === 'hardBreak' && isExactly(it.node, { type: 'hardBreak' })
          ? { ...it, node: { type: 'placeholder', attrs: { br: true } } }
          : it,
      ),
      ctx,
    );
  }
  const last = items[items.length - 1];
  // Markdown cannot end a paragraph with a hard break (`\` there is a literal backslash).
  const trailingBreak =
    last !== undefined &&
    last.node.type === 'hardBreak' &&
    last.marks.length === 0 &&
    isExactly(last.node, { type: 'hardBreak' });
  if (trailingBreak) items.pop();
  const out = wrapRuns(items, ctx);
  if (trailingBreak) out.push(placeholderNode('br'));
  return out;
}

/**
 * Moves whitespace at the edges of formatted text onto the neighbour side (`**bold **` cannot be
 * written in Markdown without `&#x20;` noise): a leading space keeps only the marks it shares with
 * the node before, a trailing one those it shares with the node after. This is the one documented
 * normalisation of inline content; it changes no visible text.
 */
export function liftEdgeSpaces(nodes: readonly AdfNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  const merged = mergeAdjacentText(nodes);
  merged.forEach((node, i) => {
    const marks = node.marks ?? [];
    if (node.type !== 'text' || marks.length === 0 || marks.some((m) => m.type === 'code') || node.text === undefined) {
      out.push(node);
      return;
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text)!;
    const [, lead, core, trail] = match as unknown as [string, string, string, string];
    if ((lead === '' && trail === '') || core === '') {
      out.push(node);
      return;
    }
    const shared = (other: AdfNode | undefined) => {
      const keys = new Set((other?.type === 'text' ? (other.marks ?? []) : []).map((m) => canonicalJson(m)));
      return marks.filter((m) => keys.has(canonicalJson(m)));
    };
    if (lead !== '') out.push(textWith(lead, shared(out[out.length - 1])));
    out.push({ ...node, text: core });
    if (trail !== '') out.push(textWith(trail, shared(merged[i + 1])));
  });
  return mergeAdjacentText(out);
}

function textWith(text: string, marks: AdfMark[]): AdfNode {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks };
}

/** Joins neighbouring text nodes whose marks are identical. */
export function mergeAdjacentText(nodes: readonly AdfNode[]): AdfNode[] {
  const out: AdfNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (
      last?.type === 'text' &&
      node.type === 'text' &&
      canonicalJson(last.marks ?? []) === canonicalJson(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') };
    } else {
      out.push(node);
    }
  }
  return out;
}

interface Item {
  node: AdfNode;
  marks: AdfMark[];
}

function wrapRuns(items: Item[], ctx: InlineRenderContext): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    const outer = item.marks.filter((m) => m.type !== 'code');
    if (outer.length === 0) {
      out.push(...atom(item, ctx));
      i++;
      continue;
    }
    // The mark (other than code, always innermost) with the longest run from here.
    let best = outer[0]!;
    let bestEnd = i + 1;
    for (const mark of outer) {
      const key = canonicalJson(mark);
      let end = i + 1;
      while (end < items.length && items[end]!.marks.some((m) => canonicalJson(m) === key)) end++;
      if (end - i > bestEnd - i || (end - i === bestEnd - i && rank(mark) < rank(best))) {
        best = mark;
        bestEnd = end;
      }
    }
    const key = canonicalJson(best);
    const inner = items
      .slice(i, bestEnd)
      .map((it) => ({ node: it.node, marks: it.marks.filter((m) => canonicalJson(m) !== key) }));
    // Emphasis touching a letter or digit outside it is what needs `<strong>` (see `spanMarks`).
    const tight = wordEdge(items[i - 1], -1) || wordEdge(items[bestEnd], 0);
    out.push(
      ...wrap(best, wrapRuns(inner, ctx), tight || ctx.spanMarks !== 'html' ? ctx : { ...ctx, spanMarks: undefined }),
    );
    i = bestEnd;
  }
  return out;
}

/** True when the text of `item` has a letter or digit at `at` (0: its first character, -1: its last). */
function wordEdge(item: Item | undefined, at: 0 | -1): boolean {
  const text = item?.node.type === 'text' ? (item.node.text ?? '') : '';
  return text !== '' && /[\p{L}\p{N}]/u.test(at === 0 ? text[0]! : text[text.length - 1]!);
}

function rank(mark: AdfMark): number {
  return NATIVE_RANK[mark.type] ?? 8;
}

function wrap(mark: AdfMark, children: PhrasingContent[], ctx: InlineRenderContext): PhrasingContent[] {
  const attrs = mark.attrs ?? {};
  switch (mark.type) {
    case 'strong':
    case 'em':
    case 'strike':
      if (ctx.spanMarks === true) return [placeholderNode(mark.type), ...children, placeholderNode('/' + mark.type)];
      if (ctx.spanMarks === 'html' || ctx.spanMarks === 'html-all') {
        const tag = HTML_TAG[mark.type]!;
        return [{ type: 'html', value: `<${tag}>` }, ...children, { type: 'html', value: `</${tag}>` }];
      }
      return [{ type: mark.type === 'strong' ? 'strong' : mark.type === 'em' ? 'emphasis' : 'delete', children }];
    case 'underline':
      return [{ type: 'html', value: '<u>' }, ...children, { type: 'html', value: '</u>' }];
    case 'subsup': {
      const tag = attrs.type === 'sup' ? 'sup' : 'sub';
      return [{ type: 'html', value: `<${tag}>` }, ...children, { type: 'html', value: `</${tag}>` }];
    }
    case 'link':
      if (Object.keys(attrs).every((k) => k === 'href' || k === 'title') && typeof attrs.href === 'string') {
        return [
          { type: 'link', url: attrs.href, title: typeof attrs.title === 'string' ? attrs.title : null, children },
        ];
      }
      break;
    case 'textColor':
      if (Object.keys(attrs).length === 1 && typeof attrs.color === 'string') {
        return [placeholderNode('color', attrs.color), ...children, placeholderNode('/color')];
      }
      break;
    case 'backgroundColor':
      if (Object.keys(attrs).length === 1 && typeof attrs.color === 'string') {
        return [placeholderNode('bg', attrs.color), ...children, placeholderNode('/bg')];
      }
      break;
    case 'html:kbd':
      // Storage's <kbd> as written by the model: `<kbd>Ctrl</kbd>`.
      if (Array.isArray(attrs.xmlAttrs) && attrs.xmlAttrs.length === 0 && Object.keys(attrs).length === 1)
        return [{ type: 'html', value: '<kbd>' }, ...children, { type: 'html', value: '</kbd>' }];
      break;
  }
  return [placeholderNode('mark', mark.type, ctx.ids.markId(mark)), ...children, placeholderNode('/mark')];
}

/** One inline node with only `code` (if any) left among its marks. */
function atom(item: Item, ctx: InlineRenderContext): PhrasingContent[] {
  const { node } = item;
  const attrs = node.attrs ?? {};
  const stray = item.marks.filter((m) => m.type === 'code');
  switch (node.type) {
    case 'text':
      if (stray.length > 0) return [{ type: 'inlineCode', value: node.text ?? '' }];
      return [{ type: 'text', value: node.text ?? '' }];
    case 'hardBreak':
      if (isExactly(node, { type: 'hardBreak' }) || isExactly(node, { type: 'hardBreak', attrs: { text: '\n' } })) {
        return [{ type: 'break' }];
      }
      break;
    case 'mention': {
      // `⟦@Jane Doe⟧` (a few tokens, not a 30-character account id): written back, the name finds
      // this mention again; two people shown alike in one document carry the node's id.
      const display = mentionDisplay(node);
      const id = ctx.ids.peopleNamed(display) > 1 ? ctx.ids.nodeId(node) : undefined;
      return [{ type: 'placeholder', value: '@' + escapePlaceholderText(display.slice(1)) + (id ? '^' + id : '') }];
    }
    case 'date': {
      const iso = isoDate(attrs.timestamp);
      if (iso !== undefined) return [leaf(node, 'date', iso, createDate(iso), ctx)];
      break;
    }
    case 'status':
      if (typeof attrs.text === 'string') {
        const color =
          typeof attrs.color === 'string' && STATUS_COLORS.includes(attrs.color) && attrs.color !== 'neutral'
            ? attrs.color
            : undefined;
        return [
          leaf(
            node,
            color === undefined ? 'status' : `status:${color}`,
            attrs.text,
            createStatus(attrs.text, color),
            ctx,
          ),
        ];
      }
      break;
    case 'emoji':
      // `✅`, not `⟦emoji :white_check_mark:⟧`: written back, the character finds this node again.
      if (ctx.ids.emoji().shown(node) !== undefined) return [{ type: 'text', value: ctx.ids.emoji().shown(node)! }];
      if (typeof attrs.shortName === 'string')
        return [leaf(node, 'emoji', attrs.shortName, { type: 'emoji', attrs: { shortName: attrs.shortName } }, ctx)];
      break;
    case 'inlineCard':
      if (typeof attrs.url === 'string')
        return [leaf(node, 'card', attrs.url, { type: 'inlineCard', attrs: { url: attrs.url } }, ctx)];
      break;
    case 'mediaInline': {
      const name = ctx.media?.(attrs)?.name ?? (typeof attrs.alt === 'string' ? attrs.alt : undefined);
      return [placeholderNode('file', name, ctx.ids.nodeId(node))];
    }
    case 'inlineExtension':
      return [placeholderNode('macro', String(attrs.extensionKey ?? ''), ctx.ids.nodeId(node))];
    case 'placeholder':
      if (attrs.br === true) return [placeholderNode('br')];
      break;
    case 'storageInline':
      return [placeholderNode(String(attrs.kind), String(attrs.label ?? ''), ctx.ids.nodeId(node))];
  }
  return [placeholderNode(node.type, undefined, ctx.ids.nodeId(node))];
}

const HTML_TAG: Record<string, string> = { strong: 'strong', em: 'em', strike: 'del' };

/** A leaf placeholder; the id is written only when the id-less form would not rebuild the node. */
function leaf(node: AdfNode, kind: string, arg: string, idless: AdfNode, ctx: InlineRenderContext): PhrasingContent {
  const exact = isExactly({ ...node, marks: undefined }, idless);
  return placeholderNode(kind, arg, exact ? undefined : ctx.ids.nodeId(node));
}

function isExactly(node: AdfNode, expected: AdfNode): boolean {
  return canonicalJson(node) === canonicalJson(expected);
}

/** `2026-01-31` for an ADF date timestamp (ms since epoch, as a string), UTC. */
export function isoDate(timestamp: unknown): string | undefined {
  const ms = Number(timestamp);
  if (!Number.isFinite(ms) || (typeof timestamp !== 'string' && typeof timestamp !== 'number')) return undefined;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** The date node `⟦date 2026-01-31⟧` creates (midnight UTC). */
export function createDate(iso: string): AdfNode {
  return { type: 'date', attrs: { timestamp: String(Date.parse(iso + 'T00:00:00Z')) } };
}

/** Status lozenge colours: `⟦status Done⟧` is neutral, `⟦status:green Done⟧` green. */
export const STATUS_COLORS = ['neutral', 'purple', 'blue', 'red', 'yellow', 'green'];

/** The status node `⟦status Done⟧` / `⟦status:green Done⟧` creates. */
export function createStatus(text: string, color = 'neutral'): AdfNode {
  return { type: 'status', attrs: { text, color } };
}
