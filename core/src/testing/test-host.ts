import type { AtlassianMcpConfigInput } from '@atlassian-mcp/config';
import type { Sandbox, SandboxOptions } from '@atlassian-mcp/sandbox';
import type { AtlassianMcpPlugin } from '../plugin-api/plugin.js';
import { createTestHarness, type TestHarness } from './harness.js';

/** Options of {@link createTestHost}. */
export interface TestHostOptions {
  /** The plugins under test, as values (`import myPlugin from '../src/index.js'`). */
  plugins: AtlassianMcpPlugin[];
  /** Config as a user would write it; site and credentials are filled in for the sandbox. */
  config?: Omit<AtlassianMcpConfigInput, 'site' | 'auth'>;
  /** Options of the sandbox site (seed, clock, faults…). */
  site?: SandboxOptions;
  /** Client capabilities to advertise (e.g. `{ elicitation: { form: {} } }`). */
  capabilities?: Record<string, unknown>;
}

/** A host serving the plugins to a real MCP client, against a fresh sandbox Atlassian site. */
export interface TestHost extends TestHarness {
  /** The sandbox site: its request log, faults, data and REST API. */
  sandbox: Sandbox;
  /** Calls a tool that must succeed; throws with the tool's own error text otherwise. */
  ok(name: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> }>;
  /** Calls a tool that must fail; returns its error text. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  /** Reads the site's REST API directly, as the site admin (to check state after a write). */
  rest<T = Record<string, unknown>>(path: string): Promise<T>;
}

let sites = 0;

function loadSandbox(): typeof import('@atlassian-mcp/sandbox') {
  try {
    return require('@atlassian-mcp/sandbox') as typeof import('@atlassian-mcp/sandbox');
  } catch (e) {
    throw new Error(
      'createTestHost needs the sandbox site: npm install --save-dev @atlassian-mcp/sandbox (it ships with atlassian-mcp)',
      { cause: e },
    );
  }
}

/**
 * Starts a sandbox Atlassian site and a host serving `plugins` to a real MCP client, signed in
 * to the sandbox with an API token — no credentials to set up. Every toolset is on unless
 * `config.toolsets` says otherwise. Close it after the test.
 */
export async function createTestHost(options: TestHostOptions): Promise<TestHost> {
  const sandbox = await loadSandbox().startSandbox(options.site);
  // Secrets come only from the environment: one variable per site, so parallel hosts never share one.
  const tokenVar = `ATLASSIAN_MCP_TEST_TOKEN_${process.pid}_${++sites}`;
  process.env[tokenVar] = sandbox.credentials.apiToken;
  let harness: TestHarness;
  try {
    harness = await createTestHarness({
      plugins: options.plugins,
      capabilities: options.capabilities,
      config: {
        toolsets: ['all'],
        rateLimit: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 },
        ...options.config,
        // Assets is reached through the API gateway host: the sandbox answers it on its one origin.
        site: { url: sandbox.url, apiGatewayUrl: sandbox.url },
        auth: { type: 'apiToken', email: sandbox.credentials.email, apiToken: { env: tokenVar }, store: 'memory' },
      } as AtlassianMcpConfigInput,
    });
  } catch (e) {
    await sandbox.close();
    delete process.env[tokenVar];
    throw e;
  }
  return {
    ...harness,
    sandbox,
    async ok(name, args = {}) {
      const r = await harness.call(name, args);
      if (r.isError) throw new Error(`${name} failed: ${r.text}`);
      return { text: r.text, structured: r.structured as Record<string, unknown> };
    },
    async fails(name, args = {}) {
      const r = await harness.call(name, args);
      if (!r.isError) throw new Error(`${name} unexpectedly succeeded: ${r.text}`);
      return r.text;
    },
    async rest<T>(path: string): Promise<T> {
      const res = await sandbox.fetch(`${sandbox.url}${path}`, {
        headers: { authorization: sandbox.basicAuth(), accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async close() {
      await harness.close();
      await sandbox.close();
      delete process.env[tokenVar];
    },
  };
}
