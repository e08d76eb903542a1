import { parseArgs } from 'node:util';
import { didYouMean } from '@atlassian-mcp/config';

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

const OPTIONS = {
  config: { type: 'string' },
  all: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  sandbox: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;
const COMMANDS = ['serve', 'tools', 'doctor', 'login', 'logout', 'help', 'version'] as const;

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
  const command = values.help ? 'help' : values.version ? 'version' : (first as CliArgs['command']);
  return { command, configPath: values.config, all: values.all ?? false, json: values.json ?? false };
}
