import { seededInlineThread, seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Footer and inline comment threads: read with replies and the text they highlight, add (footer,
// inline on the n-th match, replies to either kind), edit, resolve and reopen — state checked.
describe('confluence comments', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite();
  });
  afterAll(() => site?.close());

  const wiki = () => site.sandbox.site.confluence;
  const page = (title: string) => seededPage(site.sandbox, title);

  it('lists footer and inline threads with replies, authors and the highlighted text', async () => {
    const log = page('Engineering running log');
    const { text, structured } = await site.ok('confluence_get_page_comments', { pageId: log.id });
    const comments = structured.comments as Array<{ id: string; kind: string; anchor?: string; replies?: unknown[] }>;
    expect(comments.filter((c) => c.kind === 'footer').map((c) => c.id)).toEqual(['98310', '98311']);
    const inline = comments.filter((c) => c.kind === 'inline');
    // The second inline thread of the page is resolved: hidden unless asked for.
    expect(inline.map((c) => c.anchor)).toEqual(['field-level merge is out of scope']);
    expect(inline[0]!.replies).toHaveLength(1);
    expect(text).toMatch(
      /\[98307 · inline · open\] on "field-level merge is out of scope" \w+ \w+, \d{4}-\d\d-\d\d \d\d:\d\dZ:\n/,
    );
    expect(text).toMatch(/\n↳ \[98308 · inline\] \w+ \w+, [^\n]+\n {2}\S/);
    expect(text).toMatch(/^<untrusted \w+ comments>\n/);
  });

  it('hides resolved inline threads unless asked, and pages one kind with a cursor', async () => {
    const prd = page('PRD: Offline mode');
    const open = await site.ok('confluence_get_page_comments', { pageId: prd.id, kind: 'inline' });
    expect(open.structured.comments).toEqual([]);
    const all = await site.ok('confluence_get_page_comments', { pageId: prd.id, kind: 'inline', resolved: true });
    const resolvedThread = seededInlineThread(site.sandbox, 'Taking payments offline').id;
    expect(all.text).toMatch(new RegExp(`\\[${resolvedThread} · inline · resolved\\] on "Taking payments offline"`));
    const log = page('Engineering running log');
    const first = await site.ok('confluence_get_page_comments', { pageId: log.id, kind: 'footer', limit: 1 });
    const cursor = first.structured.nextCursor as string;
    const second = await site.ok('confluence_get_page_comments', { pageId: log.id, kind: 'footer', limit: 1, cursor });
    expect((second.structured.comments as Array<{ id: string }>)[0]!.id).toBe('98311');
    expect(await site.fails('confluence_get_page_comments', { pageId: log.id, cursor })).toMatch(/Pass `kind`/);
  });

  it('adds a footer comment, a reply to it and a reply to an inline thread', async () => {
    const design = page('Offline sync design');
    const added = await site.ok('confluence_add_comment', { pageId: design.id, body: 'Looks **good**.' });
    expect(added.text).toBe(`Added comment ${String(added.structured.id)} on ${design.id}.`);
    const stored = wiki().comments.get(added.structured.id as string)!;
    expect(stored).toMatchObject({ kind: 'footer', containerId: design.id });
    expect(stored.versions.at(-1)!.body).toBe('<p>Looks <strong>good</strong>.</p>');
    const reply = await site.ok('confluence_add_comment', { parentCommentId: added.structured.id, body: 'Thanks' });
    expect(wiki().comments.get(reply.structured.id as string)).toMatchObject({
      parentCommentId: added.structured.id,
      kind: 'footer',
    });
    const inlineReply = await site.ok('confluence_add_comment', { parentCommentId: '98315', body: 'Agreed' });
    expect(inlineReply.text).toMatch(/^Added inline comment \d+ in reply to 98315\./);
    expect(wiki().comments.get(inlineReply.structured.id as string)!.kind).toBe('inline');
    const one = await site.ok('confluence_get_comment', { commentId: added.structured.id });
    expect(one.text).toMatch(/Looks \*\*good\*\*\.\n↳ \[\d+\] [^\n]+\n {2}Thanks/);
  });

  it('comments inline on the n-th match of a text, and says when the text is ambiguous or absent', async () => {
    const id = (
      await site.ok('confluence_create_page', {
        spaceKey: 'ENG',
        title: 'Inline target',
        body: 'The cache is warm.\n\nA second paragraph: the cache is cold.',
      })
    ).structured.id as string;
    expect(await site.fails('confluence_add_comment', { pageId: id, body: 'x', anchor: 'cache is' })).toMatch(
      /"cache is" occurs 2 times[\s\S]*occurrence \(1–2\)/,
    );
    expect(await site.fails('confluence_add_comment', { pageId: id, body: 'x', anchor: 'nope' })).toMatch(
      /does not occur/,
    );
    expect(
      await site.fails('confluence_add_comment', { pageId: id, body: 'x', anchor: 'cache is', occurrence: 3 }),
    ).toMatch(/occurs only 2 times/);
    const r = await site.ok('confluence_add_comment', {
      pageId: id,
      body: 'Which cache?',
      anchor: 'cache is',
      occurrence: 2,
    });
    expect(r.structured.kind).toBe('inline');
    const body = wiki().contents.get(id)!.body;
    expect(body).toMatch(
      /<p>The cache is warm\.<\/p><p>A second paragraph: the <ac:inline-comment-marker ac:ref="[^"]+">cache is<\/ac:inline-comment-marker> cold\.<\/p>/,
    );
    // The page stays editable around the marker, and the marker survives an edit elsewhere.
    await site.ok('confluence_update_page', { pageId: id, mode: 'append', body: 'Appended.' });
    expect(wiki().contents.get(id)!.body).toContain('<ac:inline-comment-marker');
    expect(wiki().comments.get(r.structured.id as string)!.inline!.resolutionStatus).toBe('open');
  });

  it('edits a comment losslessly: the mention it had is written back as it was', async () => {
    const withMention = [...wiki().comments.values()].find(
      (c) => c.status === 'current' && c.versions.at(-1)!.body.includes('<ri:user'),
    )!;
    const before = withMention.versions.at(-1)!.body;
    const link = /<ac:link><ri:user [^>]*\/><\/ac:link>/.exec(before)![0];
    const read = await site.ok('confluence_get_comment', { commentId: withMention.id });
    const body = `${read.structured.body as string}\n\nAdded later.`;
    await site.ok('confluence_update_comment', { commentId: withMention.id, body });
    const after = wiki().comments.get(withMention.id)!.versions.at(-1)!.body;
    expect(after).toBe(`${before}<p>Added later.</p>`);
    expect(after).toContain(link);
  });

  it('edits a comment, resolves and reopens an inline thread, and refuses to resolve a footer one', async () => {
    const edited = await site.ok('confluence_update_comment', { commentId: '98310', body: 'Edited *text*' });
    expect(edited.text).toBe('Edited comment 98310 (v2).');
    expect(wiki().comments.get('98310')!.versions.at(-1)!.body).toBe('<p>Edited <em>text</em></p>');
    const thread = seededInlineThread(site.sandbox, '02:00–03:00 UTC').id;
    const resolved = await site.ok('confluence_update_comment', { commentId: thread, resolved: true });
    expect(resolved.text).toBe(`Comment ${thread}, thread resolved.`);
    expect(wiki().comments.get(thread)!.inline!.resolutionStatus).toBe('resolved');
    await site.ok('confluence_update_comment', { commentId: thread, resolved: false });
    expect(wiki().comments.get(thread)!.inline!.resolutionStatus).toBe('reopened');
    expect(await site.fails('confluence_update_comment', { commentId: '98310', resolved: true })).toMatch(
      /footer comment; only inline comments are resolved/,
    );
    expect(await site.fails('confluence_update_comment', { commentId: '98310' })).toMatch(/Nothing to update/);
    expect(await site.fails('confluence_get_comment', { commentId: '1' })).toMatch(/Comment 1 was not found/);
    expect(await site.fails('confluence_get_comment', { commentId: '..' })).toMatch(/numeric id/);
  });
});
