// Confluence anchors an inline comment to the n-th occurrence of a text selection, and wants the
// number of occurrences with it. Counted like Confluence matches: inside one run of page text
// (between tags), macro parameters and task ids left out.

const HIDDEN = /^(ac:parameter|ac:task-id|ac:task-uuid|ac:task-status|ac:plain-text-body)$/;
const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return NAMED[e.toLowerCase()] ?? all;
  });
}

/** The runs of page text in a storage body, decoded. */
export function textRuns(storage: string): string[] {
  const runs: string[] = [];
  let hidden = 0;
  for (const [token] of storage.matchAll(TOKEN)) {
    if (token.startsWith('<![CDATA[') || token.startsWith('<!--')) continue;
    if (token.startsWith('<')) {
      const m = /^<(\/?)([^\s/>]+)/.exec(token);
      if (m && HIDDEN.test(m[2]!) && !token.endsWith('/>')) hidden += m[1] ? -1 : 1;
      continue;
    }
    if (hidden <= 0) runs.push(decode(token));
  }
  return runs;
}

/** How often `selection` occurs in the page text (non-overlapping, within one run). */
export function countSelection(storage: string, selection: string): number {
  if (selection === '') return 0;
  let count = 0;
  for (const run of textRuns(storage)) {
    for (let i = run.indexOf(selection); i >= 0; i = run.indexOf(selection, i + selection.length)) count++;
  }
  return count;
}
