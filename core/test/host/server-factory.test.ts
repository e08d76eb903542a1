import * as z from 'zod';
import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { parseConfig } from '@atlassian-mcp/config';
import { AtlassianMcpHost, createLogger, createMcpServer } from '@atlassian-mcp/core/host';
import {
  definePlugin,
  PLUGIN_API_VERSION,
  Prompt,
  PromptProvider,
  Resource,
  ResourceProvider,
  type ListedResource,
  type ResourceContent,
} from '@atlassian-mcp/core';

const TEAMS = ['platform', 'payments', 'growth'];

@PromptProvider()
class TeamPrompts {
  @Prompt({
    name: 'team_brief',
    title: 'Team brief',
    description: 'Brief a team.',
    args: z.object({ team: z.string(), tone: z.string().optional() }),
    complete: { team: 'completeTeam' },
  })
  async brief(args: { team: string; tone?: string }) {
    return `Brief ${args.team}${args.tone ? ` in a ${args.tone} tone` : ''}.`;
  }
  async completeTeam(prefix: string) {
    return TEAMS.filter((t) => t.startsWith(prefix));
  }
}

@ResourceProvider()
class TeamResources {
  @Resource({
    name: 'team',
    uri: 'teams://team/{name}',
    title: 'Team',
    description: 'A team.',
    mimeType: 'text/markdown',
    list: 'listTeams',
    complete: { name: 'completeTeam' },
  })
  async read(uri: URL, vars: Record<string, string>): Promise<ResourceContent[]> {
    return [{ uri: uri.href, mimeType: 'text/markdown', text: `# ${vars.name}` }];
  }
  async listTeams(): Promise<ListedResource[]> {
    return TEAMS.map((t) => ({ uri: `teams://team/${t}`, name: t }));
  }
  async completeTeam(prefix: string) {
    return TEAMS.filter((t) => t.startsWith(prefix));
  }
}

const teams = definePlugin({
  id: 'teams',
  apiVersion: PLUGIN_API_VERSION,
  promptProviders: [TeamPrompts],
  resourceProviders: [TeamResources],
});

async function connect(host: AtlassianMcpHost) {
  const server = createMcpServer(host);
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  const client = new Client({ name: 't', version: '1' });
  await client.connect(a);
  return { client, close: async () => (await client.close(), await server.close()) };
}

describe('server factory', () => {
  it('serves resources and prompts with listing and completion, on several connections of one host', async () => {
    const host = await AtlassianMcpHost.start({
      config: parseConfig({ audit: { enabled: false }, auth: { type: 'apiToken' } }),
      plugins: [teams],
      promptDirs: [],
      logger: createLogger({ level: 'silent' }),
    });
    for (let i = 0; i < 2; i++) {
      const { client, close } = await connect(host);
      expect((await client.listResources()).resources.map((r) => r.uri)).toEqual(TEAMS.map((t) => `teams://team/${t}`));
      const read = await client.readResource({ uri: 'teams://team/payments' });
      expect(read.contents[0]).toMatchObject({ text: '# payments' });
      const rc = await client.complete({
        ref: { type: 'ref/resource', uri: 'teams://team/{name}' },
        argument: { name: 'name', value: 'p' },
      });
      expect(rc.completion.values).toEqual(['platform', 'payments']);
      const pc = await client.complete({
        ref: { type: 'ref/prompt', name: 'team_brief' },
        argument: { name: 'team', value: 'g' },
      });
      expect(pc.completion.values).toEqual(['growth']);
      const got = await client.getPrompt({ name: 'team_brief', arguments: { team: 'growth', tone: 'calm' } });
      expect(got.messages[0]!.content).toEqual({ type: 'text', text: 'Brief growth in a calm tone.' });
      await close();
    }
    await host.close();
  });
});
