// Text matching for `text ~` / `title ~`, close to Confluence's Lucene index: terms are
// case-insensitive words, lightly stemmed (deploys = deployed = deploy), all must occur;
// `"quoted phrase"` must occur in order; `*` and `?` are wildcards. Also the excerpt with
// Confluence's `@@@hl@@@…@@@endhl@@@` highlight markers.

export interface TextQuery {
  terms: string[];
  phrases: string[][];
}

const WORD = /[\p{L}\p{N}_]+/gu;

export function stem(w: string): string {
  let s = w.toLowerCase().replace(/['’]s$/, '');
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (s.length > suffix.length + 2 && s.endsWith(suffix)) {
      s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

export const words = (text: string): string[] => (text.match(new RegExp(WORD.source, 'gu')) ?? []).map(stem);

export function parseTextQuery(q: string): TextQuery {
  const phrases: string[][] = [];
  const rest = q.replace(/"([^"]*)"/g, (_m, p: string) => {
    const w = words(p);
    if (w.length) phrases.push(w);
    return ' ';
  });
  const terms = rest
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t && !/^(and|or|not|&&|\|\|)$/i.test(t))
    .map((t) => (/[*?]/.test(t) ? t.toLowerCase() : stem(t.replace(/^[^\p{L}\p{N}*?]+|[^\p{L}\p{N}*?]+$/gu, ''))))
    .filter(Boolean);
  return { terms, phrases };
}

const wildcard = (t: string) =>
  new RegExp(
    `^${t
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );

/** Number of matched term occurrences (0 = no match: every term and phrase must occur). */
export function textScore(q: TextQuery, text: string): number {
  const ws = words(text);
  if (!q.terms.length && !q.phrases.length) return 0;
  let score = 0;
  for (const t of q.terms) {
    const re = /[*?]/.test(t) ? wildcard(t) : undefined;
    const n = ws.filter((w) => (re ? re.test(w) : w === t)).length;
    if (!n) return 0;
    score += n;
  }
  for (const p of q.phrases) {
    let n = 0;
    for (let i = 0; i + p.length <= ws.length; i++) if (p.every((w, j) => ws[i + j] === w)) n++;
    if (!n) return 0;
    score += n * p.length;
  }
  return score;
}

/** Does this word of the text match a term of the query? */
function hits(q: TextQuery, word: string): boolean {
  const s = stem(word);
  return q.terms.some((t) => (/[*?]/.test(t) ? wildcard(t).test(s) : t === s)) || q.phrases.some((p) => p.includes(s));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A short excerpt around the first match (or the start), matched words wrapped in
 * `@@@hl@@@…@@@endhl@@@` when `highlight`; HTML-escaped unless `unescaped`.
 */
export function excerpt(
  text: string,
  q: TextQuery | undefined,
  highlight: boolean,
  unescaped: boolean,
  max = 240,
): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  let start = 0;
  if (q) {
    for (const m of clean.matchAll(new RegExp(WORD.source, 'gu'))) {
      if (hits(q, m[0])) {
        start = Math.max(0, m.index - 60);
        break;
      }
    }
  }
  if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
  let cut = clean.slice(start, start + max);
  if (start + max < clean.length) cut = `${cut.replace(/\s+\S*$/, '')}…`;
  if (start > 0) cut = `…${cut}`;
  return mark(cut, q, highlight, unescaped);
}

/** Highlights matched words of a title (or any short text). */
export function mark(text: string, q: TextQuery | undefined, highlight: boolean, unescaped: boolean): string {
  const e = (s: string) => (unescaped ? s : esc(s));
  if (!highlight || !q) return e(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(new RegExp(WORD.source, 'gu'))) {
    if (!hits(q, m[0])) continue;
    out += `${e(text.slice(last, m.index))}@@@hl@@@${e(m[0])}@@@endhl@@@`;
    last = m.index! + m[0].length;
  }
  return out + e(text.slice(last));
}
