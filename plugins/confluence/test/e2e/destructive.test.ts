import { seededAttachment, seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Deleting pages, comments and attachments: off unless allowDestructive, each confirmed with the
// user through elicitation; declined means nothing changed.
describe('confluence destructive tools', () => {
  let site: ConfluenceSite;
  let answer: 'accept' | 'decline';
  const asked: string[] = [];
  beforeAll(async () => {
    site = await startConfluenceSite({ allowDestructive: true, capabilities: { elicitation: { form: {} } } });
    site.mcp.client.setRequestHandler('elicitation/create', (async (req: { params: { message: string } }) => {
      asked.push(req.params.message);
      return answer === 'accept' ? { action: 'accept', content: { confirm: true } } : { action: 'decline' };
    }) as never);
  });
  afterAll(() => site?.close());
  beforeEach(() => {
    asked.length = 0;
  });

  const wiki = () => site.sandbox.site.confluence;

  it('trashes a page only when confirmed (its children move up), and purges a trashed one', async () => {
    const parent = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Doomed', body: 'x' })).structured
      .id as string;
    const child = (await site.ok('confluence_create_page', { parentId: parent, title: 'Survivor', body: 'y' }))
      .structured.id as string;
    answer = 'decline';
    const declined = await site.ok('confluence_delete_page', { pageId: parent });
    expect(declined.text).toBe(`Not deleted: ${parent} (declined).`);
    expect(asked[0]).toBe(`Move page ${parent} "Doomed" (its 1 child page(s) move up to its parent) to the trash?`);
    expect(wiki().contents.get(parent)!.status).toBe('current');
    answer = 'accept';
    expect((await site.ok('confluence_delete_page', { pageId: parent })).text).toBe(`Moved to the trash: ${parent}.`);
    expect(wiki().contents.get(parent)!.status).toBe('trashed');
    expect(wiki().contents.get(child)!.status).toBe('current');
    const purged = await site.ok('confluence_delete_page', { pageId: parent, purge: true });
    expect(purged.text).toBe(`Purged: ${parent}.`);
    expect(asked.at(-1)).toMatch(/^Permanently delete page \d+ "Doomed"\? This cannot be undone\.$/);
    expect(wiki().contents.get(parent)!.status).toBe('deleted');
  });

  it('archives a page only when confirmed', async () => {
    const id = (await site.ok('confluence_create_page', { spaceKey: 'ENG', title: 'Stale plan', body: 'x' })).structured
      .id as string;
    answer = 'decline';
    expect((await site.ok('confluence_archive_page', { pageId: id })).text).toBe(`Not archived: ${id} (declined).`);
    expect(asked[0]).toBe(`Archive page ${id} "Stale plan"? It leaves the page tree and search.`);
    expect(wiki().contents.get(id)!.status).toBe('current');
    answer = 'accept';
    expect((await site.ok('confluence_archive_page', { pageId: id })).text).toBe(`Archived page ${id} "Stale plan".`);
    expect(wiki().contents.get(id)!.status).toBe('archived');
  });

  it('deletes a comment thread and an attachment when confirmed', async () => {
    answer = 'accept';
    const r = await site.ok('confluence_delete_comment', { commentId: '98311' });
    expect(asked[0]).toBe('Permanently delete footer comment 98311 and its 1 reply?');
    expect(r.text).toBe('Deleted comment 98311.');
    expect(wiki().comments.get('98311')!.status).toBe('deleted');
    expect(wiki().comments.get('98312')!.status).toBe('deleted');
    const page = seededPage(site.sandbox, 'Alerting rules migration');
    const nagios = seededAttachment(site.sandbox, 'nagios-checks.txt').id;
    await site.ok('confluence_delete_attachment', { attachmentId: nagios });
    expect(asked[1]).toBe(`Move attachment ${nagios} "nagios-checks.txt" of page ${page.id} to the trash?`);
    expect(wiki().attachments.get(nagios)!.status).toBe('trashed');
  });

  it('are not offered without allowDestructive', async () => {
    const plain = await startConfluenceSite();
    const names = (await plain.mcp.client.listTools()).tools.map((t) => t.name);
    await plain.close();
    expect(names).not.toContain('confluence_delete_page');
    expect(names).toContain('confluence_move_page');
  });
});
