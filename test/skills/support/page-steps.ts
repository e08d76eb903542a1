// Steps the Confluence skills' scripted agents share: filling the procedure's placeholders, reading
// a section as confluence_get_page shows it, finding a seeded page and reading its stored body.
import type { SkillAgent } from './skill-agent';

/** What confluence_get_page returns, as much of it as the scripts read. */
export type Page = { id: string; title: string; url: string; body: string; version: number };

/** Fills the procedure's placeholders (whole words in capitals) in every string of a literal argument list. */
export function fill<T>(value: T, vars: Record<string, string>): T {
  const names = Object.keys(vars).sort((a, b) => b.length - a.length);
  const word = new RegExp(`(?<![A-Za-z_])(${names.join('|')})(?![A-Za-z_])`, 'g');
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(word, (m) => vars[m]!)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(value) as T;
}

/** The lines of the section under `heading` (without the heading line), as `confluence_get_page` shows them. */
export function sectionOf(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l === `## ${heading}`);
  const end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

/** The seeded page whose title matches (the latest by title when several do). */
export function pageTitled(agent: SkillAgent, pattern: RegExp) {
  return [...agent.host.sandbox.site.confluence.contents.values()]
    .filter((c) => c.type === 'page' && pattern.test(c.title))
    .sort((a, b) => b.title.localeCompare(a.title))[0]!;
}

/** A page's body in storage format, read from the site's REST API (not through the tools). */
export async function pageStorage(agent: SkillAgent, id: string): Promise<string> {
  return (
    await agent.host.rest<{ body: { storage: { value: string } } }>(`/wiki/api/v2/pages/${id}?body-format=storage`)
  ).body.storage.value;
}
