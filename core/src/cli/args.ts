import { parseArgs } from 'node:util';

/** Parsed command line. */
export interface CliArgs {
  command: 'serve' | 'tools' | 'doctor' | 'login' | 'logout' | 'help' | 'version';
  configPath?: string;
  all: boolean;
  json: boolean;
}

export const USAGE = `Usage: atlassian-mcp [command] [options]

Commands:
  serve (default)   Serve MCP over stdio
  tools             List the enabled tools and their schema size in tokens (--all: every tool)
  doctor            Report config, plugins, policy, credentials and site access
  login             Sign in with OAuth 2.0 (3LO) and store the tokens
  logout            Forget stored tokens
Options:
  --config PATH     Use this config file instead of searching for atlassian-mcp.config.*
  --sandbox         Run against the embedded sandbox site (no Atlassian account needed)
  --json            Machine-readable output (tools, doctor)
  -h, --help        Show this help
  -v, --version     Print the version`;

export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string' },
      all: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      sandbox: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const first = positionals[0] ?? 'serve';
  const known = ['serve', 'tools', 'doctor', 'login', 'logout', 'help', 'version'] as const;
  if (!(known as readonly string[]).includes(first)) throw new Error(`unknown command "${first}"\n\n${USAGE}`);
  const command = values.help ? 'help' : values.version ? 'version' : (first as CliArgs['command']);
  return { command, configPath: values.config, all: values.all ?? false, json: values.json ?? false };
}
