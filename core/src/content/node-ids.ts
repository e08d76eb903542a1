import { createHash } from 'node:crypto';
import type { AdfMark, AdfNode } from './adf-types.js';

/** What a placeholder id stands for: a whole node, a node's shell (type+attrs+marks), or a mark. */
export type IdTarget = { kind: 'node'; node: AdfNode } | { kind: 'shell'; node: AdfNode } | { kind: 'mark'; mark: AdfMark };

const MIN_ID = 4;

/**
 * Short content-hash ids for the nodes and marks of one document. An id is the shortest prefix
 * (≥ 4 base-36 characters) of the content hash that is unique in the document, so ids are stable
 * for unchanged content, cost ~2 tokens, and change exactly when the thing they name changes —
 * which is how a write detects that the document changed underneath a placeholder.
 */
export class NodeIds {
  private readonly byHash = new Map<string, IdTarget>();
  private readonly hashOf = new WeakMap<object, { full?: string; shell?: string }>();
  private readonly markHash = new Map<string, string>();
  private sorted?: string[];

  /** Indexes every node, node shell and mark of `content`. */
  constructor(content: readonly AdfNode[] = []) {
    for (const node of content) this.visit(node);
  }

  /** The id of a whole node (leaves, tables). */
  nodeId(node: AdfNode): string {
    return this.shortId(this.ensure(node).full!);
  }

  /** The id of a node's shell (type, attrs, marks): containers whose body is shown as Markdown. */
  shellId(node: AdfNode): string {
    return this.shortId(this.ensure(node).shell!);
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

  /** Everything whose hash starts with `id` (0 = gone or never there, >1 = ambiguous). */
  lookup(id: string): IdTarget[] {
    const found: IdTarget[] = [];
    for (const [hash, target] of this.byHash) if (hash.startsWith(id)) found.push(target);
    return found;
  }

  private visit(node: AdfNode): string {
    const childCanon = (node.content ?? []).map((child) => this.visit(child));
    const shell = canonicalJson({ type: node.type, attrs: node.attrs, marks: node.marks, text: node.text });
    const full = childCanon.length === 0 && node.content === undefined ? shell : shell.slice(0, -1) + ',"content":[' + childCanon.join(',') + ']}';
    if (node.type !== 'text') {
      const hashes = { full: digest('n' + full), shell: digest('s' + shell) };
      this.hashOf.set(node, hashes);
      this.add(hashes.full, { kind: 'node', node });
      this.add(hashes.shell, { kind: 'shell', node });
    }
    for (const mark of node.marks ?? []) this.markId(mark);
    return full;
  }

  private ensure(node: AdfNode): { full?: string; shell?: string } {
    let hashes = this.hashOf.get(node);
    if (hashes === undefined) {
      this.visit(node);
      hashes = this.hashOf.get(node)!;
    }
    return hashes;
  }

  private add(hash: string, target: IdTarget): void {
    if (!this.byHash.has(hash)) {
      this.byHash.set(hash, target);
      this.sorted = undefined;
    }
  }

  private shortId(hash: string): string {
    this.sorted ??= [...this.byHash.keys()].sort();
    const sorted = this.sorted;
    const at = binarySearch(sorted, hash);
    let length = MIN_ID;
    for (const neighbour of [sorted[at - 1], sorted[at + 1]]) {
      if (neighbour === undefined) continue;
      let common = 0;
      while (common < hash.length && hash[common] === neighbour[common]) common++;
      length = Math.max(length, common + 1);
    }
    return hash.slice(0, length);
  }
}

function binarySearch(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else if (sorted[mid]! > value) hi = mid - 1;
    else return mid;
  }
  return lo;
}

function digest(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return BigInt('0x' + hex.slice(0, 24)).toString(36).padStart(19, '0');
}

/** JSON with object keys sorted, `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map((item) => canonicalJson(item)).join(',') + ']';
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k])).join(',') + '}';
}
