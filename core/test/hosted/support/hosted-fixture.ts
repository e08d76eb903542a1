// An in-process hosted server against a sandbox site (with its OAuth 3LO and refresh-token
// rotation), with Redis or the in-memory store.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import jiraPlugin from '@atlassian-mcp/plugin-jira';
import { startSandbox, type Sandbox, type SandboxOptions } from '@atlassian-mcp/sandbox';
import { createLogger } from '../../../src/logging/logger';
import { startHostedServer, type HostedServer } from '../../../src/hosted/start-hosted';

export interface HostedFixture {
  sandbox: Sandbox;
  server: HostedServer;
  /** `<url>/mcp` */
  mcpUrl: string;
  auditFile: string;
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export const newVaultKeys = () => `k1:${randomBytes(32).toString('base64')}`;

/** The env and config a hosted server needs to sign users in to `sandbox`. */
export function hostedConfig(sandbox: Sandbox, extra: AtlassianMcpConfigInput = {}, auditFile?: string) {
  return parseConfig({
    site: { url: sandbox.url!, apiGatewayUrl: sandbox.url!, authUrl: sandbox.url! },
    auth: { type: 'oauth', oauth: { clientId: sandbox.credentials.oauth.clientId } },
    toolsets: ['all'],
    audit: auditFile ? { enabled: true, file: auditFile } : { enabled: false },
    rateLimit: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 50, maxWaitMs: 10_000 },
    logLevel: 'silent',
    ...extra,
  });
}

export async function startHostedFixture(
  options: {
    redisUrl?: string;
    config?: AtlassianMcpConfigInput;
    site?: SandboxOptions;
    vaultKeys?: string;
    /** The server's outbound fetch (Atlassian, client metadata documents); default: global fetch. */
    fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  } = {},
): Promise<HostedFixture> {
  const sandbox = await startSandbox({ ...options.site });
  const dir = mkdtempSync(join(tmpdir(), 'amcp-hosted-'));
  const auditFile = join(dir, 'audit.jsonl');
  const env: NodeJS.ProcessEnv = {
    ATLASSIAN_CLIENT_SECRET: sandbox.credentials.oauth.clientSecret,
    ...(options.redisUrl ? { ATLASSIAN_MCP_REDIS_URL: options.redisUrl } : {}),
    ATLASSIAN_MCP_VAULT_KEYS: options.vaultKeys ?? newVaultKeys(),
  };
  let server: HostedServer;
  try {
    server = await startHostedServer({
      config: hostedConfig(sandbox, options.config, auditFile),
      listen: { host: '127.0.0.1', port: 0 },
      env,
      plugins: [jiraPlugin],
      ...(options.fetch ? { services: { fetch: options.fetch } } : {}),
      logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
  } catch (e) {
    await sandbox.close();
    throw e;
  }
  return {
    sandbox,
    server,
    mcpUrl: `${server.url}/mcp`,
    auditFile,
    env,
    async close() {
      await server.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
