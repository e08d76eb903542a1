import { CLIENT_IDS } from './clients.js';
import type { SetupValues } from './server-entry.js';

// Kept apart from the command: the CLI parses these on every start, and must not load what setup uses.

/** `setup`'s command line. */
export interface SetupArgs extends SetupValues {
  client?: string;
  write: boolean;
  file?: string;
}

/** The options only `setup` reads (merged into the CLI's option table). */
export const SETUP_OPTIONS = {
  client: { type: 'string' },
  write: { type: 'boolean', default: false },
  file: { type: 'string' },
  site: { type: 'string' },
  email: { type: 'string' },
  auth: { type: 'string' },
  'client-id': { type: 'string' },
  modules: { type: 'string' },
  'api-token': { type: 'string' },
  'client-secret': { type: 'string' },
  installed: { type: 'boolean', default: false },
  name: { type: 'string' },
} as const;

export const SETUP_USAGE = `Usage: atlassian-mcp setup --client <id> [--write] [options]

Prints the config an MCP client needs to start atlassian-mcp; with --write, merges it into the
client's config file (the diff is shown, the old file is kept as <file>.bak-<time>).

Clients: ${CLIENT_IDS.join(', ')}
Options:
  --write              Merge into the client's config file instead of printing
  --site URL           Your site (default: ATLASSIAN_SITE_URL, else a placeholder)
  --email ADDRESS      Account email for API-token auth (default: ATLASSIAN_EMAIL)
  --auth api-token|oauth   Which credentials the entry carries (default api-token)
  --client-id ID       OAuth app client id (default: ATLASSIAN_CLIENT_ID)
  --modules LIST       ATLASSIAN_MODULES, e.g. jira,confluence
  --api-token TOKEN    Write this token into the file (default: a reference the client resolves,
  --client-secret S      or a placeholder to replace; secrets are never read from the environment)
  --installed          Start this installed copy (absolute paths) instead of \`npx -y atlassian-mcp\`
  --name NAME          Server name in the client (default atlassian)
  --file PATH          Use this config file instead of the client's usual one`;
