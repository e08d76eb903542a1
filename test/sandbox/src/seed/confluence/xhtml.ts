// Builders for Confluence storage format (XHTML) in Confluence's own canonical spelling:
// macros with ids, task lists with ids and uuids, mentions, dates, emoticons, images,
// page links, layouts. Ids are derived from a per-page counter, so output is deterministic.
import { createHash } from 'node:crypto';
import { escapeXml } from '../../confluence/storage.js';

export const esc = escapeXml;

export function uuidOf(s: string): string {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Per-page id source: macro ids, task ids and task uuids are stable for a page title. */
export class Ids {
  private n = 0;
  private task = 0;
  constructor(private readonly scope: string) {}
  macro(): string {
    return uuidOf(`${this.scope}#macro${++this.n}`);
  }
  nextTask(): { id: number; uuid: string } {
    this.task++;
    return { id: this.task, uuid: uuidOf(`${this.scope}#task${this.task}`) };
  }
  ref(): string {
    return uuidOf(`${this.scope}#marker${++this.n}`);
  }
}

export const h = (level: number, text: string) => `<h${level}>${text}</h${level}>`;
export const p = (...parts: string[]) => `<p>${parts.join('')}</p>`;
export const b = (t: string) => `<strong>${t}</strong>`;
export const i = (t: string) => `<em>${t}</em>`;
export const c = (t: string) => `<code>${esc(t)}</code>`;
export const a = (href: string, text: string) => `<a href="${esc(href)}">${text}</a>`;
export const ul = (...items: string[]) => `<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`;
export const ol = (...items: string[]) => `<ol>${items.map((x) => `<li>${x}</li>`).join('')}</ol>`;
export const hr = () => '<hr />';
export const quote = (t: string) => `<blockquote>${p(t)}</blockquote>`;
export const mention = (accountId: string) => `<ac:link><ri:user ri:account-id="${accountId}" /></ac:link>`;
export const time = (ymd: string) => `<time datetime="${ymd}" />`;
export const emoticon = (name: string) => `<ac:emoticon ac:name="${name}" />`;
export const emoji = (shortName: string, id: string, fallback: string) =>
  `<ac:emoticon ac:name="blue-star" ac:emoji-shortname=":${shortName}:" ac:emoji-id="${id}" ac:emoji-fallback="${fallback}" />`;
export const pageLink = (title: string, spaceKey?: string, text?: string) =>
  `<ac:link><ri:page ri:content-title="${esc(title)}"${spaceKey ? ` ri:space-key="${spaceKey}"` : ''} />${
    text ? `<ac:plain-text-link-body><![CDATA[${text}]]></ac:plain-text-link-body>` : ''
  }</ac:link>`;
export const attachmentLink = (filename: string) =>
  `<ac:link><ri:attachment ri:filename="${esc(filename)}" /></ac:link>`;
export const image = (filename: string, width = 800) =>
  `<ac:image ac:align="center" ac:layout="center" ac:width="${width}"><ri:attachment ri:filename="${esc(filename)}" /></ac:image>`;

const param = (name: string, value: string) => `<ac:parameter ac:name="${name}">${esc(value)}</ac:parameter>`;

export function code(ids: Ids, language: string, body: string, title?: string): string {
  return `<ac:structured-macro ac:name="code" ac:schema-version="1" ac:macro-id="${ids.macro()}">${param('language', language)}${
    title ? param('title', title) : ''
  }<ac:plain-text-body><![CDATA[${body.replace(/]]>/g, ']]]]><![CDATA[>')}]]></ac:plain-text-body></ac:structured-macro>`;
}

export function panel(ids: Ids, kind: 'info' | 'note' | 'warning' | 'tip', body: string, title?: string): string {
  return `<ac:structured-macro ac:name="${kind}" ac:schema-version="1" ac:macro-id="${ids.macro()}">${
    title ? param('title', title) : ''
  }<ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;
}

export const expand = (ids: Ids, title: string, body: string) =>
  `<ac:structured-macro ac:name="expand" ac:schema-version="1" ac:macro-id="${ids.macro()}">${param('title', title)}<ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;

export const toc = (ids: Ids, maxLevel = 3) =>
  `<ac:structured-macro ac:name="toc" ac:schema-version="1" ac:macro-id="${ids.macro()}">${param('maxLevel', String(maxLevel))}</ac:structured-macro>`;

export const children = (ids: Ids) =>
  `<ac:structured-macro ac:name="children" ac:schema-version="2" ac:macro-id="${ids.macro()}">${param('all', 'true')}</ac:structured-macro>`;

export const JIRA_SERVER_ID = 'b8a4e7c2-3f1d-4e6a-9c5b-2d7f0e1a4c93';

export const jira = (ids: Ids, key: string) =>
  `<ac:structured-macro ac:name="jira" ac:schema-version="1" ac:macro-id="${ids.macro()}">${param('server', 'System Jira')}${param('serverId', JIRA_SERVER_ID)}${param('key', key)}</ac:structured-macro>`;

export const jiraJql = (ids: Ids, jql: string, columns = 'key,summary,type,status,assignee') =>
  `<ac:structured-macro ac:name="jira" ac:schema-version="1" ac:macro-id="${ids.macro()}">${param('server', 'System Jira')}${param('serverId', JIRA_SERVER_ID)}${param('jqlQuery', jql)}${param('columns', columns)}${param('maximumIssues', '20')}</ac:structured-macro>`;

export type StatusColour = 'Grey' | 'Red' | 'Yellow' | 'Green' | 'Blue' | 'Purple';
export const status = (ids: Ids, title: string, colour: StatusColour) =>
  `<ac:structured-macro ac:name="status" ac:schema-version="1" ac:macro-id="${ids.macro()}">${param('title', title)}${param('colour', colour)}</ac:structured-macro>`;

/** A table: the first row is the header row. Cells are storage fragments (wrapped in `<p>` unless they are blocks). */
export function table(rows: string[][], opts: { numbered?: boolean } = {}): string {
  const cell = (tag: 'th' | 'td', x: string) => `<${tag}>${/^<(p|ul|ol|ac:|h\d)/.test(x) ? x : `<p>${x}</p>`}</${tag}>`;
  const [head, ...body] = rows;
  return `<table data-layout="default"${opts.numbered ? ' data-number-column="true"' : ''}><tbody><tr>${head!
    .map((x) => cell('th', x))
    .join('')}</tr>${body.map((r) => `<tr>${r.map((x) => cell('td', x)).join('')}</tr>`).join('')}</tbody></table>`;
}

export function tasks(ids: Ids, items: Array<{ done?: boolean; body: string }>): string {
  return `<ac:task-list>${items
    .map((t) => {
      const { id, uuid } = ids.nextTask();
      return `<ac:task><ac:task-id>${id}</ac:task-id><ac:task-uuid>${uuid}</ac:task-uuid><ac:task-status>${
        t.done ? 'complete' : 'incomplete'
      }</ac:task-status><ac:task-body>${t.body}</ac:task-body></ac:task>`;
    })
    .join('')}</ac:task-list>`;
}

export const layout = (
  type: 'two_equal' | 'two_left_sidebar' | 'two_right_sidebar' | 'three_equal' | 'single',
  ...cells: string[]
) =>
  `<ac:layout><ac:layout-section ac:type="${type}">${cells.map((x) => `<ac:layout-cell>${x}</ac:layout-cell>`).join('')}</ac:layout-section></ac:layout>`;

/** Splits a body at its top-level `<h2>` sections: earlier versions of a page had fewer sections. */
export function sectionsUpTo(body: string, fraction: number): string {
  const cuts: number[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([\w:-]+)[^>]*?(\/?)>/g)) {
    if (!m[2]) continue;
    if (m[1]) depth--;
    else if (!m[3]) {
      if (depth === 0 && m[2] === 'h2' && m.index) cuts.push(m.index);
      depth++;
    }
  }
  const parts = cuts.length + 1;
  const keep = Math.max(1, Math.ceil(parts * fraction));
  return keep >= parts ? body : body.slice(0, cuts[keep - 1]);
}
