// Storage format (XHTML) the way the sandbox needs it: the well-formedness check Confluence
// applies on write, plain text for search and excerpts, and inline-comment markers (find the
// n-th occurrence of a selection in the page's text, wrap it, unwrap it).
import { XMLValidator } from 'fast-xml-parser';

const XML_ENTITIES = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)([a-zA-Z][a-zA-Z0-9]*);/g;
const ROOT_OPEN = '<root xmlns:ac="http://atlassian.com/content" xmlns:ri="http://atlassian.com/resource/identifier">';

/** Undefined when well-formed, else Confluence's message (`Error parsing xhtml: …`). */
export function storageError(storage: string): string | undefined {
  // Storage may use HTML named entities (&nbsp;); XML knows five, so hide the others first.
  const masked = storage.replace(XML_ENTITIES, '&amp;$1;');
  const r = XMLValidator.validate(`${ROOT_OPEN}${masked}</root>`);
  if (r === true) return undefined;
  const { msg, line, col } = r.err;
  const column = line === 1 ? col - ROOT_OPEN.length : col;
  return `Error parsing xhtml: ${msg.replace(/ \(opened in line \d+, col \d+\)/, '')}\n at [row,col {unknown-source}]: [${line},${column}]`;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rarr: '→',
  larr: '←',
  copy: '©',
  reg: '®',
  trade: '™',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e] ?? m;
  });
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Token = { kind: 'tag' | 'text' | 'cdata' | 'comment'; raw: string; start: number; name?: string; close?: boolean };

function* tokens(storage: string): Generator<Token> {
  const re = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[^>]+>|[^<]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(storage))) {
    const raw = m[0];
    if (raw.startsWith('<![CDATA[')) yield { kind: 'cdata', raw, start: m.index };
    else if (raw.startsWith('<!--')) yield { kind: 'comment', raw, start: m.index };
    else if (raw[0] === '<') {
      const t = /^<(\/?)([^\s/>]+)/.exec(raw);
      yield { kind: 'tag', raw, start: m.index, name: t?.[2], close: t?.[1] === '/' || raw.endsWith('/>') };
    } else yield { kind: 'text', raw, start: m.index };
  }
}

/** Elements whose text is not page text (macro parameters, task ids); a Jira macro's `key` is shown. */
const HIDDEN = new Set(['ac:parameter', 'ac:task-id', 'ac:task-uuid', 'ac:task-status']);
const isHidden = (t: Token) => !!t.name && HIDDEN.has(t.name) && !/ac:name="key"/.test(t.raw);

/** Text runs of the page (not macro parameters), with their offsets in the storage string. */
function textRuns(storage: string, withCdata: boolean): Array<{ raw: string; start: number }> {
  const out: Array<{ raw: string; start: number }> = [];
  let hidden = 0;
  for (const t of tokens(storage)) {
    if (t.kind === 'tag' && t.name && HIDDEN.has(t.name)) {
      if (t.raw.startsWith('</')) hidden--;
      else if (!t.raw.endsWith('/>')) hidden++;
    } else if (!hidden && t.kind === 'text') out.push({ raw: t.raw, start: t.start });
    else if (!hidden && withCdata && t.kind === 'cdata') out.push({ raw: t.raw.slice(9, -3), start: t.start + 9 });
  }
  return out;
}

const BLOCK = /^<\/?(p|h[1-6]|li|td|th|tr|div|pre|blockquote|ac:task|ac:layout-cell|br|hr)[\s/>]/;

/** Plain text of a storage body (code bodies included, macro parameters left out), whitespace collapsed. */
export function storageText(storage: string): string {
  let out = '';
  let hidden = 0;
  for (const t of tokens(storage)) {
    if (t.kind === 'tag') {
      if (t.name && HIDDEN.has(t.name)) {
        if (t.raw.startsWith('</')) hidden = Math.max(0, hidden - 1);
        else if (!t.raw.endsWith('/>') && isHidden(t)) hidden++;
      } else if (BLOCK.test(t.raw)) out += ' ';
    } else if (hidden) continue;
    else if (t.kind === 'text') out += decodeEntities(t.raw);
    else if (t.kind === 'cdata') out += ` ${t.raw.slice(9, -3)} `;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Offsets (in the storage string) of every occurrence of `selection` in the page's text. */
export function findSelection(storage: string, selection: string): number[] {
  const needle = escapeXml(selection).replace(/&quot;/g, '"');
  const hits: number[] = [];
  if (!needle) return hits;
  for (const run of textRuns(storage, false)) {
    const hay = run.raw.replace(/&quot;/g, '"');
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) hits.push(run.start + i);
  }
  return hits;
}

/** Wraps the `index`-th occurrence of `selection` in an inline-comment marker. */
export function wrapSelection(storage: string, selection: string, index: number, ref: string): string {
  const at = findSelection(storage, selection)[index];
  if (at === undefined) throw new Error('selection not found');
  const len = escapeXml(selection).replace(/&quot;/g, '"').length;
  return `${storage.slice(0, at)}<ac:inline-comment-marker ac:ref="${ref}">${storage.slice(at, at + len)}</ac:inline-comment-marker>${storage.slice(at + len)}`;
}

const markerRe = (ref: string) =>
  new RegExp(
    `<ac:inline-comment-marker ac:ref="${ref.replace(/[^\w-]/g, '')}"\\s*>([\\s\\S]*?)</ac:inline-comment-marker>`,
  );

/** Removes the marker with this ref, keeping its text. */
export function unwrapMarker(storage: string, ref: string): string {
  return storage.replace(markerRe(ref), '$1');
}

/** The `ac:ref`s of every inline-comment marker in the storage. */
export function markerRefs(storage: string): Set<string> {
  const out = new Set<string>();
  for (const m of storage.matchAll(/<ac:inline-comment-marker\s+ac:ref="([^"]+)"/g)) out.add(m[1]!);
  return out;
}
