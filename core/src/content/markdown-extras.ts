import type { Blockquote, RootContent } from 'mdast';

/*
 * Markdown a model writes from habit, read as what it means: `<details><summary>` is an expand,
 * a GitHub callout (`> [!WARNING]`) a panel.
 */

const OPEN = /<details(?:\s[^>]*)?>/gi;
const CLOSE = /<\/details\s*>/gi;

/** Index of the html node that closes the `<details>` opened at `from`, or -1. */
export function detailsClose(children: readonly RootContent[], from: number): number {
  let depth = 0;
  for (let j = from; j < children.length; j++) {
    const node = children[j]!;
    if (node.type !== 'html') continue;
    depth += (node.value.match(OPEN) ?? []).length - (node.value.match(CLOSE) ?? []).length;
    if (depth <= 0) return j;
  }
  return -1;
}

/** True when an html block opens a `<details>`. */
export function opensDetails(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<details(?:\s[^>]*)?>/i.test(node.value);
}

/**
 * The parts of `<details>` spanning html nodes `from`..`close`: the summary text, and the Markdown
 * that sits inside the html nodes themselves (before and after the blocks between them).
 */
export function detailsParts(
  children: readonly RootContent[],
  from: number,
  close: number,
): { title: string | undefined; head: string; tail: string } {
  const open = (children[from] as { value: string }).value;
  const end = (children[close] as { value: string }).value;
  let head = open.replace(/^\s*<details(?:\s[^>]*)?>/i, '');
  const summary = /^\s*<summary(?:\s[^>]*)?>([\s\S]*?)<\/summary\s*>/i.exec(head);
  const title = summary ? plain(summary[1]!) : undefined;
  if (summary) head = head.slice(summary.index + summary[0].length);
  let tail = '';
  if (close === from) {
    head = head.replace(/<\/details\s*>\s*$/i, '');
  } else {
    tail = end.replace(/<\/details\s*>\s*$/i, '');
  }
  return { title, head, tail };
}

function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** GitHub callout → panel of the same colour: ADF panel types, and Confluence storage macros (note is yellow there). */
const CALLOUTS: Record<'adf' | 'storage', Record<string, string>> = {
  adf: { NOTE: 'info', TIP: 'tip', IMPORTANT: 'note', WARNING: 'warning', CAUTION: 'error' },
  storage: { NOTE: 'info', TIP: 'tip', IMPORTANT: 'info', WARNING: 'note', CAUTION: 'warning' },
};
// GitHub wants the marker alone on its line; models also write `> [!TIP] Text`.
const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\](?:[ \t]*(?:\r?\n|$)|[ \t]+)/i;

/** A GitHub callout (`> [!NOTE]` …): the ADF panel type and the quote's blocks without the marker. */
export function callout(
  quote: Blockquote,
  format: 'adf' | 'storage',
): { panelType: string; children: RootContent[] } | undefined {
  const first = quote.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = first.children[0];
  if (text?.type !== 'text') return undefined;
  const match = MARKER.exec(text.value);
  if (match === null) return undefined;
  const rest = text.value.slice(match[0].length);
  const inline = rest === '' ? first.children.slice(1) : [{ ...text, value: rest }, ...first.children.slice(1)];
  // A soft break right after the marker line is not content.
  if (inline[0]?.type === 'break') inline.shift();
  const children: RootContent[] = [...quote.children.slice(1)];
  if (inline.length > 0) children.unshift({ ...first, children: inline });
  return { panelType: CALLOUTS[format][match[1]!.toUpperCase()]!, children };
}
