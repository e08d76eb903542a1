// Footer and inline comments: seeded anchors match the page storage, a new inline comment wraps
// the chosen occurrence of its selection, replies, resolve / reopen, dangling after an edit,
// delete unwraps the marker; footer replies and version-checked edits.
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import { byTitle, client } from './confluence-client';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ listen: false });
});
afterAll(() => sb.close());
beforeEach(() => sb.reset());
const call = client(() => sb);
const storageOf = (id: string) => sb.site.confluence.contents.get(id)!.body;

describe('inline comments', () => {
  it('seeded inline comments carry their anchor, and the storage carries the matching marker', async () => {
    const page = byTitle(sb, 'Engineering running log');
    const r = await call('GET', `/wiki/api/v2/pages/${page.id}/inline-comments?body-format=storage`, undefined, {
      validate: ['confluence-v2', 'getPageInlineComments'],
    });
    expect(r.body.results).toHaveLength(2);
    for (const c of r.body.results) {
      const { inlineMarkerRef, inlineOriginalSelection } = c.properties;
      expect(storageOf(page.id)).toContain(
        `<ac:inline-comment-marker ac:ref="${inlineMarkerRef}">${inlineOriginalSelection}</ac:inline-comment-marker>`,
      );
    }
    expect(r.body.results.map((c: any) => c.resolutionStatus).sort()).toEqual(['open', 'resolved']);
    const open = await call('GET', `/wiki/api/v2/pages/${page.id}/inline-comments?resolution-status=open`);
    expect(open.body.results).toHaveLength(1);
    const replies = await call(
      'GET',
      `/wiki/api/v2/inline-comments/${open.body.results[0].id}/children?body-format=storage`,
      undefined,
      {
        validate: ['confluence-v2', 'getInlineCommentChildren'],
      },
    );
    expect(replies.body.results[0].body.storage.value).toContain('revisit for 3.0');
  });

  it('anchors a new comment to the n-th occurrence of its selection, without a new page version', async () => {
    const page = byTitle(sb, 'Code review guidelines');
    const before = page.versions.length;
    // "review" occurs several times in the text; pick the second.
    const hits = storageOf(page.id).match(/review/g)!.length;
    const bad = await call('POST', '/wiki/api/v2/inline-comments', {
      pageId: page.id,
      body: { representation: 'storage', value: '<p>Which one?</p>' },
      inlineCommentProperties: { textSelection: 'review', textSelectionMatchCount: 1, textSelectionMatchIndex: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].title).toMatch(/textSelectionMatchCount is 1 but "review" occurs \d+ times/);
    const r = await call(
      'POST',
      '/wiki/api/v2/inline-comments',
      {
        pageId: page.id,
        body: { representation: 'storage', value: '<p>Define "review" here?</p>' },
        inlineCommentProperties: {
          textSelection: 'First review',
          textSelectionMatchCount: 1,
          textSelectionMatchIndex: 0,
        },
      },
      { validate: ['confluence-v2', 'createInlineComment'] },
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      pageId: page.id,
      resolutionStatus: 'open',
      properties: { inlineOriginalSelection: 'First review' },
    });
    expect(storageOf(page.id)).toContain(
      `<ac:inline-comment-marker ac:ref="${r.body.properties.inlineMarkerRef}">First review</ac:inline-comment-marker>`,
    );
    expect(sb.site.confluence.contents.get(page.id)!.versions).toHaveLength(before);
    expect(hits).toBeGreaterThan(1);
    const missing = await call('POST', '/wiki/api/v2/inline-comments', {
      pageId: page.id,
      body: { representation: 'storage', value: '<p>x</p>' },
      inlineCommentProperties: { textSelection: 'not on the page at all' },
    });
    expect(missing.status).toBe(400);
    const noProps = await call('POST', '/wiki/api/v2/inline-comments', {
      pageId: page.id,
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(noProps.status).toBe(400);
  });

  it('replies, resolves and reopens; the page GET shows the marker unchanged', async () => {
    const page = byTitle(sb, 'Offline sync design');
    const root = await call('POST', '/wiki/api/v2/inline-comments', {
      pageId: page.id,
      body: { representation: 'storage', value: '<p>LRU by what: last read or last fetched?</p>' },
      inlineCommentProperties: {
        textSelection: 'LRU with a 200 MB cap',
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    });
    const reply = await call('POST', '/wiki/api/v2/inline-comments', {
      parentCommentId: root.body.id,
      body: { representation: 'storage', value: '<p>Last read.</p>' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ parentCommentId: root.body.id, pageId: page.id });
    const resolved = await call(
      'PUT',
      `/wiki/api/v2/inline-comments/${root.body.id}`,
      { resolved: true },
      { validate: ['confluence-v2', 'updateInlineComment'] },
    );
    expect(resolved.body).toMatchObject({
      resolutionStatus: 'resolved',
      resolutionLastModifierId: sb.credentials.accountId,
    });
    expect(storageOf(page.id)).toContain(root.body.properties.inlineMarkerRef);
    const reopened = await call('PUT', `/wiki/api/v2/inline-comments/${root.body.id}`, { resolved: false });
    expect(reopened.body.resolutionStatus).toBe('reopened');
    const get = await call('GET', `/wiki/api/v2/inline-comments/${root.body.id}?body-format=storage`, undefined, {
      validate: ['confluence-v2', 'getInlineCommentById'],
    });
    expect(get.body.body.storage.value).toBe('<p>LRU by what: last read or last fetched?</p>');
  });

  it('a page update that drops a marker leaves its comment dangling; deleting a comment unwraps its marker', async () => {
    const page = byTitle(sb, 'Offline sync design');
    const made = await call('POST', '/wiki/api/v2/inline-comments', {
      pageId: page.id,
      body: { representation: 'storage', value: '<p>Source?</p>' },
      inlineCommentProperties: { textSelection: 'Browse the catalogue without a connection' },
    });
    expect(storageOf(page.id)).toContain(made.body.properties.inlineMarkerRef);
    const stripped = storageOf(page.id).replace(
      /<ac:inline-comment-marker ac:ref="[^"]+">([^<]*)<\/ac:inline-comment-marker>/g,
      '$1',
    );
    await call('PUT', `/wiki/api/v2/pages/${page.id}`, {
      id: page.id,
      status: 'current',
      title: page.title,
      body: { representation: 'storage', value: stripped },
      version: { number: page.versions.length + 1 },
    });
    const dangling = await call('GET', `/wiki/api/v2/inline-comments/${made.body.id}`);
    expect(dangling.body.resolutionStatus).toBe('dangling');
    expect((await call('PUT', `/wiki/api/v2/inline-comments/${made.body.id}`, { resolved: true })).status).toBe(400);

    const other = byTitle(sb, 'System overview');
    const [seeded] = (await call('GET', `/wiki/api/v2/pages/${other.id}/inline-comments`)).body.results;
    expect((await call('DELETE', `/wiki/api/v2/inline-comments/${seeded.id}`)).status).toBe(204);
    expect(storageOf(other.id)).not.toContain(seeded.properties.inlineMarkerRef);
    expect(storageOf(other.id)).toContain('replayed in order');
    expect((await call('GET', `/wiki/api/v2/inline-comments/${seeded.id}`)).status).toBe(404);
  });
});

describe('footer comments', () => {
  it('lists top-level comments, replies to one, edits with the version check, deletes', async () => {
    const page = byTitle(sb, 'Engineering running log');
    const list = await call('GET', `/wiki/api/v2/pages/${page.id}/footer-comments?body-format=storage`, undefined, {
      validate: ['confluence-v2', 'getPageFooterComments'],
    });
    expect(list.body.results).toHaveLength(2);
    const withReply = list.body.results.find((c: any) => c.body.storage.value.includes('sprint reports'));
    const kids = await call('GET', `/wiki/api/v2/footer-comments/${withReply.id}/children`, undefined, {
      validate: ['confluence-v2', 'getFooterCommentChildren'],
    });
    expect(kids.body.results).toHaveLength(1);
    const reply = await call(
      'POST',
      '/wiki/api/v2/footer-comments',
      { parentCommentId: withReply.id, body: { representation: 'storage', value: '<p>Sprint 26 report linked.</p>' } },
      { validate: ['confluence-v2', 'createFooterComment'] },
    );
    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toContain(`/footer-comments/${reply.body.id}`);
    const edit = await call(
      'PUT',
      `/wiki/api/v2/footer-comments/${reply.body.id}`,
      { version: { number: 2 }, body: { representation: 'storage', value: '<p>Sprint 26 report linked above.</p>' } },
      { validate: ['confluence-v2', 'updateFooterComment'] },
    );
    expect(edit.body.version.number).toBe(2);
    const stale = await call('PUT', `/wiki/api/v2/footer-comments/${reply.body.id}`, {
      version: { number: 2 },
      body: { representation: 'storage', value: '<p>again</p>' },
    });
    expect(stale.status).toBe(409);
    const bad = await call('POST', '/wiki/api/v2/footer-comments', {
      pageId: page.id,
      body: { representation: 'storage', value: '<p>unclosed' },
    });
    expect(bad.status).toBe(400);
    expect((await call('DELETE', `/wiki/api/v2/footer-comments/${withReply.id}`)).status).toBe(204);
    expect((await call('GET', `/wiki/api/v2/footer-comments/${reply.body.id}`)).status).toBe(404); // the thread goes
    const after = await call('GET', `/wiki/api/v2/pages/${page.id}/footer-comments`);
    expect(after.body.results).toHaveLength(1);
  });

  it('comments on a blog post and on an attachment', async () => {
    const post = byTitle(sb, 'Nova 2.4 is out');
    const r = await call('POST', '/wiki/api/v2/footer-comments', {
      blogPostId: post.id,
      body: { representation: 'storage', value: '<p>Congrats!</p>' },
    });
    expect(r.body.blogPostId).toBe(post.id);
    const att = [...sb.site.confluence.attachments.values()].find((a) => a.title === 'system-overview.png')!;
    const a = await call('POST', '/wiki/api/v2/footer-comments', {
      attachmentId: att.id,
      body: { representation: 'storage', value: '<p>Outdated?</p>' },
    });
    expect(a.body.attachmentId).toBe(att.id);
    const list = await call('GET', `/wiki/api/v2/attachments/${att.id}/footer-comments`, undefined, {
      validate: ['confluence-v2', 'getAttachmentComments'],
    });
    expect(list.body.results.map((c: any) => c.id)).toEqual([a.body.id]);
    const both = await call('POST', '/wiki/api/v2/footer-comments', {
      pageId: post.id,
      blogPostId: post.id,
      body: { representation: 'storage', value: '<p>x</p>' },
    });
    expect(both.status).toBe(400);
  });
});
