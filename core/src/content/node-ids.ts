import { hash } from 'node:crypto';
import type { AdfMark, AdfNode } from './adf-types.js';
import { EmojiCharacters } from './emoji.js';

/** What a placeholder id stands for: a whole node, a node's shell (type+attrs+marks), or a mark. */
export type IdTarget =
  { kind: 'node'; node: AdfNode } | { kind: 'shell'; node: AdfNode } | { kind: 'mark'; mark: AdfMark };

const ID_LENGTH = 5;

/**
 * Short content-hash ids for the nodes and marks of one document: the first 5 base-36 characters
 * of the content hash (60 M values; ~2 tokens). An id depends only on the thing it names, never on
 * the rest of the document, so it is stable while that thing is unchanged and changes exactly when
 * it changes — which is how a write detects that the document changed underneath a placeholder.
 * Lookups also match the node type, so a prefix clash would need two same-type nodes.
 */
export class NodeIds {
  private readonly byHash = new Map<string, IdTarget>();
  /** The same, by short id (a lookup is one map access, not a scan of the document). */
  private readonly byShortId = new Map<string, Array<{ hash: string; target: IdTarget }>>();
  private readonly hashOf = new WeakMap<object, { full?: string; shell?: string }>();
  private readonly markHash = new Map<string, string>();
  private readonly mentionAccounts = new Map<string, Set<string>>();
  private emojiCharacters?: EmojiCharacters;

  private indexed = false;
  private marksIndexed = false;
  private mentionsCounted = false;

  /**
   * The ids of every node, node shell and mark of `content`. Hashing a whole document costs: a
   * read hashes only what it shows an id for; the full index is built on the first lookup.
   */
  constructor(private readonly content: readonly AdfNode[] = []) {}

  /** Which emoji of the document read as their character. */
  emoji(): EmojiCharacters {
    return (this.emojiCharacters ??= new EmojiCharacters(this.content));
  }

  /** The id of a whole node (leaves, tables). */
  nodeId(node: AdfNode): string {
    return this.shortId(this.ensure(node).full!);
  }

  /** The id of a node's shell (type, attrs, marks): containers whose body is shown as Markdown. */
  shellId(node: AdfNode): string {
    const hashes = this.ensure(node);
    return this.shortId(hashes.shell ?? hashes.full!);
  }

  /** The id of a mark. */
  markId(mark: AdfMark): string {
    const canonical = canonicalJson(mark);
    let hash = this.markHash.get(canonical);
    if (hash === undefined) {
      hash = digest('m' + canonical);
      this.markHash.set(canonical, hash);
      this.add(hash, { kind: 'mark', mark });
    }
    return this.shortId(hash);
  }

  /** How many different people the document mentions under this display text (`@Jane Doe`). */
  peopleNamed(display: string): number {
    if (!this.mentionsCounted) {
      this.mentionsCounted = true;
      this.countMentions(this.content);
    }
    return this.mentionAccounts.get(display)?.size ?? 0;
  }

  /** Everything whose hash starts with `id` (0 = gone or never there, >1 = ambiguous). */
  lookup(id: string): IdTarget[] {
    if (!this.indexed) {
      this.indexed = true;
      this.marksIndexed = true;
      for (const node of this.content) this.visit(node, true);
    }
    return this.query(id);
  }

  /**
   * `lookup(id)` restricted to marks. Marks are hashed on their own (not with the node they sit
   * on), so this needs every mark of the document, not every node: much less to hash.
   */
  lookupMarks(id: string): IdTarget[] {
    if (!this.marksIndexed) {
      this.marksIndexed = true;
      this.indexMarks(this.content);
    }
    return this.query(id).filter((t) => t.kind === 'mark');
  }

  private indexMarks(nodes: readonly AdfNode[]): void {
    for (const node of nodes) {
      if (node.content) this.indexMarks(node.content);
      for (const mark of node.marks ?? []) this.markId(mark);
    }
  }

  private query(id: string): IdTarget[] {
    if (id.length >= ID_LENGTH)
      return (this.byShortId.get(id.slice(0, ID_LENGTH)) ?? [])
        .filter((h) => h.hash.startsWith(id))
        .map((h) => h.target);
    const found: IdTarget[] = [];
    for (const [hash, target] of this.byHash) if (hash.startsWith(id)) found.push(target);
    return found;
  }

  private visit(node: AdfNode, indexText = false): string {
    const children = node.content ?? [];
    // canonicalJson({ type, attrs, marks, text }), written out: keys in sorted order, undefined left out.
    let shell = '{';
    if (node.attrs !== undefined) shell += '"attrs":' + canonicalJson(node.attrs) + ',';
    if (node.marks !== undefined) shell += '"marks":' + canonicalJson(node.marks) + ',';
    if (node.text !== undefined) shell += '"text":' + canonicalJson(node.text) + ',';
    shell += node.type === undefined ? '' : '"type":' + canonicalJson(node.type);
    if (shell.endsWith(',')) shell = shell.slice(0, -1);
    shell += '}';
    let full = shell;
    if (children.length > 0 || node.content !== undefined) {
      full = shell.slice(0, -1) + ',"content":[';
      for (let i = 0; i < children.length; i++) full += (i === 0 ? '' : ',') + this.visit(children[i]!);
      full += ']}';
    }
    // Text nodes get ids only when asked (one stray at the document root): hashing every one costs.
    if (node.type !== 'text' || indexText) {
      // Only nodes with content have a shell distinct from the whole node.
      const hashes = { full: digest('n' + full), shell: node.content === undefined ? undefined : digest('s' + shell) };
      this.hashOf.set(node, hashes);
      this.add(hashes.full, { kind: 'node', node });
      if (hashes.shell !== undefined) this.add(hashes.shell, { kind: 'shell', node });
    }
    for (const mark of node.marks ?? []) this.markId(mark);
    return full;
  }

  private countMentions(nodes: readonly AdfNode[]): void {
    for (const node of nodes) {
      if (node.type === 'mention' && typeof node.attrs?.id === 'string') {
        const display = mentionDisplay(node);
        const accounts = this.mentionAccounts.get(display) ?? new Set<string>();
        accounts.add(node.attrs.id);
        this.mentionAccounts.set(display, accounts);
      }
      if (node.content) this.countMentions(node.content);
    }
  }

  private ensure(node: AdfNode): { full?: string; shell?: string } {
    let hashes = this.hashOf.get(node);
    if (hashes === undefined) {
      this.visit(node, true);
      hashes = this.hashOf.get(node)!;
    }
    return hashes;
  }

  private add(hash: string, target: IdTarget): void {
    if (this.byHash.has(hash)) return;
    this.byHash.set(hash, target);
    const short = this.shortId(hash);
    const same = this.byShortId.get(short);
    if (same === undefined) this.byShortId.set(short, [{ hash, target }]);
    else same.push({ hash, target });
  }

  private shortId(hash: string): string {
    return hash.slice(0, ID_LENGTH);
  }
}

/** The `@Name` a mention shows (its text, or `@` and the account id when it has none). */
export function mentionDisplay(node: AdfNode): string {
  const attrs = node.attrs ?? {};
  const text = typeof attrs.text === 'string' && attrs.text !== '' ? attrs.text : '@' + String(attrs.id);
  return text.startsWith('@') ? text : '@' + text;
}

function digest(text: string): string {
  const hex = hash('sha1', text, 'hex');
  return BigInt('0x' + hex.slice(0, 24))
    .toString(36)
    .padStart(19, '0');
}

const canonicalCache = new WeakMap<object, string>();

/** JSON with object keys sorted, `undefined` members dropped (cached per object: treat nodes as immutable). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  let cached = canonicalCache.get(value);
  if (cached === undefined) {
    cached = computeCanonicalJson(value);
    canonicalCache.set(value, cached);
  }
  return cached;
}

function computeCanonicalJson(value: object): string {
  if (Array.isArray(value)) {
    // As `'[' + value.map(canonicalJson).join(',') + ']'`: holes stay empty.
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      if (i in value) out += canonicalJson(value[i]);
    }
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(key) + ':' + canonicalJson(member);
  }
  return out + '}';
}
