import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import type { AtlassianMcpHost } from '../host/host.js';
import { createMcpServer } from '../host/server-factory.js';
import { listedTool } from '../render/tool-list.js';

/** One tool as `tools` reports it. */
export interface ToolSize {
  name: string;
  toolset: string;
  plugin: string;
  readOnly: boolean;
  enabled: boolean;
  /** Enabled, but offered only once signed in (no credentials yet, or the OAuth grant lacks its scopes). */
  needsSignIn: boolean;
  tokens: number;
}

/**
 * Measures what `tools/list` costs the model: each tool definition exactly as a client receives
 * it (through a real in-memory client), in o200k tokens. `everything`, a host started with every
 * toolset on, measures the tools policy hides too.
 */
export async function measureTools(
  host: AtlassianMcpHost,
  everything?: AtlassianMcpHost,
): Promise<{ tools: ToolSize[]; totalTokens: number }> {
  const source = everything ?? host;
  // The tokenizer costs ~0.8 s and ~90 MB: only this command loads it.
  const { countTokens } = require('gpt-tokenizer') as typeof import('gpt-tokenizer');
  const server = createMcpServer(source);
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  const client = new Client({ name: 'atlassian-mcp-tools', version: '1' });
  await client.connect(a);
  const listed = new Map((await client.listTools()).tools.map((t) => [t.name, t]));
  await client.close();
  await server.close();
  const enabled = new Set(host.enabledTools().map((t) => t.meta.name));
  // What sign-in would add: sized as the server will list it then (the same wire form).
  const hidden = new Map(
    source
      .enabledTools()
      .filter((t) => !listed.has(t.meta.name) && !(t.pluginId === 'core' && t.meta.toolset === 'auth'))
      .map((t) => [t.meta.name, listedTool(t.meta)]),
  );
  const tools: ToolSize[] = [];
  for (const t of source.registry.tools) {
    const def = listed.get(t.meta.name) ?? hidden.get(t.meta.name);
    if (!def) continue;
    tools.push({
      name: t.meta.name,
      toolset: t.meta.toolset,
      plugin: t.pluginId,
      readOnly: t.meta.readOnly,
      enabled: enabled.has(t.meta.name),
      needsSignIn: hidden.has(t.meta.name),
      tokens: countTokens(JSON.stringify(def)),
    });
  }
  tools.sort((x, y) => x.name.localeCompare(y.name));
  const totalTokens = tools.filter((t) => t.enabled).reduce((s, t) => s + t.tokens, 0);
  return { tools, totalTokens };
}

export function formatTools(result: { tools: ToolSize[]; totalTokens: number }): string {
  const width = Math.max(4, ...result.tools.map((t) => t.name.length));
  const lines = result.tools.map(
    (t) =>
      `${t.name.padEnd(width)}  ${String(t.tokens).padStart(5)}  ${t.plugin}:${t.toolset}${t.readOnly ? '' : ' (write)'}${t.enabled ? '' : ' [off]'}${t.needsSignIn ? ' [needs sign-in]' : ''}`,
  );
  const on = result.tools.filter((t) => t.enabled).length;
  const locked = result.tools.filter((t) => t.enabled && t.needsSignIn).length;
  return [
    `${'tool'.padEnd(width)}  tokens  toolset`,
    ...lines,
    `${on} enabled tool${on === 1 ? '' : 's'}, ${result.totalTokens} tokens in tools/list (o200k)`,
    ...(locked > 0
      ? [
          `${locked} of them need sign-in first: set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN, or run \`atlassian-mcp login\` ` +
            '(OAuth, with ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET); `atlassian-mcp doctor` checks it.',
        ]
      : []),
  ].join('\n');
}
