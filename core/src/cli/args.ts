import { parseArgs } from 'node:util';
import { didYouMean } from '@atlassian-mcp/config';
import { CLIENT_IDS } from './setup/clients.js';
import { SETUP_OPTIONS, type SetupArgs } from './setup/setup-options.js';

/** Parsed command line. */
export interface CliArgs {
  command: 'serve' | 'tools' | 'doctor' | 'login' | 'logout' | 'setup' | 'help' | 'version';
  configPath?: string;
  all: boolean;
  json: boolean;
  /** `setup`'s options. */
  setup: SetupArgs;
  /** `serve --http`: streamable HTTP for a team (hosted mode) instead of stdio. */
  http?: { port: number; host: string };
}

export const USAGE = `Usage: atlassian-mcp [command] [options]

Commands:
  serve (default)   Serve MCP over stdio (--http: over streamable HTTP for a team, each user signed in)
  tools             List the enabled tools and their schema size in tokens (--all: every tool)
  doctor            Report config, plugins, policy, credentials and site access
  login             Sign in with OAuth 2.0 (3LO) and store the tokens
  logout            Forget stored tokens
  setup             Print (or --write) an MCP client's config for this server (setup --help)
Options:
  --config PATH     Use this config file instead of searching for atlassian-mcp.config.*
  --http            serve: streamable HTTP with OAuth sign-in per user (hosted mode)
  --port N          serve --http: port to listen on (default 3000)
  --host ADDR       serve --http: address to listen on (default 127.0.0.1)
  --sandbox         Run against the embedded sandbox site (no Atlassian account needed)
  --json            Machine-readable output (tools, doctor)
  -h, --help        Show this help
  -v, --version     Print the version`;

const OPTIONS = {
  config: { type: 'string' },
  all: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  sandbox: { type: 'boolean', default: false },
  http: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  ...SETUP_OPTIONS,
} as const;
const COMMANDS = ['serve', 'tools', 'doctor', 'login', 'logout', 'setup', 'help', 'version'] as const;

/** A command line the CLI cannot run: the message says what was wrong and where to look. */
export class UsageError extends Error {
  constructor(problem: string) {
    super(`atlassian-mcp: ${problem}\nRun \`atlassian-mcp --help\` to see the commands and options.`);
    this.name = 'UsageError';
  }
}

/** Node's parseArgs errors, said for a person (its own text names internals such as "positional"). */
function usageProblem(e: unknown): UsageError {
  const err = e as { code?: string; message?: string };
  const option = /'(-[^']*)'/.exec(err.message ?? '')?.[1] ?? '';
  const flags = Object.entries(OPTIONS).flatMap(([name, o]) => ['--' + name, ...('short' in o ? ['-' + o.short] : [])]);
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${option.split('=')[0]}${didYouMean(option.split('=')[0]!, flags)}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(
        /argument missing/.test(err.message ?? '')
          ? `option ${option.split(' ')[0]} needs a value, e.g. --config ./atlassian-mcp.config.json`
          : `option ${option.split(' ')[0]} takes no value`,
      );
    default:
      return new UsageError(err.message ?? String(e));
  }
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>
  >;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    throw usageProblem(e);
  }
  const { values, positionals } = parsed;
  const first = positionals[0] ?? 'serve';
  if (!(COMMANDS as readonly string[]).includes(first))
    throw new UsageError(`unknown command "${first}"${didYouMean(first, COMMANDS)}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  rejectSetupOnly(values, first);
  const command =
    values.help && first !== 'setup' ? 'help' : values.version ? 'version' : (first as CliArgs['command']);
  return {
    command,
    configPath: values.config,
    all: values.all ?? false,
    json: values.json ?? false,
    setup: setupArgs(values, command === 'setup' && values.help === true),
    http: httpArgs(values, command),
  };
}

/** `serve --http`'s listening address, checked. */
function httpArgs(values: Record<string, string | boolean | undefined>, command: string): CliArgs['http'] {
  if ((values.port !== undefined || values.host !== undefined) && !values.http)
    throw new UsageError('--port and --host go with serve --http');
  if (!values.http) return undefined;
  if (command !== 'serve') throw new UsageError('--http goes with the serve command');
  const port = Number(values.port ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (0-65535), not "${String(values.port)}"`);
  return { port, host: typeof values.host === 'string' ? values.host : '127.0.0.1' };
}

/** An option only `setup` reads, given to another command, is a mistake to say, not to ignore. */
function rejectSetupOnly(values: Record<string, string | boolean | undefined>, first: string): void {
  if (first === 'setup') return;
  const given = Object.keys(SETUP_OPTIONS).find((k) => values[k] !== undefined && values[k] !== false);
  if (given) throw new UsageError(`--${given} is an option of \`setup\`, not of \`${first}\``);
}

/** `setup`'s options, checked; non-secret values default to the environment, secrets never do. */
function setupArgs(values: Record<string, string | boolean | undefined>, help: boolean): SetupArgs {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const client = help ? undefined : str('client');
  if (client !== undefined && !(CLIENT_IDS as readonly string[]).includes(client))
    throw new UsageError(
      `unknown client "${client}"${didYouMean(client, CLIENT_IDS)}; one of ${CLIENT_IDS.join(', ')}`,
    );
  const auth = str('auth') ?? (str('client-id') || str('client-secret') ? 'oauth' : 'api-token');
  if (auth !== 'api-token' && auth !== 'oauth')
    throw new UsageError(`--auth is api-token or oauth, not "${auth}"${didYouMean(auth, ['api-token', 'oauth'])}`);
  const env = process.env;
  return {
    client,
    write: values.write === true,
    file: str('file'),
    auth,
    site: str('site') ?? env.ATLASSIAN_SITE_URL,
    email: str('email') ?? env.ATLASSIAN_EMAIL,
    clientId: str('client-id') ?? env.ATLASSIAN_CLIENT_ID,
    modules: str('modules') ?? env.ATLASSIAN_MODULES,
    apiToken: str('api-token'),
    clientSecret: str('client-secret'),
    installed: values.installed === true,
    name: str('name') ?? 'atlassian',
  };
}
