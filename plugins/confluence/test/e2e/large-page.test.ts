import { canonicalStorage } from '@atlassian-mcp/core/host';
import { seededPage, startConfluenceSite, type ConfluenceSite } from './confluence-site.js';

jest.setTimeout(120_000);

/** `copies` copies of the running log, each with its own headings, task ids and marker refs. */
function bigStorage(log: string, copies: number): string {
  let out = '';
  for (let k = 1; k <= copies; k++)
    out += log
      .replace(/<(h[1-6])>([^<]*)<\/h[1-6]>/g, (_m, h: string, t: string) => `<${h}>${t} (part ${k})</${h}>`)
      .replace(/<ac:task-id>(\d+)<\/ac:task-id>/g, (_m, id: string) => `<ac:task-id>${k}${id}</ac:task-id>`)
      .replace(/ac:ref="([^"]+)"/g, (_m, ref: string) => `ac:ref="${ref.slice(0, -2)}${String(k).padStart(2, '0')}"`);
  return out;
}

// Issue 14, "done when": one section of a page over 200 KB is edited; the model sends only the
// section, the wire shows one read and one write, and every byte outside the section is unchanged
// after canonicalisation.
describe('a section edit on a page over 200 KB', () => {
  let site: ConfluenceSite;
  beforeAll(async () => {
    // In-process: a keep-alive socket closed under load would show a reconnect on the wire.
    site = await startConfluenceSite({ inProcess: true });
  });
  afterAll(() => site?.close());

  it('sends the section only, reads once, writes once, and leaves the rest of the page as it was', async () => {
    const log = seededPage(site.sandbox, 'Engineering running log').body;
    const before = `<h1>Overview</h1>${bigStorage(log, 8)}`;
    const target = '<h1>Target</h1><p>Old decision.</p><ul><li><p>stale</p></li></ul>';
    const after = `<h1>Appendix</h1>${bigStorage(log, 8).replace(/\(part (\d)\)/g, '(appendix $1)')}`;
    const storage = before + target + after;
    expect(storage.length).toBeGreaterThan(200 * 1024);
    const eng = [...site.sandbox.site.confluence.spaces.values()].find((s) => s.key === 'ENG')!;
    const res = await site.sandbox.fetch(`${site.sandbox.siteUrl}/wiki/api/v2/pages`, {
      method: 'POST',
      headers: { authorization: site.sandbox.basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({
        spaceId: eng.id,
        title: 'Huge page',
        body: { representation: 'storage', value: storage },
      }),
    });
    expect(res.status).toBe(200);
    const id = ((await res.json()) as { id: string }).id;

    // The model reads the part it needs (names of mentioned people are now known to the server).
    const section = await site.ok('confluence_get_page', { pageId: id, section: 'Target' });
    expect(section.structured.body).toBe('# Target\n\nOld decision.\n\n- stale');

    site.sandbox.requests.clear();
    const args = { pageId: id, section: 'Target', body: 'New decision: **keep** the queue.' };
    expect(JSON.stringify(args).length).toBeLessThan(120);
    const r = await site.ok('confluence_update_page', args);
    expect(r.text).toBe(`Updated page ${id} to v2: section "Target" replaced.`);
    expect(site.wire()).toEqual([`GET /wiki/api/v2/pages/${id}`, `PUT /wiki/api/v2/pages/${id}`]);

    const now = site.sandbox.site.confluence.contents.get(id)!.body;
    const expected = `${before}<h1>Target</h1><p>New decision: <strong>keep</strong> the queue.</p>${after}`;
    expect(canonicalStorage(now)).toBe(canonicalStorage(expected));
  });
});
