import { ConflictError, InputError } from '../plugin-api/errors.js';
import type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';
import { NodeIds, canonicalJson, mentionDisplay, type IdTarget } from './node-ids.js';
import { wellShaped } from './adf-shape.js';
import { formatPlaceholder, type Placeholder } from './placeholder-syntax.js';
import type { ReadDocument } from './read-documents.js';
import { adaptNode, adaptMark } from './format-adapt.js';

/** Where placeholders may come from besides the current document. */
export interface ResolverSources {
  /** The base's ids, when the caller already computed them. */
  ids?: NodeIds;
  /** Documents read on this connection, most recent first (content copied from them resolves). */
  others?: readonly ReadDocument[];
  /** Key of the document being written: its own earlier reads are the current document, not others. */
  target?: string;
  /** The format being written (nodes copied from the other format are adapted). */
  format?: 'adf' | 'storage';
}

type Accept = (t: IdTarget) => boolean;
const acceptNode: Accept = (t) => t.kind === 'node';
const acceptShell: Accept = (t) => t.kind === 'shell' || (t.kind === 'node' && t.node.content === undefined);
const acceptMark: Accept = (t) => t.kind === 'mark';

/**
 * Resolves `^id` placeholders. First against the *current* document (an id is a content hash, so
 * a node that changed since the model read it no longer resolves: a `ConflictError`, never a silent
 * guess), then against the other documents this connection read, so content copied from one
 * document into another keeps its rich nodes. `undefined` from the `find…` methods means "from no
 * document I know": callers rebuild what the placeholder's text describes, or refuse it by name.
 */
export class PlaceholderResolver {
  readonly ids: NodeIds;
  private readonly mentions = new Map<string, AdfNode>();
  private readonly mentionsByName = new Map<string, AdfNode[]>();
  private readonly otherMentionsByName = new Map<string, AdfNode[]>();
  private readonly others: readonly ReadDocument[];
  /** Emoji the documents show as characters: character → the node (without its localId). */
  private readonly emojiByChar = new Map<string, AdfNode>();
  private emojiPattern?: RegExp;
  private readonly earlier: readonly ReadDocument[];

  constructor(
    readonly base: AdfDoc | undefined,
    private readonly sources: ResolverSources = {},
  ) {
    this.ids = sources.ids ?? new NodeIds(base?.content ?? []);
    const all = sources.others ?? [];
    this.earlier = sources.target === undefined ? [] : all.filter((d) => d.key === sources.target);
    this.others = all.filter((d) => d.key !== sources.target);
    if (base !== undefined) this.indexMentions(base.content, this.mentionsByName);
    for (const doc of this.others) this.indexMentions(doc.content, this.otherMentionsByName);
    this.indexEmoji();
  }

  /** The whole node `⟦…^id⟧` stands for. */
  node(ph: Placeholder): AdfNode {
    return this.findNode(ph) ?? this.unresolvable(ph);
  }

  /** Like `node`, but `undefined` when no document this connection read has it. */
  findNode(ph: Placeholder): AdfNode | undefined {
    const hit = this.find(ph, acceptNode);
    return hit && (hit.target as { node: AdfNode }).node;
  }

  /** The node whose shell (type, attrs, marks) `⟦…^id⟧` stands for; its content is not used. */
  shell(ph: Placeholder): AdfNode {
    return this.findShell(ph) ?? this.unresolvable(ph);
  }

  findShell(ph: Placeholder): AdfNode | undefined {
    const hit = this.find(ph, acceptShell);
    return hit && (hit.target as { node: AdfNode }).node;
  }

  /** The mark a `⟦mark …^id⟧` span stands for. */
  mark(ph: Placeholder): AdfMark {
    return this.findMark(ph) ?? this.unresolvable(ph);
  }

  findMark(ph: Placeholder): AdfMark | undefined {
    const hit = this.find(ph, acceptMark);
    return hit && (hit.target as { mark: AdfMark }).mark;
  }

  /** True when `⟦…^id⟧` names exactly one whole node of a document this connection knows. */
  hasNode(ph: Placeholder): boolean {
    return ph.id !== undefined && this.hits(ph, acceptNode).length > 0;
  }

  /** True when `⟦…^id⟧` names a whole node and no container shell: it opens no body. */
  isLeaf(ph: Placeholder): boolean {
    if (ph.id === undefined) return false;
    const found = this.hits(ph, () => true);
    // Tables open with their node id; one that could not be read as a table is a leaf.
    return (
      found.length > 0 && found.every((t) => t.kind === 'node' && (t.node.type !== 'table' || !wellShaped(t.node)))
    );
  }

  /** The mention node for `[@Name](accountid:ID)` when the current (or another read) document has it. */
  mention(accountId: string, display: string): AdfNode | undefined {
    const node = this.mentions.get(accountId + '\u0000' + display);
    return node && this.adapt(node);
  }

  /**
   * The people mentioned as `@Name` (one node each): in the current document, else in the other
   * documents this connection read. Several: different people shown alike.
   */
  mentionsNamed(display: string): AdfNode[] {
    const key = display.toLowerCase();
    const own = this.mentionsByName.get(key) ?? [];
    return (own.length > 0 ? own : (this.otherMentionsByName.get(key) ?? [])).map((n) => this.adapt(n));
  }

  /**
   * Text split where it shows an emoji a known document has as a node (read as its character):
   * those characters are that emoji again. Localids come back from the block it replaces.
   */
  splitEmoji(text: string): Array<string | AdfNode> {
    if (this.emojiByChar.size === 0) return [text];
    this.emojiPattern ??= new RegExp(
      [...this.emojiByChar.keys()]
        .sort((a, b) => b.length - a.length)
        .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'gu',
    );
    const out: Array<string | AdfNode> = [];
    let last = 0;
    for (const match of text.matchAll(this.emojiPattern)) {
      if (match.index > last) out.push(text.slice(last, match.index));
      out.push(this.emojiByChar.get(match[0])!);
      last = match.index + match[0].length;
    }
    if (last < text.length) out.push(text.slice(last));
    return out;
  }

  /**
   * Emoji shown as characters: the current document's first, then those of other read documents
   * whose character the current document does not use otherwise.
   */
  private indexEmoji(): void {
    const own = this.base === undefined ? undefined : this.ids.emoji();
    for (const [char, node] of own?.entries() ?? []) this.emojiByChar.set(char, node);
    for (const doc of this.others) {
      const ids = doc.ids();
      for (const [char, node] of ids.emoji().entries())
        if (!this.emojiByChar.has(char) && !own?.has(char)) this.emojiByChar.set(char, node);
    }
  }

  /** Refuses a placeholder no known document has and whose text cannot rebuild it. */
  unresolvable(ph: Placeholder): never {
    throw new InputError(
      `Placeholder ${formatPlaceholder(ph.kind, ph.arg, ph.id)} comes from a document this session has not read (or read too long ago), and its text alone cannot rebuild it.`,
      {
        hint: 'Read the document it comes from again (for example with jira_get_issue) and write right after, or replace the placeholder with text or a link.',
      },
    );
  }

  private find(ph: Placeholder, accept: Accept): { target: IdTarget } | undefined {
    const shown = formatPlaceholder(ph.kind, ph.arg, ph.id);
    if (ph.id === undefined)
      throw new InputError(`Placeholder ${shown} needs its ^id; copy placeholders exactly as they were read.`);
    // Only marks can be a mark's target: their lookup need not hash every node.
    const lookup = (ids: NodeIds) => (accept === acceptMark ? ids.lookupMarks(ph.id!) : ids.lookup(ph.id!));
    if (this.base !== undefined) {
      const hit = pick(lookup(this.ids), accept, ph, shown);
      if (hit !== undefined) return { target: hit };
    }
    if (this.earlier.some((doc) => pick(lookup(doc.ids()), accept, ph, shown) !== undefined)) throw changed(shown);
    const found: IdTarget[] = [];
    for (const doc of this.others) {
      const hit = pick(lookup(doc.ids()), accept, ph, shown);
      if (hit !== undefined) found.push(this.adaptTarget(hit, doc.format));
    }
    const distinct = new Set(found.map((t) => canonicalJson(t.kind === 'mark' ? t.mark : t.node)));
    if (distinct.size === 1) return { target: found[0]! };
    if (distinct.size > 1)
      throw new ConflictError(
        `Placeholder ${shown} is ambiguous: documents read in this session hold different nodes with that id.`,
        {
          hint: 'Read the document it comes from again and write right after.',
        },
      );
    // Writing an existing document: an id it does not have changed since it was read.
    if (this.base !== undefined) throw changed(shown);
    return undefined;
  }

  /** Every hit for the id in the current and the other known documents. */
  private hits(ph: Placeholder, accept: Accept): IdTarget[] {
    const docs = [...(this.base === undefined ? [] : [this.ids]), ...this.others.map((d) => d.ids())];
    return docs.flatMap((ids) => ids.lookup(ph.id!).filter(accept));
  }

  private adaptTarget(target: IdTarget, from: 'adf' | 'storage'): IdTarget {
    const to = this.sources.format ?? 'adf';
    if (from === to) return target;
    return target.kind === 'mark'
      ? { kind: 'mark', mark: adaptMark(target.mark, to) ?? target.mark }
      : { kind: target.kind, node: adaptNode(target.node, to) };
  }

  private adapt(node: AdfNode): AdfNode {
    return (this.sources.format ?? 'adf') === 'adf' ? adaptNode(node, 'adf') : node;
  }

  private indexMentions(nodes: readonly AdfNode[], byName: Map<string, AdfNode[]>): void {
    for (const node of nodes) {
      if (node.type === 'mention' && typeof node.attrs?.id === 'string') {
        const display = mentionDisplay(node);
        const key = node.attrs.id + '\u0000' + display;
        if (!this.mentions.has(key)) this.mentions.set(key, node);
        const named = byName.get(display.toLowerCase()) ?? [];
        if (!named.some((n) => n.attrs?.id === node.attrs!.id)) named.push(node);
        byName.set(display.toLowerCase(), named);
      }
      if (node.content) this.indexMentions(node.content, byName);
    }
  }
}

function changed(shown: string): ConflictError {
  return new ConflictError(
    `Placeholder ${shown} no longer matches the current document: that part changed since it was read.`,
    { hint: 'Read the document again and redo the edit with the fresh placeholders.' },
  );
}

/** The one hit of a lookup in one document that is the kind the placeholder names. */
function pick(candidates: IdTarget[], accept: Accept, ph: Placeholder, shown: string): IdTarget | undefined {
  const accepted = candidates.filter(accept);
  const sameKind = accepted.filter((t) => kindMatches(t, ph.kind));
  const found = sameKind.length > 0 ? sameKind : accepted;
  if (found.length <= 1) return found[0];
  throw new ConflictError(`Placeholder ${shown} is ambiguous in the current document.`, {
    hint: 'Read the document again and use the fresh placeholders.',
  });
}

const KIND_TYPES: Record<string, string[]> = {
  card: ['inlineCard'],
  blockcard: ['blockCard'],
  embed: ['embedCard'],
  file: ['mediaInline'],
  image: ['mediaSingle'],
  files: ['mediaGroup'],
  macro: ['extension', 'inlineExtension', 'bodiedExtension'],
  expand: ['expand', 'nestedExpand'],
  layout: ['layoutSection'],
  column: ['layoutColumn'],
  code: ['codeBlock'],
  color: ['textColor'],
  bg: ['backgroundColor'],
};

/** Whether a lookup hit is the kind of thing the placeholder names (ids are only 5 characters). */
function kindMatches(target: IdTarget, kind: string): boolean {
  const type = target.kind === 'mark' ? target.mark.type : target.node.type;
  kind = kind.replace(/^status:.*/, 'status');
  if (target.kind === 'mark' && (kind === 'mark' || kind === 'blockmark')) return true;
  if (type === kind || (KIND_TYPES[kind] ?? []).includes(type)) return true;
  return target.kind !== 'mark' && target.node.attrs?.kind === kind;
}
