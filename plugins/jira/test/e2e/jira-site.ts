import { createTestHarness, type TestHarness } from '@atlassian-mcp/core/testing';
import { startSandbox, type Sandbox } from '@atlassian-mcp/sandbox';
import jiraPlugin from '@atlassian-mcp/plugin-jira';

// End-to-end calls cross a loopback socket and a real MCP session; on a shared, busy machine the
// 5 s default can pass before a multi-step test ends. This is headroom, not a speed assertion.
jest.setTimeout(30_000);

/** A real MCP client talking to the Jira plugin, whose site is a fresh sandbox on loopback. */
export interface JiraSite {
  sandbox: Sandbox;
  mcp: TestHarness;
  /** Calls a tool; fails the test with the tool's own error text when it unexpectedly errors. */
  ok(name: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> }>;
  /** Reads the site's REST API directly (as the admin), to check state after a write. */
  rest<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Calls a tool that must fail; returns its error text. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

let tokenVar = 0;

export async function startJiraSite(
  options: {
    toolsets?: string[];
    allowDestructive?: boolean;
    allowProjects?: string[];
    capabilities?: Record<string, unknown>;
    plugin?: Record<string, unknown>;
  } = {},
): Promise<JiraSite> {
  const sandbox = await startSandbox();
  // Each site gets its own variable: suites run in one process and must not see each other's token.
  const env = `JIRA_SANDBOX_TOKEN_${++tokenVar}_${process.pid}`;
  process.env[env] = sandbox.credentials.apiToken;
  const mcp = await createTestHarness({
    plugins: [jiraPlugin],
    capabilities: options.capabilities,
    config: {
      site: { url: sandbox.url },
      auth: { type: 'apiToken', email: sandbox.credentials.email, apiToken: { env }, store: 'memory' },
      toolsets: options.toolsets ?? ['jira:all'],
      allowDestructive: options.allowDestructive ?? false,
      ...(options.allowProjects && { allow: { projects: options.allowProjects } }),
      rateLimit: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 },
      plugins: { jira: options.plugin ?? {} },
    },
  });
  return {
    sandbox,
    mcp,
    async ok(name, args = {}) {
      const r = await mcp.call(name, args);
      if (r.isError) throw new Error(`${name} failed: ${r.text}`);
      return { text: r.text, structured: r.structured as Record<string, unknown> };
    },
    async rest<T>(path: string): Promise<T> {
      const res = await sandbox.fetch(`${sandbox.url}${path}`, {
        headers: { authorization: sandbox.basicAuth(), accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async fails(name, args = {}) {
      const r = await mcp.call(name, args);
      if (!r.isError) throw new Error(`${name} unexpectedly succeeded: ${r.text}`);
      return r.text;
    },
    async close() {
      await mcp.close();
      await sandbox.close();
      delete process.env[env];
    },
  };
}
