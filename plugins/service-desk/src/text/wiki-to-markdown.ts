// Comment bodies and text field values come back from the servicedeskapi as wiki markup; the
// model reads Markdown everywhere else, so the common constructs are rewritten. Anything not
// recognised stays as written (wiki markup is readable text), never dropped.

const PLACEHOLDER = '\u0000';

/** Inline wiki → Markdown: strong, emphasis, strike, monospace, links, mentions, colour, escapes. */
function inline(line: string): string {
  const kept: string[] = [];
  const keep = (s: string) => `${PLACEHOLDER}${kept.push(s) - 1}${PLACEHOLDER}`;
  let s = line
    // Escapes first, so an escaped `*` never pairs.
    .replace(/\\([*_{}[\]|\\^~+-])/g, (_m, c: string) => keep(/[*_[\]|\\`]/.test(c) ? `\\${c}` : c))
    .replace(/\{\{(.+?)\}\}/g, (_m, code: string) => keep(`\`${code}\``))
    .replace(/\[~accountid:([^\]]+)\]/g, (_m, id: string) => keep(`@[${id}]`))
    .replace(/\[([^|\]]+)\|([^\]\s]+)\]/g, (_m, text: string, url: string) => keep(`[${inline(text)}](${url})`))
    .replace(/\[((?:https?|mailto):[^\]\s]+)\]/g, (_m, url: string) => keep(`<${url}>`))
    .replace(/\{color(?::[^}]*)?\}/g, '');
  s = s
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, '$1**$2**')
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?![\w_])/g, '$1*$2*')
    .replace(/(^|[^\w-])-(?=\S)([^-\n]*?\S)-(?![\w-])/g, '$1~~$2~~')
    .replace(/(^|[^\w+])\+(?=\S)([^+\n]*?\S)\+(?![\w+])/g, '$1$2')
    .replace(/\^(?=\S)([^^\n]*?\S)\^/g, '<sup>$1</sup>')
    .replace(/(^|\s)\?\?(?=\S)(.*?\S)\?\?/g, '$1*$2*');
  return s.replace(new RegExp(`${PLACEHOLDER}(\\d+)${PLACEHOLDER}`, 'g'), (_m, i: string) => kept[Number(i)]!);
}

function tableRow(line: string): string {
  const header = line.startsWith('||');
  const cells = line
    .replace(/^\|\|?|\|\|?$/g, '')
    .split(header ? '||' : /(?<!\\)\|/)
    .map((c) => inline(c.trim()));
  const row = `| ${cells.join(' | ')} |`;
  return header ? `${row}\n|${cells.map(() => ' --- ').join('|')}|` : row;
}

/** Wiki markup → GitHub-flavoured Markdown. */
export function wikiToMarkdown(wiki: string | undefined | null): string {
  if (!wiki) return '';
  const lines = wiki.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let block: { fence: string; end: RegExp } | undefined;
  let quote = false;
  for (const raw of lines) {
    if (block) {
      const end = block.end.exec(raw);
      if (end) {
        if (raw.slice(0, end.index)) out.push(raw.slice(0, end.index));
        out.push('```');
        block = undefined;
      } else out.push(raw);
      continue;
    }
    const open = /^\s*\{(code|noformat)(?::(?:language=)?([\w+#-]+)[^}]*)?\}(.*)$/.exec(raw);
    if (open) {
      const rest = open[3] ?? '';
      const close = new RegExp(`\\{${open[1]}\\}`);
      out.push(`\`\`\`${open[1] === 'code' ? (open[2] ?? '') : ''}`);
      const end = close.exec(rest);
      if (end) {
        if (rest.slice(0, end.index)) out.push(rest.slice(0, end.index));
        out.push('```');
      } else {
        if (rest) out.push(rest);
        block = { fence: '```', end: close };
      }
      continue;
    }
    if (/^\s*\{quote\}\s*$/.test(raw)) {
      quote = !quote;
      continue;
    }
    if (/^\s*\{panel(:[^}]*)?\}\s*$/.test(raw)) continue;
    const prefix = quote ? '> ' : '';
    let m: RegExpExecArray | null;
    if ((m = /^h([1-6])\.\s+(.*)$/.exec(raw))) out.push(`${prefix}${'#'.repeat(Number(m[1]))} ${inline(m[2]!)}`);
    else if ((m = /^bq\.\s+(.*)$/.exec(raw))) out.push(`> ${inline(m[1]!)}`);
    else if ((m = /^([*#-]+)\s+(.*)$/.exec(raw))) {
      const marks = m[1]!;
      const indent = '  '.repeat(marks.length - 1);
      out.push(`${prefix}${indent}${marks.endsWith('#') ? '1.' : '-'} ${inline(m[2]!)}`);
    } else if (/^-{4,}\s*$/.test(raw)) out.push('---');
    else if (/^\|/.test(raw)) out.push(prefix + tableRow(raw.trim()));
    else out.push(prefix + inline(raw));
  }
  if (block) out.push('```');
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
