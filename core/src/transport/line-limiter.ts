import { Transform, type TransformCallback } from 'node:stream';

/** What is known about a line that was too long to pass. */
export interface OversizedLine {
  /** Its length in bytes (without the newline). */
  bytes: number;
  /** The JSON-RPC id, when it could be read from the line's start or end. */
  id?: string | number;
}

const EDGE = 4096;

/**
 * Passes newline-delimited messages through unchanged and drops any line longer than `maxBytes`,
 * reporting it (with its JSON-RPC id when found) instead of failing the stream: one oversized
 * message must cost one error answer, never the connection.
 */
export class LineLimiter extends Transform {
  private parts: Buffer[] = [];
  private size = 0;
  private dropped = 0;
  private head: Buffer | undefined;
  private tail = Buffer.alloc(0);

  constructor(
    private readonly maxBytes: number,
    private readonly onOversized: (line: OversizedLine) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start);
      const end = newline === -1 ? chunk.length : newline;
      this.collect(chunk.subarray(start, end));
      if (newline === -1) break;
      this.endLine();
      start = newline + 1;
    }
    done();
  }

  private collect(piece: Buffer): void {
    if (this.head === undefined && this.size + piece.length <= this.maxBytes) {
      this.parts.push(piece);
      this.size += piece.length;
      return;
    }
    if (this.head === undefined) {
      // Over the limit: keep only the edges (where the id is) and count the rest.
      this.head = Buffer.concat([...this.parts, piece.subarray(0, EDGE)]).subarray(0, EDGE);
      this.dropped = this.size;
      this.parts = [];
      this.size = 0;
    }
    this.dropped += piece.length;
    this.tail = Buffer.concat([this.tail, piece.subarray(-EDGE)]).subarray(-EDGE);
  }

  private endLine(): void {
    if (this.head !== undefined) {
      this.onOversized({ bytes: this.dropped, id: requestId(this.head.toString('utf8'), this.tail.toString('utf8')) });
    } else {
      this.push(Buffer.concat([...this.parts, Buffer.from('\n')]));
    }
    this.parts = [];
    this.size = 0;
    this.dropped = 0;
    this.head = undefined;
    this.tail = Buffer.alloc(0);
  }
}

const ID = String.raw`("(?:[^"\\]|\\.){0,200}"|-?\d{1,20})`;
// Only an id at the top level: first member(s) of the object, or its very last member.
const AT_START = new RegExp(String.raw`^\s*\{(?:\s*"(?:jsonrpc|method)"\s*:\s*"[^"]{0,200}"\s*,)*\s*"id"\s*:\s*${ID}`);
const AT_END = new RegExp(String.raw`,\s*"id"\s*:\s*${ID}\s*\}\s*$`);

/** The id of a JSON-RPC message from its first and last few kilobytes, if it is at the top level. */
export function requestId(head: string, tail: string): string | number | undefined {
  const m = AT_START.exec(head) ?? AT_END.exec(tail);
  if (!m) return undefined;
  return m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : Number(m[1]);
}
