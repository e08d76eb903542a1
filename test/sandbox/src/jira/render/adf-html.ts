// Minimal ADF → HTML, for `expand=renderedFields`.

/** Minimal ADF → HTML (for `expand=renderedFields`). */
export function adfToHtml(node: unknown): string {
  const n = node as {
    type?: string;
    text?: string;
    content?: unknown[];
    attrs?: Record<string, unknown>;
    marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  };
  if (!n || typeof n !== 'object') return '';
  const inner = (n.content ?? []).map(adfToHtml).join('');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  switch (n.type) {
    case 'doc':
      return inner;
    case 'paragraph':
      return `<p>${inner}</p>`;
    case 'heading':
      return `<h${n.attrs?.level ?? 1}>${inner}</h${n.attrs?.level ?? 1}>`;
    case 'bulletList':
      return `<ul>${inner}</ul>`;
    case 'orderedList':
      return `<ol>${inner}</ol>`;
    case 'listItem':
      return `<li>${inner}</li>`;
    case 'codeBlock':
      return `<pre><code>${inner}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${inner}</blockquote>`;
    case 'panel':
      return `<div class="panel ${String(n.attrs?.panelType ?? 'info')}">${inner}</div>`;
    case 'table':
      return `<table>${inner}</table>`;
    case 'tableRow':
      return `<tr>${inner}</tr>`;
    case 'tableHeader':
      return `<th>${inner}</th>`;
    case 'tableCell':
      return `<td>${inner}</td>`;
    case 'rule':
      return '<hr />';
    case 'hardBreak':
      return '<br />';
    case 'mention':
      return `<a class="user-hover" data-account-id="${String(n.attrs?.id ?? '')}">${esc(String(n.attrs?.text ?? ''))}</a>`;
    case 'emoji':
      return esc(String(n.attrs?.text ?? n.attrs?.shortName ?? ''));
    case 'text': {
      let t = esc(n.text ?? '');
      for (const m of n.marks ?? []) {
        if (m.type === 'strong') t = `<b>${t}</b>`;
        else if (m.type === 'em') t = `<em>${t}</em>`;
        else if (m.type === 'code') t = `<tt>${t}</tt>`;
        else if (m.type === 'strike') t = `<del>${t}</del>`;
        else if (m.type === 'link') t = `<a href="${String(m.attrs?.href ?? '')}">${t}</a>`;
      }
      return t;
    }
    default:
      return inner;
  }
}
