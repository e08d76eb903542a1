import type { Sandbox } from '@atlassian-mcp/sandbox';

type ConfluenceData = ReturnType<Sandbox['snapshot']>['confluence'];

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Puts a hostile value into every Confluence field a user (or a space admin) writes: space names
 * and descriptions, titles, bodies and version notes of pages and blog posts, comment bodies and
 * the text inline comments anchor to, attachment names and notes, labels, templates.
 */
export function poisonConfluence(c: ConfluenceData | undefined, hostile: () => string): void {
  if (!c) return;
  for (const s of c.spaces) {
    s.name += hostile();
    s.description += hostile();
  }
  for (const page of c.contents) {
    const last = page.versions[page.versions.length - 1];
    page.title += hostile();
    if (page.type !== 'folder') page.body += `<p>${xmlText(hostile())}</p>`;
    if (last) {
      last.title = page.title;
      last.body = page.body;
      last.message += hostile();
    }
  }
  for (const comment of c.comments) {
    const last = comment.versions[comment.versions.length - 1];
    if (last) last.body += `<p>${xmlText(hostile())}</p>`;
    if (comment.inline) comment.inline.originalSelection += hostile();
  }
  for (const a of c.attachments) {
    a.title = `report${hostile()}.txt`;
    a.comment += hostile();
  }
  for (const l of c.labels) l.name += hostile();
  for (const t of c.templates) {
    t.name += hostile();
    t.description += hostile();
  }
}
