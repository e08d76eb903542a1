import type { AdfDoc, AdfNode } from '@atlassian-mcp/core';

// The servicedeskapi takes comment bodies and text field values as plain strings that Jira
// renders as wiki markup. Markdown is parsed by core (Markdown → ADF, schema-checked), and the
// ADF written out as wiki here. What wiki markup cannot say is named, never dropped silently.

/** Wiki text plus the kinds of content it could not carry (empty: nothing lost). */
export interface WikiText {
  text: string;
  notCarried: string[];
}

type Marks = NonNullable<AdfNode['marks']>;

/** Characters that open wiki markup in running text (`-`, `+`, `^`, `~` only pair at word edges). */
const SPECIAL = /([*_{}[\]|\\])/g;

class WikiWriter {
  readonly lost = new Set<string>();

  blocks(nodes: AdfNode[] | undefined, sep = '\n\n'): string {
    return (nodes ?? [])
      .map((n) => this.block(n))
      .filter((s) => s !== '')
      .join(sep);
  }

  private block(n: AdfNode): string {
    const content = n.content;
    switch (n.type) {
      case 'paragraph':
        return this.inline(content);
      case 'heading':
        return `h${Number(n.attrs?.level ?? 1)}. ${this.inline(content)}`;
      case 'bulletList':
      case 'orderedList':
      case 'taskList':
        return this.list(n, '');
      case 'codeBlock': {
        const lang = typeof n.attrs?.language === 'string' && n.attrs.language ? `:${n.attrs.language}` : '';
        const code = (content ?? []).map((c) => c.text ?? '').join('');
        return `{code${lang}}\n${code}\n{code}`;
      }
      case 'blockquote':
        return `{quote}\n${this.blocks(content)}\n{quote}`;
      case 'panel':
        return `{panel}\n${this.blocks(content)}\n{panel}`;
      case 'rule':
        return '----';
      case 'table':
        return (content ?? []).map((row) => this.row(row)).join('\n');
      case 'expand':
      case 'nestedExpand':
        this.lost.add('expand sections (their content is kept)');
        return this.blocks(content);
      case 'mediaSingle':
      case 'mediaGroup':
      case 'media':
        this.lost.add('images and files (use the attachments tools)');
        return '';
      default:
        if (content) return this.blocks(content);
        this.lost.add(`${n.type} blocks`);
        return '';
    }
  }

  private list(n: AdfNode, prefix: string): string {
    const mark = prefix + (n.type === 'orderedList' ? '#' : '*');
    if (n.type === 'taskList') this.lost.add('task checkboxes (items kept as a list)');
    const lines: string[] = [];
    for (const item of n.content ?? []) {
      if (item.type === 'taskItem') {
        lines.push(`${mark} ${this.inline(item.content)}`);
        continue;
      }
      const parts: string[] = [];
      const nested: string[] = [];
      for (const c of item.content ?? []) {
        if (c.type === 'bulletList' || c.type === 'orderedList' || c.type === 'taskList')
          nested.push(this.list(c, mark));
        else parts.push(c.type === 'paragraph' ? this.inline(c.content) : this.block(c));
      }
      lines.push(`${mark} ${parts.join(' ')}`, ...nested);
    }
    return lines.join('\n');
  }

  private row(row: AdfNode): string {
    const cells = row.content ?? [];
    const header = cells.length > 0 && cells.every((c) => c.type === 'tableHeader');
    const sep = header ? '||' : '|';
    return `${sep}${cells.map((c) => this.blocks(c.content, ' ').replace(/\n/g, ' ') || ' ').join(sep)}${sep}`;
  }

  inline(nodes: AdfNode[] | undefined): string {
    let out = '';
    for (const n of nodes ?? []) {
      switch (n.type) {
        case 'text':
          out += this.marked(n.text ?? '', n.marks ?? []);
          break;
        case 'hardBreak':
          out += '\n';
          break;
        case 'mention':
          out += `[~accountid:${String(n.attrs?.id ?? '')}]`;
          break;
        case 'emoji':
          out += String(n.attrs?.text ?? n.attrs?.shortName ?? '');
          break;
        case 'inlineCard':
        case 'blockCard':
          out += `[${String(n.attrs?.url ?? '')}]`;
          break;
        case 'date':
          out += new Date(Number(n.attrs?.timestamp ?? 0)).toISOString().slice(0, 10);
          break;
        case 'status':
          out += `*[${String(n.attrs?.text ?? '').toUpperCase()}]*`;
          break;
        default:
          if (n.content) out += this.inline(n.content);
          else this.lost.add(`${n.type} elements`);
      }
    }
    return out;
  }

  private marked(text: string, marks: Marks): string {
    const code = marks.some((m) => m.type === 'code');
    let t = code ? text : text.replace(SPECIAL, '\\$1');
    if (code) t = `{{${t}}}`;
    for (const m of marks) {
      if (m.type === 'strong') t = `*${t}*`;
      else if (m.type === 'em') t = `_${t}_`;
      else if (m.type === 'strike') t = `-${t}-`;
      else if (m.type === 'underline') t = `+${t}+`;
      else if (m.type === 'subsup') t = m.attrs?.type === 'sup' ? `^${t}^` : `~${t}~`;
      else if (m.type === 'textColor') t = `{color:${String(m.attrs?.color ?? '')}}${t}{color}`;
      else if (m.type === 'link') t = `[${t}|${String(m.attrs?.href ?? '')}]`;
      else if (m.type !== 'code') this.lost.add(`${m.type} formatting`);
    }
    return t;
  }
}

/** An ADF document → wiki markup, naming what wiki markup could not carry. */
export function adfToWiki(doc: AdfDoc): WikiText {
  const w = new WikiWriter();
  const text = w.blocks(doc.content as AdfNode[]);
  return { text, notCarried: [...w.lost].sort() };
}
