import type { PhrasingContent } from 'mdast';
import { InputError } from '../plugin-api/errors.js';
import { createDate, createStatus, STATUS_COLORS } from './adf-inline-to-mdast.js';
import type { AdfMark, AdfNode } from './adf-types.js';
import { canonicalJson } from './node-ids.js';
import { applyPlaceholderEdit } from './placeholder-edits.js';
import { storagePlaceholder } from './storage-placeholders.js';
import type { PlaceholderResolver } from './placeholder-resolver.js';
import { parsePlaceholder, type Placeholder, type PlaceholderMdast } from './placeholder-syntax.js';
import { mentionKey, mentionName, type DirectoryUser, type MentionTable } from './mentions.js';

/** Link reference definitions of the document being converted (`[x]: https://…`). */
export type Definitions = Map<string, { url: string; title: string | null }>;

const HTML_SPAN = /^<(\/?)(u|sub|sup|ins|kbd|strong|b|em|i|del|s)\s*>$/i;
const HTML_BREAK = /^<br\s*\/?>$/i;

/**
 * mdast phrasing → ADF inline nodes for one paragraph (or heading, cell, task). Span marks that
 * Markdown writes as open/close pairs (`<u>…</u>`, `⟦color #hex⟧…⟦/color⟧`) may straddle emphasis,
 * so they live on a stack for the whole run rather than in the tree.
 */
export class InlineConverter {
  /** Open span marks; `mark` undefined: a span copied from elsewhere that means nothing here. */
  private readonly spans: { kind: string; mark?: AdfMark }[] = [];

  constructor(
    private readonly resolver: PlaceholderResolver,
    private readonly definitions: Definitions,
    /** True when the result is written as Confluence storage (enables ⟦page …⟧, ⟦jira …⟧, …). */
    private readonly forStorage = false,
    /** Mentions checked against the product's user directory (`resolveMentions`). */
    private readonly mentions?: MentionTable,
  ) {}

  /** Converts one run; unclosed spans end with it. */
  convert(nodes: readonly PhrasingContent[]): AdfNode[] {
    this.spans.length = 0;
    return mergeText(this.phrasing(nodes, []));
  }

  private phrasing(nodes: readonly PhrasingContent[], marks: AdfMark[]): AdfNode[] {
    return nodes.flatMap((node) => this.one(node, marks));
  }

  private one(node: PhrasingContent, marks: AdfMark[]): AdfNode[] {
    switch (node.type) {
      case 'text':
        return this.text(node.value, marks);
      case 'strong':
        return this.phrasing(node.children, [...marks, { type: 'strong' }]);
      case 'emphasis':
        return this.phrasing(node.children, [...marks, { type: 'em' }]);
      case 'delete':
        return this.phrasing(node.children, [...marks, { type: 'strike' }]);
      case 'inlineCode': {
        // Code takes only the marks the schema allows with it: links and comment annotations.
        const link = [...marks, ...this.spanMarks()].filter((m) => m.type === 'link' || m.type === 'annotation');
        // CommonMark: a line ending inside a code span is a space.
        const value = node.value.replace(/\r\n|\r|\n/g, ' ');
        return value === '' ? [] : [withMarks({ type: 'text', text: value }, [...link, { type: 'code' }])];
      }
      case 'break':
        return [{ type: 'hardBreak' }];
      case 'link':
        return this.link(node.url, node.title ?? null, node.children, marks);
      case 'linkReference': {
        const def = this.definitions.get(node.identifier.toLowerCase());
        return def
          ? this.link(def.url, def.title, node.children, marks)
          : this.text(`[${textOf(node.children)}]`, marks);
      }
      case 'image':
        return this.imageText(node.url, node.alt ?? '', marks);
      case 'imageReference': {
        const def = this.definitions.get(node.identifier.toLowerCase());
        return def ? this.imageText(def.url, node.alt ?? '', marks) : this.text(node.alt ?? '', marks);
      }
      case 'html':
        return this.html(node.value, marks);
      case 'placeholder':
        return this.placeholder(node as PlaceholderMdast, marks);
      case 'footnoteReference':
        return this.text(node.label ?? node.identifier, [...marks, { type: 'subsup', attrs: { type: 'sup' } }]);
      default:
        return [];
    }
  }

  private text(value: string, marks: AdfMark[]): AdfNode[] {
    if (value === '') return [];
    const all = [...marks, ...this.spanMarks()];
    return this.resolver
      .splitEmoji(value)
      .map((part) => this.withMarks(typeof part === 'string' ? { type: 'text', text: part } : part, all));
  }

  private link(url: string, title: string | null, children: PhrasingContent[], marks: AdfMark[]): AdfNode[] {
    if (url.startsWith('accountid:')) {
      const id = url.slice('accountid:'.length);
      const shown = textOf(children);
      const display = shown.startsWith('@') ? shown : '@' + shown;
      if (id === '') throw new InputError(`Mention "${shown}" has no account id: write [@Name](accountid:ID).`);
      const checked = this.mentions?.get(mentionKey(display.slice(1), id));
      if (checked !== undefined) return [personMention(checked)];
      return [this.resolver.mention(id, display) ?? { type: 'mention', attrs: { id, text: display } }];
    }
    const attrs: Record<string, unknown> = { href: url };
    if (title !== null && title !== '') attrs.title = title;
    return this.phrasing(children, [...marks, { type: 'link', attrs }]);
  }

  private imageText(url: string, alt: string, marks: AdfMark[]): AdfNode[] {
    return this.text(alt === '' ? url : alt, [...marks, { type: 'link', attrs: { href: url } }]);
  }

  private html(value: string, marks: AdfMark[]): AdfNode[] {
    if (HTML_BREAK.test(value)) return [{ type: 'hardBreak' }];
    const span = HTML_SPAN.exec(value);
    if (span === null) return this.text(value, marks);
    const tag = span[2]!.toLowerCase();
    if (span[1] === '/') {
      this.close(tag);
      return [];
    }
    this.spans.push({ kind: tag, mark: this.htmlMark(tag) });
    return [];
  }

  /** The mark an inline HTML tag the model wrote stands for (`<kbd>` is code in ADF, itself in storage). */
  private htmlMark(tag: string): AdfMark {
    switch (tag) {
      case 'u':
      case 'ins':
        return { type: 'underline' };
      case 'strong':
      case 'b':
        return { type: 'strong' };
      case 'em':
      case 'i':
        return { type: 'em' };
      case 'del':
      case 's':
        return { type: 'strike' };
      case 'kbd':
        return this.forStorage ? { type: 'html:kbd', attrs: { xmlAttrs: [] } } : { type: 'code' };
      default:
        return { type: 'subsup', attrs: { type: tag } };
    }
  }

  private close(kind: string): void {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      if (
        this.spans[i]!.kind === kind ||
        SAME_TAG[kind] === this.spans[i]!.kind ||
        SAME_TAG[this.spans[i]!.kind] === kind
      ) {
        this.spans.splice(i, 1);
        return;
      }
    }
  }

  private placeholder(node: PlaceholderMdast, marks: AdfMark[]): AdfNode[] {
    const name = mentionName(node.value);
    if (name !== undefined) return [this.mentionByName(name, parsePlaceholder(node.value))];
    const ph = parsePlaceholder(node.value);
    if (ph.closing) {
      this.close(ph.kind);
      return [];
    }
    switch (ph.kind) {
      case 'color':
      case 'bg': {
        // With an id from no document at hand, the colour written is the colour meant.
        const known = ph.id === undefined ? undefined : this.resolver.findMark(ph);
        if (known === undefined && !/^#[0-9a-fA-F]{6}$/.test(ph.arg))
          throw new InputError(`⟦${ph.kind} ${ph.arg}⟧ needs a colour like #ff5630.`);
        this.spans.push({
          kind: ph.kind,
          mark: known ?? { type: ph.kind === 'color' ? 'textColor' : 'backgroundColor', attrs: { color: ph.arg } },
        });
        return [];
      }
      case 'mark':
        // A mark from no document at hand (a comment annotation of another page) is dropped; its text stays.
        this.spans.push({ kind: 'mark', mark: this.resolver.findMark(ph) });
        return [];
      case 'strong':
      case 'em':
      case 'strike':
        this.spans.push({ kind: ph.kind, mark: { type: ph.kind } });
        return [];
      case 'empty':
        return [];
      case 'br':
        return [{ type: 'hardBreak' }];
    }
    return [this.atom(ph, marks)];
  }

  private spanMarks(): AdfMark[] {
    return this.spans.flatMap((s) => (s.mark === undefined ? [] : [s.mark]));
  }

  /** Marks on a node; storage's kept HTML spans exist only when writing storage. */
  private withMarks(node: AdfNode, marks: AdfMark[]): AdfNode {
    return withMarks(node, this.forStorage ? marks : marks.filter((m) => !m.type.startsWith('html:')));
  }

  /**
   * `⟦@Jane Doe⟧`: the person of that name mentioned in the current document (or one read in this
   * session), else the one the directory confirmed; `⟦@Jane Doe^id⟧` names one mention node.
   */
  private mentionByName(name: string, ph: Placeholder): AdfNode {
    if (ph.id !== undefined) {
      const node = this.resolver.findNode({ ...ph, kind: 'mention' });
      if (node !== undefined) return node;
    }
    const known = this.resolver.mentionsNamed('@' + name);
    if (known.length === 1) return known[0]!;
    const checked = this.mentions?.get(mentionKey(name));
    if (checked !== undefined) return personMention(checked);
    throw new InputError(
      known.length > 1
        ? `⟦@${name}⟧ could be ${known.length} people in this document.`
        : `⟦@${name}⟧: no account id is known for "${name}".`,
      { hint: 'Write [@Name](accountid:ID) with the account id (a user search finds it).' },
    );
  }

  /** An inline node from a placeholder: the current document's node when it has an id. */
  private atom(ph: Placeholder, marks: AdfMark[]): AdfNode {
    if (ph.id !== undefined) {
      const known = this.resolver.findNode(ph);
      if (known !== undefined) return applyPlaceholderEdit(known, ph);
      // From no document at hand: what the placeholder's text describes is rebuilt below.
      if (!SELF_DESCRIBING.has(ph.kind.replace(/^status:.*/, 'status'))) this.resolver.unresolvable(ph);
    }
    const colored = /^status:([a-z]+)$/.exec(ph.kind);
    if (colored !== null) {
      if (!STATUS_COLORS.includes(colored[1]!))
        throw new InputError(`⟦${ph.kind} …⟧: the colour is one of ${STATUS_COLORS.join(', ')}.`);
      if (ph.arg === '') throw new InputError('⟦status⟧ needs a text, like ⟦status:green Done⟧.');
      return createStatus(ph.arg, colored[1]);
    }
    const storage = this.forStorage ? storagePlaceholder(ph, false) : undefined;
    if (storage !== undefined) return storage;
    switch (ph.kind) {
      case 'date':
        if (!/^\d{4}-\d{2}-\d{2}$/.test(ph.arg) || Number.isNaN(Date.parse(ph.arg)))
          throw new InputError(`⟦date ${ph.arg}⟧ needs an ISO date like 2026-01-31.`);
        return createDate(ph.arg);
      case 'status':
        if (ph.arg === '') throw new InputError('⟦status⟧ needs a text, like ⟦status In Progress⟧.');
        return createStatus(ph.arg);
      case 'emoji':
        return { type: 'emoji', attrs: { shortName: ph.arg.startsWith(':') ? ph.arg : `:${ph.arg}:` } };
      case 'card':
        return { type: 'inlineCard', attrs: { url: ph.arg } };
      case '←':
      case '↑':
        return { type: 'text', text: ' ' }; // a merged-cell filler of a table copied without its original
    }
    void marks;
    if (ph.id !== undefined) this.resolver.unresolvable(ph);
    throw new InputError(
      `Unknown placeholder ⟦${ph.kind}${ph.arg ? ' ' + ph.arg : ''}⟧: keep placeholders exactly as read, or use ⟦status …⟧, ⟦date …⟧, ⟦emoji …⟧, ⟦card URL⟧.`,
    );
  }
}

/** Tags that close each other (`<b>…</strong>` is forgiven). */
const SAME_TAG: Record<string, string> = { ins: 'u', b: 'strong', i: 'em', s: 'del' };

/** A mention of a person the directory confirmed. */
function personMention(user: DirectoryUser): AdfNode {
  return { type: 'mention', attrs: { id: user.accountId, text: '@' + user.displayName } };
}

/** Placeholder kinds whose text rebuilds the node when its id is from no document at hand. */
const SELF_DESCRIBING = new Set(['status', 'date', 'emoji', 'card', 'page', 'attachment', 'image', 'jira', 'toc']);

function withMarks(node: AdfNode, marks: AdfMark[]): AdfNode {
  const unique: AdfMark[] = [];
  const seen = new Set<string>();
  for (const mark of marks) {
    const key =
      mark.type === 'link' || mark.type === 'subsup' || mark.type === 'textColor' || mark.type === 'backgroundColor'
        ? mark.type
        : canonicalJson(mark);
    if (seen.has(key)) continue; // innermost wins for exclusive marks
    seen.add(key);
    unique.push(mark);
  }
  if (unique.some((m) => m.type === 'code')) {
    const allowed = unique.filter((m) => m.type === 'code' || m.type === 'link' || m.type === 'annotation');
    return { ...node, marks: allowed };
  }
  return unique.length === 0 ? node : { ...node, marks: unique };
}

/** Joins neighbouring text nodes with identical marks. */
function mergeText(nodes: AdfNode[]): AdfNode[] {
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

/** The plain text of phrasing content. */
export function textOf(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) =>
      'value' in n && n.type !== 'html' ? n.value : 'children' in n ? textOf(n.children as PhrasingContent[]) : '',
    )
    .join('');
}
