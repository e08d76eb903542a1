import type { Point } from 'unist';

/** A text's lines: offsets, mdast points, line slices. */
export class SourceLines {
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lines(): number {
    return this.starts.length;
  }

  /** Where line `line` starts. */
  lineStart(line: number): number {
    return this.starts[line]!;
  }

  /** The end of line `line`'s text (before its line ending). */
  lineEnd(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! - 1 : this.source.length;
  }

  /** Lines `[first, last)`, with their line endings. */
  text(first: number, last: number): string {
    const from = this.starts[first]!;
    const to = last < this.starts.length ? this.starts[last]! : this.source.length;
    return this.source.slice(from, Math.max(from, to));
  }

  /** Whether lines `[first, last)` are blank: spaces and tabs only (a no-break space is text). */
  blank(first: number, last: number): boolean {
    return /^[ \t\r\n]*$/.test(this.text(first, last));
  }

  /** The first character of line `line` that is not a space. */
  firstNonSpace(line: number): number {
    return skipSpaces(this.source, this.starts[line]!);
  }

  point(offset: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1, offset };
  }
}

export function skipSpaces(source: string, at: number): number {
  while (source.charCodeAt(at) === 0x20) at++;
  return at;
}
