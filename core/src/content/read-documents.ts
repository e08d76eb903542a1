import { createHash } from 'node:crypto';
import type { AdfNode } from './adf-types.js';
import type { RenderedBlock } from './adf-to-markdown.js';
import { NodeIds } from './node-ids.js';

/** A document the model read: what its placeholders resolve against when copied elsewhere. */
export interface ReadDocument {
  /** Which document (`jira:PROJ-1:description`, `confluence:page:123`…); a re-read replaces it. */
  readonly key: string;
  /** What it was read from: ADF (Jira) or storage (Confluence). */
  readonly format: 'adf' | 'storage';
  readonly content: readonly AdfNode[];
  /** Its top-level blocks with the Markdown the model was shown for each (copied blocks come back whole). */
  readonly blocks: readonly RenderedBlock[];
  /** Its ids, computed on first use. */
  ids(): NodeIds;
}

/** Bounds of the store (per connection: documents and characters; connections tracked). */
export interface ReadDocumentLimits {
  documents: number;
  chars: number;
  connections: number;
}

const DEFAULT_LIMITS: ReadDocumentLimits = { documents: 32, chars: 2_000_000, connections: 256 };

interface Entry extends ReadDocument {
  readonly size: number;
}

/**
 * The documents each connection read recently, so Markdown read from one document can be written
 * into another (copying a description into a new issue, quoting a comment): its placeholders
 * resolve against the document they came from. Bounded LRU per connection, and an LRU of
 * connections; never shared between connections (the server may serve many users).
 */
export class ReadDocuments {
  private readonly connections = new Map<string, Map<string, Entry>>();

  constructor(private readonly limits: ReadDocumentLimits = DEFAULT_LIMITS) {}

  /** Records a read (most recent last); drops the oldest reads beyond the limits. */
  remember(
    connection: string,
    key: string | undefined,
    format: 'adf' | 'storage',
    content: readonly AdfNode[],
    blocks: readonly RenderedBlock[],
  ): void {
    let docs = this.connections.get(connection);
    if (docs === undefined) docs = new Map();
    this.connections.delete(connection);
    this.connections.set(connection, docs);
    while (this.connections.size > this.limits.connections) {
      this.connections.delete(this.connections.keys().next().value!);
    }
    let ids: NodeIds | undefined;
    const json = JSON.stringify(content);
    const size = json.length;
    // A read without a key is known by its content (reading it again does not add a copy).
    key ??= 'read:' + createHash('sha1').update(json).digest('hex').slice(0, 16);
    docs.delete(key);
    if (size > this.limits.chars) return;
    docs.set(key, { key, format, content, blocks, size, ids: () => (ids ??= new NodeIds(content)) });
    let total = 0;
    for (const doc of docs.values()) total += doc.size;
    for (const [oldest, doc] of docs) {
      if (docs.size <= this.limits.documents && total <= this.limits.chars) break;
      docs.delete(oldest);
      total -= doc.size;
    }
  }

  /** The connection's documents, most recently read first. */
  recent(connection: string): ReadDocument[] {
    return [...(this.connections.get(connection)?.values() ?? [])].reverse();
  }
}
