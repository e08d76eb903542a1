/**
 * Neutralising user-authored text before the model reads it. Two threats: text that looks like
 * the closing (or opening) tag of an untrusted-content fence — in ASCII or in look-alike
 * characters (fullwidth, zero-width joiners, Cyrillic, Greek, small capitals) — and characters
 * the model reads but a human reviewer does not see (Unicode tag characters).
 *
 * The confusables table is small on purpose: only the characters of `<`, `/` and `untrusted`
 * matter, and the Unicode data packages map many of them to other non-ASCII prototypes (т → ᴛ).
 */

/** Code points that render as nothing (or as joiners/direction marks): skipped when matching. */
function invisible(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x034f ||
    cp === 0x061c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe0fff)
  );
}

// Target character → the look-alikes that fold to it (after NFKD, mark stripping and lower-casing,
// which already handle fullwidth forms, accents and mathematical letters).
const LOOK_ALIKES: Record<string, string> = {
  '<': '\u2039\u3008\u02c2\u1438\u27e8\u276e\u276c\u29fc\u22d6\u227a',
  '/': '\u2044\u2215\u29f8\u2571\u27cb\u2cc6\u3033\u30ce\u4e3f',
  u: '\u057d\u03c5\u1d1c\u028b\u0446\u00b5\u03bc',
  n: '\u0578\u0274\u03b7\u043f\u057c\u1952',
  t: '\u0442\u03c4\u1d1b\u01ab\u0288\u0167',
  r: '\u0433\u0280\u1d26\uab47\u027c\u027e\u16b1',
  s: '\u0455\ua731\u0282\u01bd\uabaa',
  e: '\u0435\u03b5\u04bd\u1d07\u0454\u025b\uab32',
  d: '\u0501\u1d05\u0257\u0256\ua4d2\u146f',
};
const LOOK_ALIKE = new Map<string, string>(
  Object.entries(LOOK_ALIKES).flatMap(([target, chars]) => [...chars].map((c) => [c, target] as const)),
);
const MARKER_START = new RegExp(`[<\uff1c\ufe64\u2329${LOOK_ALIKES['<']}]`, 'u');

/** A code point folded to what a reader takes it for (possibly several characters, or none). */
function fold(ch: string): string {
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const c of base) out += LOOK_ALIKE.get(c) ?? c;
  return out;
}

const MARKER = /<\s*(\/?)\s*untrusted/g;

/** Spans `[start, end)` of the original text that read as a fence tag, and whether they close. */
export function fenceMarkers(text: string): Array<{ start: number; end: number; closing: boolean }> {
  // Fast path: nothing that can start a marker.
  if (!MARKER_START.test(text)) return [];
  let skeleton = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!invisible(cp)) {
      for (const f of fold(ch)) {
        skeleton += f;
        from.push(i);
        to.push(i + ch.length);
      }
    }
    i += ch.length;
  }
  const spans: Array<{ start: number; end: number; closing: boolean }> = [];
  for (const m of skeleton.matchAll(MARKER)) {
    const last = m.index + m[0].length - 1;
    spans.push({ start: from[m.index]!, end: to[last]!, closing: m[1] === '/' });
  }
  return spans;
}

// Tag characters outside an emoji tag sequence (🏴 + tags + cancel tag) are invisible payload.
const STRAY_TAGS = /(?<!\u{1F3F4}[\u{E0020}-\u{E007E}]*)[\u{E0000}-\u{E007F}]/gu;

/**
 * Breaks anything that reads as a fence tag (`</untrusted …`, also in look-alike characters) into
 * a plain bracket form, and drops invisible tag characters. Idempotent; leaves other text alone.
 */
export function neutralise(text: string): string {
  const cleaned = text.replace(STRAY_TAGS, '');
  const spans = fenceMarkers(cleaned);
  if (spans.length === 0) return cleaned;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += `${cleaned.slice(at, s.start)}[${s.closing ? '/' : ''}untrusted`;
    at = s.end;
  }
  return out + cleaned.slice(at);
}

/**
 * A short user-authored value for a header line: neutralised, on one line (newlines, tabs and
 * control characters become spaces) and at most `max` characters.
 */
export function inlineText(text: string | undefined | null, max = 200): string {
  if (text === undefined || text === null) return '';
  const one = neutralise(String(text))
    .replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ')
    .trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** Every string in a JSON-like value, neutralised (keys are left as they are). */
export function neutraliseDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralise(value) as T;
  if (Array.isArray(value)) return value.map((v) => neutraliseDeep(v)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = neutraliseDeep(v);
  return out as T;
}
