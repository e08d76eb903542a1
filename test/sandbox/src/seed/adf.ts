// Small ADF builders for seed content (nodes valid in Jira's ADF subset).
import type { Adf } from '../jira/model.js';

type Node = Record<string, unknown>;
type Inline = Node | string;

const inline = (xs: Inline[]): Node[] => xs.map((x) => (typeof x === 'string' ? text(x) : x));

export const doc = (...content: Node[]): Adf => ({ type: 'doc', version: 1, content });
export const text = (t: string, ...marks: Node[]): Node =>
  marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t };
export const strong = (t: string) => text(t, { type: 'strong' });
export const em = (t: string) => text(t, { type: 'em' });
export const code = (t: string) => text(t, { type: 'code' });
export const link = (t: string, href: string) => text(t, { type: 'link', attrs: { href } });
export const p = (...xs: Inline[]): Node => ({ type: 'paragraph', content: inline(xs) });
export const h = (level: number, t: string): Node => ({ type: 'heading', attrs: { level }, content: [text(t)] });
export const li = (...xs: Inline[]): Node => ({ type: 'listItem', content: [p(...xs)] });
export const ul = (...items: Inline[][]): Node => ({ type: 'bulletList', content: items.map((i) => li(...i)) });
export const ol = (...items: Inline[][]): Node => ({
  type: 'orderedList',
  attrs: { order: 1 },
  content: items.map((i) => li(...i)),
});
export const codeBlock = (language: string, t: string): Node => ({
  type: 'codeBlock',
  attrs: { language },
  content: [text(t)],
});
export const panel = (panelType: 'info' | 'note' | 'warning' | 'error' | 'success', ...content: Node[]): Node => ({
  type: 'panel',
  attrs: { panelType },
  content,
});
export const rule = (): Node => ({ type: 'rule' });
export const quote = (...content: Node[]): Node => ({ type: 'blockquote', content });
export const mention = (accountId: string, name: string): Node => ({
  type: 'mention',
  attrs: { id: accountId, text: `@${name}`, accessLevel: '' },
});
export const emoji = (shortName: string, t: string): Node => ({ type: 'emoji', attrs: { shortName, text: t } });
export const statusLozenge = (t: string, color: 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green'): Node => ({
  type: 'status',
  attrs: { text: t, color, localId: `status-${t.toLowerCase().replace(/\W+/g, '-')}` },
});
export const inlineCard = (url: string): Node => ({ type: 'inlineCard', attrs: { url } });
export const date = (ms: number): Node => ({ type: 'date', attrs: { timestamp: String(ms) } });
export const hardBreak = (): Node => ({ type: 'hardBreak' });

export const table = (header: string[], rows: Inline[][]): Node => ({
  type: 'table',
  attrs: { isNumberColumnEnabled: false, layout: 'default' },
  content: [
    { type: 'tableRow', content: header.map((c) => ({ type: 'tableHeader', attrs: {}, content: [p(strong(c))] })) },
    ...rows.map((r) => ({
      type: 'tableRow',
      content: r.map((c) => ({ type: 'tableCell', attrs: {}, content: [p(c)] })),
    })),
  ],
});

export const media = (id: string, alt: string, width = 640, height = 360): Node => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [{ type: 'media', attrs: { type: 'file', id, collection: '', alt, width, height } }],
});

export const taskList = (localId: string, items: Array<[string, boolean]>): Node => ({
  type: 'taskList',
  attrs: { localId },
  content: items.map(([t, done], i) => ({
    type: 'taskItem',
    attrs: { localId: `${localId}-${i}`, state: done ? 'DONE' : 'TODO' },
    content: [text(t)],
  })),
});

export const expand = (title: string, ...content: Node[]): Node => ({ type: 'expand', attrs: { title }, content });

/** Plain text of an ADF tree (for JQL text search). */
export function adfText(node: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const o = n as { type?: string; text?: string; content?: unknown[]; attrs?: Record<string, unknown> };
    if (o.type === 'text' && typeof o.text === 'string') out.push(o.text);
    else if (o.type === 'mention' && typeof o.attrs?.text === 'string') out.push(o.attrs.text);
    else if (o.type === 'inlineCard' && typeof o.attrs?.url === 'string') out.push(o.attrs.url);
    if (Array.isArray(o.content)) {
      for (const c of o.content) walk(c);
      if (o.type === 'paragraph' || o.type === 'heading' || o.type === 'codeBlock') out.push('\n');
    }
  };
  walk(node);
  return out.join(' ');
}
