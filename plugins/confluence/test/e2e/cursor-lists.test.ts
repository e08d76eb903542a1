import { startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Every Confluence list that pages with a cursor (v2 next links, v1 search) through one mechanism:
// a first page of one item, then the page the cursor names, which must be the next one (not the
// first again, not empty) — for every tool whose input takes a `cursor`.
let site: ConfluenceSite;
beforeAll(async () => {
  site = await startConfluenceSite({ inProcess: true });
});
afterAll(() => site?.close());

/** The id that has the most of something (so a list of it has a second page). */
function most<T>(items: Iterable<T>, key: (item: T) => string | undefined): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] < 2) throw new Error('the seed has no list of two');
  return best[0];
}

/** The listed items of a structured result: its one array. */
const itemsOf = (structured: Record<string, unknown>) =>
  Object.values(structured).find((v): v is unknown[] => Array.isArray(v)) ?? [];

it('every cursor list gives its second page after the first', async () => {
  const wiki = site.sandbox.site.confluence;
  const current = [...wiki.contents.values()].filter((c) => c.status === 'current');
  const spaceKey = (id: string) => wiki.spaces.get(id)!.key;
  const args: Record<string, Record<string, unknown>> = {
    confluence_get_page_attachments: {
      pageId: most(wiki.attachments.values(), (a) =>
        a.status === 'current' && a.containerType === 'page' ? a.containerId : undefined,
      ),
    },
    confluence_get_page_children: { pageId: most(current, (c) => (c.type === 'page' ? c.parentId : undefined)) },
    confluence_get_page_comments: {
      pageId: most(wiki.comments.values(), (c) =>
        c.kind === 'footer' && !c.parentCommentId && c.status === 'current' && c.containerType === 'page'
          ? c.containerId
          : undefined,
      ),
      kind: 'footer',
    },
    confluence_get_page_versions: { pageId: [...current].sort((a, b) => b.versions.length - a.versions.length)[0]!.id },
    confluence_get_space_pages: {
      spaceKey: spaceKey(most(current, (c) => (c.type === 'page' ? c.spaceId : undefined))),
    },
    confluence_list_blog_posts: {
      spaceKey: spaceKey(most(current, (c) => (c.type === 'blogpost' ? c.spaceId : undefined))),
    },
    confluence_list_labels: {},
    confluence_list_spaces: {},
    confluence_search: { query: 'type = page' },
    confluence_search_by_label: {
      label: wiki.labels.get(
        most(
          current.flatMap((c) => c.labels),
          (l) => l,
        ),
      )!.name,
    },
    confluence_search_content: { query: 'the' },
  };
  const listed = (await site.mcp.client.listTools()).tools.filter((t) => (t.inputSchema.properties ?? {}).cursor);
  expect(listed.map((t) => t.name).sort()).toEqual(Object.keys(args).sort());
  const problems: string[] = [];
  for (const { name } of listed) {
    const first = await site.ok(name, { ...args[name], limit: 1 });
    const cursor = first.structured.nextCursor as string | undefined;
    if (itemsOf(first.structured).length !== 1 || !cursor) {
      problems.push(`${name}: no second page after ${JSON.stringify(first.structured).slice(0, 200)}`);
      continue;
    }
    const second = await site.ok(name, { ...args[name], limit: 1, cursor });
    const [a, b] = [itemsOf(first.structured)[0], itemsOf(second.structured)[0]];
    if (b === undefined) problems.push(`${name}: the second page is empty`);
    else if (JSON.stringify(a) === JSON.stringify(b)) problems.push(`${name}: the second page repeats the first`);
  }
  expect(problems).toEqual([]);
});
