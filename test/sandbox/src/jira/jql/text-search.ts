// JQL full-text search (`~`, `!~`): tokenising, light stemming, prefixes and phrases.

function tokenize(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const stem = (w: string) => w.replace(/(ing|ed|es|s)$/, '');

/** Jira-ish full-text match: every query word appears (stemmed, `*` = prefix); quoted phrases must appear verbatim. */
export function textMatcher(q: string): (text: string) => boolean {
  const trimmed = q.trim();
  const phrase = /^"(.*)"$/s.exec(trimmed);
  if (phrase) {
    const needle = tokenize(phrase[1]!).join(' ');
    return (text) => tokenize(text).join(' ').includes(needle);
  }
  const terms = trimmed
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => {
      const prefix = t.endsWith('*');
      const words = tokenize(prefix ? t.slice(0, -1) : t);
      return { words, prefix };
    })
    .filter((t) => t.words.length);
  return (text) => {
    const words = tokenize(text);
    const stems = new Set(words.map(stem));
    return terms.every((t) =>
      t.words.every((w, idx) =>
        t.prefix && idx === t.words.length - 1
          ? words.some((x) => x.startsWith(w))
          : stems.has(stem(w)) || words.includes(w),
      ),
    );
  };
}
