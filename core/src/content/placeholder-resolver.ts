import { ConflictError, InputError } from '../plugin-api/errors.js';
import type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';
import { NodeIds } from './node-ids.js';
import { wellShaped } from './adf-shape.js';
import { formatPlaceholder, type Placeholder } from './placeholder-syntax.js';

/**
 * Resolves `^id` placeholders against the *current* document. An id is a content hash, so a node
 * that changed since the model read it no longer resolves: that is a `ConflictError`, never a
 * silent guess.
 */
export class PlaceholderResolver {
  readonly ids: NodeIds;
  private readonly mentions = new Map<string, AdfNode>();

  constructor(
    readonly base: AdfDoc | undefined,
    ids?: NodeIds,
  ) {
    this.ids = ids ?? new NodeIds(base?.content ?? []);
    if (base !== undefined) this.indexMentions(base.content);
  }

  /** The whole node `⟦…^id⟧` stands for. */
  node(ph: Placeholder): AdfNode {
    const target = this.target(ph, (t) => t.kind === 'node');
    return (target as { node: AdfNode }).node;
  }

  /** True when `⟦…^id⟧` names exactly one whole node of the current document. */
  hasNode(ph: Placeholder): boolean {
    if (ph.id === undefined || this.base === undefined) return false;
    const found = this.ids.lookup(ph.id).filter((t) => t.kind === 'node');
    return found.length === 1 || found.filter((t) => kindMatches(t, ph.kind)).length === 1;
  }

  /** True when `⟦…^id⟧` names a whole node and no container shell: it opens no body. */
  isLeaf(ph: Placeholder): boolean {
    if (ph.id === undefined || this.base === undefined) return false;
    const found = this.ids.lookup(ph.id);
    // Tables open with their node id; one that could not be read as a table is a leaf.
    return (
      found.length > 0 && found.every((t) => t.kind === 'node' && (t.node.type !== 'table' || !wellShaped(t.node)))
    );
  }

  /** The node whose shell (type, attrs, marks) `⟦…^id⟧` stands for; its content is not used. */
  shell(ph: Placeholder): AdfNode {
    const target = this.target(ph, (t) => t.kind === 'shell' || (t.kind === 'node' && t.node.content === undefined));
    return (target as { node: AdfNode }).node;
  }

  /** The mark a `⟦mark …^id⟧` span stands for. */
  mark(ph: Placeholder): AdfMark {
    const target = this.target(ph, (t) => t.kind === 'mark');
    return (target as { mark: AdfMark }).mark;
  }

  /** The current document's mention node for `[@Name](accountid:ID)`, when it has that exact one. */
  mention(accountId: string, display: string): AdfNode | undefined {
    return this.mentions.get(accountId + '\u0000' + display);
  }

  private target(ph: Placeholder, accept: (t: ReturnType<NodeIds['lookup']>[number]) => boolean) {
    const shown = formatPlaceholder(ph.kind, ph.arg, ph.id);
    if (ph.id === undefined)
      throw new InputError(`Placeholder ${shown} needs its ^id; copy placeholders exactly as they were read.`);
    if (this.base === undefined) {
      throw new ConflictError(
        `Placeholder ${shown} refers to an existing document, but none was given to resolve it against.`,
        {
          hint: 'Placeholders can only be written back to the document they were read from.',
        },
      );
    }
    const candidates = this.ids.lookup(ph.id).filter(accept);
    const sameKind = candidates.filter((t) => kindMatches(t, ph.kind));
    const found = sameKind.length > 0 ? sameKind : candidates;
    if (found.length === 1) return found[0]!;
    if (found.length === 0) {
      throw new ConflictError(
        `Placeholder ${shown} no longer matches the current document: that part changed since it was read.`,
        {
          hint: 'Read the document again and redo the edit with the fresh placeholders.',
        },
      );
    }
    throw new ConflictError(`Placeholder ${shown} is ambiguous in the current document.`, {
      hint: 'Read the document again and use the fresh placeholders.',
    });
  }

  private indexMentions(nodes: readonly AdfNode[]): void {
    for (const node of nodes) {
      if (node.type === 'mention') {
        const attrs = node.attrs ?? {};
        const text = typeof attrs.text === 'string' && attrs.text !== '' ? attrs.text : '@' + String(attrs.id);
        const key = String(attrs.id) + '\u0000' + (text.startsWith('@') ? text : '@' + text);
        if (!this.mentions.has(key)) this.mentions.set(key, node);
      }
      if (node.content) this.indexMentions(node.content);
    }
  }
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
function kindMatches(target: ReturnType<NodeIds['lookup']>[number], kind: string): boolean {
  const type = target.kind === 'mark' ? target.mark.type : target.node.type;
  kind = kind.replace(/^status:.*/, 'status');
  if (target.kind === 'mark' && (kind === 'mark' || kind === 'blockmark')) return true;
  if (type === kind || (KIND_TYPES[kind] ?? []).includes(type)) return true;
  return target.kind !== 'mark' && target.node.attrs?.kind === kind;
}
