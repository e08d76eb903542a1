// The servicedeskapi speaks plain text with Jira wiki markup where Jira v3 speaks ADF. Requests
// and comments are stored as ADF on the Jira issue (so `/rest/api/3` sees them formatted) and
// shown as wiki text here. The subset round-trips: paragraphs, line breaks, `h1.`–`h6.`, `*`/`#`
// lists, `{code}` blocks, `*strong*`, `_emphasis_`, `{{monospace}}`, `[text|url]`, `[~accountid:…]`.
import type { Adf } from '../jira/model.js';

type Node = Record<string, unknown>;

// ---- wiki → ADF ---------------------------------------------------------------------------

const INLINE = /\[~accountid:([^\]]+)\]|\[([^|\]]+)\|([^\]]+)\]|\{\{(.+?)\}\}|\*([^*\n]+)\*|_([^_\n]+)_/g;

function inline(s: string): Node[] {
  const out: Node[] = [];
  const lines = s.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) out.push({ type: 'hardBreak' });
    let last = 0;
    for (const m of line.matchAll(INLINE)) {
      if (m.index! > last) out.push({ type: 'text', text: line.slice(last, m.index) });
      if (m[1]) out.push({ type: 'mention', attrs: { id: m[1], text: `@${m[1]}`, accessLevel: '' } });
      else if (m[2]) out.push({ type: 'text', text: m[2], marks: [{ type: 'link', attrs: { href: m[3] } }] });
      else if (m[4]) out.push({ type: 'text', text: m[4], marks: [{ type: 'code' }] });
      else if (m[5]) out.push({ type: 'text', text: m[5], marks: [{ type: 'strong' }] });
      else if (m[6]) out.push({ type: 'text', text: m[6], marks: [{ type: 'em' }] });
      last = m.index! + m[0].length;
    }
    if (last < line.length) out.push({ type: 'text', text: line.slice(last) });
  });
  return out;
}

function block(chunk: string): Node {
  const heading = /^h([1-6])\.\s+(.*)$/s.exec(chunk);
  if (heading) return { type: 'heading', attrs: { level: Number(heading[1]) }, content: inline(heading[2]!) };
  const lines = chunk.split('\n');
  const bullet = lines.every((l) => /^[*-] /.test(l));
  const ordered = lines.every((l) => /^# /.test(l));
  if (bullet || ordered)
    return {
      type: bullet ? 'bulletList' : 'orderedList',
      ...(ordered ? { attrs: { order: 1 } } : {}),
      content: lines.map((l) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inline(l.slice(2)) }] })),
    };
  return { type: 'paragraph', content: inline(chunk) };
}

/** Wiki-style text → an ADF document (never empty: an empty text gives one empty paragraph). */
export function wikiToAdf(text: string): Adf {
  const content: Node[] = [];
  const src = text.replace(/\r\n?/g, '\n');
  const code = /\{(code|noformat)(?::([^}]*))?\}\n?([\s\S]*?)\n?\{\1\}/g;
  let last = 0;
  const prose = (s: string) => {
    for (const chunk of s.split(/\n{2,}/)) if (chunk.trim()) content.push(block(chunk.trim()));
  };
  for (const m of src.matchAll(code)) {
    prose(src.slice(last, m.index));
    const language = m[2]?.replace(/^language=/, '');
    content.push({
      type: 'codeBlock',
      ...(language ? { attrs: { language } } : {}),
      content: m[3] ? [{ type: 'text', text: m[3] }] : [],
    });
    last = m.index! + m[0].length;
  }
  prose(src.slice(last));
  if (!content.length) content.push({ type: 'paragraph', content: [] });
  return { type: 'doc', version: 1, content };
}

// ---- ADF → wiki ---------------------------------------------------------------------------

function inlineWiki(nodes: unknown[] | undefined): string {
  let out = '';
  for (const n of (nodes ?? []) as Node[]) {
    if (n.type === 'hardBreak') out += '\n';
    else if (n.type === 'mention') out += `[~accountid:${(n.attrs as Node).id}]`;
    else if (n.type === 'emoji') out += String((n.attrs as Node).text ?? (n.attrs as Node).shortName ?? '');
    else if (n.type === 'inlineCard') out += String((n.attrs as Node).url ?? '');
    else if (n.type === 'text') {
      let t = String(n.text ?? '');
      for (const mk of (n.marks ?? []) as Node[]) {
        if (mk.type === 'strong') t = `*${t}*`;
        else if (mk.type === 'em') t = `_${t}_`;
        else if (mk.type === 'code') t = `{{${t}}}`;
        else if (mk.type === 'link') t = `[${t}|${(mk.attrs as Node).href}]`;
      }
      out += t;
    } else out += inlineWiki(n.content as unknown[]);
  }
  return out;
}

function blockWiki(n: Node): string {
  const content = n.content as Node[] | undefined;
  switch (n.type) {
    case 'heading':
      return `h${(n.attrs as Node).level}. ${inlineWiki(content)}`;
    case 'bulletList':
    case 'orderedList': {
      const mark = n.type === 'bulletList' ? '*' : '#';
      return (content ?? []).map((li) => `${mark} ${(li.content as Node[]).map(blockWiki).join(' ')}`).join('\n');
    }
    case 'codeBlock': {
      const lang = (n.attrs as Node | undefined)?.language;
      return `{code${lang ? `:${lang}` : ''}}\n${inlineWiki(content)}\n{code}`;
    }
    case 'paragraph':
      return inlineWiki(content);
    default:
      return (content ?? []).map((c) => (c.type === 'text' ? inlineWiki([c]) : blockWiki(c))).join('\n\n');
  }
}

/** An ADF document → wiki-style text (what the servicedeskapi returns as `body`). */
export function adfToWiki(doc: unknown): string {
  if (!doc || typeof doc !== 'object') return '';
  return ((doc as Adf).content as Node[])
    .map(blockWiki)
    .filter((s) => s !== '')
    .join('\n\n');
}
