import { Client } from '@modelcontextprotocol/client';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { DependencyContainer } from 'tsyringe';
import { parseConfig, type AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import type { AtlassianMcpPlugin } from '../plugin-api/plugin.js';
import { AtlassianMcpHost } from '../host/host.js';
import { createMcpServer } from '../host/server-factory.js';
import { createLogger, type Logger } from '../logging/logger.js';
import type { HttpAndAuthOverrides } from '../http/register.js';

/** Options of {@link createTestHarness}. */
export interface TestHarnessOptions {
  /** Plugins under test, as values. */
  plugins?: AtlassianMcpPlugin[];
  /** Config (as a user would write it); audit is off unless set. */
  config?: AtlassianMcpConfigInput;
  /** Where relative plugin paths in `config.plugins` resolve from. */
  baseDir?: string;
  /** Replacements for core's HTTP/auth defaults: e.g. `{ fetch: sandbox.fetch, credentialStore: new MemoryCredentialStore() }`. */
  services?: HttpAndAuthOverrides;
  /** Adjust the root container (e.g. inject the sandbox's in-process fetch, a memory credential store). */
  configureContainer?: (root: DependencyContainer) => void;
  /** Client capabilities to advertise (e.g. `{ elicitation: { form: {} } }`). */
  capabilities?: Record<string, unknown>;
  /** Protocol revision to pin the client to (e.g. `'2026-07-28'`); default: the 2025 handshake. */
  protocolVersion?: string;
  /** Prompt-file directories (default: the distribution's `prompts/`). */
  promptDirs?: string[];
  logger?: Logger;
}

/** A real MCP client connected in memory to a real server built by the host. */
export interface TestHarness {
  client: Client;
  host: AtlassianMcpHost;
  /** Calls a tool and returns the result (text of the first content block as `text`). */
  call(
    name: string,
    args?: Record<string, unknown>,
  ): Promise<{ isError: boolean; text: string; structured: unknown; raw: unknown }>;
  close(): Promise<void>;
}

/**
 * Starts a host with the given plugins and config, builds the MCP server and connects an SDK
 * `Client` over an in-memory transport pair. For plugin authors' tests and ours.
 */
export async function createTestHarness(options: TestHarnessOptions = {}): Promise<TestHarness> {
  // Tests run signed in (API-token mode) unless they ask for OAuth, so tools are offered at once.
  const given = options.config ?? {};
  const input = {
    audit: { enabled: false },
    ...given,
    auth: { type: 'apiToken', ...(given.auth ?? {}) },
  } as AtlassianMcpConfigInput;
  const config = parseConfig(input);
  const host = await AtlassianMcpHost.start({
    config,
    plugins: options.plugins,
    pluginsExplicit: options.config?.plugins !== undefined,
    baseDir: options.baseDir,
    logger: options.logger ?? createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    configureContainer: options.configureContainer,
    promptDirs: options.promptDirs,
    services: options.services,
  });
  const server = createMcpServer(host);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  // The stdio entry point over an in-memory pipe: the same era decision (2025 handshake or
  // 2026-07-28) as the real server makes.
  const served = serveStdio(() => server, { transport: serverTransport });
  const client = new Client({ name: 'test-harness', version: '1.0.0' }, {
    capabilities: (options.capabilities ?? {}) as never,
    ...(options.protocolVersion ? { versionNegotiation: { mode: { pin: options.protocolVersion } } } : {}),
  } as never);
  await client.connect(clientTransport);
  return {
    client,
    host,
    async call(name, args = {}) {
      const raw = (await client.callTool({ name, arguments: args })) as {
        isError?: boolean;
        content?: { type: string; text?: string }[];
        structuredContent?: unknown;
      };
      const text = (raw.content ?? [])
        .filter((c) => c.type === 'text')
        .map((c) => c.text ?? '')
        .join('\n');
      return { isError: raw.isError === true, text, structured: raw.structuredContent, raw };
    },
    async close() {
      await client.close();
      await served.close();
      await server.close();
      await host.close();
    },
  };
}
