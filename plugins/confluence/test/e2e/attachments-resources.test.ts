import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost, type TestHost } from '@atlassian-mcp/core/testing';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';
import { seededAttachment, seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

// Attachments (list with resource links, one with a small text file shown, upload from base64 or
// an allowed local file, a new version for the same name) and the confluence:// resources.
describe('confluence attachments and resources', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    site = await startConfluenceSite();
  });
  afterAll(() => site?.close());

  const wiki = () => site.sandbox.site.confluence;
  const att = (name: string) => seededAttachment(site.sandbox, name);

  it('lists a page’s attachments with confluence://attachment resource links', async () => {
    const page = seededPage(site.sandbox, 'Checkout flow designs');
    const r = await site.mcp.call('confluence_get_page_attachments', { pageId: page.id });
    expect(r.isError).toBe(false);
    const [cart, payment] = [att('checkout-cart.png').id, att('checkout-payment.png').id];
    expect(r.text).toMatch(
      new RegExp(`${cart} · checkout-cart\\.png \\(\\d+ B, image/png, [^)]+\\) confluence://attachment/${cart}`),
    );
    expect(r.text).toMatch(new RegExp(`${payment} · checkout-payment\\.png \\(\\d+ B, image/png, v3, `));
    const links = (r.raw as { content: Array<{ type: string; uri?: string }> }).content.filter(
      (c) => c.type === 'resource_link',
    );
    expect(links.map((l) => l.uri)).toEqual([`confluence://attachment/${cart}`, `confluence://attachment/${payment}`]);
  });

  it('shows a small text attachment in the result, and a binary one only as its resource', async () => {
    const timings = att('ci-timings.csv');
    const csv = await site.ok('confluence_get_attachment', { attachmentId: timings.id });
    expect(csv.text).toMatch(
      new RegExp(
        `^${timings.id} · ci-timings\\.csv \\(62 B, text/csv, [^)]+\\) confluence://attachment/${timings.id}\\non ${timings.containerId}\\n<untrusted \\w+ file>\\n`,
      ),
    );
    expect(csv.structured.text).toBe(
      Buffer.from(wiki().attachments.get(timings.id)!.versions.at(-1)!.data, 'base64').toString('utf8'),
    );
    const png = await site.ok('confluence_get_attachment', { attachmentId: att('checkout-cart.png').id.slice(3) });
    expect(png.structured.text).toBeUndefined();
    expect(await site.fails('confluence_get_attachment', { attachmentId: '../1' })).toMatch(/attachment id/);
  });

  it('reads pages, spaces and attachments as resources, listed and completed', async () => {
    const log = seededPage(site.sandbox, 'Engineering running log');
    const page = await site.mcp.client.readResource({ uri: `confluence://page/${log.id}` });
    const text = (page.contents[0] as { text: string }).text;
    expect(text).toMatch(new RegExp(`^page ${log.id} · space ENG · v8`));
    expect(text).toMatch(/<untrusted [0-9a-f]{6} page>\n# Engineering running log/);
    const space = await site.mcp.client.readResource({ uri: 'confluence://space/ENG' });
    expect((space.contents[0] as { text: string }).text).toMatch(/^# ENG · Engineering\nglobal · home page \d+/);
    const csv = await site.mcp.client.readResource({ uri: `confluence://attachment/${att('ci-timings.csv').id}` });
    expect(csv.contents[0]).toMatchObject({ mimeType: 'text/csv', text: expect.stringContaining(',') });
    const png = await site.mcp.client.readResource({ uri: `confluence://attachment/${att('checkout-cart.png').id}` });
    expect(
      Buffer.from((png.contents[0] as { blob: string }).blob, 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const listed = (await site.mcp.client.listResources()).resources.map((r) => r.uri);
    expect(listed).toEqual(expect.arrayContaining([`confluence://page/${log.id}`, 'confluence://space/ENG']));
    const keys = await site.mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'confluence://space/{key}' },
      argument: { name: 'key', value: 'O' },
    });
    expect(keys.completion.values).toEqual(['OPS']);
    const pages = await site.mcp.client.complete({
      ref: { type: 'ref/resource', uri: 'confluence://page/{id}' },
      argument: { name: 'id', value: 'Postgres' },
    });
    expect(pages.completion.values).toContain(seededPage(site.sandbox, 'Postgres 16 upgrade').id);
    await expect(site.mcp.client.readResource({ uri: 'confluence://page/abc' })).rejects.toThrow(
      /does not name a page/,
    );
  });

  it('uploads base64 content, and a second upload of the same name is a new version', async () => {
    const page = seededPage(site.sandbox, 'Release process');
    const base64 = Buffer.from('step,owner\nbuild,ci\n').toString('base64');
    const first = await site.ok('confluence_upload_attachment', {
      pageId: page.id,
      base64,
      filename: 'steps.csv',
      comment: 'v1',
    });
    expect(first.text).toMatch(
      new RegExp(`^Attached steps\\.csv \\(\\d+ B\\) to ${page.id}: confluence://attachment/att\\d+`),
    );
    const id = first.structured.id as string;
    expect(wiki().attachments.get(id)).toMatchObject({ containerId: page.id, title: 'steps.csv' });
    await site.ok('confluence_upload_attachment', { pageId: page.id, base64, filename: 'steps.csv' });
    expect(wiki().attachments.get(id)!.versions).toHaveLength(2);
    expect(await site.fails('confluence_upload_attachment', { pageId: page.id, base64 })).toMatch(
      /`filename` is required/,
    );
    expect(await site.fails('confluence_upload_attachment', { pageId: page.id, filename: 'x' })).toMatch(
      /exactly one of/,
    );
    expect(await site.fails('confluence_upload_attachment', { pageId: page.id, path: '/etc/passwd' })).toMatch(
      /Error \((not_allowed|input)\)/,
    );
  });
});

describe('confluence uploads from local files', () => {
  let host: TestHost;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amcp-cf-files-'));
    writeFileSync(join(dir, 'notes.txt'), 'release notes draft\n');
    host = await createTestHost({
      plugins: [confluencePlugin],
      config: {
        toolsets: ['confluence:all'],
        files: { allowedDirs: [dir] },
        plugins: { confluence: { maxUploadBytes: 64 } },
      },
    });
  });
  afterAll(() => host?.close());

  it('reads a file inside the allowed directories through core, and refuses one over the upload limit', async () => {
    const page = seededPage(host.sandbox, 'Release process');
    const r = await host.ok('confluence_upload_attachment', { pageId: page.id, path: join(dir, 'notes.txt') });
    const stored = host.sandbox.site.confluence.attachments.get(r.structured.id as string)!;
    expect(Buffer.from(stored.versions.at(-1)!.data, 'base64').toString()).toBe('release notes draft\n');
    const big = Buffer.alloc(100, 65).toString('base64');
    expect(
      await host.fails('confluence_upload_attachment', { pageId: page.id, base64: big, filename: 'big.txt' }),
    ).toMatch(/big\.txt is 100 B; the upload limit is 64 B/);
  });

  it('saves an attachment to a new file inside the allowed directories, never over an existing one or outside', async () => {
    const att = [...host.sandbox.site.confluence.attachments.values()].find((a) => a.status === 'current')!;
    const bytes = Buffer.from(att.versions.at(-1)!.data, 'base64');
    const target = join(dir, 'downloaded.bin');
    const r = await host.ok('confluence_get_attachment', { attachmentId: att.id, saveTo: target });
    expect(r.structured.savedTo).toBe(realpathSync(target));
    expect(r.text).toContain(`saved to ${realpathSync(target)}`);
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(await host.fails('confluence_get_attachment', { attachmentId: att.id, saveTo: target })).toMatch(
      /already exists/,
    );
    expect(
      await host.fails('confluence_get_attachment', { attachmentId: att.id, saveTo: join(tmpdir(), 'x.bin') }),
    ).toMatch(/Error \((not_allowed|input)\)/);
    expect(readFileSync(target).equals(bytes)).toBe(true);
  });
});
