import { structuredPatch } from 'diff';

/** A compact unified diff of two Markdown texts: hunks with one line of context, no file header. */
export function markdownDiff(before: string, after: string): { text: string; added: number; removed: number } {
  const patch = structuredPatch('a', 'b', ensureNewline(before), ensureNewline(after), '', '', { context: 1 });
  let added = 0;
  let removed = 0;
  const out: string[] = [];
  for (const h of patch.hunks) {
    out.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const line of h.lines) {
      if (line.startsWith('\\')) continue;
      if (line.startsWith('+')) added++;
      else if (line.startsWith('-')) removed++;
      out.push(line);
    }
  }
  return { text: out.join('\n'), added, removed };
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
