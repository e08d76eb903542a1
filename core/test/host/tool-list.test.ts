import { Server } from '@modelcontextprotocol/server';
import { createTestHarness } from '@atlassian-mcp/core/testing';
import notesPlugin from '@acme/atlassian-mcp-plugin-notes';

// Issue 12, item 5: tools/list is filtered without SDK internals (it used to wrap the SDK's private
// `_getRequestHandler`). Start-up must work with that private method gone.
describe('tools/list without SDK internals', () => {
  const proto = Server.prototype as unknown as Record<string, unknown>;
  const saved = proto._getRequestHandler;

  beforeAll(() => {
    proto._getRequestHandler = undefined;
  });
  afterAll(() => {
    proto._getRequestHandler = saved;
  });

  it('starts, lists only what policy offers, and still refuses a hidden tool with a reason', async () => {
    const h = await createTestHarness({ plugins: [notesPlugin], config: { readOnly: true } });
    try {
      const { tools } = await h.client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['notes_get_note', 'notes_list_notes']);
      expect(JSON.stringify(tools)).not.toMatch(/\$schema|9007199254740991/);
      expect(tools.find((t) => t.name === 'notes_get_note')!.annotations).toEqual({ readOnlyHint: true });
      const r = await h.call('notes_add_note', { title: 'x', body: 'y' });
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/read-only mode/);
    } finally {
      await h.close();
    }
  });
});
