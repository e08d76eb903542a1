/** One heading of a Markdown document. */
export interface Heading {
  level: number;
  text: string;
  /** Line index in the document. */
  line: number;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

/** The ATX headings outside fenced code blocks. */
export function headings(markdown: string): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((line, i) => {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
      return;
    }
    if (fence) return;
    const m = HEADING.exec(line);
    if (m) out.push({ level: m[1]!.length, text: m[2]!, line: i });
  });
  return out;
}

/** The section under the heading whose text is `wanted` (case-insensitive), heading included; undefined if absent. */
export function sectionOf(markdown: string, wanted: string): string | undefined {
  const all = headings(markdown);
  const norm = (s: string) => s.replace(/[*_`]/g, '').trim().toLowerCase();
  const i = all.findIndex((h) => norm(h.text) === norm(wanted));
  if (i === -1) return undefined;
  const start = all[i]!;
  const end = all.slice(i + 1).find((h) => h.level <= start.level);
  const docLines = markdown.split('\n');
  return docLines
    .slice(start.line, end ? end.line : docLines.length)
    .join('\n')
    .trim();
}

/** Cuts a long document at a line boundary before `max` characters. */
export function cutAt(markdown: string, max: number): { shown: string; rest: number } {
  if (markdown.length <= max) return { shown: markdown, rest: 0 };
  let cut = markdown.lastIndexOf('\n\n', max);
  if (cut < max / 2) cut = markdown.lastIndexOf('\n', max);
  if (cut < max / 2) cut = max;
  return { shown: markdown.slice(0, cut).trimEnd(), rest: markdown.length - cut };
}
