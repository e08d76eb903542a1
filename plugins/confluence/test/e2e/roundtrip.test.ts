import { canonicalStorage } from '@atlassian-mcp/core/host';
import { startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

jest.setTimeout(240_000);

/**
 * Seeded pages that cannot be read, and why. Each must still fail the way it says (so the list
 * shrinks when the cause is fixed): these are defects of the seed, not of the plugin.
 */
const KNOWN_SEED_DEFECTS: Record<string, RegExp> = {};

// Issue 14, "done when": every page of the seeded wiki goes get → update unchanged, and its
// storage afterwards equals the original after XML canonicalisation: no macro, layout, task id,
// inline-comment marker or attribute is lost by reading a page as Markdown and writing it back.
describe('every seeded page survives get → update unchanged', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite({ inProcess: true });
  });
  afterAll(() => site?.close());

  it('round-trips all pages and blog posts of the seed', async () => {
    const contents = [...site.sandbox.site.confluence.contents.values()].filter(
      (c) => (c.type === 'page' || c.type === 'blogpost') && c.status === 'current',
    );
    expect(contents.length).toBeGreaterThanOrEqual(90);
    const problems: string[] = [];
    const seen = new Set<string>();
    let sectioned = 0;
    for (const c of contents) {
      const before = c.body;
      const read = await site.mcp.call('confluence_get_page', { pageId: c.id });
      const known = KNOWN_SEED_DEFECTS[c.title];
      if (known) {
        seen.add(c.title);
        if (!read.isError || !known.test(read.text)) problems.push(`${c.title}: no longer fails as listed; remove it`);
        continue;
      }
      if (read.isError) {
        problems.push(`${c.id} ${c.title}: read: ${read.text}`);
        continue;
      }
      const { body, version, more } = read.structured as { body: string; version: number; more?: string };
      if (more) {
        // A page too long to show whole is edited by sections: each top-level one read and written back.
        sectioned++;
        for (const heading of [...before.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]!)) {
          const part = await site.ok('confluence_get_page', { pageId: c.id, section: heading });
          const inner = (part.structured.body as string).replace(/^#+ .*\n*/, '');
          const r = await site.mcp.call('confluence_update_page', { pageId: c.id, section: heading, body: inner });
          if (r.isError) problems.push(`${c.id} ${c.title} § ${heading}: ${r.text}`);
        }
      } else {
        const r = await site.mcp.call('confluence_update_page', { pageId: c.id, version, body });
        if (r.isError) {
          problems.push(`${c.id} ${c.title}: ${r.text}`);
          continue;
        }
      }
      const after = site.sandbox.site.confluence.contents.get(c.id)!.body;
      if (canonicalStorage(after) !== canonicalStorage(before)) problems.push(`${c.id} ${c.title}: storage changed`);
    }
    expect(problems).toEqual([]);
    expect(sectioned).toBeGreaterThan(0);
    expect([...seen].sort()).toEqual(Object.keys(KNOWN_SEED_DEFECTS).sort());
  });
});
