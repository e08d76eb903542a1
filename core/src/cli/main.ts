import 'reflect-metadata';
import { ConfigError, loadConfig, parseConfig, type LoadedConfig } from '@atlassian-mcp/config';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { AtlassianMcpHost, type HostOptions } from '../host/host.js';
import { createMcpServer } from '../host/server-factory.js';
import { StartupError } from '../host/startup-error.js';
import { createLogger } from '../logging/logger.js';
import { boundedStdioTransport } from '../transport/bounded-stdio.js';
import { CORE_VERSION } from '../version.js';
import { parseCliArgs, UsageError, USAGE, type CliArgs } from './args.js';
import { printErr, printOut } from './output.js';
import { humanLogStream } from './human-log.js';

/** What a distribution (the bundled package) hands the CLI: its built-in plugins and prompt files. */
export type Distribution = Pick<HostOptions, 'bundledPlugins' | 'promptDirs'>;

let distribution: Distribution = {};
let command: CliArgs['command'] = 'serve';

/**
 * `serve` logs pino JSON to stderr (the client keeps it); the commands a person runs log readable
 * lines, and only warnings unless a log level was asked for.
 */
function cliLogger(level: string) {
  if (command === 'serve') return createLogger({ level });
  return createLogger({
    level: level === 'info' && !process.env.ATLASSIAN_MCP_LOG_LEVEL ? 'warn' : level,
    destination: humanLogStream(),
  });
}

async function startHost(loaded: LoadedConfig, override?: Record<string, unknown>): Promise<AtlassianMcpHost> {
  const config = override ? parseConfig({ ...loaded.config, ...override }) : loaded.config;
  return AtlassianMcpHost.start({
    ...distribution,
    config,
    baseDir: loaded.baseDir,
    pluginsExplicit: loaded.pluginsExplicit,
    logger: cliLogger(config.logLevel),
  });
}

async function serve(loaded: LoadedConfig): Promise<void> {
  const host = await startHost(loaded);
  host.logger.info({ tools: host.enabledTools().length, skipped: host.skipped }, 'serving MCP over stdio');
  const transport = boundedStdioTransport({
    onOversized: (line) => host.logger.warn(line, 'refused an oversized message'),
  });
  const handle = serveStdio(() => createMcpServer(host), {
    transport,
    onerror: (e) => host.logger.error({ err: e }, 'transport error'),
  });
  const stop = async () => {
    await handle.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdin.once('end', stop);
}

/** `serve --http`: the hosted server (loaded on demand: stdio serving never pays for it). */
async function serveHttp(loaded: LoadedConfig, listen: { port: number; host: string }): Promise<void> {
  const { startHostedServer } = require('../hosted/start-hosted.js') as typeof import('../hosted/start-hosted.js');
  const logger = cliLogger(loaded.config.logLevel);
  const server = await startHostedServer({
    ...distribution,
    config: loaded.config,
    baseDir: loaded.baseDir,
    pluginsExplicit: loaded.pluginsExplicit,
    logger,
    listen,
  });
  printErr(`atlassian-mcp: serving MCP at ${server.settings.resource} (listening on ${server.url})`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function run(args: CliArgs): Promise<number> {
  command = args.command;
  if (args.command === 'help') return (printOut(USAGE), 0);
  if (args.command === 'version') return (printOut(CORE_VERSION), 0);
  // Setup writes a client's config: it needs no server config (a broken one must not stop it).
  if (args.command === 'setup')
    return (require('./setup/setup-command.js') as typeof import('./setup/setup-command.js')).runSetup(args.setup);
  const loaded = await loadConfig({ configPath: args.configPath });
  switch (args.command) {
    case 'serve':
      if (args.http) await serveHttp(loaded, args.http);
      else await serve(loaded);
      return -1; // keep running
    case 'tools': {
      // The other commands load on demand: serving must not pay for the tokenizer and an MCP client.
      const { formatTools, measureTools } = require('./tools-command.js') as typeof import('./tools-command.js');
      const host = await startHost(loaded);
      const everything = args.all
        ? await startHost(loaded, { toolsets: ['all'], allowDestructive: true, readOnly: false, disabledTools: [] })
        : undefined;
      const result = await measureTools(host, everything);
      printOut(args.json ? JSON.stringify(result) : formatTools(result));
      return 0;
    }
    case 'doctor':
      return (require('./doctor-command.js') as typeof import('./doctor-command.js')).runDoctor(
        loaded,
        await startHost(loaded).catch((e: unknown) => e as Error),
        args.json,
      );
    case 'login':
      return (require('./login-command.js') as typeof import('./login-command.js')).runLogin(
        loaded,
        await startHost(loaded),
      );
    case 'logout':
      return (require('./login-command.js') as typeof import('./login-command.js')).runLogout(
        loaded,
        await startHost(loaded),
      );
  }
}

/**
 * The `atlassian-mcp` command. Exits non-zero with a readable message on any start-up problem.
 * Resolves to `'serving'` while the stdio server runs, else to the exit code.
 */
export async function main(argv = process.argv.slice(2), dist: Distribution = {}): Promise<'serving' | number> {
  distribution = dist;
  try {
    const code = await run(parseCliArgs(argv));
    if (code < 0) return 'serving';
    process.exitCode = code;
    return code;
  } catch (e) {
    const known = e instanceof ConfigError || e instanceof StartupError || e instanceof UsageError;
    if (known || (e as Error).name === 'HostedConfigError') printErr((e as Error).message);
    else printErr(`atlassian-mcp: ${(e as Error).message}`);
    process.exitCode = 1;
    return 1;
  }
}

if (require.main === module) void main();
