import * as z from 'zod';
import { createTestHarness } from '@atlassian-mcp/core/testing';
import { definePlugin, NotFoundError, PLUGIN_API_VERSION, Tool, ToolProvider } from '@atlassian-mcp/core';

@ToolProvider()
class EchoTools {
  @Tool({
    name: 'echo_get_thing',
    title: 'Get thing',
    description: 'Fails with the id in its message, as a not-found from Atlassian would.',
    input: z.object({ id: z.string() }),
    output: z.object({}),
    readOnly: true,
    toolset: 'echo',
    scopes: [],
  })
  async get(input: { id: string }): Promise<Record<string, never>> {
    throw new NotFoundError(`Thing ${input.id} does not exist.`, { hint: `Search for ${input.id} first.` });
  }
}

const echo = definePlugin({
  id: 'echo',
  apiVersion: PLUGIN_API_VERSION,
  defaultToolsets: ['echo'],
  toolsets: { echo: 'Echo' },
  toolProviders: [EchoTools],
});

describe('error results', () => {
  it('keep to a budget: a 1 MB id does not come back in a 1 MB error', async () => {
    const h = await createTestHarness({ plugins: [echo] });
    try {
      const id = `NOVA-${'9'.repeat(1024 * 1024)}`;
      const r = await h.call('echo_get_thing', { id });
      expect(r.isError).toBe(true);
      expect(r.text.length).toBeLessThan(2000);
      // Still says what happened and what to do next.
      expect(r.text).toMatch(/^Error \(not_found\): Thing NOVA-9+…/);
      expect(r.text).toMatch(/Next: Search for NOVA-9+…/);
      expect(r.text).toMatch(/1048581 characters/);
    } finally {
      await h.close();
    }
  });

  it('leave short errors untouched', async () => {
    const h = await createTestHarness({ plugins: [echo] });
    try {
      const r = await h.call('echo_get_thing', { id: 'NOVA-1' });
      expect(r.text).toBe('Error (not_found): Thing NOVA-1 does not exist.\nNext: Search for NOVA-1 first.');
    } finally {
      await h.close();
    }
  });
});
