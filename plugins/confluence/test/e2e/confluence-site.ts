import { createTestHost, type TestHarness } from '@atlassian-mcp/core/testing';
import type { Sandbox } from '@atlassian-mcp/sandbox';
import confluencePlugin from '@atlassian-mcp/plugin-confluence';

// End-to-end calls cross a loopback socket and a real MCP session; on a shared, busy machine the
// 5 s default can pass before a multi-step test ends. This is headroom, not a speed assertion.
jest.setTimeout(30_000);

/** A real MCP client talking to the Confluence plugin, whose site is a fresh sandbox on loopback. */
export interface ConfluenceSite {
  sandbox: Sandbox;
  mcp: TestHarness;
  /** Calls a tool; fails the test with the tool's own error text when it unexpectedly errors. */
  ok(name: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown> }>;
  /** Reads the site's REST API directly (as the admin), to check state after a write. */
  rest<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Calls a tool that must fail; returns its error text. */
  fails(name: string, args?: Record<string, unknown>): Promise<string>;
  /** The sandbox's Confluence requests since the last `clearRequests()` (method + path, no query). */
  wire(): string[];
  close(): Promise<void>;
}

export async function startConfluenceSite(
  options: {
    toolsets?: string[];
    allowDestructive?: boolean;
    allowSpaces?: string[];
    capabilities?: Record<string, unknown>;
    plugin?: Record<string, unknown>;
  } = {},
): Promise<ConfluenceSite> {
  const host = await createTestHost({
    plugins: [confluencePlugin],
    capabilities: options.capabilities,
    config: {
      toolsets: options.toolsets ?? ['confluence:all'],
      allowDestructive: options.allowDestructive ?? false,
      ...(options.allowSpaces && { allow: { spaces: options.allowSpaces } }),
      plugins: { confluence: options.plugin ?? {} },
    },
  });
  return {
    sandbox: host.sandbox,
    mcp: host,
    ok: host.ok,
    rest: host.rest,
    fails: host.fails,
    wire: () => host.sandbox.requests.filter((r) => r.path.startsWith('/wiki/')).map((r) => `${r.method} ${r.path}`),
    close: host.close,
  };
}

/** A seeded page of the sandbox by title. */
export function seededPage(sandbox: Sandbox, title: string): { id: string; spaceId: string; body: string } {
  const page = [...sandbox.site.confluence.contents.values()].find((c) => c.title === title && c.status === 'current');
  if (!page) throw new Error(`no seeded page titled ${title}`);
  return page;
}
