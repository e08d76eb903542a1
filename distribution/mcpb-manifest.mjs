// The MCP Bundle's manifest.json (MCPB manifest 0.3). The variables and their descriptions are the
// ones `atlassian-mcp setup` writes (core/src/cli/setup/server-entry.ts), so the bundle, the
// registry's server.json and every client snippet say the same thing.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The seed's variables, from the built core (`npm run build` first). */
export function setupVariables() {
  return require('./core/dist/cli/setup/server-entry.js').SETUP_VARIABLES;
}

/** user_config key → the environment variable it becomes, and how the install dialog shows it. */
export const USER_CONFIG = [
  { key: 'site_url', env: 'ATLASSIAN_SITE_URL', title: 'Atlassian site URL', required: true },
  { key: 'email', env: 'ATLASSIAN_EMAIL', title: 'Email (API-token sign-in)' },
  { key: 'api_token', env: 'ATLASSIAN_API_TOKEN', title: 'API token', sensitive: true },
  { key: 'client_id', env: 'ATLASSIAN_CLIENT_ID', title: 'OAuth client ID (instead of an API token)' },
  { key: 'client_secret', env: 'ATLASSIAN_CLIENT_SECRET', title: 'OAuth client secret', sensitive: true },
  { key: 'modules', env: 'ATLASSIAN_MODULES', title: 'Products', default: 'jira' },
];

export const ENTRY_POINT = 'server/bin/atlassian-mcp.js';

/**
 * Every tool (all toolsets, destructive ones included) and prompt the server offers, asked of the
 * staged server itself over stdio against its embedded sandbox site.
 */
export async function listCapabilities(entry) {
  const env = { ...process.env, ATLASSIAN_TOOLSETS: 'all', ATLASSIAN_ALLOW_DESTRUCTIVE: 'true' };
  for (const k of ['ATLASSIAN_SITE_URL', 'ATLASSIAN_EMAIL', 'ATLASSIAN_API_TOKEN', 'ATLASSIAN_CLIENT_ID'])
    delete env[k];
  const client = new Client({ name: 'atlassian-mcp-bundle', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [entry, '--sandbox'], env, stderr: 'ignore' }),
  );
  try {
    const { tools } = await client.listTools();
    const { prompts } = await client.listPrompts();
    const withText = [];
    for (const p of prompts) {
      const names = (p.arguments ?? []).map((a) => a.name);
      // The host fills ${arguments.<name>} in when the user picks the prompt.
      const args = Object.fromEntries(names.map((n) => [n, `\${arguments.${n}}`]));
      const got = await client.getPrompt({ name: p.name, arguments: args });
      const text = got.messages
        .map((m) => (m.content.type === 'text' ? m.content.text : ''))
        .filter(Boolean)
        .join('\n\n');
      withText.push({ name: p.name, description: p.description ?? '', arguments: names, text });
    }
    return {
      tools: tools.map((t) => ({ name: t.name, description: (t.description ?? '').split('\n')[0] })),
      prompts: withText,
    };
  } finally {
    await client.close();
  }
}

export function bundleManifest(pkg, { tools, prompts }) {
  const vars = setupVariables();
  const user_config = {};
  const env = {};
  for (const u of USER_CONFIG) {
    user_config[u.key] = {
      type: 'string',
      title: u.title,
      description: vars[u.env].description,
      required: u.required === true,
      ...(u.sensitive ? { sensitive: true } : {}),
      // An optional field left empty must reach the server as "" (unset), not as "${user_config.…}".
      ...(u.required ? {} : { default: u.default ?? '' }),
    };
    env[u.env] = `\${user_config.${u.key}}`;
  }
  return {
    manifest_version: '0.3',
    name: pkg.name,
    display_name: 'Atlassian Cloud (Jira, Confluence, Service Management)',
    version: pkg.version,
    description: pkg.description,
    long_description:
      'Lets Claude work in your Atlassian Cloud site: search, read and update Jira issues, comments, ' +
      'worklogs, sprints and more, with rich text kept intact. Sign in with your email and an API token ' +
      '(kept by the app, never in a file), or with an OAuth app. Destructive tools stay off unless enabled.',
    author: { name: 'atlassian-mcp contributors' },
    license: pkg.license,
    keywords: pkg.keywords,
    server: {
      type: 'node',
      entry_point: ENTRY_POINT,
      mcp_config: { command: 'node', args: [`\${__dirname}/${ENTRY_POINT}`], env },
    },
    tools,
    tools_generated: true,
    prompts,
    prompts_generated: true,
    compatibility: {
      platforms: ['darwin', 'win32', 'linux'],
      runtimes: { node: pkg.engines.node.replace(/^>=\s*/, '>=') },
    },
    user_config,
  };
}
