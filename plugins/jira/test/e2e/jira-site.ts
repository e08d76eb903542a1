import { createTestHost, type TestHarness } from '@atlassian-mcp/core/testing';
import type { Sandbox } from '@atlassian-mcp/sandbox';
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

export async function startJiraSite(
  options: {
    toolsets?: string[];
    allowDestructive?: boolean;
    allowProjects?: string[];
    capabilities?: Record<string, unknown>;
    plugin?: Record<string, unknown>;
    /** Local directories tools may read from and write into (`files.allowedDirs`). */
    allowedDirs?: string[];
  } = {},
): Promise<JiraSite> {
  const host = await createTestHost({
    plugins: [jiraPlugin],
    capabilities: options.capabilities,
    config: {
      toolsets: options.toolsets ?? ['jira:all'],
      allowDestructive: options.allowDestructive ?? false,
      ...(options.allowProjects && { allow: { projects: options.allowProjects } }),
      ...(options.allowedDirs && { files: { allowedDirs: options.allowedDirs } }),
      plugins: { jira: options.plugin ?? {} },
    },
  });
  return { sandbox: host.sandbox, mcp: host, ok: host.ok, rest: host.rest, fails: host.fails, close: host.close };
}
