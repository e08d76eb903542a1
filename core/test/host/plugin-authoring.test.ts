import { Writable } from 'node:stream';
import pino from 'pino';
import * as z from 'zod';
import { createTestHarness, createTestHost, type TestHarness } from '@atlassian-mcp/core/testing';
import {
  coreServices,
  definePlugin,
  inject,
  PLUGIN_API_VERSION,
  Service,
  Tool,
  ToolProvider,
  type SiteService,
} from '@atlassian-mcp/core';
import type * as PluginApi from '@atlassian-mcp/core';

const echoInput = z.object({ text: z.string() });
const echoOutput = z.object({ text: z.string() });

function captureLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), lines };
}

describe('plugin authoring: start-up says what is wrong, by name', () => {
  let h: TestHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('refuses a tool whose toolset the plugin does not declare, naming tool, toolset and plugin', async () => {
    @ToolProvider()
    class Tools {
      @Tool({
        name: 'acme_echo',
        title: 'Echo',
        description: 'Echo.',
        input: echoInput,
        output: echoOutput,
        readOnly: true,
        toolset: 'misc',
        scopes: [],
      })
      async echo(i: z.infer<typeof echoInput>) {
        return i;
      }
    }
    const plugin = definePlugin({
      id: 'acme',
      apiVersion: PLUGIN_API_VERSION,
      toolsets: { main: 'Main' },
      defaultToolsets: ['main'],
      toolProviders: [Tools],
    });
    await expect(createTestHarness({ plugins: [plugin] })).rejects.toThrow(
      /acme_echo" is in toolset "misc", which plugin "acme" does not declare \(declared: main\)/,
    );
  });

  it('gives a plugin that names core\'s "auth" toolset no always-on favour', async () => {
    @ToolProvider()
    class Tools {
      @Tool({
        name: 'sneaky_echo',
        title: 'Echo',
        description: 'Echo.',
        input: echoInput,
        output: echoOutput,
        readOnly: true,
        toolset: 'auth',
        scopes: [],
      })
      async echo(i: z.infer<typeof echoInput>) {
        return i;
      }
    }
    const plugin = definePlugin({
      id: 'sneaky',
      apiVersion: PLUGIN_API_VERSION,
      toolsets: { auth: 'Not really' },
      toolProviders: [Tools],
    });
    h = await createTestHarness({ plugins: [plugin], config: { toolsets: ['default'] } });
    const names = (await h.client.listTools()).tools.map((t) => t.name);
    expect(names).not.toContain('sneaky_echo');
  });

  it('names the class and parameter when a constructor parameter lacks @inject', async () => {
    @Service()
    class Helper {}
    @ToolProvider()
    class Tools {
      constructor(
        @inject(Helper) readonly helper: Helper,
        readonly forgotten: Helper,
      ) {}
      @Tool({
        name: 'acme_echo',
        title: 'Echo',
        description: 'Echo.',
        input: echoInput,
        output: echoOutput,
        readOnly: true,
        toolset: 'main',
        scopes: [],
      })
      async echo(i: z.infer<typeof echoInput>) {
        return i;
      }
    }
    const plugin = definePlugin({
      id: 'acme',
      apiVersion: PLUGIN_API_VERSION,
      toolsets: { main: 'Main' },
      defaultToolsets: ['main'],
      services: [Helper],
      toolProviders: [Tools],
    });
    await expect(createTestHarness({ plugins: [plugin] })).rejects.toThrow(
      /Tools: constructor parameter 2 has no @inject\(token\)/,
    );
  });

  it('warns when every tool of a plugin is off by default', async () => {
    @ToolProvider()
    class Tools {
      @Tool({
        name: 'quiet_echo',
        title: 'Echo',
        description: 'Echo.',
        input: echoInput,
        output: echoOutput,
        readOnly: true,
        toolset: 'extra',
        scopes: [],
      })
      async echo(i: z.infer<typeof echoInput>) {
        return i;
      }
    }
    const { logger, lines } = captureLogger();
    const plugin = definePlugin({
      id: 'quiet',
      apiVersion: PLUGIN_API_VERSION,
      toolsets: { extra: 'Extra' },
      toolProviders: [Tools],
    });
    h = await createTestHarness({ plugins: [plugin], logger });
    expect(lines.join('')).toMatch(/plugin \\"quiet\\" turns none of its 1 tools on by default.*quiet:extra/);
  });

  it('composes server instructions from the loaded plugins', async () => {
    const plugin = definePlugin({
      id: 'acme',
      apiVersion: PLUGIN_API_VERSION,
      description: 'Acme Assets: things and stuff',
      instructions: 'Acme ids look like AC-123.',
    });
    h = await createTestHarness({ plugins: [plugin] });
    const text = h.client.getInstructions() ?? '';
    expect(text).toMatch(/^Atlassian Cloud tools: Acme Assets\./);
    expect(text).toMatch(/Acme ids look like AC-123\.$/);
  });

  it('loads a plugin that carries its own copy of core (and of the DI library)', async () => {
    let copy!: typeof PluginApi;
    jest.isolateModules(() => {
      copy = require('../../src/index.ts') as typeof PluginApi;
    });
    expect(copy.definePlugin).not.toBe(definePlugin);

    @copy.Service()
    class Greeter {
      greet(name: string) {
        return `hello ${name}`;
      }
    }
    @copy.ToolProvider()
    class Tools {
      constructor(@copy.inject(Greeter) private readonly greeter: Greeter) {}
      @copy.Tool({
        name: 'twin_greet',
        title: 'Greet',
        description: 'Greet.',
        input: echoInput,
        output: echoOutput,
        readOnly: true,
        toolset: 'main',
        scopes: [],
      })
      async greet(i: z.infer<typeof echoInput>) {
        if (i.text === 'boom') throw new copy.InputError('no booms', { hint: 'Pick another word.' });
        return { text: this.greeter.greet(i.text) };
      }
    }
    const plugin = copy.definePlugin({
      id: 'twin',
      apiVersion: copy.PLUGIN_API_VERSION,
      toolsets: { main: 'Main' },
      defaultToolsets: ['main'],
      services: [Greeter],
      toolProviders: [Tools],
    });
    h = await createTestHarness({ plugins: [plugin as never] });
    expect((await h.call('twin_greet', { text: 'Ada' })).structured).toEqual({ text: 'hello Ada' });
    // Errors from the other copy are still recognised and mapped (brand, not instanceof).
    const failed = await h.call('twin_greet', { text: 'boom' });
    expect(failed.isError).toBe(true);
    expect(failed.text).toMatch(/no booms/);
    expect(failed.text).toMatch(/Pick another word/);
  });

  it('gives plugins the site: URL, cache key, cloud id and the products the credentials reach', async () => {
    const siteOut = z.object({
      url: z.string(),
      key: z.string(),
      cloudId: z.string().optional(),
      products: z.array(z.string()),
    });
    @ToolProvider()
    class SiteTools {
      constructor(@inject(coreServices.site) private readonly site: SiteService) {}
      @Tool({
        name: 'probe_site',
        title: 'Site',
        description: 'Site.',
        input: z.object({}),
        output: siteOut,
        readOnly: true,
        toolset: 'main',
        scopes: [],
      })
      async site_() {
        return {
          url: this.site.url ?? '',
          key: await this.site.cacheKey(),
          cloudId: await this.site.cloudId(),
          products: await this.site.reachableProducts(),
        };
      }
    }
    const plugin = definePlugin({
      id: 'probe',
      apiVersion: PLUGIN_API_VERSION,
      products: ['jira', 'confluence'],
      toolsets: { main: 'Main' },
      defaultToolsets: ['main'],
      toolProviders: [SiteTools],
    });
    const host = await createTestHost({ plugins: [plugin] });
    try {
      const { structured } = await host.ok('probe_site');
      expect(structured).toEqual({ url: host.sandbox.url, key: host.sandbox.url, products: ['jira', 'confluence'] });
    } finally {
      await host.close();
    }
  });

  it('refuses a plugin that names an unknown product', async () => {
    const plugin = definePlugin({ id: 'odd', apiVersion: PLUGIN_API_VERSION, products: ['bitbucket'] });
    await expect(createTestHarness({ plugins: [plugin] })).rejects.toThrow(/unknown Atlassian product "bitbucket"/);
  });
});
